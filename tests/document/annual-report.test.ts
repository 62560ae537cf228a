/**
 * The annual report: its figures against the aggregates they are drawn from (and against values
 * worked out by hand in tests/model/aggregates.test.ts), small counts never shown, figures and
 * tables numbered in order and listed with the pages they are on, and the checks of its file.
 */
import fs from 'node:fs';
import { messagesIn } from '../support/messages.ts';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { ContentReader } from '../../src/check/content-reader.ts';
import { DiagnosticList, type Diagnostic } from '../../src/check/diagnostics.ts';
import { loadAnnualReports } from '../../src/check/annual-reports.ts';
import { checkNarrativeMdx } from '../../src/check/rules/narrative-mdx.ts';
import { readMarkdown } from '../../src/source/markdown-file.ts';
import { allComponents, componentNamed, type BlockComponent } from '../../src/document/components.ts';
import { figuresOf, inlineText, type Block, type TableCell } from '../../src/document/blocks.ts';
import { annualReportDocument, numberFigures } from '../../src/document/annual-report-document.ts';
import { IdMaker } from '../../src/document/make-blocks.ts';
import {
  annualReportContext,
  casesSufficient,
  childCharacteristicsTable,
  disposalTypeFigure,
  periodLabel,
  recommendationAddresseesFigure,
  reinspectionScores,
  themeLabel,
  yearOnlyNote,
  type AnnualReportContext,
} from '../../src/document/annual-report-figures.ts';
import { addresseeKind, countsByKind } from '../../src/model/addressee-kinds.ts';
import { childCharacteristics, disposalTypes, overallByYear, recommendationCounts, reinspections, standardDistribution, sufficiencyByYear } from '../../src/model/aggregates.ts';
import { outOfCourtDisposals } from '../../src/model/schemas/case.ts';
import type { AnnualReport } from '../../src/model/project.ts';
import { renderDocumentPdf } from '../../src/pdf/render-document.ts';
import { expectTextAsWritten } from '../support/extracted-words.ts';
import { linesOf, readPdf, structureText } from '../support/pdf.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { project, diagnostics } = loadProject(root);
const report = project.annualReports.find((r) => r.year === '2026')!;
const ctx = annualReportContext(project, report);
const document = annualReportDocument(project, report, root);

type Chart = Extract<Block, { type: 'chart' }>;
type Table = Extract<Block, { type: 'table' }>;
const charts = document.body.filter((b): b is Chart => b.type === 'chart');
const tables = document.body.filter((b): b is Table => b.type === 'table' && b.number !== undefined);
const chartTitled = (start: string) => charts.filter((c) => c.title.startsWith(start));
const cellText = (cell: TableCell | undefined) => (cell ? inlineText(cell.inlines).replace(/\n/g, ' ') : '');
const rowsOf = (table: Table) => table.rows.map((row) => row.map(cellText));
/** A report with another period (and threshold), over the same inspections. */
const withSource = (changes: Partial<AnnualReport['source']>): AnnualReportContext => annualReportContext(project, { source: { ...report.source, ...changes } });

describe('the sample annual report', () => {
  it('checks clean', () => {
    expect(diagnostics.filter((d) => d.file.startsWith('content/annual-reports'))).toEqual([]);
    expect(report.source).toMatchObject({ period: { from: '2022-01-01', to: '2026-09-30' }, previousPeriod: { from: '2019-01-01', to: '2021-12-31' }, status: 'published', minimumCount: 5 });
  });

  it('counts the inspections with fieldwork in the period that are published by its date', () => {
    // Historic records count by their fieldwork, or, where the source gives none, their publication date.
    expect(ctx.inspections.map((i) => i.slug)).toEqual([
      'northmoor-2022', 'wolverhampton-2022', 'neath-port-talbot-2022', 'bridgend-2022', 'bolton-2022', 'cardiff-2022', 'hammersmith-fulham-2022', 'york-2022',
      'eastbrook-2023', 'swindon-2023', 'harrowfield-2023', 'northmoor-2024', 'kingsmere-2025', 'cwm-ty-gwyn-2026',
    ]);
    // Saltmarsh 2026 (draft) and Aberŵyn 2026 (embargoed into 2027) are left out; Dudley is the previous period.
    expect(ctx.previous.map((i) => i.slug)).toEqual(['dudley-2019', 'cardiff-2020']);
    // A report dated before an inspection is published does not count it.
    expect(withSource({ published: '2025-03-17' }).inspections.map((i) => i.slug)).not.toContain('kingsmere-2025');
  });
});

