/** One service's Atom feed: its published inspections, newest first (src/site/feeds.ts); in Welsh too for a service whose reports are published in Welsh. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { serviceFeed } from '../../../../site/feeds.ts';
import { servicesWithInspections } from '../../../../site/paths.ts';
import { inEveryLanguage, pageLanguage } from '../../../../site/languages.ts';
import { DEFAULT_SITE_URL } from '../../../../site/site-url.ts';

export const getStaticPaths = (() => inEveryLanguage(({ inspections }) => servicesWithInspections(inspections).map(({ service }) => ({ params: { slug: service.slug } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  new Response(serviceFeed(pageLanguage(params.lang).site, params.slug!, site ?? new URL(DEFAULT_SITE_URL)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
