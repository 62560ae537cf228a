/**
 * The ratings table: the pure table builders against the sample inspections, the open data (CSV
 * and JSON read back to the same figures as the table and as `ratingsRow`), the A4 landscape PDF,
 * and the shared sample build (tests/support/shared-site.ts): /ratings/, the year pages, their PDFs
 * and the data files, with drafts and embargoed reports in none of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import type { Inline, TableCell } from '../../src/document/blocks.ts';
import { inlineText } from '../../src/document/blocks.ts';
import { formatDate } from '../../src/document/dates.ts';
import { ratingsDocument } from '../../src/document/ratings-document.ts';
import { compositeText, judgementNoteItems, ratingsCsv, ratingsJson, ratingsPrintTables, ratingsRecords, ratingsTable } from '../../src/document/ratings-table.ts';
import { renderBlocks, renderContext } from '../../src/html/render-blocks.ts';
import { ratingsRow } from '../../src/model/aggregates.ts';
import { isPublic, type Inspection } from '../../src/model/project.ts';
import { renderDocumentPdf } from '../../src/pdf/render-document.ts';
import { expectTextAsWritten } from '../support/extracted-words.ts';
import { linesOf, readPdf, walk } from '../support/pdf.ts';
import { BUILD_DATE, sharedSite, unplannedStderr } from '../support/shared-site.ts';
import { parseCsv } from '../support/csv.ts';

const buildDate = BUILD_DATE;
const root = path.resolve(import.meta.dirname, '../..');
const { project } = loadProject(root);
const published = project.inspections.filter((i) => isPublic(i, buildDate));
const bySlug = (slug: string) => published.find((i) => i.slug === slug)!;

type Rating = Extract<Inline, { type: 'rating' }>;
const cellText = (cell: TableCell) => inlineText(cell.inlines);
// A rating by professional judgement is a link to its reasons on the page: its rating is inside.
const ratingOf = (cell: TableCell) => cell.inlines.flatMap((i) => (i.type === 'link' ? i.children : [i])).find((i): i is Rating => i.type === 'rating');


/** CSV records as objects keyed by the header row. */
const csvObjects = (csv: string) => {
  const [header, ...rows] = parseCsv(csv);
  return { header: header!, rows: rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!]))) };
};

async function pageSizes(bytes: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const sizes = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const [x0, y0, x1, y1] = (await doc.getPage(n)).view as [number, number, number, number];
    sizes.push({ width: x1 - x0, height: y1 - y0 });
  }
  return sizes;
}

