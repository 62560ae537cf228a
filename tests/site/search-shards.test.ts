/** Which shard of the search index each page is in, and which shards each language's search page merges (src/site/search-shards.ts). */
import { describe, expect, it } from 'vitest';
import { langOfFile, searchShards, shardCount, shardOf } from '../../src/site/search-shards.ts';
import type { Site } from '../../src/site/site.ts';

/** Just what searchShards reads of a site in one language. */
const siteIn = (lang: 'en' | 'cy', inspections: string[], thematics: string[] = [], years: string[] = []) =>
  ({ project: { lang }, inspections: inspections.map((slug) => ({ slug })), thematics: thematics.map((slug) => ({ slug })), annualReports: years.map((year) => ({ year })) }) as unknown as Site;

const slugs = (n: number) => Array.from({ length: n }, (_, i) => `service-${i}-2024`);

describe('the search index’s shards', () => {
  it('are a power of two, one more doubling for each doubling of the public inspections past 200, up to 32', () => {
    expect([0, 1, 200, 201, 400, 401, 800, 801, 1000, 1600, 3200, 3201, 6400, 6401, 10_000, 100_000].map(shardCount)).toEqual([1, 1, 1, 2, 2, 4, 4, 8, 8, 8, 16, 32, 32, 32, 32, 32]);
  });

  it('put every page of one report in the same shard, whatever its language or version, and the same in every build', () => {
    for (const count of [2, 4, 32]) {
      for (const slug of slugs(50)) {
        const pages = [`inspections/${slug}/index.html`, `inspections/${slug}/easy-read/index.html`, `cy/inspections/${slug}/index.html`, `cy/inspections/${slug}/easy-read/index.html`];
        expect(new Set(pages.map((page) => shardOf(page, count))).size, slug).toBe(1);
      }
      expect(shardOf('thematic/a/report/index.html', count)).toBe(shardOf('cy/thematic/a/index.html', count));
    }
    // A pure function of the address (pinned, so a change of it is seen: it would index every shard again).
    expect(slugs(8).map((slug) => shardOf(`inspections/${slug}/index.html`, 4))).toEqual([3, 2, 0, 3, 0, 1, 2, 2]);
  });

  it('spread the reports about evenly', () => {
    const count = shardCount(1000);
    const sizes = Array.from({ length: count }, () => 0);
    for (const slug of slugs(1000)) sizes[shardOf(`inspections/${slug}/index.html`, count)]! += 1;
    for (const size of sizes) expect(Math.abs(size - 1000 / count)).toBeLessThan(60);
  });

  it('lists for each language the shards that hold its pages, and only those', () => {
    const english = slugs(1000);
    const welsh = english.slice(0, 2);
    const shards = searchShards([siteIn('en', english, ['youth-thematic'], ['2024']), siteIn('cy', welsh)]);
    expect(shards.count).toBe(8);
    const holding = (pages: string[]) => [...new Set(pages.map((page) => shardOf(page, shards.count)))].sort();
    expect(shards.byLang.en).toEqual(holding([...english.map((s) => `inspections/${s}/index.html`), 'thematic/youth-thematic/index.html', 'annual-reports/2024/index.html', 'recommendations-tracker/index.html']));
    expect(shards.byLang.cy).toEqual(holding(welsh.map((s) => `cy/inspections/${s}/index.html`)));
    expect(shards.byLang.cy.length).toBeLessThanOrEqual(welsh.length);
    expect(langOfFile('cy/inspections/a/index.html')).toBe('cy');
    expect(langOfFile('inspections/cymru/index.html')).toBe('en');
  });
});
