/**
 * The figures of an annual report: each turns the aggregates of src/model/aggregates.ts over the
 * inspections of the report's period into a chart (with its data as a table) or a table. Nothing is
 * computed here that the aggregates do not give, except labels; breakdowns of case data arrive with
 * their small counts already suppressed, and are drawn as "fewer than 5", never as a number.
 *
 * Figures and tables are numbered by the document (annual-report-document.ts), in document order.
 */
import { ADDRESSEE_KINDS, countsByKind } from '../model/addressee-kinds.ts';
import { childCharacteristics, datedOnlyByYear, disposalTypes, fieldworkYear, inPeriod, overallByYear, recommendationCounts, reinspections, standardDistribution, sufficiencyByYear, type BreakdownCell, type Period } from '../model/aggregates.ts';
import { hasCaseData, isPublic, type AnnualReport, type Inspection, type Project } from '../model/project.ts';
import { NOT_KNOWN, NOT_RATED, ratingLabel } from '../model/rating.ts';
import { outOfCourtDisposals, type CaseRecord } from '../model/schemas/case.ts';
import type { Framework } from '../model/schemas/framework.ts';
import type { Block, ChartSpec, TableCell } from './blocks.ts';
import { formatDate } from './dates.ts';
import { ratingInline } from './report-tables.ts';
import { cell, text } from './make-blocks.ts';
import { countOf, listOf } from './phrases.ts';
import { kindPhrase } from '../model/inspection-kind.ts';
import { ratingMarkFromTop, type RatingMark } from '../visual-system.ts';

/** What the annual report's components draw from: the inspections of its period, and of the period before. */
export interface AnnualReportContext {
  period: Period;
  previousPeriod?: Period;
  /** Inspections whose fieldwork started in the period and that were public on the report's publication date. */
  inspections: readonly Inspection[];
  /** Historic records known only by a year that the period cuts through: left out, and the ratings figures say so. */
  yearOnlyLeftOut: readonly Inspection[];
  /** Every inspection public on the report's publication date: a reinspection's original may be older than the period. */
  all: readonly Inspection[];
  /** The public inspections of the previous period (none without one). */
  previous: readonly Inspection[];
  /** Counts of children below this are not shown. */
  minimumCount: number;
  /** The frameworks of the project, newest last: names of domains and standards. */
  frameworks: readonly Framework[];
}

/**
 * The inspections an annual report counts: fieldwork started in its period, and public on the day the
 * report is published, so that its figures do not change after publication.
 */
export function annualReportContext(project: Pick<Project, 'inspections' | 'frameworks'>, report: Pick<AnnualReport, 'source'>): AnnualReportContext {
  const { period, previousPeriod, published, minimumCount } = report.source;
  const all = project.inspections.filter((i) => isPublic(i, published));
  const byFieldwork = (a: Inspection, b: Inspection) => (a.source.fieldwork.start === b.source.fieldwork.start ? a.slug.localeCompare(b.slug) : a.source.fieldwork.start < b.source.fieldwork.start ? -1 : 1);
  return {
    period,
    ...(previousPeriod ? { previousPeriod } : {}),
    inspections: inPeriod(all, period).sort(byFieldwork),
    yearOnlyLeftOut: datedOnlyByYear(all, period),
    all,
    previous: previousPeriod ? inPeriod(all, previousPeriod).sort(byFieldwork) : [],
    minimumCount,
    frameworks: project.frameworks,
  };
}

// ---- small helpers ----

const number = (value: string): TableCell => cell(value, { align: 'right' });
const small = (value: string): Block => ({ type: 'paragraph', inlines: [text(value)], style: 'small' });
const percentOf = (count: number, total: number) => (total === 0 ? 0 : Math.floor((count * 200 + total) / (total * 2)));
type Table = Extract<Block, { type: 'table' }>;
type Chart = Extract<Block, { type: 'chart' }>;

/** A numbered table: the document gives it its number and id. */
const table = (caption: string, head: TableCell[][], rows: TableCell[][], widths: number[], note?: string): Table => ({
  type: 'table',
  id: 'table',
  caption,
  head,
  rows,
  widths,
  ...(note ? { note: [text(note)] } : {}),
});

