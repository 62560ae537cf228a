/** The Atom feed and the sitemap as XML: hostile text in content stays text, and the layout is the one readers' tools have always had. */
import { describe, expect, it } from 'vitest';
import type { Project, Thematic } from '../../src/model/project.ts';
import path from 'node:path';
import { atomFeed, sitemapXml } from '../../src/site/feeds.ts';
import { ContentReader } from '../../src/check/content-reader.ts';
import { DiagnosticList } from '../../src/check/diagnostics.ts';
import { loadMessages } from '../../src/check/messages.ts';

const site = new URL('https://reports.example/');
const publisher = { shortName: 'HMI & Co', name: 'Inspectorate "of" <Things>', website: 'https://example.org/?a=1&b=2', copyrightHolder: 'Crown', licence: { name: 'Open Government Licence v3.0', url: 'https://example.org/ogl' } };
const thematic = (slug: string, title: string, published: string) =>
  ({ slug, source: { title, published, summary: 'Knives & <script>alert(1)</script>.', fictional: true, corrections: [] } }) as unknown as Thematic;
// The tool's words in the feed are the project's messages (templates/messages).
const messages = loadMessages(new ContentReader(path.resolve(import.meta.dirname, '../..'), new DiagnosticList()));
const feedOf = (thematics: Thematic[], lang: 'en' | 'cy' = 'en') => atomFeed({ project: { publisher, lang, messages } as unknown as Project, inspections: [], thematics, buildDate: '2026-01-01' }, site);

describe('the Atom feed', () => {
  it('escapes markup and ampersands in content, so a title or summary can never become an element', () => {
    const feed = feedOf([thematic('knives', 'Knives & <script>alert(1)</script>', '2025-03-01')]);
    expect(feed).not.toContain('<script');
    expect(feed).toContain('<title>Knives &#x26; &#x3C;script>alert(1)&#x3C;/script></title>');
    expect(feed).toContain('<summary>Knives &#x26; &#x3C;script>alert(1)&#x3C;/script>. A fictional sample report.</summary>');
    expect(feed).toContain('<title>Inspection reports – HMI &#x26; Co</title>');
    expect(feed).toContain('<author><name>Inspectorate "of" &#x3C;Things></name><uri>https://example.org/?a=1&#x26;b=2</uri></author>');
  });

  it('escapes quotes and ampersands in attributes', () => {
    const feed = feedOf([thematic('a&b', 'A', '2025-03-01')]);
    expect(feed).toContain('<link rel="alternate" type="text/html" href="https://reports.example/thematic/a&#x26;b/"/>');
  });

  it('writes one element a line, indented two spaces a level, newest entry first and dated by it', () => {
    const feed = feedOf([thematic('older', 'Older', '2024-05-01'), thematic('newer', 'Newer', '2025-03-01')]);
    const lines = feed.split('\n');
    expect(lines.slice(0, 3)).toEqual(['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">', '  <title>Inspection reports – HMI &#x26; Co</title>']);
    expect(lines).toContain('  <updated>2025-03-01T00:00:00Z</updated>');
    expect(lines.filter((line) => line.startsWith('    <title>'))).toEqual(['    <title>Newer</title>', '    <title>Older</title>']);
    expect(lines).toContain('    <category term="thematic" label="Thematic inspection"/>');
    expect(lines.slice(-4)).toEqual(['    <summary>Knives &#x26; &#x3C;script>alert(1)&#x3C;/script>. A fictional sample report.</summary>', '  </entry>', '</feed>', '']);
  });
});

describe('a corrected report in the feed', () => {
  it('is dated by its last correction, says what changed first, and dates the feed', () => {
    const corrected = { ...thematic('knives', 'Knives', '2024-05-01'), source: { ...thematic('knives', 'Knives', '2024-05-01').source, corrections: [{ date: '2024-06-02', what: 'A date was wrong.', why: 'Typed wrongly.' }, { date: '2025-04-03', what: 'A name was misspelt.', why: 'Typed wrongly.' }] } } as Thematic;
    const feed = feedOf([corrected, thematic('newer', 'Newer', '2025-03-01')]);
    const entry = feed.split('<entry>')[2]!;
    expect(entry).toContain('<published>2024-05-01T00:00:00Z</published>');
    expect(entry).toContain('<updated>2025-04-03T00:00:00Z</updated>');
    expect(entry).toContain('<summary>Corrected on 3 April 2025: A name was misspelt. Knives');
    // The feed's own date is its newest change: the correction, later than the newest publication.
    expect(feed.split('\n')).toContain('  <updated>2025-04-03T00:00:00Z</updated>');
  });
});

describe('the sitemap', () => {
  it('lists every page with its date, where it has one, one page a line', () => {
    expect(sitemapXml([{ path: '/', lastmod: '2026-04-14' }, { path: '/search/?q=a&b' }], site)).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        '  <url><loc>https://reports.example/</loc><lastmod>2026-04-14</lastmod></url>',
        '  <url><loc>https://reports.example/search/?q=a&#x26;b</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });

  it('gives a page in both languages the address of each, itself included, and x-default English', () => {
    const alternates = { en: '/inspections/', cy: '/cy/inspections/' };
    const xml = sitemapXml([{ path: '/inspections/', alternates }, { path: '/cy/inspections/', alternates }, { path: '/ratings/', alternates: { en: '/ratings/' } }], site);
    const links = '<xhtml:link rel="alternate" hreflang="en-GB" href="https://reports.example/inspections/"/><xhtml:link rel="alternate" hreflang="cy" href="https://reports.example/cy/inspections/"/><xhtml:link rel="alternate" hreflang="x-default" href="https://reports.example/inspections/"/>';
    expect(xml).toContain(`<url><loc>https://reports.example/inspections/</loc>${links}</url>`);
    expect(xml).toContain(`<url><loc>https://reports.example/cy/inspections/</loc>${links}</url>`);
    expect(xml).toContain('<url><loc>https://reports.example/ratings/</loc></url>');
  });
});

describe('the Welsh feed', () => {
  it('is in Welsh: its language, title and the words it adds to an entry', () => {
    const feed = feedOf([thematic('knives', 'Cyllyll', '2025-03-01')], 'cy');
    expect(feed).toContain('xml:lang="cy"');
    expect(feed).toContain('<title>Adroddiadau arolygu – HMI &#x26; Co</title>');
    expect(feed).toContain('Adroddiad enghreifftiol ffuglennol.</summary>');
    expect(feed).toContain('<id>https://reports.example/cy/thematic/knives/</id>');
    expect(feed).not.toContain('A fictional sample report');
  });
});

