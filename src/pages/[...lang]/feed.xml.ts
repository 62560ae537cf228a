/**
 * The Atom feed of published reports, newest first (src/site/feeds.ts): for journalists, analysts and
 * anyone who subscribes. In each language (src/site/languages.ts): /feed.xml and /cy/feed.xml.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Site } from '../../site/site.ts';
import { atomFeed } from '../../site/feeds.ts';
import { inEveryLanguage, pageLanguage } from '../../site/languages.ts';
import { pdfMade } from '../../site/pdf-facts.ts';
import { DEFAULT_SITE_URL } from '../../site/site-url.ts';

/** The site, and which PDFs it has: a Welsh entry's PDF is the English one until the Welsh one is made. */
const withPdfs = (site: Site) => ({ ...site, pdfMade: (name: string) => pdfMade(site, name) });

export const getStaticPaths = (() => inEveryLanguage(() => [{}])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => new Response(atomFeed(withPdfs(pageLanguage(params.lang).site), site ?? new URL(DEFAULT_SITE_URL)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