/** A chart, numbered by the document; its data table is captioned by the renderers from the figure's title. */
const chart = (title: string, description: string, spec: ChartSpec, head: TableCell[][], rows: TableCell[][], widths: number[], note?: string): Chart => ({
  type: 'chart',
  id: 'figure',
  title,
  description,
  chart: spec,
  table: { type: 'table', caption: '', head, rows, widths, ...(note ? { note: [text(note)] } : {}) },
});

/** "2022 to 2026" for whole years, else "January 2022 to September 2026". */
export function periodLabel(period: Period): string {
  const wholeYears = period.from.slice(5) === '01-01' && period.to.slice(5) === '12-31';
  const [fromYear, toYear] = [period.from.slice(0, 4), period.to.slice(0, 4)];
  if (wholeYears) return fromYear === toYear ? fromYear : `${fromYear} to ${toYear}`;
  return `${formatDate(period.from, 'month')} to ${formatDate(period.to, 'month')}`;
}

/** "risk-of-harm" → "Risk of harm"; "out-of-court-disposals" → "Out-of-court disposals". */
export function themeLabel(theme: string): string {
  const words = theme.replace(/\bout-of-court\b/g, 'out_of_court').split('-').join(' ').replace(/out_of_court/g, 'out-of-court');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Column widths for the PDF, in points of the A4 portrait text width (467): fixed columns of
 * numbers, wide enough for their longest header word in bold ("improvement"), and the first
 * column taking what is left.
 */
const TEXT_WIDTH = 467;
const columnWidths = (fixed: readonly number[]) => [Math.max(80, TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0)), ...fixed];
const RATING_COLUMN = 70;

/** The frameworks the period's inspections use, newest last; the project's newest when there are none. */
function frameworksOf(ctx: AnnualReportContext): Framework[] {
  const used = ctx.frameworks.filter((f) => ctx.inspections.some((i) => i.framework.id === f.id));
  return used.length ? used : ctx.frameworks.slice(-1);
}

/** Ratings highest first as series of a chart: every rating of the scale, then "Not rated" when it occurs. */
function ratingSeries(ctx: AnnualReportContext, counts: readonly Record<string, number>[]): { id: string; label: string; mark: RatingMark }[] {
  const frameworks = frameworksOf(ctx);
  const levels = new Map<string, { label: string; points: number }>();
  for (const framework of frameworks) for (const level of framework.ratingScale) if (!levels.has(level.id)) levels.set(level.id, { label: level.label, points: level.points });
  // Each rating's mark as tables give it: by its place from the top of the scale.
  const series = [...levels].sort((a, b) => b[1].points - a[1].points).map(([id, { label }], fromTop) => ({ id, label, mark: ratingMarkFromTop(fromTop) }));
  if (counts.some((c) => (c[NOT_RATED] ?? 0) > 0)) series.push({ id: NOT_RATED, label: ratingLabel(frameworks[frameworks.length - 1]!, NOT_RATED), mark: 'dash' });
  // A historic record's rating its source leaves unclear is counted, as "Unclear", so every bar adds up to its inspections.
  if (counts.some((c) => (c[NOT_KNOWN] ?? 0) > 0)) series.push({ id: NOT_KNOWN, label: ratingLabel(frameworks[frameworks.length - 1]!, NOT_KNOWN), mark: 'dash' });
  return series;
}

const noInspections = (ctx: AnnualReportContext): Block[] => [{ type: 'paragraph', inlines: [text(`No published inspection had its fieldwork in ${periodLabel(ctx.period)}, so there is nothing to show here.`)] }];

// ---- overall ratings, over the period or by year ----

/** Each inspection's group in a figure: the whole period by default, or its year of fieldwork. */
const groupOf = (ctx: AnnualReportContext, byYear: boolean) => (byYear ? fieldworkYear : () => periodLabel(ctx.period));

