/**
 * No PDF of the sample build ends on a page of a line or two (render-document.ts draws the body
 * again with an earlier page break when it would). Read from the shared build, so nothing is built
 * again: each PDF's last page (and, near the limit, the page before) as pdftotext lays them out.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIN_LAST_PAGE_LINES } from '../../src/pdf/render-document.ts';
import { sharedPreview } from '../support/shared-site.ts';

let pdfs: string[] = [];

beforeAll(async () => {
  const { dist, preview } = await sharedPreview();
  const under = (folder: string): string[] => fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).map((f) => path.join(folder, f));
  // The preview adds the drafts; what it shares with dist/ is laid out the same and read once.
  const published = under(dist);
  const seen = new Set(published.map((file) => path.relative(dist, file)));
  pdfs = [...published, ...under(preview).filter((file) => !seen.has(path.relative(preview, file)))].sort();
}, 300_000);

const pageLines = (file: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** pdfkit writes one page tree, uncompressed: its /Count is the number of pages. */
const pageCount = (file: string) => Number(/\/Type \/Pages\b[^>]*?\/Count (\d+)/.exec(fs.readFileSync(file, 'latin1'))![1]);

/** The last page's lines of body text: without the "Page N of M" footer and the running header the page before has too. */
function lastPageBody(file: string): { pages: number; lines: string[] } {
  const pages = pageCount(file);
  const last = pageLines(file, pages);
  // Only a page near the limit needs the page before to tell its running header apart.
  const before = pages > 1 && last.length < MIN_LAST_PAGE_LINES + 3 ? pageLines(file, pages - 1) : [];
  const furniture = (line: string) => /(Page|Tudalen) \d+ (of|o) \d+/.test(line) || line === before[0];
  return { pages, lines: last.filter((line) => !furniture(line)) };
}

describe('the last page of every sample PDF', () => {
  it('holds at least five lines of text', () => {
    expect(pdfs.length).toBeGreaterThan(20);
    const short = pdfs.map((file) => ({ file, ...lastPageBody(file) })).filter(({ pages, lines }) => pages > 1 && lines.length < MIN_LAST_PAGE_LINES);
    expect(short.map(({ file, lines }) => `${path.relative(path.dirname(path.dirname(pdfs[0]!)), file)}: ${lines.length} lines: ${lines.join(' | ')}`)).toEqual([]);
  });

  it('sees the furniture apart from the body, so a short page would be counted short', () => {
    const { lines } = lastPageBody(pdfs.find((file) => file.endsWith(path.join('dudley-2019', 'report.pdf')))!);
    expect(lines.some((line) => /Page \d+ of \d+/.test(line) || line.startsWith('An inspection of Dudley'))).toBe(false);
    expect(lines.length).toBeGreaterThanOrEqual(MIN_LAST_PAGE_LINES);
  });
});
