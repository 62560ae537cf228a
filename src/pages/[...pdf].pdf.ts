/**
 * Every PDF of the site, in the live preview only, drawn when asked for (src/site/pdf-facts.ts).
 * In a build, the pipeline has written every PDF into the output before the pages are built
 * (src/build/pipeline.ts), so this route makes no file there.
 */
import fs from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { handedOver } from '../site/handoff.ts';
import { siteModel } from '../site/model.ts';
import { livePdf } from '../site/pdf-facts.ts';
import { sitePdfs } from '../site/site-pdfs.ts';
import { earlierVersions } from '../site/earlier-versions.ts';

/** In the live preview, the earlier versions of corrected reports too: the kept files, as they are. */
const earlierPdfs = () => siteModel().inspections.flatMap((inspection) => earlierVersions(inspection));

export const getStaticPaths = (() =>
  handedOver() ? [] : [...[...sitePdfs(siteModel())].map(({ name }) => name), ...earlierPdfs().map(({ name }) => name)].map((name) => ({ params: { pdf: name.replace(/\.pdf$/, '') } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const earlier = earlierPdfs().find((v) => v.name === `${params.pdf!}.pdf`);
  if (earlier) return new Response(new Uint8Array(fs.readFileSync(earlier.file)), { headers: { 'Content-Type': 'application/pdf' } });
  const { rendered } = await livePdf(siteModel(), `${params.pdf!}.pdf`);
  return new Response(rendered.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/pdf' } });
};
