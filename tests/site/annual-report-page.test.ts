/**
 * Annual reports on the shared sample build (tests/support/shared-site.ts): the sample 2026 report,
 * a second published one over 2023 whose breakdowns have small counts, and a draft that must not be
 * built (both planted, planted.ts). Read back as a browser and a PDF reader would; every file of
 * dist/ is searched for a small count.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { annualReportContext, characteristics, disposalLabels } from '../../src/document/annual-report-figures.ts';
import { childCharacteristics, disposalTypes } from '../../src/model/aggregates.ts';
import { outOfCourtDisposals, type CaseRecord } from '../../src/model/schemas/case.ts';
import { linesOf, readPdf } from '../support/pdf.ts';
import { sharedSite, unplannedStderr } from '../support/shared-site.ts';
import { messagesIn } from '../support/messages.ts';

// The words the English report writes for each disposal type and characteristic.
const DISPOSAL_LABELS = disposalLabels(messagesIn('en'));
const CHARACTERISTICS = characteristics(messagesIn('en'));

const textOf = (node: Root | Element): string => node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
const attr = (node: Element | undefined, name: string) => node?.properties[name];

/** A suppressed cell: the words a reader sees for it, and the count that must never appear. */
interface Hidden {
  year: string;
  label: string;
  count: number;
}

