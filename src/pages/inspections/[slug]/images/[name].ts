/** The pictures of each public report, normalised by sharp exactly as the PDF embeds them. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ImageRef } from '../../../../document/blocks.ts';
import { normaliseImage } from '../../../../document/images.ts';
import { siteModel } from '../../../../site/model.ts';
import { reportFor } from '../../../../site/reports.ts';

export const getStaticPaths = (() =>
  siteModel().inspections.flatMap((inspection) =>
    reportFor(inspection.slug).images.map((image) => ({ params: { slug: inspection.slug, name: image.name }, props: { image } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: ImageRef }> = async ({ props }) => {
  const { data, format } = await normaliseImage(props.image);
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': `image/${format}` } });
};