export function overallRatings(ctx: AnnualReportContext, byYear = false): Block[] {
  if (ctx.inspections.length === 0) return noInspections(ctx);
  const years = overallByYear(ctx.inspections, groupOf(ctx, byYear));
  const series = ratingSeries(ctx, years.map((y) => y.counts));
  const title = byYear ? 'Overall ratings, by year of fieldwork' : `Overall ratings, ${periodLabel(ctx.period)}`;
  const bars = byYear ? `Horizontal bars, one for each year from ${years[0]!.year} to ${years[years.length - 1]!.year}, each` : 'One horizontal bar for the whole period,';
  const description = `The overall ratings of the inspections with fieldwork in ${periodLabel(ctx.period)}. ${bars} divided into the number of inspections rated ${series.map((s) => s.label).join(', ')}; the number in each part is written on it and the ${byYear ? "year's total" : 'total'} at the end of the bar.`;
  return [
    chart(
      title,
      description,
      { kind: 'stacked-bar', categories: years.map((y) => y.year), series: series.map((s) => ({ name: s.label, rating: s.mark, values: years.map((y) => y.counts[s.id] ?? 0) })), unit: 'count', valueLabel: 'Number of inspections' },
      [[cell(byYear ? 'Year' : 'Period'), ...series.map((s) => number(s.label)), number('All')]],
      years.map((y) => [cell(y.year, { rowHeader: true }), ...series.map((s) => number(String(y.counts[s.id] ?? 0))), number(String(y.total))]),
      columnWidths([...series.map(() => RATING_COLUMN), 40]),
    ),
    ...yearOnlyNote(ctx),
  ];
}

/**
 * A historic record known only by its year may fall either side of a period that starts or ends in
 * that year: it is left out rather than counted in a period it may not belong to, and said so.
 */
export function yearOnlyNote(ctx: Pick<AnnualReportContext, 'yearOnlyLeftOut' | 'period'>): Block[] {
  const left = ctx.yearOnlyLeftOut;
  if (left.length === 0) return [];
  const names = left.map((i) => `${i.service.name} (${i.source.published})`);
  return [small(`${countOf(left.length, 'historic inspection')} ${left.length === 1 ? 'is' : 'are'} not counted here: ${names.join(', ')}. ${left.length === 1 ? 'Its source gives' : 'Their sources give'} only the year, and ${periodLabel(ctx.period)} does not cover the whole of it, so ${left.length === 1 ? 'it' : 'each'} may fall outside the period.`)];
}

// ---- each standard's ratings ----

export function standardRatings(ctx: AnnualReportContext, domain: string | undefined): Block[] {
  if (ctx.inspections.length === 0) return noInspections(ctx);
  const standards = standardDistribution(ctx.inspections).filter((s) => domain === undefined || s.id.split('.')[0] === domain);
  const series = ratingSeries(ctx, standards.map((s) => s.counts));
  const frameworks = frameworksOf(ctx);
  const domainName = domain === undefined ? undefined : [...frameworks].reverse().flatMap((f) => f.domains).find((d) => d.id === domain)?.name;
  const what = domain === undefined ? 'every standard' : `the ${standards.length === 1 ? 'standard' : 'standards'} of domain ${domain}, ${domainName}`;
  const title = `Ratings of ${what}`;
  const description = `How the inspections with fieldwork in ${periodLabel(ctx.period)} rated ${what}. Horizontal bars, one for each standard (${standards.map((s) => s.id).join(', ')}), each divided into the number of inspections that rated it ${series.map((s) => s.label).join(', ')}; the number in each part is written on it and the number of inspections at the end of the bar.`;
  return [
    chart(
      title,
      description,
      { kind: 'stacked-bar', categories: standards.map((s) => `${s.id} ${s.name}`), series: series.map((r) => ({ name: r.label, rating: r.mark, values: standards.map((s) => s.counts[r.id] ?? 0) })), unit: 'count', valueLabel: 'Number of inspections' },
      [[cell('Standard'), ...series.map((s) => number(s.label)), number('All')]],
      standards.map((s) => [cell(`${s.id} ${s.name}`, { rowHeader: true }), ...series.map((r) => number(String(s.counts[r.id] ?? 0))), number(String(s.total))]),
      columnWidths([...series.map(() => RATING_COLUMN), 40]),
    ),
  ];
}

// ---- cases judged sufficient ----

/** A key question in a few words for a chart label, from the three things every case-sample standard asks about. */
export function keyQuestionShortLabel(question: string): string | undefined {
  if (/desistance/i.test(question)) return 'Desistance';
  if (/other people/i.test(question)) return 'Keeping other people safe';
  if (/(the child or young person|the child)\b.*\bsafe|safety of the child/i.test(question)) return 'Keeping the child safe';
  return undefined;
}

