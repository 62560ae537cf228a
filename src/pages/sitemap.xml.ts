/**
 * The sitemap: every public page in every language, with its alternates in the other languages,
 * written from the site model (src/site/public-pages.ts), so no draft or embargoed report can be listed.
 */
import type { APIRoute } from 'astro';
import { sitemapXml } from '../site/feeds.ts';
import { alternatesOf, publicPagesInEveryLanguage } from '../site/public-pages.ts';
import { DEFAULT_SITE_URL } from '../site/site-url.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(sitemapXml(publicPagesInEveryLanguage().map((page) => ({ ...page, alternates: alternatesOf(page.path) })), site ?? new URL(DEFAULT_SITE_URL)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
