/** The Atom feed of published reports, newest first (src/site/feeds.ts): for journalists, analysts and anyone who subscribes. */
import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { atomFeed } from '../../site/feeds.ts';
import { DEFAULT_SITE_URL } from '../../site/site-url.ts';

export const GET: APIRoute = ({ site }) => new Response(atomFeed(siteModel(), site ?? new URL(DEFAULT_SITE_URL)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