/** The case-sample standards of a case type, in the frameworks of the period, newest wording last. */
export function caseSampleStandards(ctx: AnnualReportContext, caseType: string): { id: string; name: string }[] {
  const standards = new Map<string, string>();
  for (const framework of frameworksOf(ctx)) {
    for (const domain of framework.domains) {
      if (domain.caseType !== caseType) continue;
      for (const standard of domain.standards) if (standard.method === 'case-sample') standards.set(standard.id, standard.name);
    }
  }
  return [...standards].map(([id, name]) => ({ id, name }));
}

function casesSufficientOf(ctx: AnnualReportContext, caseType: 'court' | 'out-of-court', standard: string | undefined, byYear = false): Block[] {
  if (ctx.inspections.length === 0) return noInspections(ctx);
  const questions = sufficiencyByYear(ctx.inspections, groupOf(ctx, byYear)).filter((q) => q.caseType === caseType);
  const standards = caseSampleStandards(ctx, caseType).filter((s) => standard === undefined || s.id === standard);
  const work = caseType === 'court' ? 'Court cases' : 'Out-of-court cases';
  const cases = caseType === 'court' ? 'court cases' : 'out-of-court cases';
  const blocks: Block[] = [];
  let split = false;
  for (const { id, name } of standards) {
    const own = questions.filter((q) => q.id.startsWith(`${id}.`));
    if (own.length === 0) {
      blocks.push({ type: 'paragraph', inlines: [text(`No ${cases} were inspected against standard ${id} ${name} in ${periodLabel(ctx.period)}.`)] });
      continue;
    }
    const labels = [...new Set(own.flatMap((q) => q.points.map((p) => p.label)))].sort();
    split ||= labels.some((l) => l.includes('('));
    const point = (q: (typeof own)[number], label: string) => q.points.find((p) => p.label === label);
    const title = `${work} judged sufficient: ${name.toLowerCase()} (${id})${byYear ? ', by year' : ''}`;
    const bars = byYear || labels.length > 1 ? `Horizontal bars in groups: for each key question of standard ${id}, one bar per ${byYear ? 'year' : 'set of standards'} (${labels.join(', ')}), its` : `Horizontal bars, one for each key question of standard ${id},`;
    const description = `The ${cases} judged sufficient on each key question of standard ${id}, ${name}, in the inspections with fieldwork in ${periodLabel(ctx.period)}. ${bars} length the percentage of ${cases} judged sufficient, written at its end.`;
    blocks.push(
      chart(
        title,
        description,
        {
          kind: 'bar',
          categories: own.map((q) => `${q.id} ${keyQuestionShortLabel(q.text) ?? ''}`.trim()),
          series: labels.map((label) => ({ name: label, values: own.map((q) => point(q, label)?.percent ?? null) })),
          unit: '%',
          valueLabel: `Per cent of ${cases} judged sufficient`,
        },
        [[cell('Key question'), ...labels.map((l) => number(l))]],
        own.map((q) => [
          cell(`${q.id} ${q.text}`, { rowHeader: true }),
          ...labels.map((label) => {
            const p = point(q, label);
            // The percentage, and under it the count it comes from.
            return p && p.percent !== null ? ({ inlines: [text(`${p.percent}%`), { type: 'break' }, text(`(${p.yes} of ${p.relevant})`)], align: 'right' } satisfies TableCell) : number('no cases');
          }),
        ]),
        columnWidths(labels.map((l) => (l.length > 4 ? 70 : 56))),
      ),
    );
  }
  if (split) blocks.push(small(`The inspection standards changed in July 2021: ${byYear ? 'a year' : 'a period'} in which both sets were used is shown twice, once for the inspections under each, named in brackets.`));
  return blocks;
}

// ---- reinspections ----

