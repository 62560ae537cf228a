/**
 * Every PDF of the site, in the live preview only, drawn when asked for (src/site/pdf-facts.ts).
 * In a build, the pipeline has written every PDF into the output before the pages are built
 * (src/build/pipeline.ts), so this route makes no file there.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { handedOver } from '../site/handoff.ts';
import { siteModel } from '../site/model.ts';
import { livePdf } from '../site/pdf-facts.ts';
import { sitePdfs } from '../site/site-pdfs.ts';

export const getStaticPaths = (() => (handedOver() ? [] : [...sitePdfs(siteModel())].map(({ name }) => ({ params: { pdf: name.replace(/\.pdf$/, '') } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { rendered } = await livePdf(siteModel(), `${params.pdf!}.pdf`);
  return new Response(rendered.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/pdf' } });
};
