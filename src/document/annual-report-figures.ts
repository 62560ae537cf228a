/**
 * The figures of an annual report: each turns the aggregates of src/model/aggregates.ts over the
 * inspections of the report's period into a chart (with its data as a table) or a table. Nothing is
 * computed here that the aggregates do not give, except labels; breakdowns of case data arrive with
 * their small counts already suppressed, and are drawn as "fewer than 5", never as a number.
 *
 * Figures and tables are numbered by the document (annual-report-document.ts), in document order.
 * Every word is a message (templates/messages/<lang>/annual-report.yaml) in the language of the
 * project the context was made from, and every number is written the way that language writes it.
 */
import { ADDRESSEE_KINDS, countsByKind } from '../model/addressee-kinds.ts';
import { REFERENCE_LANGUAGE } from '../model/language.ts';
import { messageKey, type Messages } from '../model/messages.ts';
import { everyInspectionIn, projectIn } from '../model/translations.ts';
import { childCharacteristics, datedOnlyByYear, disposalTypes, fieldworkYear, inPeriod, overallByYear, recommendationCounts, reinspections, standardDistribution, sufficiencyByYear, type BreakdownCell, type Period } from '../model/aggregates.ts';
import { hasCaseData, isPublic, type AnnualReport, type Inspection, type Project } from '../model/project.ts';
import { NOT_KNOWN, NOT_RATED, ratingLabel } from '../model/rating.ts';
import { outOfCourtDisposals, type CaseRecord } from '../model/schemas/case.ts';
import type { Framework } from '../model/schemas/framework.ts';
import type { Block, ChartSpec, TableCell } from './blocks.ts';
import { ratingInline } from './report-tables.ts';
import { cell, text } from './make-blocks.ts';
import { listOf } from './phrases.ts';
import { kindOf } from '../model/inspection-kind.ts';
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
  /** The tool's words in the language of the project the figures are drawn for. */
  m: Messages;
  /**
   * An inspection as the project has it in the reference language (itself in that language): what
   * recommendations are grouped by, since the words that put an addressee in a kind are English.
   */
  inReference: (inspection: Inspection) => Inspection;
}

/**
 * The reference-language words of the last project a context was made from: what the helpers that
 * take no messages write with (periodLabel, themeLabel and yearOnlyNote called with data alone).
 */
let referenceWords: Messages | undefined;
function wordsWithout(): Messages {
  if (!referenceWords) throw new Error('no messages: give the project\'s messages (project.messages[project.lang])');
  return referenceWords;
}

/**
 * The inspections an annual report counts: fieldwork started in its period, and public on the day the
 * report is published, so that its figures do not change after publication.
 */
export function annualReportContext(project: Pick<Project, 'inspections' | 'frameworks'> & Partial<Pick<Project, 'messages' | 'lang'>>, report: Pick<AnnualReport, 'source'>): AnnualReportContext {
  const { period, previousPeriod, published, minimumCount } = report.source;
  if (project.messages) referenceWords = project.messages[REFERENCE_LANGUAGE];
  const m = project.messages?.[project.lang ?? REFERENCE_LANGUAGE] ?? wordsWithout();
  // Every inspection of the period counts, whatever languages each is published in: in a view of the
  // project in another language, each read in that language where it has its words (everyInspectionIn).
  const view = project.lang !== undefined && project.messages ? (project as Project) : undefined;
  const inspections = view ? everyInspectionIn(view) : project.inspections;
  const all = inspections.filter((i) => isPublic(i, published));
  const reference = view && view.lang !== REFERENCE_LANGUAGE ? new Map(projectIn(view, REFERENCE_LANGUAGE).inspections.map((i) => [i.slug, i])) : undefined;
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
    m,
    inReference: (inspection) => reference?.get(inspection.slug) ?? inspection,
  };
}

// ---- small helpers ----

/** How a language writes counts ("1,234") and whole percentages ("46%"): made once per language. */
const numberFormats = new Map<string, { count: Intl.NumberFormat; percent: Intl.NumberFormat }>();
function numbersIn(m: Messages) {
  let formats = numberFormats.get(m.tag);
  if (!formats) numberFormats.set(m.tag, (formats = { count: new Intl.NumberFormat(m.tag), percent: new Intl.NumberFormat(m.tag, { style: 'percent' }) }));
  return formats;
}
/** A count as the language writes it. */
const countText = (m: Messages, n: number) => numbersIn(m).count.format(n);
/** A whole percentage (0–100) as the language writes it: "46%". */
const percentText = (m: Messages, percent: number) => numbersIn(m).percent.format(percent / 100);