export function reinspectionScores(ctx: AnnualReportContext): Block[] {
  const allPairs = reinspections(ctx.inspections, ctx.all);
  // A score the source does not give cannot be compared: such a pair is left out, and the figure says so.
  const pairs = allPairs.flatMap((p) => (p.original.score === null || p.reinspection.score === null ? [] : [{ ...p, original: { ...p.original, score: p.original.score }, reinspection: { ...p.reinspection, score: p.reinspection.score } }]));
  const unscored = allPairs.filter((p) => !pairs.some((q) => q.reinspection.slug === p.reinspection.slug));
  // Named by the inspections whose score is not recorded: one such first inspection may have been followed up by several services.
  const unrecorded = [...new Set(unscored.flatMap((p) => [p.original, p.reinspection].filter((side) => side.score === null).map((side) => side.slug)))].map((slug) => ctx.all.find((i) => i.slug === slug)!);
  const unscoredNote = unscored.length
    ? [small(`${countOf(unscored.length, 'reinspection')} ${unscored.length === 1 ? 'is' : 'are'} not compared here (${listOf(unscored.map((p) => p.service))}): no composite score is recorded for ${listOf(unrecorded.map((i) => `the ${fieldworkYear(i)} ${kindPhrase(i.source)} of ${i.service.name}`))}.`)]
    : [];
  if (pairs.length === 0 && unscored.length) return [{ type: 'paragraph', inlines: [text(`No reinspection with fieldwork in ${periodLabel(ctx.period)} can be compared by composite score.`)] }, ...unscoredNote];
  if (pairs.length === 0) return [{ type: 'paragraph', inlines: [text(`No reinspection had its fieldwork in ${periodLabel(ctx.period)}.`)] }];
  const max = Math.max(...pairs.flatMap((p) => [p.original.maximum, p.reinspection.maximum]));
  const byInspection = new Map(ctx.all.map((i) => [i.slug, i]));
  const scoreCell = (s: (typeof pairs)[number]['original']): TableCell => {
    const inspection = byInspection.get(s.slug)!;
    return { inlines: [text(`${s.year}: ${s.score} out of ${s.maximum}, `), ratingInline(inspection, s.overall.rating, false)] };
  };
  const unequal = pairs.some((p) => p.original.maximum !== max || p.reinspection.maximum !== max);
  return [
    chart(
      'Composite scores at the first inspection and at the reinspection',
      `The services reinspected with fieldwork in ${periodLabel(ctx.period)}. Pairs of horizontal bars, one pair for each service reinspected (${pairs.map((p) => p.service).join(', ')}): the score at the first inspection, then at the reinspection, each written at the end of its bar, on a scale from 0 to ${max}.`,
      { kind: 'bar', categories: pairs.map((p) => p.service), series: [{ name: 'First inspection', values: pairs.map((p) => p.original.score) }, { name: 'Reinspection', values: pairs.map((p) => p.reinspection.score) }], unit: 'score', max, valueLabel: `Composite score (out of ${max})` },
      [[cell('Service'), cell('First inspection: score and overall rating'), cell('Reinspection: score and overall rating')]],
      pairs.map((p) => [cell(p.service, { rowHeader: true }), scoreCell(p.original), scoreCell(p.reinspection)]),
      [2, 2, 2],
      unequal ? 'A score out of less than the full maximum is from an inspection in which a domain was not rated.' : undefined,
    ),
    ...unscoredNote,
  ];
}

// ---- breakdowns of case data, suppressed ----

/**
 * What a suppressed cell says. A count below the minimum reads "fewer than 5"; a larger count hidden
 * only so that a small one cannot be worked out from the total reads "not shown", since "fewer than
 * 5" would be untrue of it. Which is which is read from the case records here, and only this word
 * leaves: never the count.
 */
function suppressedWords(cases: readonly CaseRecord[], field: keyof CaseRecord, cellValue: string, minimum: number): string {
  const count = cases.filter((c) => String(c[field]) === cellValue).length;
  return count < minimum ? `fewer than ${minimum}` : 'not shown';
}

/** The rows of a breakdown: label, count and percentage; a suppressed cell has words for its count and a dash for its percentage. */
function breakdownRows(cells: readonly BreakdownCell[], labels: Record<string, string>, words: ReadonlyMap<string, string>): TableCell[][] {
  return cells.map((c) => [cell(labels[c.value] ?? c.value, { rowHeader: true }), number(c.suppressed ? words.get(c.value)! : String(c.count)), number(c.suppressed ? '–' : `${c.percent}%`)]);
}

