/** The site's icon as PNGs, drawn from its SVG (src/site/favicon.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { PNG_ICONS, faviconPng } from '../site/favicon.ts';
import { siteModel } from '../site/model.ts';

export const getStaticPaths = (() => Object.entries(PNG_ICONS).map(([icon, pixels]) => ({ params: { icon }, props: { pixels } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ pixels: number }> = async ({ props }) =>
  new Response(new Uint8Array(await faviconPng(siteModel().project.publisher.shortName, props.pixels)), { headers: { 'Content-Type': 'image/png' } });