describe('each figure is the aggregate it is drawn from', () => {
  const ratingIds = { Outstanding: 'outstanding', Good: 'good', 'Requires improvement': 'requires-improvement', Inadequate: 'inadequate' } as Record<string, string>;

  it('overall ratings over the whole period by default, and by year with byYear', () => {
    const [period, byYear] = chartTitled('Overall ratings');
    expect(period!.title).toBe('Overall ratings, January 2022 to September 2026');
    expect(byYear!.title).toBe('Overall ratings, by year of fieldwork');
    const years = overallByYear(ctx.inspections);
    expect(byYear!.chart.categories).toEqual(years.map((y) => y.year));
    expect(byYear!.chart.series.map((s) => s.name)).toEqual(Object.keys(ratingIds));
    for (const series of byYear!.chart.series) expect(series.values, series.name).toEqual(years.map((y) => y.counts[ratingIds[series.name]!] ?? 0));
    // By hand (aggregates.test.ts): 2023 had one Good and one Outstanding inspection.
    // The historic record of Swindon (published January 2023, Outstanding) counts here too: overall ratings need no case data.
    expect(rowsOf(byYear!.table).find((r) => r[0] === '2023')).toEqual(['2023', '2', '1', '0', '0', '3']);
    // One bar for the period: each rating's count is the sum of its years', and every inspection is in it.
    expect(period!.chart.categories).toEqual(['January 2022 to September 2026']);
    for (const series of period!.chart.series) expect(series.values, series.name).toEqual([years.reduce((n, y) => n + (y.counts[ratingIds[series.name]!] ?? 0), 0)]);
    // The fictional samples (1 Outstanding, 3 Good, 1 Requires improvement, 1 Inadequate) and the historic records of seed 001 in the period (3, 3, 2 and 0).
    expect(rowsOf(period!.table)).toEqual([['January 2022 to September 2026', '4', '6', '3', '1', String(ctx.inspections.length)]]);
    expect(period!.table.head[0]!.map(cellText)[0]).toBe('Period');
  });

  it('keeps the earlier name <OverallRatingsByYear /> working, as the chart by year', () => {
    const old = componentNamed('OverallRatingsByYear') as BlockComponent<Record<string, never>>;
    const [chart] = old.blocks({}, { annualReport: ctx, messages: messagesIn('en') }, []) as Chart[];
    expect(chart!.title).toBe('Overall ratings, by year of fieldwork');
    expect(chart!.chart.categories).toEqual(overallByYear(ctx.inspections).map((y) => y.year));
  });

  it('the ratings of each standard, "Not rated" included', () => {
    const distribution = standardDistribution(ctx.inspections);
    const domains = chartTitled('Ratings of the standard');
    expect(domains.map((c) => c.title)).toEqual([
      'Ratings of the standards of domain 1, Organisational delivery',
      'Ratings of the standards of domain 2, Court disposals',
      'Ratings of the standards of domain 3, Out-of-court disposals',
      'Ratings of the standard of domain 4, Resettlement',
    ]);
    const labels: Record<string, string> = { Outstanding: 'outstanding', Good: 'good', 'Requires improvement': 'requires-improvement', Inadequate: 'inadequate', 'Not rated': 'not-rated', 'Unclear': 'unclear' };
    for (const chart of domains) {
      for (const [index, category] of chart.chart.categories.entries()) {
        const standard = distribution.find((d) => `${d.id} ${d.name}` === category)!;
        for (const series of chart.chart.series) expect(series.values[index], `${category} ${series.name}`).toBe(standard.counts[labels[series.name]!] ?? 0);
      }
    }
    // By hand: Cwm Tŷ-gwyn's and Neath Port Talbot's resettlement standards were not rated; the
    // historic records of Bridgend, Cardiff 2022 and Swindon leave 4.1 not known; 14 inspections in all.
    const resettlement = rowsOf(domains[3]!.table)[0]!;
    expect(resettlement[0]).toBe('4.1 Resettlement policy and provision');
    expect(resettlement.slice(-3)).toEqual(['2', '3', '14']);
    expect(domains[0]!.chart.series.some((s) => s.name === 'Not rated')).toBe(false);
  });

  it('cases judged sufficient per key question over the period, and by year with byYear, for court and out-of-court work', () => {
    const byYear = sufficiencyByYear(ctx.inspections);
    const overPeriod = sufficiencyByYear(ctx.inspections, () => periodLabel(ctx.period));
    const court = chartTitled('Court cases judged sufficient');
    const outOfCourt = chartTitled('Out-of-court cases judged sufficient');
    // The sample report draws 2.1 twice: over the period, then by year.
    expect(court.map((c) => c.title.replace(/^.*\((\d\.\d)\)/, '$1'))).toEqual(['2.1', '2.1, by year', '2.2', '2.3', '2.4']);
    expect(outOfCourt.map((c) => /\((\d\.\d)\)/.exec(c.title)![1])).toEqual(['3.1', '3.2', '3.3']);
    for (const chart of [...court, ...outOfCourt]) {
      const pooled = chart.title.endsWith(', by year') ? byYear : overPeriod;
      chart.chart.categories.forEach((category, index) => {
        const question = pooled.find((q) => category.startsWith(`${q.id} `) || category === q.id)!;
        for (const series of chart.chart.series) expect(series.values[index], `${question.id} ${series.name}`).toBe(question.points.find((p) => p.label === series.name)?.percent ?? null);
      });
    }
    expect(court[0]!.chart.series.map((s) => s.name)).toEqual(['January 2022 to September 2026']);
    // By hand (aggregates.test.ts): 2.1.1 in 2023 is 40 of 44, 91%.
    const assessment = rowsOf(court[1]!.table);
    const header = court[1]!.table.head[0]!.map(cellText);
    expect(assessment[0]![header.indexOf('2023')]).toBe('91% (40 of 44)');
    // Over the period, 2.1.1 is every year's cases added up.
    const all = byYear.find((q) => q.id === '2.1.1')!.points;
    const [yes, relevant] = [all.reduce((n, p) => n + p.yes, 0), all.reduce((n, p) => n + p.relevant, 0)];
    expect(rowsOf(court[0]!.table)[0]![1]).toBe(`${Math.floor((yes * 200 + relevant) / (relevant * 2))}% (${yes} of ${relevant})`);
  });

  it('splits a year in which the framework changed, and says so', () => {
    const both = { ...ctx, inspections: project.inspections.filter((i) => ['dudley-2019', 'northmoor-2022'].includes(i.slug)).map((i, n) => ({ ...i, source: { ...i.source, fieldwork: { start: n === 0 ? '2021-05-01' : '2021-09-01', end: '2021-09-05' } } })) };
    const blocks = casesSufficient(both, 'court', '2.1', true);
    const chart = blocks.find((b): b is Chart => b.type === 'chart')!;
    expect(chart.chart.series.map((s) => s.name)).toEqual(['2021 (youth-2018)', '2021 (youth-2021)']);
    expect(blocks.some((b) => b.type === 'paragraph' && inlineText(b.inlines).includes('changed in July 2021'))).toBe(true);
    // Over the whole period too: one bar per framework.
    const period = casesSufficient(both, 'court', '2.1').find((b): b is Chart => b.type === 'chart')!;
    expect(period.chart.series.map((s) => s.name)).toEqual(['January 2022 to September 2026 (youth-2018)', 'January 2022 to September 2026 (youth-2021)']);
  });

  it('reinspections against their original inspections, each score with its maximum', () => {
    const [chart] = chartTitled('Composite scores');
    const pairs = reinspections(ctx.inspections, ctx.all);
    // Bridgend and Neath Port Talbot followed up Western Bay 2018, whose source gives no score: left out, and said so.
    const scored = pairs.filter((p) => p.original.score !== null && p.reinspection.score !== null);
    expect(pairs.length - scored.length).toBe(2);
    expect(chart!.chart.categories).toEqual(scored.map((p) => p.service));
    expect(reinspectionScores(ctx).map((b) => (b.type === 'paragraph' ? inlineText(b.inlines) : '')).join(' ')).toContain('2 reinspections are not compared here (Neath Port Talbot Youth Justice Service and Bridgend Youth Justice Service): no composite score is recorded for the 2018 inspection of Western Bay Youth Justice and Early Intervention Service.');
    // Cardiff's historic records (2020, reinspected 2022) are compared by their published scores.
    expect(chart!.chart.series).toEqual([
      { name: 'First inspection', values: [0, 4] },
      { name: 'Reinspection', values: [11, 22] },
    ]);
    expect(chart!.chart.max).toBe(36);
    expect(rowsOf(chart!.table)).toEqual([
      ['Cardiff Youth Justice Service', '2020: 0 out of 36, Inadequate', '2022: 11 out of 36, Requires improvement'],
      ['Northmoor Youth Justice Service', '2022: 4 out of 36, Inadequate', '2024: 22 out of 36, Good'],
    ]);
  });

  it('names a historic record known only by a year the period cuts through, instead of counting it', () => {
    const westernBay = ctx.all.find((i) => i.slug === 'western-bay-2018')!;
    const note = yearOnlyNote({ period: { from: '2017-10-01', to: '2018-09-30' }, yearOnlyLeftOut: [westernBay] });
    expect(note.map((b) => (b.type === 'paragraph' ? inlineText(b.inlines) : '')).join('')).toBe('1 historic inspection is not counted here: Western Bay Youth Justice and Early Intervention Service (2018). Its source gives only the year, and October 2017 to September 2018 does not cover the whole of it, so it may fall outside the period.');
    expect(yearOnlyNote({ period: ctx.period, yearOnlyLeftOut: [] })).toEqual([]);
    expect(annualReportContext({ inspections: [...ctx.all], frameworks: [] }, { source: { period: { from: '2017-10-01', to: '2018-09-30' }, published: '2026-11-10', minimumCount: 5 } } as never).yearOnlyLeftOut.map((i) => i.slug)).toEqual(['western-bay-2018']);
  });

  it('out-of-court disposal types, count and per cent', () => {
    const [chart] = chartTitled('Out-of-court disposals');
    const result = disposalTypes(ctx.inspections, outOfCourtDisposals, 5);
    expect(chart!.chart.series[0]!.values).toEqual(result.cells.filter((c) => !c.suppressed).map((c) => c.count));
    expect(rowsOf(chart!.table)).toEqual([
      ...result.cells.map((c) => [expect.any(String), String(c.count), `${c.percent}%`]),
      ['All out-of-court cases', String(result.total), '100%'],
    ]);
  });

  it('the characteristics of the children, with small counts suppressed', () => {
    const [table] = tables.filter((t) => t.caption.startsWith('Characteristics'));
    const fields = { sex: ['female', 'male'], looked_after: ['yes', 'no'], disability: ['yes', 'no', 'not-known'], ethnicity: ['asian', 'black', 'mixed', 'white', 'other', 'not-known'] };
    const breakdowns = childCharacteristics(ctx.inspections, fields, 5);
    const rows = rowsOf(table!).filter((r) => r.length === 3).slice(0, -1);
    expect(rows.map((r) => r.slice(1))).toEqual(breakdowns.flatMap((b) => b.cells.map((c) => (c.suppressed ? ['fewer than 5', '–'] : [String(c.count), `${c.percent}%`]))));
    expect(rows.find((r) => r[0] === 'Another ethnic group')).toEqual(['Another ethnic group', 'fewer than 5', '–']);
    expect(rowsOf(table!).at(-1)).toEqual(['All children whose cases we inspected', String(breakdowns[0]!.total), '100%']);
    expect(cellText({ inlines: table!.note! })).toContain('fewer than 5 children are not shown');
  });

  it('recommendations by theme against the previous period', () => {
    const [table] = tables.filter((t) => t.caption.startsWith('Recommendations by theme'));
    const { byTheme } = recommendationCounts(ctx.inspections, ctx.previous);
    expect(rowsOf(table!).map((r) => [r[0], r[1], r[3]])).toEqual(byTheme.map((t) => [themeLabel(t.key), String(t.count), String(t.previous)]));
    expect(rowsOf(table!)[0]).toEqual(['Risk of harm', '7', '30%', '1', '20%']);
  });

  it('recommendations by kind of addressee against the previous period, grouped by the documented words', () => {
    const [chart] = chartTitled('Who our recommendations');
    const kinds = countsByKind(recommendationCounts(ctx.inspections, ctx.previous).byAddressee);
    expect(chart!.chart.categories).toEqual(['Management boards', 'Heads and managers of services']);
    expect(rowsOf(chart!.table).map((r) => r.slice(0, 3))).toEqual(kinds.map((k) => [k.kind.label, expect.stringMatching(new RegExp(`^${k.count} \\(`)), expect.stringMatching(new RegExp(`^${k.previous} \\(`))]));
    expect(kinds.reduce((n, k) => n + k.count, 0)).toBe(ctx.inspections.flatMap((i) => i.source.recommendations).length);
    expect(addresseeKind('Chair of the YOS Management Board').id).toBe('management-board');
    expect(addresseeKind('YOS Manager').id).toBe('service-leader');
    expect(addresseeKind('Head of Northmoor Youth Justice Service').id).toBe('service-leader');
    expect(addresseeKind('Chief Constable of Thames Valley Police').id).toBe('police');
    expect(addresseeKind('Youth Justice Board for England and Wales').id).toBe('national');
    expect(addresseeKind('The headteachers of Dudley').id).toBe('other');
    // The grouping is stated next to the figure and in the annex.
    const blocks = recommendationAddresseesFigure(ctx);
    expect(blocks.some((b) => b.type === 'paragraph' && inlineText(b.inlines).includes('by the words in their names'))).toBe(true);
    expect(document.body.some((b) => b.type === 'paragraph' && inlineText(b.inlines).includes('“Management Board”'))).toBe(true);
  });
});