/** The words of each suppressed cell of a breakdown, by value. */
function wordsFor(cells: readonly BreakdownCell[], cases: readonly CaseRecord[], field: keyof CaseRecord, minimum: number): Map<string, string> {
  return new Map(cells.filter((c) => c.suppressed).map((c) => [c.value, suppressedWords(cases, field, c.value, minimum)]));
}

function suppressionNote(minimum: number, words: readonly string[], chart: boolean): string | undefined {
  if (words.length === 0) return undefined;
  const also = words.includes('not shown') ? '; where one hidden count could still be worked out from the total and the others, another is hidden too (“not shown”)' : '';
  return `So that no child can be identified, counts of fewer than ${minimum} children are not shown${chart ? ', in the chart or the table' : ''}${also}.`;
}

export const DISPOSAL_LABELS: Record<string, string> = {
  'community-resolution': 'Community resolution',
  'youth-caution': 'Youth caution',
  'youth-conditional-caution': 'Youth conditional caution',
  'other-out-of-court': 'Other out-of-court disposal',
};

function disposalTypeFigureOf(ctx: AnnualReportContext): Block[] {
  const result = disposalTypes(ctx.inspections, outOfCourtDisposals, ctx.minimumCount);
  if (result.total === 0) return [{ type: 'paragraph', inlines: [text(`No out-of-court cases were inspected in ${periodLabel(ctx.period)}.`)] }];
  const cases = ctx.inspections.flatMap((i) => i.cases.filter((c) => c.type === 'out-of-court'));
  const shown = result.cells.filter((c) => !c.suppressed && (c.count ?? 0) > 0);
  const hidden = result.cells.filter((c) => c.suppressed);
  const words = wordsFor(result.cells, cases, 'disposal', ctx.minimumCount);
  const note = suppressionNote(ctx.minimumCount, [...words.values()], true);
  const blocks: Block[] = [
    chart(
      'Out-of-court disposals in the cases we inspected, by type',
      `The out-of-court cases inspected with fieldwork in ${periodLabel(ctx.period)}. Horizontal bars, one for each type of out-of-court disposal, their length the number of cases, written at the end of each.${hidden.length ? ` ${hidden.map((c) => DISPOSAL_LABELS[c.value] ?? c.value).join(' and ')} ${hidden.length === 1 ? 'is' : 'are'} left out, so that no child can be identified.` : ''}`,
      { kind: 'bar', categories: shown.map((c) => DISPOSAL_LABELS[c.value] ?? c.value), series: [{ name: 'Cases', values: shown.map((c) => c.count) }], unit: 'count', valueLabel: 'Number of cases' },
      [[cell('Type of disposal'), number('Cases'), number('% of cases')]],
      [...breakdownRows(result.cells, DISPOSAL_LABELS, words), [cell('All out-of-court cases', { rowHeader: true }), number(String(result.total)), number('100%')]],
      columnWidths([80, 80]),
      note,
    ),
  ];
  if (hidden.length) blocks.push(small(`${hidden.map((c) => DISPOSAL_LABELS[c.value] ?? c.value).join(' and ')} ${hidden.length === 1 ? 'is' : 'are'} left out of the chart: ${note!.charAt(0).toLowerCase()}${note!.slice(1)}`));
  return blocks;
}

/** The characteristics shown, in order, with the words for each value. */
export const CHARACTERISTICS: { field: keyof CaseRecord; heading: string; values: Record<string, string> }[] = [
  { field: 'sex', heading: 'Sex', values: { female: 'Girls', male: 'Boys' } },
  { field: 'looked_after', heading: 'Care', values: { yes: 'Looked-after children', no: 'Not looked after' } },
  { field: 'disability', heading: 'Disability', values: { yes: 'Disabled', no: 'Not disabled', 'not-known': 'Not known' } },
  { field: 'ethnicity', heading: 'Ethnicity', values: { asian: 'Asian or Asian British', black: 'Black or Black British', mixed: 'Mixed ethnicity', white: 'White', other: 'Another ethnic group', 'not-known': 'Not known' } },
];

