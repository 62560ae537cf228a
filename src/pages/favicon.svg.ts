/** The site's icon (src/site/favicon.ts). */
import type { APIRoute } from 'astro';
import { faviconSvg } from '../site/favicon.ts';
import { siteModel } from '../site/model.ts';

export const GET: APIRoute = () => new Response(faviconSvg(siteModel().project.publisher.shortName), { headers: { 'Content-Type': 'image/svg+xml' } });
