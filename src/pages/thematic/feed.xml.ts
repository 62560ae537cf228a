/** The Atom feed of the series of thematic reports, newest first (src/site/feeds.ts). */
import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { thematicFeed } from '../../site/feeds.ts';
import { DEFAULT_SITE_URL } from '../../site/site-url.ts';

export const GET: APIRoute = ({ site }) => new Response(thematicFeed(siteModel(), site ?? new URL(DEFAULT_SITE_URL)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
