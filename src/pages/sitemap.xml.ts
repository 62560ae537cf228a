/** The sitemap: every public page, written from the site model (src/site/paths.ts), so no draft or embargoed report can be listed. */
import type { APIRoute } from 'astro';
import { siteModel } from '../site/model.ts';
import { sitemapXml } from '../site/feeds.ts';
import { publicPages } from '../site/public-pages.ts';
import { DEFAULT_SITE_URL } from '../site/site-url.ts';

export const GET: APIRoute = ({ site }) => new Response(sitemapXml(publicPages(siteModel()), site ?? new URL(DEFAULT_SITE_URL)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