function childCharacteristicsTableOf(ctx: AnnualReportContext): Block[] {
  const fields = Object.fromEntries(CHARACTERISTICS.map((c) => [c.field, Object.keys(c.values)]));
  const breakdowns = childCharacteristics(ctx.inspections, fields, ctx.minimumCount);
  const total = breakdowns[0]?.total ?? 0;
  if (total === 0) return [{ type: 'paragraph', inlines: [text(`No cases were inspected in ${periodLabel(ctx.period)}.`)] }];
  const cases = ctx.inspections.flatMap((i) => i.cases);
  const rows: TableCell[][] = [];
  const allWords: string[] = [];
  for (const breakdown of breakdowns) {
    const about = CHARACTERISTICS.find((c) => c.field === breakdown.field)!;
    const words = wordsFor(breakdown.cells, cases, about.field, ctx.minimumCount);
    allWords.push(...words.values());
    rows.push([cell(about.heading, { rowHeader: true, colSpan: 3 })]);
    rows.push(...breakdownRows(breakdown.cells, about.values, words));
  }
  rows.push([cell('All children whose cases we inspected', { rowHeader: true }), number(String(total)), number('100%')]);
  return [
    table(
      'Characteristics of the children whose cases we inspected',
      [[cell('Characteristic'), number('Children'), number('% of children')]],
      rows,
      columnWidths([80, 80]),
      suppressionNote(ctx.minimumCount, allWords, false),
    ),
  ];
}

// ---- recommendations ----

function recommendationTotals(ctx: AnnualReportContext) {
  const count = (inspections: readonly Inspection[]) => inspections.reduce((n, i) => n + i.source.recommendations.length, 0);
  return { now: count(ctx.inspections), before: count(ctx.previous) };
}

/** "against 2019 to 2021" and the like: the periods compared, for captions. */
function comparison(ctx: AnnualReportContext, withPrevious: boolean): string {
  return withPrevious && ctx.previousPeriod ? `this period (${periodLabel(ctx.period)}) against the previous one (${periodLabel(ctx.previousPeriod)})` : `${periodLabel(ctx.period)}`;
}

function recommendationThemesTableOf(ctx: AnnualReportContext): Block[] {
  const { byTheme } = recommendationCounts(ctx.inspections, ctx.previous);
  const totals = recommendationTotals(ctx);
  if (totals.now === 0) return [{ type: 'paragraph', inlines: [text(`No recommendations were made in the inspections of ${periodLabel(ctx.period)}.`)] }];
  const rows = byTheme.filter((r) => r.count > 0 || r.previous > 0);
  const withPrevious = ctx.previousPeriod !== undefined;
  const head = [cell('Theme'), number('This period'), number('%'), ...(withPrevious ? [number('Previous period'), number('%')] : [])];
  return [
    table(
      `Recommendations by theme, ${comparison(ctx, withPrevious)}`,
      [head],
      rows.map((r) => [
        cell(themeLabel(r.key), { rowHeader: true }),
        number(String(r.count)),
        number(`${percentOf(r.count, totals.now)}%`),
        ...(withPrevious ? [number(String(r.previous)), number(totals.before ? `${percentOf(r.previous, totals.before)}%` : '–')] : []),
      ]),
      columnWidths(withPrevious ? [70, 50, 90, 50] : [70, 50]),
      `${countOf(totals.now, 'recommendation')} in ${countOf(ctx.inspections.length, 'inspection')} this period${withPrevious ? `, and ${countOf(totals.before, 'recommendation')} in ${countOf(ctx.previous.length, 'inspection')} in the previous one` : ''}; each percentage is of its period's recommendations. A recommendation can have more than one theme, so the percentages add up to more than 100.`,
    ),
  ];
}

/** How addressees are grouped, in words, from the rules themselves. */
export function addresseeRulesSentence(): string {
  const rules = ADDRESSEE_KINDS.map((kind) => `${kind.label.toLowerCase()} (${kind.words.map((w) => `“${w}”`).join(', ')})`);
  return `Each recommendation is addressed to a body of one service. To count them across services, we put each in the first of these groups whose words are in its name: ${rules.join('; ')}; any other is counted among other bodies.`;
}

