/**
 * Figures across inspections (DOMAIN.md §4): the ratings table, rating distributions, case
 * sufficiency by year, reinspections, and breakdowns of case records with small counts suppressed.
 * Pure functions of the checked model; every figure in an annual report comes from here.
 */
import { kindOf } from './inspection-kind.ts';
import { hasComposite, type Inspection } from './project.ts';
import { isYearOnly } from './schemas/common.ts';
import { NOT_RATED, ratingLabel } from './rating.ts';
import type { CaseRecord } from './schemas/case.ts';

export interface Period {
  /** First and last day, YYYY-MM-DD, compared with each inspection's first day of fieldwork. */
  from: string;
  to: string;
}

/**
 * Inspections whose fieldwork started in the period: publication may fall later (DOMAIN.md §4). A
 * historic record known only by its year ("2018") is in a period only when the period holds the
 * whole year: otherwise it may have fallen either side of the period's edge (see `datedOnlyByYear`).
 */
export function inPeriod(inspections: readonly Inspection[], period: Period): Inspection[] {
  return inspections.filter((i) => {
    const start = i.source.fieldwork.start;
    if (isYearOnly(start)) return period.from <= `${start}-01-01` && `${start}-12-31` <= period.to;
    return start >= period.from && start <= period.to;
  });
}

/** Historic records known only by a year that the period cuts through: left out of its figures, which say so. */
export function datedOnlyByYear(inspections: readonly Inspection[], period: Period): Inspection[] {
  return inspections.filter((i) => {
    const start = i.source.fieldwork.start;
    if (!isYearOnly(start)) return false;
    const overlaps = period.from <= `${start}-12-31` && `${start}-01-01` <= period.to;
    return overlaps && !inPeriod([i], period).length;
  });
}

// ---- the ratings table ----

export interface RatingCell {
  rating: string;
  label: string;
  /** "*" when professional judgement applied. */
  mark: string;
}

export interface RatingsRow {
  slug: string;
  service: string;
  nation: string;
  kind: string;
  fieldworkStart: string;
  published: string;
  framework: string;
  composite: { score: number; maximum: number };
  overall: RatingCell;
  /** Per standard id: the awarded rating ("not-rated" included). Standards the framework lacks are absent. */
  standards: Record<string, RatingCell>;
}

const cell = (inspection: Inspection, rating: string, mark = ''): RatingCell => ({ rating, label: ratingLabel(inspection.framework, rating), mark });

export function ratingsRow(inspection: Inspection): RatingsRow {
  const { rating, framework } = inspection;
  return {
    slug: inspection.slug,
    service: inspection.service.name,
    nation: inspection.service.nation,
    kind: kindOf(inspection.source),
    fieldworkStart: inspection.source.fieldwork.start,
    published: inspection.source.published,
    framework: framework.id,
    composite: { score: rating.composite.score, maximum: rating.composite.maximum },
    overall: cell(inspection, rating.overall.rating),
    standards: Object.fromEntries(rating.standards.map((s) => [s.id, cell(inspection, s.awarded, s.professionalJudgement ? framework.professionalJudgement.mark : '')])),
  };
}

/** The table's standard columns: every standard id of the inspections' frameworks, in order. */
export function standardColumns(inspections: readonly Inspection[]): { id: string; name: string }[] {
  const columns: { id: string; name: string }[] = [];
  for (const inspection of inspections) {
    for (const standard of inspection.rating.standards) {
      // The name from the inspection's framework, which reads in the language of the project view
      // (the computed rating, shared by every language, keeps the English one).
      const name = inspection.framework.domains.flatMap((d) => d.standards).find((s) => s.id === standard.id)?.name ?? standard.name;
      if (!columns.some((c) => c.id === standard.id)) columns.push({ id: standard.id, name });
    }
  }
  const key = (id: string) => id.split('.').map((n) => n.padStart(3, '0')).join('.');
  return columns.sort((a, b) => (key(a.id) < key(b.id) ? -1 : 1));
}

// ---- distributions ----

