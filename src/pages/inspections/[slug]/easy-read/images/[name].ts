/** The pictures of each easy-read version, normalised by sharp (as squares on white) exactly as its PDF embeds them. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ImageRef } from '../../../../../document/blocks.ts';
import { normaliseImage } from '../../../../../document/images.ts';
import { easyReadFor, easyReadSlugs } from '../../../../../site/reports.ts';

export const getStaticPaths = (() =>
  easyReadSlugs('inspection').flatMap((slug) => easyReadFor('inspection', slug).images.map((image) => ({ params: { slug, name: image.name }, props: { image } })))) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: ImageRef }> = async ({ props }) => {
  const { data, format } = await normaliseImage(props.image);
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': `image/${format}` } });
};