function recommendationAddresseesFigureOf(ctx: AnnualReportContext): Block[] {
  const { byAddressee } = recommendationCounts(ctx.inspections, ctx.previous);
  const totals = recommendationTotals(ctx);
  if (totals.now === 0) return [{ type: 'paragraph', inlines: [text(`No recommendations were made in the inspections of ${periodLabel(ctx.period)}.`)] }];
  const kinds = countsByKind(byAddressee);
  const withPrevious = ctx.previousPeriod !== undefined && totals.before > 0;
  const series = [{ name: 'This period', values: kinds.map((k) => percentOf(k.count, totals.now)) }, ...(withPrevious ? [{ name: 'Previous period', values: kinds.map((k) => percentOf(k.previous, totals.before)) }] : [])];
  const share = (count: number, total: number) => `${count} (${percentOf(count, total)}%)`;
  return [
    chart(
      withPrevious ? 'Who our recommendations were addressed to, against the previous period' : 'Who our recommendations were addressed to',
      `The recommendations of ${comparison(ctx, withPrevious)}, by the kind of body they were addressed to. Horizontal bars, one for each kind of body${withPrevious ? ', in pairs: this period first, then the previous one' : ''}, their length the percentage of that period's recommendations, written at the end of each.`,
      { kind: 'bar', categories: kinds.map((k) => k.kind.label), series, unit: '%', valueLabel: 'Per cent of the recommendations' },
      [[cell('Addressed to'), number('This period: number (%)'), ...(withPrevious ? [number('Previous period: number (%)')] : []), cell('Names as written in the reports')]],
      kinds.map((k) => [
        cell(k.kind.label, { rowHeader: true }),
        number(share(k.count, totals.now)),
        ...(withPrevious ? [number(share(k.previous, totals.before))] : []),
        cell(k.addressees.join('; ')),
      ]),
      withPrevious ? [100, 75, 75, 217] : [100, 75, 292],
      `${countOf(totals.now, 'recommendation')} this period${withPrevious ? ` (${periodLabel(ctx.period)}) and ${countOf(totals.before, 'recommendation')} in the previous one (${ctx.previousPeriod ? periodLabel(ctx.previousPeriod) : ''})` : ''}.`,
    ),
    small('Services name these bodies in their own ways, so we group them into kinds by the words in their names: the table of the data lists the names in each kind, and Annex 2, How the figures are made, the words that decide the kind.'),
  ];
}

// ---- figures that need case data or a narrative ----

/**
 * A figure drawn from cases or recommendations counts only the inspections that have them: a
 * historic record (published ratings only) is left out, and the figure says how many were.
 */
function withoutHistoric(ctx: AnnualReportContext, figure: (own: AnnualReportContext) => Block[], what: string): Block[] {
  const own = { ...ctx, inspections: ctx.inspections.filter(hasCaseData), previous: ctx.previous.filter(hasCaseData) };
  const left = ctx.inspections.length - own.inspections.length;
  const blocks = own.inspections.length === 0 && ctx.inspections.length > 0 ? [] : figure(own);
  if (left === 0) return blocks;
  return [...blocks, small(historicLeftOutSentence(left, what))];
}

/** "2 historic inspections have no case data and are not counted here." */
export function historicLeftOutSentence(count: number, what: string): string {
  return `${countOf(count, 'historic inspection')} ${count === 1 ? 'has' : 'have'} no ${what} and ${count === 1 ? 'is' : 'are'} not counted here.`;
}

export const casesSufficient = (ctx: AnnualReportContext, caseType: 'court' | 'out-of-court', standard: string | undefined, byYear = false): Block[] =>
  withoutHistoric(ctx, (own) => casesSufficientOf(own, caseType, standard, byYear), 'case data');
export const disposalTypeFigure = (ctx: AnnualReportContext): Block[] => withoutHistoric(ctx, disposalTypeFigureOf, 'case data');
export const childCharacteristicsTable = (ctx: AnnualReportContext): Block[] => withoutHistoric(ctx, childCharacteristicsTableOf, 'case data');
export const recommendationThemesTable = (ctx: AnnualReportContext): Block[] => withoutHistoric(ctx, recommendationThemesTableOf, 'recommendations recorded');
export const recommendationAddresseesFigure = (ctx: AnnualReportContext): Block[] => withoutHistoric(ctx, recommendationAddresseesFigureOf, 'recommendations recorded');