describe('annual reports on the built site', () => {
  let project: string;
  let dist: string;
  let page: Root;
  let main: Element;
  const hidden: Hidden[] = [];

  beforeAll(async () => {
    // The shared build has a 2023 report (published) and a 2025 one (a draft) planted (planted.ts).
    const shared = await sharedSite();
    expect(unplannedStderr(shared.stderr)).toBe('');
    project = shared.project;
    dist = shared.dist;
    page = fromHtml(fs.readFileSync(path.join(dist, 'annual-reports/2026/index.html'), 'utf8'));
    main = select('main', page)!;

    // The counts behind every suppressed cell, from the case records: what must never be published.
    const model = loadProject(project).project;
    for (const report of model.annualReports.filter((r) => r.source.status === 'published')) {
      const ctx = annualReportContext(model, report);
      const cases = ctx.inspections.flatMap((i) => i.cases);
      const countOf = (field: keyof CaseRecord, value: string, of = cases) => of.filter((c) => String(c[field]) === value).length;
      for (const cell of disposalTypes(ctx.inspections, outOfCourtDisposals, ctx.minimumCount).cells.filter((c) => c.suppressed)) {
        hidden.push({ year: report.year, label: DISPOSAL_LABELS[cell.value]!, count: countOf('disposal', cell.value) });
      }
      const fields = Object.fromEntries(CHARACTERISTICS.map((c) => [c.field, Object.keys(c.values)]));
      for (const breakdown of childCharacteristics(ctx.inspections, fields, ctx.minimumCount)) {
        const about = CHARACTERISTICS.find((c) => c.field === breakdown.field)!;
        for (const cell of breakdown.cells.filter((c) => c.suppressed)) hidden.push({ year: report.year, label: about.values[cell.value]!, count: countOf(about.field, cell.value) });
      }
    }
  }, 600_000);


  it('builds the published annual reports, page and PDFs, and not the draft', () => {
    for (const year of ['2026', '2023']) {
      for (const file of ['index.html', 'report.pdf', 'ratings.pdf']) expect(fs.existsSync(path.join(dist, 'annual-reports', year, file)), `${year}/${file}`).toBe(true);
    }
    expect(fs.existsSync(path.join(dist, 'annual-reports/2025'))).toBe(false);
    const index = fromHtml(fs.readFileSync(path.join(dist, 'annual-reports/index.html'), 'utf8'));
    const links = selectAll('main a', index).map((a) => String(attr(a, 'href')));
    expect(links.filter((href) => /^\/annual-reports\/\d{4}\/$/.test(href))).toEqual(['/annual-reports/2026/', '/annual-reports/2023/']);
    // The draft is nowhere: not in a link, a search fragment, the sitemap or the feed.
    for (const file of allFiles(dist)) expect(readable(file).includes('annual report 2025'), path.relative(dist, file)).toBe(false);
  });

  it('is the report page: title, breadcrumbs, cover, contents, then the list of figures and tables', () => {
    expect(attr(select('html', page), 'lang')).toBe('en-GB');
    expect(textOf(select('h1', main)!)).toBe('Youth justice inspections: annual report 2026');
    expect(selectAll('.govuk-breadcrumbs a', page).map((a) => attr(a, 'href'))).toEqual(['/', '/annual-reports/']);
    expect(squash(textOf(select('.app-cover', main)!))).toContain('Inspections with fieldwork from 1 January 2022 to 30 September 2026: 14 inspections of 14 services.');
    const h2 = selectAll('h2', main).map((h) => squash(textOf(h)));
    expect(h2.slice(0, 3)).toEqual(['Contents', 'List of figures and tables', 'Introduction']);
    expect(h2).toContain('Annex 1: Ratings of the inspections in this period');
  });

  it('numbers its figures and tables in order and lists each with a link to it', () => {
    const list = select('nav.app-figure-list', main)!;
    const entries = selectAll('li a', list).map((a) => ({ href: String(attr(a, 'href')), text: squash(textOf(a)) }));
    const figures = selectAll('figure.app-chart-figure', main).map((f) => ({ id: String(attr(f, 'id')), text: squash(textOf(select('figcaption', f)!)) }));
    const tables = selectAll('.app-table-wrapper[id]', main).map((w) => ({ id: String(attr(w, 'id')), text: squash(textOf(select('caption', w)!)) }));
    expect(figures.map((f) => f.text.split(':')[0])).toEqual(figures.map((_, i) => `Figure ${i + 1}`));
    expect(tables.map((t) => t.text.split(':')[0])).toEqual(tables.map((_, i) => `Table ${i + 1}`));
    expect(figures).toHaveLength(17);
    expect(tables).toHaveLength(3);
    // The list has every figure and table, in document order, with its link.
    const inOrder = selectAll('figure.app-chart-figure, .app-table-wrapper[id]', main).map((node) => String(attr(node, 'id')));
    expect(entries.map((e) => e.href)).toEqual(inOrder.map((id) => `#${id}`));
    const labels = new Map([...figures, ...tables].map((f) => [f.id, f.text]));
    for (const entry of entries) expect(entry.text).toBe(labels.get(entry.href.slice(1)));
    // Every link within the page has its target.
    const ids = new Set(selectAll('[id]', page).map((node) => String(attr(node, 'id'))));
    const targets = selectAll('a[href^="#"]', page).map((a) => String(attr(a, 'href')).slice(1));
    expect(targets.filter((id) => !ids.has(decodeURIComponent(id)))).toEqual([]);
  });

  it('draws each figure as an accessible chart with its data, and says how addressees are grouped', () => {
    for (const figure of selectAll('figure.app-chart-figure', main)) {
      const svg = select('svg', figure)!;
      expect(attr(svg, 'role')).toBe('img');
      expect(select('details table', figure)).toBeDefined();
      // The data's scrolling region is named after its figure, so landmarks stay told apart.
      expect(attr(select('details .app-table-wrapper', figure), 'ariaLabel')).toBe(`The data in ${squash(textOf(select('figcaption', figure)!))}`);
    }
    expect(squash(textOf(main))).toContain('we group them into kinds by the words in their names');
    expect(squash(textOf(main))).toContain('management boards (“Management Board”');
  });

  it('links the PDFs with their real page counts, the ratings one laid out across the page', async () => {
    const links = selectAll('a', main).filter((a) => String(attr(a, 'href')).endsWith('.pdf'));
    expect(links.map((a) => attr(a, 'href'))).toEqual(['report.pdf', 'ratings.pdf']);
    for (const link of links) {
      const bytes = fs.readFileSync(path.join(dist, 'annual-reports/2026', String(attr(link, 'href'))));
      const pdf = await readPdf(bytes);
      expect(squash(textOf(link))).toContain(`PDF, ${pdf.pageCount} pages`);
    }
    const ratingsBytes = fs.readFileSync(path.join(dist, 'annual-reports/2026/ratings.pdf'));
    const [, , width, height] = (await (await getDocument({ data: new Uint8Array(ratingsBytes), verbosity: 0 }).promise).getPage(1)).view as number[];
    expect(width!).toBeGreaterThan(height!);
    const ratings = await readPdf(ratingsBytes);
    const text = ratings.pages.map((items) => linesOf(items).map((l) => l.text).join('\n')).join('\n');
    for (const service of ['Northmoor Youth Justice Service', 'Cwm Tŷ-gwyn Youth Justice Service', 'Kingsmere and Dunley Youth Offending Service']) expect(text).toContain(service);
    expect(text).not.toContain('Dudley');
  });

  it('lists each figure and table in the PDF with the page it is really on', async () => {
    const pdf = await readPdf(fs.readFileSync(path.join(dist, 'annual-reports/2026/report.pdf')));
    const pages = pdf.pages.map((items) => linesOf(items).map((l) => l.text));
    const listPage = pages.findIndex((lines) => lines[0] === 'List of figures and tables');
    // The list's page, and the next while the list runs on.
    let end = listPage + 1;
    while (/^(Figure|Table) \d+:/.test(pages[end]?.[0] ?? '')) end++;
    const listText = pages.slice(listPage, end).flat().slice(1).join(' ');
    const entries = [...listText.matchAll(/((?:Figure|Table) \d+): .*? (\d+)(?= (?:Figure|Table) \d+:|$| HM Inspectorate)/g)].map((m) => ({ label: m[1]!, page: Number(m[2]) }));
    // In document order: the children's table and the themes' table come before the last figure.
    expect(entries.map((e) => e.label)).toEqual([...Array.from({ length: 16 }, (_, i) => `Figure ${i + 1}`), 'Table 1', 'Table 2', 'Figure 17', 'Table 3']);
    for (const { label, page } of entries) {
      expect(pages[page - 1]!.some((line) => line.startsWith(`${label}:`)), `${label} on page ${page}`).toBe(true);
      // …and it is not on an earlier page.
      expect(pages.slice(listPage + 1, page - 1).flat().some((line) => line.startsWith(`${label}:`)), label).toBe(false);
    }
  });

  it('shows a small count in no table, chart, PDF or other file of dist', async () => {
    // The 2023 report hides two disposal types: one below the threshold, one only so it cannot be worked out.
    const y2023 = select('main', fromHtml(fs.readFileSync(path.join(dist, 'annual-reports/2023/index.html'), 'utf8')))!;
    const row = (label: string) => selectAll('tr', y2023).map((tr) => selectAll('th, td', tr).map((c) => squash(textOf(c)))).find((cells) => cells[0] === label);
    expect(row('Youth caution')).toEqual(['Youth caution', 'not shown', '–']);
    expect(row('Other out-of-court disposal')).toEqual(['Other out-of-court disposal', 'fewer than 5', '–']);
    const chart = selectAll('figure.app-chart-figure', y2023).find((f) => textOf(select('figcaption', f)!).includes('Out-of-court disposals'))!;
    const svgText = selectAll('svg text', chart).map((t) => textOf(t));
    expect(svgText).not.toContain('Youth caution');
    expect(svgText).not.toContain('Other out-of-court');
    expect(hidden.filter((h) => h.year === '2023').map((h) => h.label)).toEqual(expect.arrayContaining(['Youth caution', 'Other out-of-court disposal']));
    expect(hidden.filter((h) => h.year === '2026').map((h) => h.label)).toEqual(['Another ethnic group', 'Not known']);

    // Every file: HTML as text, data files, search fragments (gzip) and PDFs as read.
    const ambiguous = new Set(CHARACTERISTICS.flatMap((c) => Object.values(c.values)).filter((label, i, all) => all.indexOf(label) !== i));
    let searched = 0;
    for (const file of allFiles(dist)) {
      const text = file.endsWith('.pdf')
        ? (await readPdf(fs.readFileSync(file))).pages.map((items) => linesOf(items).map((l) => l.text).join('\n')).join('\n')
        : readable(file);
      if (!text) continue;
      searched++;
      for (const { label, count } of hidden) {
        for (const match of text.matchAll(new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^0-9A-Za-z]{0,40}(\\d+)`, 'gi'))) {
          const shown = Number(match[1]);
          const where = `${path.relative(dist, file)}: "${match[0]}"`;
          expect(shown, where).toBeGreaterThanOrEqual(5);
          if (!ambiguous.has(label)) expect(shown, where).not.toBe(count);
        }
      }
    }
    expect(searched).toBeGreaterThan(50);
  }, 120_000);
});

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? allFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** A file's text as a reader would meet it: HTML without its tags, gzip (search index) unpacked; '' for pictures and fonts. */
function readable(file: string): string {
  if (/\.(png|jpe?g|webp|ttf|woff2?|pdf)$/i.test(file)) return '';
  let bytes = fs.readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
  const text = bytes.toString('utf8');
  return /\.html$/.test(file) ? squash(text.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')) : text;
}
