/**
 * The address the site is published at, for canonical URLs, Open Graph tags, the feed and the
 * sitemap: SITE_URL when set (such as https://reports.example.gov.uk/), else a placeholder on the
 * reserved .example domain that can never be mistaken for a real address. No imports:
 * astro.config.mjs loads this file.
 */
export const DEFAULT_SITE_URL = 'https://reports.example/';

export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const url = env.SITE_URL?.trim();
  if (!url) return DEFAULT_SITE_URL;
  // Pages link to each other from the root ("/inspections/"), so the site is served from one.
  const parsed = new URL(url);
  if (parsed.pathname !== '/') throw new Error(`SITE_URL must be the site's root address, such as ${parsed.origin}/, not ${url}`);
  return `${parsed.origin}/`;
}
