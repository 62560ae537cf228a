/** One service's Atom feed: its published inspections, newest first (src/site/feeds.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../../../site/model.ts';
import { serviceFeed } from '../../../../site/feeds.ts';
import { servicesWithInspections } from '../../../../site/paths.ts';
import { DEFAULT_SITE_URL } from '../../../../site/site-url.ts';

export const getStaticPaths = (() => servicesWithInspections(siteModel().inspections).map(({ service }) => ({ params: { slug: service.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  new Response(serviceFeed(siteModel(), params.slug!, site ?? new URL(DEFAULT_SITE_URL)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
