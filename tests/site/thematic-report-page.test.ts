/**
 * The full report of a thematic inspection in the shared sample build (tests/support/shared-site.ts):
 * its page and PDF, linked both ways with its summary page, its easy read version and the
 * recommendations tracker; a thematic without report.mdx keeps its summary page only; drafts get nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLANTED_THEMATICS } from '../support/planted.ts';
import { sharedSite } from '../support/shared-site.ts';
import { readPdf, walk } from '../support/pdf.ts';

const SLUG = 'out-of-court-disposals-2025';
const WITHOUT_REPORT = 'education-training-employment-2024';
let dist: string;

const page = (file: string): Root => fromHtml(fs.readFileSync(path.join(dist, file), 'utf8'));
const textOf = (node: Root | Element): string => node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
/** The links in a page's main content: text → address. */
const linksIn = (tree: Root) => selectAll('main a', tree).map((a) => ({ text: squash(textOf(a)), href: String(a.properties.href) }));

beforeAll(async () => {
  ({ dist } = await sharedSite());
}, 600_000);

describe('the built full report of a thematic inspection', () => {
  it('is a page with the title, contents and sections, linking to its PDF, its summary, its easy read version and the tracker', () => {
    const report = page(`thematic/${SLUG}/report/index.html`);
    const main = select('main', report)!;
    expect(squash(textOf(select('h1', main)!))).toBe('Out-of-court disposals for children');
    const sections = selectAll('h2', main).map((h) => squash(textOf(h)));
    expect(sections).toEqual(expect.arrayContaining(['Foreword', 'Introduction', 'Recommendations', 'Conclusion', 'Annex 1: Methodology', 'Annex 2: Glossary']));
    const links = linksIn(report);
    const pdf = links.find((l) => l.text.startsWith('Download the report (PDF,'));
    expect(pdf?.href).toBe(`/thematic/${SLUG}/report.pdf`);
    expect(fs.existsSync(path.join(dist, pdf!.href))).toBe(true);
    expect(links).toEqual(
      expect.arrayContaining([
        { text: 'Summary and recommendations', href: `/thematic/${SLUG}/` },
        { text: 'Read the easy read version of this report', href: `/thematic/${SLUG}/easy-read/` },
        { text: 'Check your progress with the recommendations tracker', href: `/recommendations-tracker/#${SLUG}` },
      ]),
    );
  });

  it('is linked from the list of thematic reports, its summary page, its easy read version and the tracker', () => {
    const full = `/thematic/${SLUG}/report/`;
    expect(linksIn(page('thematic/index.html'))).toContainEqual({ text: 'Full report: Out-of-court disposals for children', href: full });
    expect(linksIn(page(`thematic/${SLUG}/index.html`))).toEqual(expect.arrayContaining([{ text: 'Read the full report', href: full }, expect.objectContaining({ href: `/thematic/${SLUG}/report.pdf` })]));
    const easyRead = linksIn(page(`thematic/${SLUG}/easy-read/index.html`)).find((l) => l.text === 'Read the full report');
    expect(path.posix.resolve(`/thematic/${SLUG}/easy-read/`, easyRead!.href) + '/').toBe(full);
    expect(linksIn(page('recommendations-tracker/index.html'))).toContainEqual({ text: 'Read the full report: Out-of-court disposals for children', href: full });
  });

  it('is a tagged PDF with its title, a contents page and bookmarks', async () => {
    const pdf = await readPdf(fs.readFileSync(path.join(dist, `thematic/${SLUG}/report.pdf`)));
    expect(pdf.info.Title).toBe('Out-of-court disposals for children');
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.structure.flatMap((tree) => [...walk(tree)].map((n) => n.role))).toContain('TOC');
    expect(pdf.outline.map((e) => e.title)).toEqual(expect.arrayContaining(['Foreword', 'Recommendations', 'Annex 2: Glossary']));
  });

  it('is not made for a thematic without report.mdx, whose summary page says nothing of one, nor for a draft or future thematic', () => {
    expect(fs.existsSync(path.join(dist, `thematic/${WITHOUT_REPORT}/index.html`))).toBe(true);
    expect(fs.existsSync(path.join(dist, `thematic/${WITHOUT_REPORT}/report`))).toBe(false);
    expect(fs.existsSync(path.join(dist, `thematic/${WITHOUT_REPORT}/report.pdf`))).toBe(false);
    expect(linksIn(page(`thematic/${WITHOUT_REPORT}/index.html`)).filter((l) => /full report/i.test(l.text))).toEqual([]);
    expect(linksIn(page('thematic/index.html')).filter((l) => l.href.includes(WITHOUT_REPORT) && /full report/i.test(l.text))).toEqual([]);
    for (const slug of Object.values(PLANTED_THEMATICS)) expect(fs.existsSync(path.join(dist, `thematic/${slug}`)), slug).toBe(false);
  });
});