/** The year an inspection counts in: that of the start of its fieldwork. */
export const fieldworkYear = (inspection: Inspection): string => inspection.source.fieldwork.start.slice(0, 4);

/**
 * Overall ratings counted per year of fieldwork, or per any other group (`group` gives each
 * inspection's label; one label for all of them gives the counts over the whole period).
 */
export function overallByYear(inspections: readonly Inspection[], group: (inspection: Inspection) => string = fieldworkYear): { year: string; counts: Record<string, number>; total: number }[] {
  const years = new Map<string, Record<string, number>>();
  for (const inspection of inspections) {
    const year = group(inspection);
    const counts = years.get(year) ?? {};
    counts[inspection.rating.overall.rating] = (counts[inspection.rating.overall.rating] ?? 0) + 1;
    years.set(year, counts);
  }
  return [...years].sort(([a], [b]) => (a < b ? -1 : 1)).map(([year, counts]) => ({ year, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }));
}

/** Each standard's ratings across the inspections, "not-rated" counted as a rating of its own. */
export function standardDistribution(inspections: readonly Inspection[]): { id: string; name: string; counts: Record<string, number>; total: number }[] {
  return standardColumns(inspections).map(({ id, name }) => {
    const counts: Record<string, number> = {};
    for (const inspection of inspections) {
      const standard = inspection.rating.standards.find((s) => s.id === id);
      if (standard) counts[standard.awarded] = (counts[standard.awarded] ?? 0) + 1;
    }
    return { id, name, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  });
}

// ---- cases judged sufficient ----

export interface SufficiencyPoint {
  /** "2021" or, where the framework changed within the year, "2021 (youth-2018)". */
  label: string;
  year: string;
  framework: string;
  yes: number;
  relevant: number;
  /** Whole per cent, half up; null when no case was relevant. */
  percent: number | null;
}

/**
 * Per key question, the cases judged sufficient pooled over all inspections, by year of fieldwork
 * (or by any other group: one label for all gives the whole period). A group in which two
 * frameworks were used (July 2021) is split, one point per framework.
 */
export function sufficiencyByYear(inspections: readonly Inspection[], group: (inspection: Inspection) => string = fieldworkYear): { id: string; text: string; caseType: string; points: SufficiencyPoint[] }[] {
  const frameworksInYear = new Map<string, Set<string>>();
  for (const inspection of inspections) {
    const year = group(inspection);
    frameworksInYear.set(year, (frameworksInYear.get(year) ?? new Set()).add(inspection.framework.id));
  }
  const questions = new Map<string, { id: string; text: string; caseType: string; points: Map<string, SufficiencyPoint> }>();
  for (const inspection of inspections) {
    const year = group(inspection);
    const split = (frameworksInYear.get(year)?.size ?? 1) > 1;
    const label = split ? `${year} (${inspection.framework.id})` : year;
    for (const standard of inspection.rating.standards) {
      if (standard.method !== 'case-sample') continue;
      const domain = inspection.framework.domains.find((d) => d.id === standard.domainId);
      for (const q of standard.keyQuestions) {
        const entry = questions.get(q.id) ?? { id: q.id, text: q.text, caseType: domain?.caseType ?? '', points: new Map() };
        const point = entry.points.get(label) ?? { label, year, framework: inspection.framework.id, yes: 0, relevant: 0, percent: null };
        point.yes += q.yes;
        point.relevant += q.relevant;
        entry.points.set(label, point);
        questions.set(q.id, entry);
      }
    }
  }
  const key = (id: string) => id.split('.').map((n) => n.padStart(3, '0')).join('.');
  return [...questions.values()]
    .sort((a, b) => (key(a.id) < key(b.id) ? -1 : 1))
    .map(({ id, text, caseType, points }) => ({
      id,
      text,
      caseType,
      points: [...points.values()]
        .sort((a, b) => (a.label < b.label ? -1 : 1))
        .map((p) => ({ ...p, percent: p.relevant === 0 ? null : Math.floor((p.yes * 200 + p.relevant) / (p.relevant * 2)) })),
    }));
}

// ---- reinspections ----

export function reinspections(inspections: readonly Inspection[], all: readonly Inspection[]) {
  return inspections.flatMap((inspection) => {
    if (!inspection.source.reinspectionOf) return [];
    const original = all.find((i) => i.slug === inspection.source.reinspectionOf);
    if (!original) return [];
    const summary = (i: Inspection) => ({ slug: i.slug, year: i.source.fieldwork.start.slice(0, 4), score: hasComposite(i) ? i.rating.composite.score : null, maximum: i.rating.composite.maximum, overall: cell(i, i.rating.overall.rating) });
    return [{ service: inspection.service.name, original: summary(original), reinspection: summary(inspection) }];
  });
}

// ---- case breakdowns, with small counts suppressed ----

export interface BreakdownCell {
  value: string;
  /** Null when suppressed. */
  count: number | null;
  percent: number | null;
  suppressed: boolean;
}

/**
 * Counts by category with small counts suppressed so that no child can be identified: any count
 * below `minimum` (but above 0) is hidden, and when exactly one cell would be hidden, the next
 * smallest is hidden too, so the hidden one cannot be worked out from the total.
 */
export function suppressed(counts: Record<string, number>, order: readonly string[], minimum: number): { cells: BreakdownCell[]; total: number } {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const values = [...order, ...Object.keys(counts).filter((key) => !order.includes(key))];
  const hide = new Set(values.filter((v) => (counts[v] ?? 0) > 0 && (counts[v] ?? 0) < minimum));
  if (hide.size === 1) {
    const next = values.filter((v) => !hide.has(v) && (counts[v] ?? 0) > 0).sort((a, b) => (counts[a] ?? 0) - (counts[b] ?? 0))[0];
    if (next) hide.add(next);
  }
  return {
    total,
    cells: values.map((value) => {
      const count = counts[value] ?? 0;
      return hide.has(value) ? { value, count: null, percent: null, suppressed: true } : { value, count, percent: total === 0 ? 0 : Math.floor((count * 200 + total) / (total * 2)), suppressed: false };
    }),
  };
}

function countBy(cases: readonly CaseRecord[], field: keyof CaseRecord): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of cases) {
    const value = String(record[field]);
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/** Out-of-court disposal types across the inspections' case records. */
export function disposalTypes(inspections: readonly Inspection[], order: readonly string[], minimum: number) {
  const cases = inspections.flatMap((i) => i.cases.filter((c) => c.type === 'out-of-court'));
  return suppressed(countBy(cases, 'disposal'), order, minimum);
}

/** Characteristics of the children in the case samples. */
export function childCharacteristics(inspections: readonly Inspection[], fields: Record<string, readonly string[]>, minimum: number) {
  const cases = inspections.flatMap((i) => i.cases);
  return Object.entries(fields).map(([field, order]) => ({ field, ...suppressed(countBy(cases, field as keyof CaseRecord), order, minimum) }));
}

// ---- recommendations ----

/** Recommendations counted by theme and by addressee, with the previous period's counts beside. */
export function recommendationCounts(current: readonly Inspection[], previous: readonly Inspection[]) {
  const tally = (inspections: readonly Inspection[], pick: (r: Inspection['source']['recommendations'][number]) => string[]) => {
    const counts: Record<string, number> = {};
    for (const inspection of inspections) for (const r of inspection.source.recommendations) for (const key of pick(r)) counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  };
  const compare = (now: Record<string, number>, before: Record<string, number>) =>
    [...new Set([...Object.keys(now), ...Object.keys(before)])]
      .map((key) => ({ key, count: now[key] ?? 0, previous: before[key] ?? 0 }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const themes = (r: { themes: string[] }) => r.themes;
  const addressee = (r: { addressee: string }) => [r.addressee];
  return { byTheme: compare(tally(current, themes), tally(previous, themes)), byAddressee: compare(tally(current, addressee), tally(previous, addressee)) };
}

export { NOT_RATED };
