/** One service's Atom feed: its published inspections, newest first (src/site/feeds.ts); in Welsh too for a service whose reports are published in Welsh. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { reportsPageKey } from '../../../../site/page-keys.ts';
import type { Site } from '../../../../site/site.ts';
import { hasServiceFeed, serviceFeed } from '../../../../site/feeds.ts';
import { servicesWithInspections } from '../../../../site/paths.ts';
import { inEveryLanguage, pageLanguage } from '../../../../site/languages.ts';
import { pdfMade } from '../../../../site/pdf-facts.ts';
import { DEFAULT_SITE_URL } from '../../../../site/site-url.ts';

/** The site, and which PDFs it has: a Welsh entry's PDF is the English one until the Welsh one is made. */
const withPdfs = (site: Site) => ({ ...site, pdfMade: (name: string) => pdfMade(site, name) });

// No feed for a service whose only reports are known by their year alone: an entry needs a day.
export const getStaticPaths = (() => inEveryLanguage(({ inspections }) => servicesWithInspections(inspections).filter(({ service }) => hasServiceFeed(inspections, service.slug)).map(({ service, inspections: reports }) => ({ params: { slug: service.slug }, cacheKey: reportsPageKey(reports) })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  new Response(serviceFeed(withPdfs(pageLanguage(params.lang).site), params.slug!, site ?? new URL(DEFAULT_SITE_URL)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