describe('small counts', () => {
  // 2023 (aggregates.test.ts): community resolution 11, youth caution 5, conditional caution 5, other 3 of 24.
  const year2023 = withSource({ period: { from: '2023-01-01', to: '2023-12-31' } });

  it('leaves a count below the threshold out of the chart and says "fewer than 5" in the table; the one hidden with it "not shown"', () => {
    const blocks = disposalTypeFigure(year2023);
    const chart = blocks[0] as Chart;
    expect(chart.chart.categories).toEqual(['Community resolution', 'Youth conditional caution']);
    expect(chart.chart.series[0]!.values).toEqual([11, 5]);
    expect(rowsOf(chart.table)).toEqual([
      ['Community resolution', '11', '46%'],
      ['Youth caution', 'not shown', '–'],
      ['Youth conditional caution', '5', '21%'],
      ['Other out-of-court disposal', 'fewer than 5', '–'],
      ['All out-of-court cases', '24', '100%'],
    ]);
    expect(chart.description).toContain('Youth caution and Other out-of-court disposal are left out');
    const note = blocks[1]!;
    expect(note.type === 'paragraph' && inlineText(note.inlines)).toMatch(/^Youth caution and Other out-of-court disposal are left out of the chart: so that no child can be identified, counts of fewer than 5 children are not shown/);
  });

  it('takes the threshold from the report', () => {
    const relaxed = disposalTypeFigure({ ...year2023, minimumCount: 3 });
    expect(rowsOf((relaxed[0] as Chart).table).map((r) => r[1])).toEqual(['11', '5', '5', '3', '24']);
    // The one other block says that the historic record of 2023 (Swindon) is left out of this figure.
    expect(relaxed).toHaveLength(2);
    expect(inlineText((relaxed[1] as Extract<Block, { type: 'paragraph' }>).inlines)).toBe('1 historic inspection has no case data and is not counted here.');
    const strict = childCharacteristicsTable({ ...ctx, minimumCount: 20 });
    const texts = rowsOf(strict[0] as Table).flat();
    expect(texts).toContain('fewer than 20');
    // No number below the threshold is left in any count column.
    for (const row of rowsOf(strict[0] as Table)) if (row.length === 3 && /^\d+$/.test(row[1]!)) expect(Number(row[1])).toBeGreaterThanOrEqual(20);
  });

  it('never shows a count below the threshold anywhere in the document', () => {
    const minimum = report.source.minimumCount;
    for (const table of [...tables, ...charts.map((c) => c.table)]) {
      const breakdown = /Characteristics|Out-of-court disposals/.test(table.caption) || charts.some((c) => c.table === table && c.title.startsWith('Out-of-court disposals'));
      if (!breakdown) continue;
      for (const row of rowsOf(table)) if (/^\d+$/.test(row[1] ?? '')) expect(Number(row[1]), row.join(' | ')).toBeGreaterThanOrEqual(minimum);
    }
  });
});