const number = (value: string): TableCell => cell(value, { align: 'right' });
const small = (value: string): Block => ({ type: 'paragraph', inlines: [text(value)], style: 'small' });
const percentOf = (count: number, total: number) => (total === 0 ? 0 : Math.floor((count * 200 + total) / (total * 2)));
/** An id ("risk-of-harm") as the key of a {x, select, …} in a message, which cannot hold a hyphen. */
const selectKey = (id: string) => id.replace(/-/g, '_');
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

/** "2022 to 2026" for whole years, else "January 2022 to September 2026", in the messages' language. */
export function periodLabel(period: Period, m: Messages = wordsWithout()): string {
  const wholeYears = period.from.slice(5) === '01-01' && period.to.slice(5) === '12-31';
  const [fromYear, toYear] = [period.from.slice(0, 4), period.to.slice(0, 4)];
  if (wholeYears) return fromYear === toYear ? fromYear : m.t('site.dates.from-to', { start: fromYear, end: toYear });
  return m.t('site.dates.from-to', { start: m.date(period.from, 'month'), end: m.date(period.to, 'month') });
}

/** "risk-of-harm" → "Risk of harm"; "out-of-court-disposals" → "Out-of-court disposals": a theme's id in words. */
function themeWords(theme: string): string {
  const words = theme.replace(/\bout-of-court\b/g, 'out_of_court').split('-').join(' ').replace(/out_of_court/g, 'out-of-court');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A recommendations theme's label: the message's, else ("other") the theme's id in words. */
export function themeLabel(theme: string, m: Messages = wordsWithout()): string {
  return m.t('annual-report.figures.recommendations.theme', { theme: selectKey(theme), label: themeWords(theme) });
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

const noInspections = (ctx: AnnualReportContext): Block[] => [{ type: 'paragraph', inlines: [text(ctx.m.t('annual-report.figures.nothing', { period: periodLabel(ctx.period, ctx.m) }))] }];

/** A chart's numbers are written as its words are: in the messages' language. */
const chartSpec = (ctx: AnnualReportContext, spec: Omit<ChartSpec, 'locale'>): ChartSpec => ({ ...spec, locale: ctx.m.tag });

// ---- overall ratings, over the period or by year ----

/** Each inspection's group in a figure: the whole period by default, or its year of fieldwork. */
const groupOf = (ctx: AnnualReportContext, byYear: boolean) => (byYear ? fieldworkYear : () => periodLabel(ctx.period, ctx.m));

export function overallRatings(ctx: AnnualReportContext, byYear = false): Block[] {
  if (ctx.inspections.length === 0) return noInspections(ctx);
  const { m } = ctx;
  const years = overallByYear(ctx.inspections, groupOf(ctx, byYear));
  const series = ratingSeries(ctx, years.map((y) => y.counts));
  const period = periodLabel(ctx.period, m);
  const title = m.t('annual-report.figures.overall.title', { byYear: byYear ? 'yes' : 'no', period });
  const description = m.t('annual-report.figures.overall.description', { byYear: byYear ? 'yes' : 'no', period, first: years[0]!.year, last: years[years.length - 1]!.year, ratings: series.map((s) => s.label).join(', ') });
  return [
    chart(
      title,
      description,
      chartSpec(ctx, { kind: 'stacked-bar', categories: years.map((y) => y.year), series: series.map((s) => ({ name: s.label, rating: s.mark, values: years.map((y) => y.counts[s.id] ?? 0) })), unit: 'count', valueLabel: m.t('annual-report.figures.number-of-inspections') }),
      [[cell(byYear ? m.t('annual-report.figures.overall.year') : m.t('annual-report.figures.overall.period')), ...series.map((s) => number(s.label)), number(m.t('annual-report.figures.all'))]],
      years.map((y) => [cell(y.year, { rowHeader: true }), ...series.map((s) => number(countText(m, y.counts[s.id] ?? 0))), number(countText(m, y.total))]),
      columnWidths([...series.map(() => RATING_COLUMN), 40]),
    ),
    ...yearOnlyNote(ctx),
  ];
}

/**
 * A historic record known only by its year may fall either side of a period that starts or ends in
 * that year: it is left out rather than counted in a period it may not belong to, and said so.
 */
export function yearOnlyNote(ctx: Pick<AnnualReportContext, 'yearOnlyLeftOut' | 'period'> & Partial<Pick<AnnualReportContext, 'm'>>): Block[] {
  const left = ctx.yearOnlyLeftOut;
  if (left.length === 0) return [];
  const m = ctx.m ?? wordsWithout();
  const names = left.map((i) => `${i.service.name} (${i.source.published})`);
  return [small(m.t('annual-report.figures.overall.year-only', { count: left.length, names: names.join(', '), period: periodLabel(ctx.period, m) }))];
}

// ---- each standard's ratings ----

export function standardRatings(ctx: AnnualReportContext, domain: string | undefined): Block[] {
  if (ctx.inspections.length === 0) return noInspections(ctx);
  const { m } = ctx;
  const standards = standardDistribution(ctx.inspections).filter((s) => domain === undefined || s.id.split('.')[0] === domain);
  const series = ratingSeries(ctx, standards.map((s) => s.counts));
  const frameworks = frameworksOf(ctx);
  const domainName = domain === undefined ? undefined : [...frameworks].reverse().flatMap((f) => f.domains).find((d) => d.id === domain)?.name;
  const what = m.t('annual-report.figures.standards.what', { domain: domain ?? 'all', count: standards.length, name: domainName ?? '' });
  const title = m.t('annual-report.figures.standards.title', { what });
  const description = m.t('annual-report.figures.standards.description', { period: periodLabel(ctx.period, m), what, standards: standards.map((s) => s.id).join(', '), ratings: series.map((s) => s.label).join(', ') });
  return [
    chart(
      title,
      description,
      chartSpec(ctx, { kind: 'stacked-bar', categories: standards.map((s) => `${s.id} ${s.name}`), series: series.map((r) => ({ name: r.label, rating: r.mark, values: standards.map((s) => s.counts[r.id] ?? 0) })), unit: 'count', valueLabel: m.t('annual-report.figures.number-of-inspections') }),
      [[cell(m.t('annual-report.figures.standards.standard')), ...series.map((s) => number(s.label)), number(m.t('annual-report.figures.all'))]],
      standards.map((s) => [cell(`${s.id} ${s.name}`, { rowHeader: true }), ...series.map((r) => number(countText(m, s.counts[r.id] ?? 0))), number(countText(m, s.total))]),
      columnWidths([...series.map(() => RATING_COLUMN), 40]),
    ),
  ];
}

// ---- cases judged sufficient ----

/**
 * A key question in a few words for a chart label, from the three things every case-sample standard
 * asks about, read from its English wording (an inspection's rating keeps it, in every view).
 */
export function keyQuestionShortLabel(question: string, m: Messages): string | undefined {
  const which = /desistance/i.test(question) ? 'desistance' : /other people/i.test(question) ? 'others_safe' : /(the child or young person|the child)\b.*\bsafe|safety of the child/i.test(question) ? 'child_safe' : undefined;
  return which && m.t('annual-report.figures.sufficient.short', { question: which });
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

/**
 * A key question's words in the view's language: from the framework of the first inspection of the
 * period that asks it, as the pooled figures (sufficiencyByYear) take it from that inspection's rating.
 */
function questionText(ctx: AnnualReportContext, id: string, fallback: string): string {
  for (const inspection of ctx.inspections) {
    for (const domain of inspection.framework.domains) for (const standard of domain.standards) for (const question of standard.keyQuestions) if (question.id === id) return question.text;
  }
  return fallback;
}

function casesSufficientOf(ctx: AnnualReportContext, caseType: 'court' | 'out-of-court', standard: string | undefined, byYear = false): Block[] {
  if (ctx.inspections.length === 0) return noInspections(ctx);
  const { m } = ctx;
  const questions = sufficiencyByYear(ctx.inspections, groupOf(ctx, byYear)).filter((q) => q.caseType === caseType);
  const standards = caseSampleStandards(ctx, caseType).filter((s) => standard === undefined || s.id === standard);
  const cases = m.t('annual-report.figures.sufficient.cases', { caseType: selectKey(caseType) });
  const period = periodLabel(ctx.period, m);
  const blocks: Block[] = [];
  let split = false;
  for (const { id, name } of standards) {
    const own = questions.filter((q) => q.id.startsWith(`${id}.`));
    if (own.length === 0) {
      blocks.push({ type: 'paragraph', inlines: [text(m.t('annual-report.figures.sufficient.none', { cases, id, name, period }))] });
      continue;
    }
    const labels = [...new Set(own.flatMap((q) => q.points.map((p) => p.label)))].sort();
    split ||= labels.some((l) => l.includes('('));
    const point = (q: (typeof own)[number], label: string) => q.points.find((p) => p.label === label);
    const title = m.t('annual-report.figures.sufficient.title', { caseType: selectKey(caseType), name: name.toLocaleLowerCase(m.tag), id, byYear: byYear ? 'yes' : 'no' });
    const bars = byYear ? 'year' : labels.length > 1 ? 'standards' : 'one';
    const description = m.t('annual-report.figures.sufficient.description', { cases, id, name, period, bars, labels: labels.join(', ') });
    blocks.push(
      chart(
        title,
        description,
        chartSpec(ctx, {
          kind: 'bar',
          categories: own.map((q) => `${q.id} ${keyQuestionShortLabel(q.text, m) ?? ''}`.trim()),
          series: labels.map((label) => ({ name: label, values: own.map((q) => point(q, label)?.percent ?? null) })),
          unit: '%',
          valueLabel: m.t('annual-report.figures.sufficient.value-label', { cases }),
        }),
        [[cell(m.t('report.tables.key-question')), ...labels.map((l) => number(l))]],
        own.map((q) => [
          cell(`${q.id} ${questionText(ctx, q.id, q.text)}`, { rowHeader: true }),
          ...labels.map((label) => {
            const p = point(q, label);
            // The percentage, and under it the count it comes from.
            return p && p.percent !== null
              ? ({ inlines: [text(percentText(m, p.percent)), { type: 'break' }, text(`(${m.t('report.figures.count', { yes: p.yes, relevant: p.relevant })})`)], align: 'right' } satisfies TableCell)
              : number(m.t('annual-report.figures.sufficient.no-cases'));
          }),
        ]),
        columnWidths(labels.map((l) => (l.length > 4 ? 70 : 56))),
      ),
    );
  }
  if (split) blocks.push(small(m.t('annual-report.figures.sufficient.split', { byYear: byYear ? 'yes' : 'no' })));
  return blocks;
}

// ---- reinspections ----

export function reinspectionScores(ctx: AnnualReportContext): Block[] {
  const { m } = ctx;
  const period = periodLabel(ctx.period, m);
  const allPairs = reinspections(ctx.inspections, ctx.all);
  // A score the source does not give cannot be compared: such a pair is left out, and the figure says so.
  const pairs = allPairs.flatMap((p) => (p.original.score === null || p.reinspection.score === null ? [] : [{ ...p, original: { ...p.original, score: p.original.score }, reinspection: { ...p.reinspection, score: p.reinspection.score } }]));
  const unscored = allPairs.filter((p) => !pairs.some((q) => q.reinspection.slug === p.reinspection.slug));
  // Named by the inspections whose score is not recorded: one such first inspection may have been followed up by several services.
  const unrecorded = [...new Set(unscored.flatMap((p) => [p.original, p.reinspection].filter((side) => side.score === null).map((side) => side.slug)))].map((slug) => ctx.all.find((i) => i.slug === slug)!);
  const unscoredNote = unscored.length
    ? [
        small(
          m.t('annual-report.figures.reinspections.not-compared', {
            count: unscored.length,
            services: listOf(unscored.map((p) => p.service), m.lang),
            inspections: listOf(unrecorded.map((i) => m.t('annual-report.figures.reinspections.inspection', { year: fieldworkYear(i), kind: selectKey(kindOf(i.source)), service: i.service.name })), m.lang),
          }),
        ),
      ]
    : [];
  if (pairs.length === 0 && unscored.length) return [{ type: 'paragraph', inlines: [text(m.t('annual-report.figures.reinspections.none-comparable', { period }))] }, ...unscoredNote];
  if (pairs.length === 0) return [{ type: 'paragraph', inlines: [text(m.t('annual-report.figures.reinspections.none', { period }))] }];
  const max = Math.max(...pairs.flatMap((p) => [p.original.maximum, p.reinspection.maximum]));
  const byInspection = new Map(ctx.all.map((i) => [i.slug, i]));
  const scoreCell = (s: (typeof pairs)[number]['original']): TableCell => {
    const inspection = byInspection.get(s.slug)!;
    return { inlines: [text(m.t('annual-report.figures.reinspections.score', { year: s.year, score: s.score, maximum: s.maximum })), ratingInline(inspection, s.overall.rating, false)] };
  };
  const unequal = pairs.some((p) => p.original.maximum !== max || p.reinspection.maximum !== max);
  return [
    chart(
      m.t('annual-report.figures.reinspections.title'),
      m.t('annual-report.figures.reinspections.description', { period, services: pairs.map((p) => p.service).join(', '), maximum: max }),
      chartSpec(ctx, {
        kind: 'bar',
        categories: pairs.map((p) => p.service),
        series: [
          { name: m.t('annual-report.figures.reinspections.first'), values: pairs.map((p) => p.original.score) },
          { name: m.t('annual-report.figures.reinspections.reinspection'), values: pairs.map((p) => p.reinspection.score) },
        ],
        unit: 'score',
        max,
        valueLabel: m.t('annual-report.figures.reinspections.value-label', { maximum: max }),
      }),
      [[cell(m.t('annual-report.figures.reinspections.service')), cell(m.t('annual-report.figures.reinspections.first-column')), cell(m.t('annual-report.figures.reinspections.reinspection-column'))]],
      pairs.map((p) => [cell(p.service, { rowHeader: true }), scoreCell(p.original), scoreCell(p.reinspection)]),
      [2, 2, 2],
      unequal ? m.t('annual-report.figures.reinspections.unequal') : undefined,
    ),
    ...unscoredNote,
  ];
}

// ---- breakdowns of case data, suppressed ----

/** Why a cell of a breakdown is suppressed: its count is below the minimum, or it is hidden only so that a small one cannot be worked out. */
type Suppressed = 'fewer' | 'hidden';

/**
 * What a suppressed cell says. A count below the minimum reads "fewer than 5"; a larger count hidden
 * only so that a small one cannot be worked out from the total reads "not shown", since "fewer than
 * 5" would be untrue of it. Which is which is read from the case records here, and only this word
 * leaves: never the count.
 */
function suppressedAs(cases: readonly CaseRecord[], field: keyof CaseRecord, cellValue: string, minimum: number): Suppressed {
  const count = cases.filter((c) => String(c[field]) === cellValue).length;
  return count < minimum ? 'fewer' : 'hidden';
}

const suppressedWords = (m: Messages, why: Suppressed, minimum: number) =>
  why === 'fewer' ? m.t('annual-report.figures.suppressed.fewer', { minimum }) : m.t('annual-report.figures.suppressed.hidden');

/** The rows of a breakdown: label, count and percentage; a suppressed cell has words for its count and a dash for its percentage. */
function breakdownRows(m: Messages, cells: readonly BreakdownCell[], label: (value: string) => string, why: ReadonlyMap<string, Suppressed>, minimum: number): TableCell[][] {
  return cells.map((c) => [
    cell(label(c.value), { rowHeader: true }),
    number(c.suppressed ? suppressedWords(m, why.get(c.value)!, minimum) : countText(m, c.count ?? 0)),
    number(c.suppressed ? '–' : percentText(m, c.percent ?? 0)),
  ]);
}

/** Why each suppressed cell of a breakdown is, by value. */
function suppressedIn(cells: readonly BreakdownCell[], cases: readonly CaseRecord[], field: keyof CaseRecord, minimum: number): Map<string, Suppressed> {
  return new Map(cells.filter((c) => c.suppressed).map((c) => [c.value, suppressedAs(cases, field, c.value, minimum)]));
}

function suppressionNote(m: Messages, minimum: number, why: readonly Suppressed[], chart: boolean): string | undefined {
  if (why.length === 0) return undefined;
  return m.t('annual-report.figures.suppressed.note', { minimum, chart: chart ? 'yes' : 'no', also: why.includes('hidden') ? 'yes' : 'no' });
}

/** The words for each type of out-of-court disposal, by its id. */
export function disposalLabels(m: Messages): Record<string, string> {
  return Object.fromEntries(outOfCourtDisposals.map((id) => [id, disposalLabel(m, id)]));
}
const disposalLabel = (m: Messages, id: string) => m.t('annual-report.figures.disposals.type', { type: selectKey(id) });

function disposalTypeFigureOf(ctx: AnnualReportContext): Block[] {
  const { m } = ctx;
  const result = disposalTypes(ctx.inspections, outOfCourtDisposals, ctx.minimumCount);
  if (result.total === 0) return [{ type: 'paragraph', inlines: [text(m.t('annual-report.figures.disposals.none', { period: periodLabel(ctx.period, m) }))] }];
  const cases = ctx.inspections.flatMap((i) => i.cases.filter((c) => c.type === 'out-of-court'));
  const shown = result.cells.filter((c) => !c.suppressed && (c.count ?? 0) > 0);
  const hidden = result.cells.filter((c) => c.suppressed);
  const why = suppressedIn(result.cells, cases, 'disposal', ctx.minimumCount);
  const note = suppressionNote(m, ctx.minimumCount, [...why.values()], true);
  const label = (id: string) => disposalLabel(m, id);
  const hiddenTypes = listOf(hidden.map((c) => label(c.value)), m.lang);
  const description = m.t('annual-report.figures.disposals.description', { period: periodLabel(ctx.period, m) });
  const blocks: Block[] = [
    chart(
      m.t('annual-report.figures.disposals.title'),
      hidden.length ? `${description} ${m.t('annual-report.figures.disposals.left-out', { types: hiddenTypes, count: hidden.length })}` : description,
      chartSpec(ctx, { kind: 'bar', categories: shown.map((c) => label(c.value)), series: [{ name: m.t('annual-report.figures.disposals.cases'), values: shown.map((c) => c.count) }], unit: 'count', valueLabel: m.t('annual-report.figures.disposals.value-label') }),
      [[cell(m.t('annual-report.figures.disposals.type-column')), number(m.t('annual-report.figures.disposals.cases')), number(m.t('annual-report.figures.disposals.percent-column'))]],
      [...breakdownRows(m, result.cells, label, why, ctx.minimumCount), [cell(m.t('annual-report.figures.disposals.all'), { rowHeader: true }), number(countText(m, result.total)), number(percentText(m, 100))]],
      columnWidths([80, 80]),
      note,
    ),
  ];
  // The note again, as the end of a sentence: its first letter in lower case.
  if (hidden.length) blocks.push(small(m.t('annual-report.figures.disposals.left-out-of-chart', { types: hiddenTypes, count: hidden.length, note: `${note!.charAt(0).toLocaleLowerCase(m.tag)}${note!.slice(1)}` })));
  return blocks;
}

/** The characteristics shown, in order, with the values counted of each. */
const CHARACTERISTIC_VALUES: { field: keyof CaseRecord; values: readonly string[] }[] = [
  { field: 'sex', values: ['female', 'male'] },
  { field: 'looked_after', values: ['yes', 'no'] },
  { field: 'disability', values: ['yes', 'no', 'not-known'] },
  { field: 'ethnicity', values: ['asian', 'black', 'mixed', 'white', 'other', 'not-known'] },
];

/** The words of one characteristic: its heading, and a value's label. */
function characteristicWords(m: Messages, field: keyof CaseRecord): { heading: string; value: (value: string) => string } {
  const value = (key: string) => (v: string) => m.t(key, { value: selectKey(v) });
  switch (field) {
    case 'sex':
      return { heading: m.t('annual-report.figures.characteristics.sex.heading'), value: value(messageKey('annual-report.figures.characteristics.sex.value')) };
    case 'looked_after':
      return { heading: m.t('annual-report.figures.characteristics.looked-after.heading'), value: value(messageKey('annual-report.figures.characteristics.looked-after.value')) };
    case 'disability':
      return { heading: m.t('annual-report.figures.characteristics.disability.heading'), value: value(messageKey('annual-report.figures.characteristics.disability.value')) };
    default:
      return { heading: m.t('annual-report.figures.characteristics.ethnicity.heading'), value: value(messageKey('annual-report.figures.characteristics.ethnicity.value')) };
  }
}

/** The characteristics shown, in order, each with its heading and the words for each value, in the messages' language. */
export function characteristics(m: Messages): { field: keyof CaseRecord; heading: string; values: Record<string, string> }[] {
  return CHARACTERISTIC_VALUES.map(({ field, values }) => {
    const words = characteristicWords(m, field);
    return { field, heading: words.heading, values: Object.fromEntries(values.map((v) => [v, words.value(v)])) };
  });
}

function childCharacteristicsTableOf(ctx: AnnualReportContext): Block[] {
  const { m } = ctx;
  const fields = Object.fromEntries(CHARACTERISTIC_VALUES.map((c) => [c.field, [...c.values]]));
  const breakdowns = childCharacteristics(ctx.inspections, fields, ctx.minimumCount);
  const total = breakdowns[0]?.total ?? 0;
  if (total === 0) return [{ type: 'paragraph', inlines: [text(m.t('annual-report.figures.characteristics.none', { period: periodLabel(ctx.period, m) }))] }];
  const cases = ctx.inspections.flatMap((i) => i.cases);
  const rows: TableCell[][] = [];
  const allWhy: Suppressed[] = [];
  for (const breakdown of breakdowns) {
    const field = breakdown.field as keyof CaseRecord;
    const words = characteristicWords(m, field);
    const why = suppressedIn(breakdown.cells, cases, field, ctx.minimumCount);
    allWhy.push(...why.values());
    rows.push([cell(words.heading, { rowHeader: true, colSpan: 3 })]);
    rows.push(...breakdownRows(m, breakdown.cells, words.value, why, ctx.minimumCount));
  }
  rows.push([cell(m.t('annual-report.figures.characteristics.all'), { rowHeader: true }), number(countText(m, total)), number(percentText(m, 100))]);
  return [
    table(
      m.t('annual-report.figures.characteristics.caption'),
      [[cell(m.t('annual-report.figures.characteristics.characteristic')), number(m.t('annual-report.figures.characteristics.children')), number(m.t('annual-report.figures.characteristics.percent-column'))]],
      rows,
      columnWidths([80, 80]),
      suppressionNote(m, ctx.minimumCount, allWhy, false),
    ),
  ];
}

// ---- recommendations ----

/**
 * The recommendations of the period (and the previous one) counted by theme and by addressee, as the
 * reference language writes them, so that every language groups them alike; with the name of each
 * addressee as the context's language writes it.
 */
function recommendationsOf(ctx: AnnualReportContext) {
  const counts = recommendationCounts(ctx.inspections.map(ctx.inReference), ctx.previous.map(ctx.inReference));
  const names = new Map<string, string>();
  for (const inspection of [...ctx.inspections, ...ctx.previous]) {
    ctx.inReference(inspection).source.recommendations.forEach((r, n) => names.set(r.addressee, inspection.source.recommendations[n]?.addressee ?? r.addressee));
  }
  return { ...counts, nameOf: (addressee: string) => names.get(addressee) ?? addressee };
}

function recommendationTotals(ctx: AnnualReportContext) {
  const count = (inspections: readonly Inspection[]) => inspections.reduce((n, i) => n + i.source.recommendations.length, 0);
  return { now: count(ctx.inspections), before: count(ctx.previous) };
}

/** "this period (2022 to 2026) against the previous one (2019 to 2021)", or the period alone: the periods compared, for captions. */
function comparison(ctx: AnnualReportContext, withPrevious: boolean): string {
  const { m } = ctx;
  const compared = withPrevious && ctx.previousPeriod !== undefined;
  return m.t('annual-report.figures.recommendations.comparison', { compared: compared ? 'yes' : 'no', period: periodLabel(ctx.period, m), previous: ctx.previousPeriod ? periodLabel(ctx.previousPeriod, m) : '' });
}

const noRecommendations = (ctx: AnnualReportContext): Block[] => [{ type: 'paragraph', inlines: [text(ctx.m.t('annual-report.figures.recommendations.none', { period: periodLabel(ctx.period, ctx.m) }))] }];

function recommendationThemesTableOf(ctx: AnnualReportContext): Block[] {
  const { m } = ctx;
  const { byTheme } = recommendationsOf(ctx);
  const totals = recommendationTotals(ctx);
  if (totals.now === 0) return noRecommendations(ctx);
  const rows = byTheme.filter((r) => r.count > 0 || r.previous > 0);
  const withPrevious = ctx.previousPeriod !== undefined;
  const percentColumn = () => number(m.t('annual-report.figures.recommendations.percent-column'));
  const head = [cell(m.t('annual-report.figures.recommendations.theme-column')), number(m.t('annual-report.figures.recommendations.this-period')), percentColumn(), ...(withPrevious ? [number(m.t('annual-report.figures.recommendations.previous-period')), percentColumn()] : [])];
  return [
    table(
      m.t('annual-report.figures.recommendations.themes-caption', { comparison: comparison(ctx, withPrevious) }),
      [head],
      rows.map((r) => [
        cell(themeLabel(r.key, m), { rowHeader: true }),
        number(countText(m, r.count)),
        number(percentText(m, percentOf(r.count, totals.now))),
        ...(withPrevious ? [number(countText(m, r.previous)), number(totals.before ? percentText(m, percentOf(r.previous, totals.before)) : '–')] : []),
      ]),
      columnWidths(withPrevious ? [70, 50, 90, 50] : [70, 50]),
      m.t('annual-report.figures.recommendations.themes-note', { count: totals.now, inspections: ctx.inspections.length, compared: withPrevious ? 'yes' : 'no', previousCount: totals.before, previousInspections: ctx.previous.length }),
    ),
  ];
}

/** How addressees are grouped, in words, from the rules themselves. */
export function addresseeRulesSentence(m: Messages): string {
  const rules = ADDRESSEE_KINDS.map((kind) =>
    m.t('annual-report.annex.method.addressee-rule', {
      kind: m.t('annual-report.figures.recommendations.kind-in-sentence', { kind: selectKey(kind.id) }),
      words: kind.words.map((words) => m.t('annual-report.annex.method.quoted', { words })).join(', '),
    }),
  );
  return m.t('annual-report.annex.method.addressees', { rules: rules.join('; ') });
}

function recommendationAddresseesFigureOf(ctx: AnnualReportContext): Block[] {
  const { m } = ctx;
  const { byAddressee, nameOf } = recommendationsOf(ctx);
  const totals = recommendationTotals(ctx);
  if (totals.now === 0) return noRecommendations(ctx);
  const kinds = countsByKind(byAddressee);
  const withPrevious = ctx.previousPeriod !== undefined && totals.before > 0;
  const compared = withPrevious ? 'yes' : 'no';
  const series = [
    { name: m.t('annual-report.figures.recommendations.this-period'), values: kinds.map((k) => percentOf(k.count, totals.now)) },
    ...(withPrevious ? [{ name: m.t('annual-report.figures.recommendations.previous-period'), values: kinds.map((k) => percentOf(k.previous, totals.before)) }] : []),
  ];
  const share = (count: number, total: number) => `${countText(m, count)} (${percentText(m, percentOf(count, total))})`;
  const kindLabel = (id: string) => m.t('annual-report.figures.recommendations.kind', { kind: selectKey(id) });
  return [
    chart(
      m.t('annual-report.figures.recommendations.addressees-title', { compared }),
      m.t('annual-report.figures.recommendations.addressees-description', { comparison: comparison(ctx, withPrevious), compared }),
      chartSpec(ctx, { kind: 'bar', categories: kinds.map((k) => kindLabel(k.kind.id)), series, unit: '%', valueLabel: m.t('annual-report.figures.recommendations.per-cent') }),
      [
        [
          cell(m.t('annual-report.figures.recommendations.addressed-to')),
          number(m.t('annual-report.figures.recommendations.this-period-share')),
          ...(withPrevious ? [number(m.t('annual-report.figures.recommendations.previous-period-share'))] : []),
          cell(m.t('annual-report.figures.recommendations.names')),
        ],
      ],
      kinds.map((k) => [
        cell(kindLabel(k.kind.id), { rowHeader: true }),
        number(share(k.count, totals.now)),
        ...(withPrevious ? [number(share(k.previous, totals.before))] : []),
        cell(k.addressees.map(nameOf).join('; ')),
      ]),
      withPrevious ? [100, 75, 75, 217] : [100, 75, 292],
      m.t('annual-report.figures.recommendations.addressees-note', { count: totals.now, compared, period: periodLabel(ctx.period, m), previousCount: totals.before, previous: ctx.previousPeriod ? periodLabel(ctx.previousPeriod, m) : '' }),
    ),
    small(m.t('annual-report.figures.recommendations.grouping')),
  ];
}

// ---- figures that need case data or a narrative ----

/** What a historic record lacks for a figure: case data, or recommendations. */
type Lacking = 'cases' | 'recommendations';

/**
 * A figure drawn from cases or recommendations counts only the inspections that have them: a
 * historic record (published ratings only) is left out, and the figure says how many were.
 */
function withoutHistoric(ctx: AnnualReportContext, figure: (own: AnnualReportContext) => Block[], what: Lacking): Block[] {
  const own = { ...ctx, inspections: ctx.inspections.filter(hasCaseData), previous: ctx.previous.filter(hasCaseData) };
  const left = ctx.inspections.length - own.inspections.length;
  const blocks = own.inspections.length === 0 && ctx.inspections.length > 0 ? [] : figure(own);
  if (left === 0) return blocks;
  return [...blocks, small(historicLeftOutSentence(left, what, ctx.m))];
}

/** "2 historic inspections have no case data and are not counted here." */
export function historicLeftOutSentence(count: number, what: Lacking, m: Messages): string {
  return m.t('annual-report.figures.historic-left-out', { count, what });
}

export const casesSufficient = (ctx: AnnualReportContext, caseType: 'court' | 'out-of-court', standard: string | undefined, byYear = false): Block[] =>
  withoutHistoric(ctx, (own) => casesSufficientOf(own, caseType, standard, byYear), 'cases');
export const disposalTypeFigure = (ctx: AnnualReportContext): Block[] => withoutHistoric(ctx, disposalTypeFigureOf, 'cases');
export const childCharacteristicsTable = (ctx: AnnualReportContext): Block[] => withoutHistoric(ctx, childCharacteristicsTableOf, 'cases');
export const recommendationThemesTable = (ctx: AnnualReportContext): Block[] => withoutHistoric(ctx, recommendationThemesTableOf, 'recommendations');
export const recommendationAddresseesFigure = (ctx: AnnualReportContext): Block[] => withoutHistoric(ctx, recommendationAddresseesFigureOf, 'recommendations');