describe('ratingsTable: the page’s table', () => {
  const table = ratingsTable(published, { caption: 'All ratings', messages: project.messages.en, href: (slug) => `/inspections/${slug}/` });
  const head = table.head[0]!;
  const column = (text: string) => head.findIndex((c) => cellText(c) === text);
  const rowOf = (inspection: Inspection) => table.rows.find((row) => cellText(row[0]!).startsWith(inspection.service.name) && cellText(row[1]!) === formatDate(inspection.source.published))!;

  it('has one row per published inspection, newest report first, the service as row header linking to its report', () => {
    expect(table.rows).toHaveLength(published.length);
    const dates = published.map((i) => i.source.published).sort().reverse();
    expect(table.rows.map((row) => cellText(row[1]!))).toEqual(dates.map((d) => formatDate(d)));
    for (const inspection of published) {
      const header = rowOf(inspection)[0]!;
      expect(header.rowHeader).toBe(true);
      expect(header.inlines[0]).toMatchObject({ type: 'link', url: `/inspections/${inspection.slug}/` });
      expect(header.data).toMatchObject({ nation: inspection.service.nation, year: inspection.source.fieldwork.start.slice(0, 4), overall: inspection.rating.overall.rating });
    }
    expect(table.caption).toBe('All ratings');
  });

  it('has the columns of the 2022 table: service, published, composite, overall, each standard with a short header read in full', () => {
    expect(head.slice(0, 4).map(cellText)).toEqual(['Service', 'Published', 'Composite score', 'Overall rating']);
    const standards = head.slice(4);
    expect(standards.map(cellText)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4', '4.1']);
    expect(standards[0]!.fullText).toBe('1.1 Governance and leadership (Organisational delivery)');
    expect(standards[12]!.fullText).toBe('4.1 Resettlement policy and provision (Resettlement)');
    expect(head[1]!.data).toMatchObject({ sorted: 'descending' });
  });

  it('gives Dudley 2019 a composite of 15/36 and 3.4 Good with the professional judgement mark, 4.1 Not rated (not in its standards)', () => {
    const row = rowOf(bySlug('dudley-2019'));
    expect(cellText(row[column('Composite score')]!)).toBe('15/36');
    const overall = ratingOf(row[column('Overall rating')]!)!;
    expect([overall.label, overall.symbol, overall.mark]).toEqual(['Requires improvement', 'triangle', '']);
    const joint = ratingOf(row[column('3.4')]!)!;
    expect([joint.label, joint.mark, joint.symbol]).toEqual(['Good', '*', 'circle']);
    // On the page it leads to the inspectors' reasons, in the list under the table.
    expect(row[column('3.4')]!.inlines[0]).toMatchObject({ type: 'link', url: '#reasons-dudley-2019-3-4' });
    expect(judgementNoteItems(published, { messages: project.messages.en }).map((item) => item.id)).toContain('reasons-dudley-2019-3-4');
    expect([ratingOf(row[column('4.1')]!)!.label, ratingOf(row[column('4.1')]!)!.symbol]).toEqual(['Not rated', 'dash']);
    expect(table.note && inlineText(table.note)).toContain('*Professional judgement applied: the inspectors’ reasons are quoted after the table.');
  });

  it('shows "Not rated" for Cwm Tŷ-gwyn’s out-of-court case standards and 4.1, and its composite scaled to 36', () => {
    const cwm = bySlug('cwm-ty-gwyn-2026');
    const row = rowOf(cwm);
    for (const id of ['3.1', '3.2', '3.3', '4.1']) {
      const rating = ratingOf(row[column(id)]!)!;
      expect([id, rating.label, rating.symbol]).toEqual([id, 'Not rated', 'dash']);
    }
    expect(ratingOf(row[column('3.4')]!)!.label).toBe('Requires improvement');
    // 27 is the most the rated standards could score, below the framework's 36.
    expect(cwm.rating.composite).toMatchObject({ score: 11, maximum: 27, fullMaximum: 36 });
    expect(cellText(row[column('Composite score')]!)).toBe('15/36†');
    expect(table.note && inlineText(table.note)).toContain('11 points out of a possible 27 show as 15/36');
  });

  it('compares the maximum with the framework’s full maximum, and gives no composite without an overall rating', () => {
    const base = bySlug('northmoor-2024');
    const withComposite = (composite: Partial<Inspection['rating']['composite']>, overall = base.rating.overall.rating): Inspection => ({
      ...base,
      rating: { ...base.rating, composite: { ...base.rating.composite, ...composite }, overall: { ...base.rating.overall, rating: overall } },
    });
    expect(compositeText(withComposite({ score: 22, maximum: 30, fullMaximum: 36 }))).toBe('26/36†');
    expect(compositeText(withComposite({ score: 22, maximum: 30, fullMaximum: 30 }))).toBe('26/36†');
    expect(compositeText(withComposite({ score: 22, maximum: 36, fullMaximum: 36 }))).toBe('22/36');
    expect(compositeText(withComposite({ score: 0, maximum: 0 }, 'not-rated'))).toBeUndefined();
  });

  it('is drawn with a caption, scoped headers, sort keys and the full names hidden from sight only', () => {
    const tree = fromHtml(renderBlocks([table], renderContext({ words: project.messages.en })), { fragment: true });
    expect(selectAll('caption', tree)).toHaveLength(1);
    expect(selectAll('thead th', tree).every((th) => th.properties.scope === 'col')).toBe(true);
    expect(selectAll('tbody th', tree)).toHaveLength(published.length);
    expect(selectAll('tbody th', tree).every((th) => th.properties.scope === 'row')).toBe(true);
    const first = select('thead th:nth-child(5)', tree)!;
    expect(select('[aria-hidden="true"]', first)).toBeTruthy();
    expect(select('.govuk-visually-hidden', first)).toBeTruthy();
    const dudley = selectAll('tbody tr', tree).find((tr) => JSON.stringify(tr).includes('Dudley'))!;
    expect(selectAll('td', dudley)[0]!.properties.dataSort).toBe('20190613');
    expect(select('.app-table-wrapper', tree)!.properties).toMatchObject({ role: 'region', tabIndex: 0, ariaLabel: 'All ratings' });
  });
});

describe('ratingsPrintTables: the landscape PDF’s tables', () => {
  const tables = ratingsPrintTables(published, { caption: 'All ratings', messages: project.messages.en });

  it('takes one row per inspection, its row header the service and date, split by whole domains into tables that fit the page', () => {
    expect(tables.map((t) => t.head[0]!.map(cellText))).toEqual([
      ['Service and date published', 'Score', 'Overall', '1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4'],
      ['Service and date published', '3.1', '3.2', '3.3', '3.4', '4.1'],
    ]);
    for (const table of tables) {
      expect(table.rows).toHaveLength(published.length);
      expect(table.compact).toBe(true);
      expect(table.widths).toHaveLength(table.head[0]!.length);
    }
    const [first, second] = tables as [(typeof tables)[0], (typeof tables)[0]];
    const dudley = first.rows.findIndex((row) => cellText(row[0]!).startsWith('Dudley'));
    expect(first.rows[dudley]![0]).toMatchObject({ rowHeader: true });
    expect(cellText(first.rows[dudley]![0]!)).toBe('Dudley Youth Offending Service\n13 June 2019');
    expect(cellText(first.rows[dudley]![1]!)).toBe('15/36');
    expect(second.rows[dudley]!.slice(1).map((c) => `${ratingOf(c)!.label}${ratingOf(c)!.mark}`)).toEqual(['Inadequate', 'Requires improvement', 'Good', 'Good*', 'Not rated']);
    expect(second.head[0]![1]!.fullText).toBe('3.1 Assessment (Out-of-court disposals)');
    // The note (what *, † and Not rated mean) comes once, under the last table.
    expect(first.note).toBeUndefined();
    expect(inlineText(second.note!)).toContain('Not rated');
  });
});

describe('open data: ratingsRecords, CSV and JSON', () => {
  const records = ratingsRecords(published, project.messages.en);
  const csv = ratingsCsv(records);
  const json = JSON.parse(ratingsJson(records));
  const table = ratingsTable(published, { caption: 'All ratings', messages: project.messages.en });

  it('has the same columns in the CSV header, the JSON column list and the JSON rows, each described', () => {
    const { header } = csvObjects(csv);
    const names = json.columns.map((c: { name: string }) => c.name);
    expect(header).toEqual(names);
    expect(names.slice(0, 12)).toEqual(['slug', 'service', 'nation', 'kind', 'record', 'fieldwork start', 'published', 'framework', 'composite score', 'composite maximum', 'overall rating', 'overall label']);
    expect(names).toContain('3.4 judgement');
    for (const column of json.columns) expect(column.description.length, column.name).toBeGreaterThan(10);
    for (const row of json.rows) expect(Object.keys(row)).toEqual(names);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('gives the same values in CSV and JSON, empty fields being null', () => {
    const { rows } = csvObjects(csv);
    expect(rows).toHaveLength(json.rows.length);
    rows.forEach((row, index) => {
      const expected = Object.fromEntries(Object.entries(json.rows[index] as Record<string, unknown>).map(([k, v]) => [k, v === null ? '' : String(v)]));
      expect(row).toEqual(expected);
    });
  });

  it('reads back to the figures of ratingsRow and of the table’s rows', () => {
    const { rows } = csvObjects(csv);
    expect(rows.map((r) => r.slug)).toEqual(json.rows.map((r: { slug: string }) => r.slug));
    json.rows.forEach((record: Record<string, string | number | null>, index: number) => {
      const inspection = published.find((i) => i.slug === record.slug)!;
      const row = ratingsRow(inspection);
      // Empty for a historic record whose source does not give the score (Western Bay 2018), never 0.
      const score = inspection.historic?.compositeRecorded === false ? null : row.composite.score;
      expect(record['composite score']).toBe(score);
      expect(rows[index]!['composite score']).toBe(score === null ? '' : String(score));
      expect(record['composite maximum']).toBe(row.composite.maximum);
      expect(record['overall rating']).toBe(row.overall.rating);
      expect(record['overall label']).toBe(row.overall.label);
      for (const id of ['1.1', '2.4', '3.1', '3.4', '4.1']) {
        expect(record[id]).toBe(row.standards[id]?.rating ?? null);
        expect(record[`${id} judgement`]).toBe(row.standards[id] ? (row.standards[id]!.mark ? 'yes' : 'no') : null);
      }
      // The table's row for the same inspection shows the same figures.
      const tableRow = table.rows[index]!;
      expect(cellText(tableRow[0]!)).toContain(row.service);
      const composite = cellText(tableRow[2]!);
      const maximum = record['composite maximum'] as number;
      expect(composite).toBe(score === null ? 'Not published' : row.overall.rating === 'not-rated' ? 'Not rated' : `${Math.round(((record['composite score'] as number) * 36) / maximum)}/36${maximum === 36 ? '' : '†'}`);
      expect(ratingOf(tableRow[3]!)!.rating).toBe(record['overall rating']);
    });
    const dudley = json.rows.find((r: { slug: string }) => r.slug === 'dudley-2019');
    expect([dudley['composite score'], dudley['3.4'], dudley['3.4 judgement'], dudley['4.1']]).toEqual([15, 'good', 'yes', null]);
    const cwm = json.rows.find((r: { slug: string }) => r.slug === 'cwm-ty-gwyn-2026');
    expect([cwm['composite score'], cwm['composite maximum'], cwm['3.1'], cwm['4.1']]).toEqual([11, 27, 'not-rated', 'not-rated']);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    const base = bySlug('dudley-2019');
    const odd = { ...base, service: { ...base.service, name: 'Vale, "the" Service\nof Test' } };
    const { rows } = csvObjects(ratingsCsv(ratingsRecords([odd], project.messages.en)));
    expect(rows[0]!.service).toBe('Vale, "the" Service\nof Test');
  });
});

describe('the landscape PDF', () => {
  // Four copies of every published inspection: a table long enough to run over several pages.
  const many = Array.from({ length: 4 }, (_, n) => published.map((i) => ({ ...i, slug: `${i.slug}-${n}` }))).flat();
  let pdf: Awaited<ReturnType<typeof readPdf>>;
  let bytes: Uint8Array;
  const model = ratingsDocument(project, many);
  beforeAll(async () => {
    bytes = (await renderDocumentPdf(model)).bytes;
    pdf = await readPdf(bytes);
  });

  it('extracts as written: its words, none run together', () => expectTextAsWritten(bytes, model));

  it('is A4 landscape on every page', async () => {
    for (const size of await pageSizes(bytes)) {
      expect(size.width).toBeGreaterThan(size.height);
      expect([Math.round(size.width), Math.round(size.height)]).toEqual([842, 595]);
    }
  });

  it('repeats the header row on every page of each table, as page furniture after the first', () => {
    for (const start of ['Service and date published Score Overall 1.1 1.2', 'Service and date published 3.1 3.2']) {
      // The pages of one table: those showing its header row.
      const tablePages = pdf.pages.map((items, index) => ({ items, index })).filter(({ items }) => linesOf(items, { artifacts: true }).some((l) => l.text.startsWith(start)));
      expect(tablePages.length, start).toBeGreaterThanOrEqual(2);
      tablePages.forEach(({ items }, n) => {
        // Tagged on the table's first page, drawn as page furniture on the others.
        const header = items.filter((i) => i.text.trim() === 'Service and date published');
        expect(header.some((i) => i.artifact === n > 0), `${start}: page ${n + 1}`).toBe(true);
      });
      // Tagged once, on the first page of the table: its THead.
      const thead = [...walk(pdf.structure[tablePages[0]!.index]!)].find((node) => node.role === 'THead')!;
      expect([...walk(thead)].filter((node) => node.role === 'TH').length).toBeGreaterThanOrEqual(6);
    }
    // One tagged header row per table, however many pages it runs over.
    expect(pdf.pages.flat().filter((i) => i.text.trim() === 'Service and date published' && !i.artifact)).toHaveLength(2);
  });

  it('keeps every word whole and no text under 8 pt', () => {
    const text = pdf.pages.flatMap((items) => linesOf(items).map((l) => l.text)).join('\n');
    for (const word of ['Implementation', 'improvement', 'Outstanding', 'Resettlement']) expect(text).toContain(word);
    expect(text).not.toMatch(/Implementati\n|Implementati on/);
    for (const items of pdf.pages) for (const item of items) expect(item.size).toBeGreaterThanOrEqual(7.99);
  });
});

describe('the built ratings pages, PDFs and open data', () => {
  let dist: string;
  // The shared build's own model: its copy has hidden reports planted (planted.ts).
  let published: Inspection[];
  let hidden: Inspection[];
  let years: string[];
  const read = (file: string) => fs.readFileSync(path.join(dist, file));
  const page = (file: string): Root => fromHtml(read(file).toString('utf8'));
  const textOf = (node: Root | Element): string => node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');

  beforeAll(async () => {
    const shared = await sharedSite();
    expect(unplannedStderr(shared.stderr)).toBe('');
    dist = shared.dist;
    const { project: model } = loadProject(shared.project);
    published = model.inspections.filter((i) => isPublic(i, buildDate));
    hidden = model.inspections.filter((i) => !isPublic(i, buildDate));
    years = [...new Set(published.map((i) => i.source.fieldwork.start.slice(0, 4)))].sort().reverse();
  }, 600_000);

  it('builds /ratings/, a page per year of fieldwork, their PDFs and the data files', () => {
    for (const file of ['ratings/index.html', 'ratings/ratings.pdf', 'data/ratings.csv', 'data/ratings.json', ...years.flatMap((y) => [`ratings/${y}/index.html`, `ratings/${y}/ratings.pdf`])]) {
      expect(fs.existsSync(path.join(dist, file)), file).toBe(true);
    }
  });

  it('shows every published inspection in an accessible table: caption, scoped headers, ratings in words and symbols', () => {
    const main = select('main', page('ratings/index.html'))!;
    const table = select('.app-ratings-table table', main)!;
    expect(textOf(select('caption', table)!)).toBe('Ratings of every published inspection, newest first');
    expect(selectAll('thead th', table).every((th) => th.properties.scope === 'col')).toBe(true);
    const rows = selectAll('tbody tr', table);
    expect(rows).toHaveLength(published.length);
    for (const inspection of published) expect(selectAll(`tbody th a[href="/inspections/${inspection.slug}/"]`, table), inspection.slug).toHaveLength(1);
    for (const rating of selectAll('.app-rating', table)) {
      expect(select('svg.app-rating__symbol[aria-hidden="true"]', rating)).toBeTruthy();
      expect(textOf(rating).trim()).toMatch(/^(Outstanding|Good|Requires improvement|Inadequate|Not rated|Unclear)\*?$/);
    }
    // One row per inspection, led by its row header; every rating cell shows its word, every composite is out of 36.
    for (const row of rows) {
      expect(selectAll('th[scope="row"]', row)).toHaveLength(1);
      const cells = selectAll('td', row);
      expect(textOf(cells[1]!).trim()).toMatch(/^\d+\/36†?$|^\S* ?Not rated$|^Not published$/);
      for (const td of cells.slice(2)) expect(textOf(select('.app-rating', td)!).trim()).toMatch(/^(Outstanding|Good|Requires improvement|Inadequate|Not rated|Unclear)\*?$/);
    }
    expect(textOf(table)).not.toMatch(/\bn\/a\b/);
    // The standards are named before the table; the full name of each short header is read with it.
    expect(selectAll('.app-ratings-abbreviations dt', main).map((dt) => textOf(dt))).toContain('1.1');
    expect(textOf(select('thead th:nth-child(5) .govuk-visually-hidden', table)!)).toBe('1.1 Governance and leadership (Organisational delivery)');
    // The wide table scrolls in a named, focusable region.
    expect(select('.app-table-wrapper', main)!.properties).toMatchObject({ role: 'region', tabIndex: 0 });
    // The key explains the symbols and the mark.
    const key = textOf(select('.app-ratings-key', main)!);
    expect(key).toContain('Outstanding');
    expect(key).toContain('professional judgement applied');
  });

  it('works without JavaScript: year pages as filters, the filter form only for the script', () => {
    const main = select('main', page('ratings/index.html'))!;
    const links = selectAll('.app-ratings-years a', main).map((a) => a.properties.href);
    expect(links).toEqual(['/ratings/', ...years.map((y) => `/ratings/${y}/`)]);
    expect(select('.app-ratings-years a[aria-current="page"]', main)!.properties.href).toBe('/ratings/');
    const form = select('form[data-ratings-filters]', main)!;
    expect(form.properties).toMatchObject({ method: 'get', hidden: true });
    expect(selectAll('select', form).map((s) => s.properties.name)).toEqual(['nation', 'overall']);
    for (const year of years) {
      const yearTable = select('.app-ratings-table table', page(`ratings/${year}/index.html`))!;
      const expected = published.filter((i) => i.source.fieldwork.start.startsWith(year));
      expect(selectAll('tbody tr', yearTable), year).toHaveLength(expected.length);
      expect(selectAll('tbody th', yearTable).map((th) => th.properties.dataYear)).toEqual(expected.map(() => year));
    }
  });

  it('links each page’s PDF, stating its pages and size, and the open data with its columns documented', async () => {
    for (const folder of ['ratings', ...years.map((y) => `ratings/${y}`)]) {
      const main = select('main', page(`${folder}/index.html`))!;
      const link = select('a[href="ratings.pdf"]', main)!;
      const pdf = await readPdf(new Uint8Array(read(`${folder}/ratings.pdf`)));
      const kb = Math.round(read(`${folder}/ratings.pdf`).length / 1024);
      expect(textOf(link), folder).toBe(`Download this table (PDF, ${pdf.pageCount} pages, ${kb} KB)`);
      expect(selectAll('a[href="/data/ratings.csv"]', main).length).toBeGreaterThan(0);
      expect(selectAll('a[href="/data/ratings.json"]', main).length).toBeGreaterThan(0);
    }
    const main = select('main', page('ratings/index.html'))!;
    const documented = selectAll('#open-data ~ .app-table-wrapper tbody th', main).map((th) => textOf(th));
    const { columns } = JSON.parse(read('data/ratings.json').toString('utf8'));
    for (const column of columns.filter((c: { name: string }) => !/^\d/.test(c.name))) expect(documented).toContain(column.name);
    expect(documented).toContain('1.1 to 4.1');
    expect(documented).toContain('1.1 judgement to 4.1 judgement');
  });

  it('draws every published inspection in the landscape PDF, and the same records in CSV and JSON', async () => {
    const bytes = new Uint8Array(read('ratings/ratings.pdf'));
    const sizes = await pageSizes(bytes);
    expect(sizes.every((s) => s.width > s.height)).toBe(true);
    const pdf = await readPdf(bytes);
    const text = pdf.pages.flatMap((items) => linesOf(items).map((l) => l.text)).join('\n');
    for (const inspection of published) expect(text).toContain(`${inspection.service.name}${inspection.source.partners.length || inspection.source.reinspectionOf ? ' (' : ''}`);
    for (const inspection of published) expect(text).toContain(formatDate(inspection.source.published));
    const json = JSON.parse(read('data/ratings.json').toString('utf8'));
    const { rows } = csvObjects(read('data/ratings.csv').toString('utf8'));
    expect(json.rows.map((r: { slug: string }) => r.slug).sort()).toEqual(published.map((i) => i.slug).sort());
    expect(rows.map((r) => r.slug)).toEqual(json.rows.map((r: { slug: string }) => r.slug));
  });

  it('leaves drafts and embargoed reports out of every page, PDF and data file', async () => {
    expect([...new Set(hidden.map((i) => i.source.status))].sort()).toEqual(['draft', 'embargoed', 'published']);
    expect(hidden.map((i) => i.slug)).toEqual(expect.arrayContaining(['aberwyn-2026', 'saltmarsh-2026']));
    // Names of services with no public inspection: they must appear nowhere.
    const hiddenNames = hidden.filter((i) => !published.some((p) => p.service.slug === i.service.slug)).map((i) => i.service.name);
    expect(hiddenNames.length).toBeGreaterThan(0);
    const files = ['ratings/index.html', 'data/ratings.csv', 'data/ratings.json', ...years.map((y) => `ratings/${y}/index.html`)];
    for (const file of files) {
      const content = read(file).toString('utf8');
      for (const inspection of hidden) expect(content, file).not.toContain(inspection.slug);
      for (const name of hiddenNames) expect(content, file).not.toContain(name);
    }
    for (const file of ['ratings/ratings.pdf', ...years.map((y) => `ratings/${y}/ratings.pdf`)]) {
      const pdf = await readPdf(new Uint8Array(read(file)));
      const text = pdf.pages.flatMap((items) => items.map((i) => i.text)).join(' ');
      for (const name of hiddenNames) expect(text, file).not.toContain(name.split(' ')[0]);
    }
  });
});