describe('numbering', () => {
  it('numbers figures and tables separately, in document order, and lists them all', () => {
    expect(charts.map((c) => c.number)).toEqual(charts.map((_, i) => i + 1));
    expect(tables.map((t) => t.number)).toEqual(tables.map((_, i) => i + 1));
    expect(charts.length).toBe(17);
    expect(tables.map((t) => t.caption)).toEqual([
      'Characteristics of the children whose cases we inspected',
      `Recommendations by theme, this period (${periodLabel(report.source.period)}) against the previous one (2019 to 2021)`,
      'Ratings of the inspections in this period, in order of fieldwork',
    ]);
    const listed = figuresOf(document.body);
    const numbered = document.body.filter((b): b is Chart | Table => (b.type === 'chart' || (b.type === 'table' && b.number !== undefined)));
    expect(listed.map((f) => f.id)).toEqual(numbered.map((b) => b.id));
    expect(listed.map((f) => f.text)).toEqual(numbered.map((b) => (b.type === 'chart' ? `Figure ${b.number}: ${b.title}` : `Table ${b.number}: ${b.caption}`)));
    expect(new Set(listed.map((f) => f.id)).size).toBe(listed.length);
  });

  it('numbers the captioned tables written in the narrative too, in place of a number written by hand', () => {
    const cell = (value: string): TableCell => ({ inlines: [{ type: 'text', value }] });
    const written: Table = { type: 'table', caption: 'Table 7: What staff told us', head: [[cell('a')]], rows: [[cell('b')]] };
    const uncaptioned: Table = { type: 'table', caption: '', head: [[cell('a')]], rows: [[cell('b')]] };
    const body: Block[] = [{ type: 'heading', level: 2, id: 'table-1', text: 'Table 1', inContents: true }, { ...charts[0]! }, written, uncaptioned, { ...tables[0]! }];
    // A heading already has the id "table-1": the table's id stays unique.
    const ids = new IdMaker();
    ids.make('table-1');
    numberFigures(body, ids);
    expect(figuresOf(body).map((f) => [f.id, f.text])).toEqual([
      ['figure-1', `Figure 1: ${charts[0]!.title}`],
      ['table-1-2', 'Table 1: What staff told us'],
      ['table-2', `Table 2: ${tables[0]!.caption}`],
    ]);
    expect(uncaptioned.number).toBeUndefined();
  });

  it('lists each figure and table in the PDF with the page it is on', async () => {
    const rendered = await renderDocumentPdf(document);
    const pdf = await readPdf(rendered.bytes);
    const pageText = pdf.pages.map((items) => linesOf(items).map((l) => l.text));
    const listPage = pageText.findIndex((lines) => lines[0] === 'List of figures and tables');
    expect(listPage).toBeGreaterThan(0);
    const listText = pageText.slice(listPage, listPage + 2).flat().join(' ');
    for (const entry of figuresOf(document.body)) {
      const match = new RegExp(`${entry.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(listText);
      expect(match, entry.text).not.toBeNull();
      const page = Number(match![1]);
      expect(page, entry.id).toBe(rendered.headingPages[entry.id]);
      // The figure's numbered title is on that page.
      expect(pageText[page - 1]!.join(' '), entry.text).toContain(entry.text.split(':')[0] + ':');
      expect(await pdf.destinationPage(entry.id)).toBe(page);
    }
    // Its words extract as written: list entries apart from their pages, chart labels not read after the alt text.
    await expectTextAsWritten(rendered.bytes, document);
    const structure = (await structureText(rendered.bytes)).replace(/\s+/g, ' ');
    for (const entry of figuresOf(document.body)) expect(structure).toContain(`${entry.text} ${rendered.headingPages[entry.id]}`);
    // Suppressed cells read as words in the PDF too.
    const text = pageText.flat().join('\n');
    expect(text).toMatch(/Another ethnic group fewer than 5 –/);
  }, 60_000);
});

// ---- checks ----

describe('checks', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((f) => fs.rmSync(f, { recursive: true, force: true })));

  /** Checks annual report files (name → text) against the sample inspections. */
  function check(files: Record<string, string>): Diagnostic[] {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'annual-report-'));
    folders.push(folder);
    fs.mkdirSync(path.join(folder, 'content/annual-reports'), { recursive: true });
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, 'content/annual-reports', name), text);
    const list = new DiagnosticList();
    loadAnnualReports(new ContentReader(folder, list), project);
    return list.items;
  }
  const front = (fields: string) => `---\n${fields}\n---\n\n## Introduction\n\nText.\n`;
  const good = 'title: Annual report\nperiod: { from: 2023-01-01, to: 2023-12-31 }\npublished: 2024-02-01\nstatus: published';
  const rules = (found: Diagnostic[]) => found.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`);

  it('accepts a well-formed annual report', () => {
    expect(check({ '2023.mdx': front(good) })).toEqual([]);
  });

  it('reports front matter problems where they are written', () => {
    expect(rules(check({ '2023.mdx': '## Introduction\n\nText.\n' }))).toEqual(['1:1 error front-matter']);
    expect(rules(check({ '2023.mdx': '---\ntitle: x\n' }))).toEqual(['1:1 error front-matter']);
    // A misspelt field, on the line it is written in the file.
    const misspelt = check({ '2023.mdx': front(good.replace('published:', 'pubished:')) });
    expect(rules(misspelt)).toEqual(['4:1 error unknown-field']);
    expect(rules(check({ '2023.mdx': front(`${good}\nminimumCount: 1`) }))).toEqual(['6:15 error out-of-range']);
    expect(rules(check({ '2023.mdx': front(good.replace('to: 2023-12-31', 'to: 2022-12-31')) }))).toEqual(['3:33 error annual-report-period']);
    expect(rules(check({ '2023.mdx': front(good.replace('2024-02-01', '2023-06-01')) }))).toEqual(['4:12 error published-before-period-end', '4:12 warning inspection-left-out']);
    expect(rules(check({ '2023.mdx': front(`${good}\npreviousPeriod: { from: 2022-01-01, to: 2023-03-01 }`) }))).toEqual(['6:41 error annual-report-period']);
  });

  it('names the file after the year the period ends', () => {
    expect(rules(check({ '2024.mdx': front(good) }))).toEqual(['3:33 error annual-report-name']);
    expect(rules(check({ 'annual.mdx': front(good) }))).toEqual(['1:1 error annual-report-name']);
  });

  it('warns of a period without inspections, and of one left out because it is not yet published', () => {
    expect(rules(check({ '2030.mdx': front('title: x\nperiod: { from: 2030-01-01, to: 2030-12-31 }\npublished: 2031-01-05\nstatus: draft') }))).toEqual(['3:9 warning empty-period']);
    const left = check({ '2026.mdx': front('title: x\nperiod: { from: 2026-01-01, to: 2026-12-31 }\npublished: 2027-01-05\nstatus: draft') });
    expect(left.map((d) => d.message)).toEqual([expect.stringMatching(/^aberwyn-2026, saltmarsh-2026 had their fieldwork in the period but are not published by 2027-01-05/)]);
  });

  it('checks the narrative: an inspection\'s components and unknown attributes are errors', () => {
    const found = check({ '2023.mdx': `${front(good)}\n<Rating standard="1.1" />\n\n<CasesSufficient caseType="court" standard="3.4" />\n\n<StandardRatings domain="9" />\n\n<DisposalType />\n` });
    expect(rules(found)).toEqual(['12:1 error component-context', '14:35 error component-attribute', '16:18 error component-attribute', '18:1 error unknown-component']);
    expect(found[0]!.message).toBe('<Rating /> draws on the data of an inspection\'s report, so it cannot be used in an annual report');
    expect(found[1]!.message).toBe('<CasesSufficient> standard "3.4" is not rated from court cases');
    expect(found[3]!.message).toContain('did you mean <DisposalTypes />?');
  });

  it('takes byYear on its own, and reports a value given to it', () => {
    expect(check({ '2023.mdx': `${front(good)}\n<OverallRatings byYear />\n\n<CasesSufficient caseType="court" byYear />\n\n<OverallRatingsByYear />\n` })).toEqual([]);
    const found = check({ '2023.mdx': `${front(good)}\n<OverallRatings byYear="yes" />\n` });
    expect(rules(found)).toEqual(['12:17 error component-attribute']);
    expect(`${found[0]!.message} ${found[0]!.hint}`).toContain('write byYear on its own, with no value');
  });

  it('reports an annual report\'s figure in an inspection\'s report.mdx', () => {
    const dudley = project.inspections.find((i) => i.slug === 'dudley-2019')!;
    for (const component of allComponents().filter((c) => c.context === 'annual-report')) {
      const text = `## Foreword\n\n${component.example}\n`;
      const list = new DiagnosticList();
      checkNarrativeMdx({ tree: readMarkdown(text).tree!, text, file: dudley.narrativeFile, folder: root, inspection: dudley, diagnostics: list });
      expect(list.items.map((d) => `${d.line}:${d.column} ${d.rule}`), component.name).toEqual(['3:1 component-context']);
      expect(list.items[0]!.message).toContain('so it cannot be used in an inspection\'s report');
      expect(list.items[0]!.hint).toContain('content/annual-reports/<year>.mdx');
    }
  });

  it('does so through npm run check too', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'annual-report-project-'));
    folders.push(folder);
    fs.cpSync(path.join(root, 'tests/fixtures/valid'), folder, { recursive: true });
    const slug = fs.readdirSync(path.join(folder, 'content/inspections'))[0]!;
    const mdx = path.join(folder, 'content/inspections', slug, 'report.mdx');
    fs.appendFileSync(mdx, '\n<OverallRatingsByYear />\n');
    const line = fs.readFileSync(mdx, 'utf8').split('\n').indexOf('<OverallRatingsByYear />') + 1;
    const found = loadProject(folder).diagnostics.filter((d) => d.rule === 'component-context');
    expect(found.map((d) => `${d.file}:${d.line}`)).toEqual([`content/inspections/${slug}/report.mdx:${line}`]);
  });
});
