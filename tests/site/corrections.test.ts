/**
 * A corrected report in the shared sample build (Harrowfield 2023, corrected once): the page and the
 * PDF say so under the title and list the correction, the PDF's metadata records the revision, the
 * feed dates the entry by the correction, and the PDF as first published stays at report-v1.pdf,
 * linked from the page. A report never corrected (Dudley 2019) shows none of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { linesOf, readPdf } from '../support/pdf.ts';
import { sharedSite } from '../support/shared-site.ts';

let dist = '';
let project = '';
const page = (slug: string): Root => fromHtml(fs.readFileSync(path.join(dist, 'inspections', slug, 'index.html'), 'utf8'));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  ({ dist, project } = await sharedSite());
}, 300_000);

describe('a corrected inspection report', () => {
  it('says so under the title of its page, lists the correction, and links the earlier version, which is published', () => {
    const html = page('harrowfield-2023');
    const note = selectAll('.app-cover p', html).map((p) => squash(toString(p))).find((t) => t.startsWith('This report was corrected'));
    expect(note).toBe('This report was corrected on 9 January 2024. What changed, and why, is in the list of corrections.');
    const target = select('.app-cover a[href^="#"]', html)!.properties.href as string;
    const heading = select(`h2${target}`, html)!;
    expect(toString(heading)).toBe('Corrections');
    const section = fs.readFileSync(path.join(dist, 'inspections/harrowfield-2023/index.html'), 'utf8').split(`id="${target.slice(1)}"`)[1]!;
    const listed = squash(toString(fromHtml(section)));
    expect(listed).toContain('9 January 2024: The proven reoffending rate in the facts about the area was corrected from 27.4% to 24.7%.');
    expect(listed).toContain('Why: Two digits of the figure were swapped');
    const link = select('a[href="report-v1.pdf"]', html)!;
    expect(squash(toString(link))).toMatch(/^Version 1, as first published on 14 November 2023 \(PDF, \d+ KB\)$/);
    // The earlier version is the file the publisher kept, byte for byte, beside the corrected one.
    const kept = fs.readFileSync(path.join(project, 'content/inspections/harrowfield-2023/versions/report-v1.pdf'));
    expect(fs.readFileSync(path.join(dist, 'inspections/harrowfield-2023/report-v1.pdf')).equals(kept)).toBe(true);
    expect(fs.readFileSync(path.join(dist, 'inspections/harrowfield-2023/report.pdf')).equals(kept)).toBe(false);
  });

  it('says so in the PDF too, on the first page and in a section of its own, and records the revision in its metadata', async () => {
    const bytes = fs.readFileSync(path.join(dist, 'inspections/harrowfield-2023/report.pdf'));
    const pdf = await readPdf(bytes);
    const first = linesOf(pdf.pages[0]!).map((l) => l.text).join(' ');
    expect(first).toContain('This report was corrected on 9 January 2024.');
    const last = pdf.pages.map((items) => linesOf(items).map((l) => l.text).join(' ')).findLast((text) => text.includes('Corrections'))!;
    expect(last).toContain('Why: Two digits of the figure were swapped');
    expect(last).toContain('version 1 (as first published on 14 November 2023) is report-v1.pdf');
    expect(String(pdf.info.ModDate)).toContain('20240109');
    expect(String(pdf.info.CreationDate)).toContain('20231114');
    expect((pdf.info.Custom as Record<string, string>).Revision).toBe('2 (corrected 2024-01-09)');
    const xmp = bytes.toString('latin1');
    expect(xmp).toContain('/Revision ');
    expect(xmp).toContain('<xmpMM:VersionID>2</xmpMM:VersionID>');
    expect(xmp).toContain('<xmp:ModifyDate>2024-01-09T00:00:00Z</xmp:ModifyDate>');
  });

  it('is dated by its correction in the feed, with the change in its summary', () => {
    const feed = fs.readFileSync(path.join(dist, 'feed.xml'), 'utf8');
    const entry = feed.split('<entry>').find((e) => e.includes('/inspections/harrowfield-2023/</id>'))!;
    expect(entry).toContain('<published>2023-11-14T00:00:00Z</published>');
    expect(entry).toContain('<updated>2024-01-09T00:00:00Z</updated>');
    expect(entry).toContain('<summary>Corrected on 9 January 2024: The proven reoffending rate');
  });

  it('leaves a report never corrected as it was', () => {
    const html = page('dudley-2019');
    expect(squash(toString(html))).not.toContain('This report was corrected');
    expect(select('#corrections', html)).toBeFalsy();
    expect(selectAll('a[href$=".pdf"]', html).map((a) => a.properties.href)).toEqual(['report.pdf']);
    expect(fs.readdirSync(path.join(dist, 'inspections/dudley-2019')).filter((f) => /^report-v\d+\.pdf$/.test(f))).toEqual([]);
    // No revision in its info dictionary or XMP (read as bytes: both are uncompressed).
    const bytes = fs.readFileSync(path.join(dist, 'inspections/dudley-2019/report.pdf')).toString('latin1');
    expect(bytes).not.toContain('/Revision');
    expect(bytes).not.toContain('xmpMM:VersionID');
    const feed = fs.readFileSync(path.join(dist, 'feed.xml'), 'utf8');
    const entry = feed.split('<entry>').find((e) => e.includes('/inspections/dudley-2019/</id>'))!;
    expect(entry.match(/<published>(.*)<\/published>/)![1]).toBe(entry.match(/<updated>(.*)<\/updated>/)![1]);
  });
});

describe('a corrected thematic report (out-of-court disposals 2025, corrected once)', () => {
  const folder = 'thematic/out-of-court-disposals-2025';
  it('says so on its full report page and links the earlier PDF, published byte for byte at its versioned address', () => {
    const html = fromHtml(fs.readFileSync(path.join(dist, folder, 'report/index.html'), 'utf8'));
    expect(squash(toString(select('main', html)!))).toContain('This report was corrected on 10 February 2026. What changed, and why, is in the list of corrections.');
    const link = select(`a[href="/${folder}/report-v1.pdf"]`, html)!;
    expect(squash(toString(link))).toMatch(/^Version 1, as first published on 16 September 2025 \(PDF, \d+ KB\)$/);
    const kept = fs.readFileSync(path.join(project, 'content', folder, 'versions/report-v1.pdf'));
    expect(fs.readFileSync(path.join(dist, folder, 'report-v1.pdf')).equals(kept)).toBe(true);
    expect(fs.readFileSync(path.join(dist, folder, 'report.pdf')).equals(kept)).toBe(false);
  });

  it('does the same in Welsh: the Welsh page lists the Welsh first version, published at its Welsh address', () => {
    const html = fromHtml(fs.readFileSync(path.join(dist, 'cy', folder, 'report/index.html'), 'utf8'));
    const link = select(`a[href="/cy/${folder}/report-v1.pdf"]`, html)!;
    expect(squash(toString(link))).toMatch(/^Fersiwn 1, fel y'i cyhoeddwyd gyntaf ar 16 Medi 2025 \(PDF, \d+ KB\)$/);
    const kept = fs.readFileSync(path.join(project, 'content', folder, 'versions/report-v1.cy.pdf'));
    expect(fs.readFileSync(path.join(dist, 'cy', folder, 'report-v1.pdf')).equals(kept)).toBe(true);
    expect(kept.equals(fs.readFileSync(path.join(project, 'content', folder, 'versions/report-v1.pdf')))).toBe(false);
  });

  it('says so in its PDF, lists the correction and records the revision; the thematic feed dates it by the correction', async () => {
    const bytes = fs.readFileSync(path.join(dist, folder, 'report.pdf'));
    const pdf = await readPdf(bytes);
    expect(linesOf(pdf.pages[0]!).map((l) => l.text).join(' ')).toContain('This report was corrected on 10 February 2026.');
    const last = pdf.pages.map((items) => linesOf(items).map((l) => l.text).join(' ')).findLast((text) => text.includes('Corrections'))!;
    expect(last).toContain('Why: The wording of an early draft was published in place of the checked figure.');
    expect((pdf.info.Custom as Record<string, string>).Revision).toBe('2 (corrected 2026-02-10)');
    expect(bytes.toString('latin1')).toContain('<xmpMM:VersionID>2</xmpMM:VersionID>');
    const entry = fs.readFileSync(path.join(dist, 'thematic/feed.xml'), 'utf8').split('<entry>').find((e) => e.includes(`/${folder}/</id>`))!;
    expect(entry).toContain('<updated>2026-02-10T00:00:00Z</updated>');
    expect(entry).toContain('<summary>Corrected on 10 February 2026:');
  });

  it('tells easy-read readers too, in easy words, on the page and in the PDF, for thematic and inspection reports alike', async () => {
    for (const [report, day] of [[folder, '10 February 2026'], ['inspections/harrowfield-2023', '9 January 2024']] as const) {
      const html = squash(toString(select('main', fromHtml(fs.readFileSync(path.join(dist, report, 'easy-read/index.html'), 'utf8')))!));
      expect(html, report).toContain(`We changed this report on ${day}. We change a report when we find a mistake in it. The full report says what we changed and why.`);
      const pdf = await readPdf(fs.readFileSync(path.join(dist, report, 'easy-read.pdf')));
      expect(linesOf(pdf.pages[0]!).map((l) => l.text).join(' '), report).toContain(`We changed this report on ${day}.`);
    }
    // A report never corrected says nothing of it.
    expect(fs.readFileSync(path.join(dist, 'inspections/dudley-2019/easy-read/index.html'), 'utf8')).not.toContain('We changed this report');
  });
});

