/** robots.txt: points search engines at the sitemap; a preview build that includes drafts asks them to stay away altogether. */
import type { APIRoute } from 'astro';
import { includesDrafts } from '../site/model.ts';
import { paths } from '../site/paths.ts';
import { DEFAULT_SITE_URL } from '../site/site-url.ts';

export const GET: APIRoute = ({ site }) => {
  const body = includesDrafts() ? 'User-agent: *\nDisallow: /\n' : `User-agent: *\nAllow: /\n\nSitemap: ${new URL(paths.sitemap, site ?? DEFAULT_SITE_URL).href}\n`;
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
