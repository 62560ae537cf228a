/**
 * The ratings table across inspections (DOMAIN.md §4): for each inspection the service, the date
 * its report was published, the composite score, the overall rating and the rating of every
 * standard, newest first. Pure functions of the checked model: every figure comes from
 * `ratingsRow` and `standardColumns` (src/model/aggregates.ts) and is only arranged here.
 *
 * The same rows give three things: the table block of the page (one row per inspection, sortable
 * and filterable by the page's script through the cells' data values), the table block of the
 * landscape PDF (see `ratingsPrintTable`), and the open data (`ratingsRecords`, written as CSV and
 * JSON with exactly the same columns and values).
 */
import { ratingsRow, standardColumns, type RatingsRow } from '../model/aggregates.ts';
import type { Inspection } from '../model/project.ts';
import { NOT_RATED, ratingRank } from '../model/rating.ts';
import type { Framework } from '../model/schemas/framework.ts';
import type { Block, Inline, TableCell } from './blocks.ts';
import { ratingInline } from './report-tables.ts';
import { formatDate } from './dates.ts';
import { cell, text } from './make-blocks.ts';
import { csvText } from './csv.ts';

type TableBlock = Extract<Block, { type: 'table' }>;

/** Shown where a figure does not apply: a standard the inspection's framework did not have, or no composite score. */
export const NOT_APPLICABLE = 'n/a';

const KIND_NOTE: Record<string, string> = { reinspection: 'reinspection', joint: 'joint inspection' };

/** Newest report first; reports published the same day in slug order (as the site lists them). */
export function ratingsOrder(inspections: readonly Inspection[]): Inspection[] {
  return [...inspections].sort((a, b) => (a.source.published === b.source.published ? a.slug.localeCompare(b.slug) : a.source.published < b.source.published ? 1 : -1));
}

/**
 * The composite score as the table shows it: "15", or "11 out of 27" when standards were not rated
 * and the most the rated standards could score is below the framework's full maximum; "n/a" when
 * the inspection has no overall rating.
 */
export function compositeText(inspection: Inspection, row: RatingsRow = ratingsRow(inspection)): string {
  if (row.overall.rating === NOT_RATED) return NOT_APPLICABLE;
  return row.composite.maximum === inspection.rating.composite.fullMaximum ? String(row.composite.score) : `${row.composite.score} out of ${row.composite.maximum}`;
}

export interface StandardKeyEntry {
  id: string;
  name: string;
  /** The domain the standard belongs to ("Organisational delivery"). */
  domain: string;
  /** The standard's name in other frameworks of the table, where it differs ("Joint working" in 2018). */
  otherNames: { name: string; framework: Framework }[];
}

/** The frameworks of the inspections, newest first (by the date each came into effect). */
function frameworksOf(inspections: readonly Inspection[]): Framework[] {
  const frameworks = new Map<string, Framework>();
  for (const inspection of inspections) frameworks.set(inspection.framework.id, inspection.framework);
  return [...frameworks.values()].sort((a, b) => (a.inEffectFrom < b.inEffectFrom ? 1 : -1));
}

/** Every standard column with its domain, and its name in older frameworks where that differs. */
export function standardsKey(inspections: readonly Inspection[]): StandardKeyEntry[] {
  const frameworks = frameworksOf(inspections);
  return standardColumns(ratingsOrder(inspections)).map(({ id, name }) => {
    const found = frameworks.flatMap((framework) => framework.domains.flatMap((domain) => domain.standards.filter((s) => s.id === id).map((standard) => ({ framework, domain, standard }))));
    return {
      id,
      name,
      domain: found[0]?.domain.name ?? '',
      otherNames: found.filter((f) => f.standard.name !== name).map((f) => ({ name: f.standard.name, framework: f.framework })),
    };
  });
}

/** What assistive technology reads for a standard's short header: "1.1 Governance and leadership (Organisational delivery)". */
const fullName = (entry: StandardKeyEntry) => `${entry.id} ${entry.name}${entry.domain ? ` (${entry.domain})` : ''}`;

/** Sort key of a rating: its rank on the scale (higher is better), "Not rated" below all, no rating lower still. */
const ratingSortKey = (inspection: Inspection, rating: string | undefined) => String(rating === undefined ? -2 : ratingRank(inspection.framework, rating));

/** The ratings of one standard, or "n/a" where the inspection's framework did not have it. */
function standardCell(inspection: Inspection, row: RatingsRow, id: string): TableCell {
  const rated = row.standards[id];
  if (!rated) return cell(NOT_APPLICABLE, { data: { sort: ratingSortKey(inspection, undefined) } });
  return { inlines: [ratingInline(inspection, rated.rating, rated.mark !== '')], data: { sort: ratingSortKey(inspection, rated.rating) } };
}

/** The service's name, with "(reinspection)" or "(joint inspection)" where it applies. */
function serviceInlines(row: RatingsRow, href: string | undefined): Inline[] {
  const name: Inline = href ? { type: 'link', url: href, children: [text(row.service)] } : text(row.service);
  const kind = KIND_NOTE[row.kind];
  return kind ? [name, text(` (${kind})`)] : [name];
}

/** The note under a table: what "*" and "n/a" mean, when the table shows them. */
function tableNote(inspections: readonly Inspection[], rows: readonly RatingsRow[], columns: readonly StandardKeyEntry[]): Inline[] | undefined {
  const parts: string[] = [];
  const judged = inspections.find((_, index) => Object.values(rows[index]!.standards).some((s) => s.mark !== ''));
  if (judged) parts.push(`${judged.framework.professionalJudgement.mark}${judged.framework.professionalJudgement.footnote}.`);
  if (rows.some((row) => columns.some((c) => !row.standards[c.id]))) parts.push(`${NOT_APPLICABLE}: the standard was not part of the inspection standards in use at the time.`);
  if (rows.some((row) => row.overall.rating === NOT_RATED)) parts.push(`A composite score of ${NOT_APPLICABLE}: the inspection has no overall rating.`);
  for (const entry of columns) {
    for (const other of entry.otherNames) parts.push(`${entry.id} was ${other.name} in the ${other.framework.inEffectFrom.slice(0, 4)} standards.`);
  }
  return parts.length ? [text(parts.join(' '))] : undefined;
}

export interface RatingsTableOptions {
  caption: string;
  /** Where each service's name links to (its report page); plain text when absent. */
  href?: (slug: string) => string;
}

/**
 * The table of the page: one row per inspection, newest first. The service is the row header; the
 * published date, composite score, overall rating and every standard follow. Standard columns
 * have short headers ("1.1") read in full by assistive technology. Cells carry sort keys, and the
 * row header the nation, year of fieldwork and overall rating, for the page's script.
 */
export function ratingsTable(inspections: readonly Inspection[], options: RatingsTableOptions): TableBlock {
  const ordered = ratingsOrder(inspections);
  const key = standardsKey(ordered);
  const rows = ordered.map((inspection) => ratingsRow(inspection));
  const head: TableCell[] = [
    cell('Service', { data: { 'sort-type': 'text' } }),
    cell('Published', { data: { 'sort-type': 'date', sorted: 'descending' } }),
    cell('Composite score', { align: 'right', data: { 'sort-type': 'number' } }),
    cell('Overall rating', { data: { 'sort-type': 'number' } }),
    ...key.map((entry) => cell(entry.id, { fullText: fullName(entry), data: { 'sort-type': 'number' } })),
  ];
  const body = ordered.map((inspection, index): TableCell[] => {
    const row = rows[index]!;
    return [
      { inlines: serviceInlines(row, options.href?.(row.slug)), rowHeader: true, data: { sort: row.service, nation: row.nation, year: row.fieldworkStart.slice(0, 4), overall: row.overall.rating } },
      cell(formatDate(row.published), { data: { sort: row.published.replace(/-/g, '') } }),
      // Sorted by the score the rating was read from: scaled to the full maximum when standards were not rated.
      cell(compositeText(inspection, row), { align: 'right', data: { sort: row.overall.rating === NOT_RATED ? '-1' : String(inspection.rating.composite.scaledScore) } }),
      { inlines: [ratingInline(inspection, row.overall.rating, row.overall.mark !== '')], data: { sort: ratingSortKey(inspection, row.overall.rating) } },
      ...key.map((entry) => standardCell(inspection, row, entry.id)),
    ];
  });
  const note = tableNote(ordered, rows, key);
  return {
    type: 'table',
    caption: options.caption,
    head: [head],
    rows: body,
    widths: [3, 1.6, 1.3, 1.6, ...key.map(() => 1.4)],
    compact: true,
    ...(note ? { note } : {}),
  };
}

/**
 * The same ratings laid out for an A4 landscape page. A row of service, date, score and every
 * rating in words does not fit across A4 at 8 pt (thirteen rating columns of "Requires
 * improvement*" need more than the page's width), so each inspection takes two rows: a row header
 * across the table with the service, published date, composite score and overall rating, then its
 * standards' ratings under the column headers. The column headers are two rows, repeated on every
 * page: the domains over their standards, each standard by number and name in small visible text,
 * so a printed page explains itself and assistive technology reads the same full header as
 * everyone (no /Alt needed; the page's table, with its short "1.1" headers, uses hidden text).
 */
export function ratingsPrintTable(inspections: readonly Inspection[], options: { caption: string }): TableBlock {
  const ordered = ratingsOrder(inspections);
  const key = standardsKey(ordered);
  const rows = ordered.map((inspection) => ratingsRow(inspection));
  // The domains over their standards: consecutive columns of one domain share a header.
  const groups: { name: string; span: number }[] = [];
  for (const entry of key) {
    const name = entry.domain || `Domain ${entry.id.split('.')[0]}`;
    const last = groups[groups.length - 1];
    if (last?.name === name) last.span++;
    else groups.push({ name, span: 1 });
  }
  const domains = groups.map(({ name, span }) => cell(name, { align: 'center', ...(span > 1 ? { colSpan: span } : {}) }));
  const body = ordered.flatMap((inspection, index): TableCell[][] => {
    const row = rows[index]!;
    const heading: TableCell = {
      rowHeader: true,
      colSpan: key.length,
      inlines: [
        ...serviceInlines(row, undefined),
        text(`, published ${formatDate(row.published)}, composite score ${compositeText(inspection, row)}, overall rating `),
        ratingInline(inspection, row.overall.rating, row.overall.mark !== ''),
      ],
    };
    return [[heading], key.map((entry) => standardCell(inspection, row, entry.id))];
  });
  const note = tableNote(ordered, rows, key);
  return {
    type: 'table',
    caption: options.caption,
    head: [domains, key.map((entry): TableCell => ({ inlines: [text(entry.id), { type: 'break' }, text(entry.name)] }))],
    rows: body,
    // Room for the longest words at 8 pt bold: "Requires improvement*" fits a column of 1, but a
    // name with a longer word ("Implementation") needs a little more, taken from the others.
    widths: key.map((entry) => (Math.max(...entry.name.split(/\s+/).map((word) => word.length)) > 12 ? 1.15 : 1)),
    compact: true,
    ...(note ? { note } : {}),
  };
}

// ---- open data ----

export interface RatingsColumn {
  name: string;
  description: string;
}

export type RatingsValue = string | number | null;

export interface RatingsRecords {
  columns: RatingsColumn[];
  /** One record per inspection, newest first, keyed by column name; null where a value does not apply. */
  rows: Record<string, RatingsValue>[];
}

const list = (items: readonly string[], last = 'or') => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`);

/**
 * The open data: one flat record per inspection with the same figures as the table, as ids a
 * program can use (rating ids, ISO dates, numbers), and a description of every column.
 */
export function ratingsRecords(inspections: readonly Inspection[]): RatingsRecords {
  const ordered = ratingsOrder(inspections);
  const key = standardsKey(ordered);
  const frameworks = frameworksOf(ordered);
  const newest = frameworks[0];
  const ratingIds = newest ? [...newest.ratingScale].reverse().map((level) => level.id) : [];
  const points = newest ? list([...newest.ratingScale].reverse().map((level) => `${level.label} ${level.points}`), 'and') : '';
  const fullMaximum = ordered[0]?.rating.composite.fullMaximum;
  const mark = newest?.professionalJudgement.mark ?? '*';
  const columns: RatingsColumn[] = [
    { name: 'slug', description: 'The inspection’s identifier: its report is at /inspections/<slug>/.' },
    { name: 'service', description: 'The youth justice service inspected.' },
    { name: 'nation', description: 'The nation the service is in: England or Wales.' },
    { name: 'kind', description: 'inspection, reinspection (a second look at a service) or joint (an inspection with other inspectorates).' },
    { name: 'fieldwork start', description: 'The first day of fieldwork (YYYY-MM-DD). The year of this date is the year the ratings pages list the inspection under.' },
    { name: 'published', description: 'The day the report was published (YYYY-MM-DD).' },
    { name: 'framework', description: `The inspection standards used: ${list(frameworks.map((f) => `${f.id} (${f.name}, in use from ${f.inEffectFrom}${f.inEffectUntil ? ` to ${f.inEffectUntil}` : ''})`))}.` },
    { name: 'composite score', description: `The points of the rated standards that count towards the overall rating (${points}).` },
    { name: 'composite maximum', description: `The most those rated standards could score: lower than the full maximum${fullMaximum ? ` (${fullMaximum})` : ''} when some standards were not rated, in which case the score is scaled up to the full maximum before the overall rating is read from it.` },
    { name: 'overall rating', description: `The overall rating as an id: ${list([...ratingIds, NOT_RATED])}.` },
    { name: 'overall label', description: 'The overall rating in words, as the reports show it.' },
    ...key.flatMap((entry): RatingsColumn[] => [
      {
        name: entry.id,
        description: `${entry.id} ${entry.name} (${entry.domain})${entry.otherNames.length ? `, called ${list(entry.otherNames.map((o) => `${o.name} in ${o.framework.id}`))}` : ''}: the rating id; empty where the standard was not part of the inspection’s framework.`,
      },
      { name: `${entry.id} judgement`, description: `yes where professional judgement was applied to the rating of ${entry.id} (shown with ${mark}), otherwise no; empty where the standard was not part of the inspection’s framework.` },
    ]),
  ];
  const rows = ordered.map((inspection) => {
    const row = ratingsRow(inspection);
    const record: Record<string, RatingsValue> = {
      slug: row.slug,
      service: row.service,
      nation: row.nation,
      kind: row.kind,
      'fieldwork start': row.fieldworkStart,
      published: row.published,
      framework: row.framework,
      'composite score': row.composite.score,
      'composite maximum': row.composite.maximum,
      'overall rating': row.overall.rating,
      'overall label': row.overall.label,
    };
    for (const entry of key) {
      const rated = row.standards[entry.id];
      record[entry.id] = rated ? rated.rating : null;
      record[`${entry.id} judgement`] = rated ? (rated.mark !== '' ? 'yes' : 'no') : null;
    }
    return record;
  });
  return { columns, rows };
}

/** The records as CSV (src/document/csv.ts): a header row of the column names, then one row per inspection. */
export function ratingsCsv(records: RatingsRecords): string {
  return csvText(
    records.columns.map((c) => c.name),
    records.rows.map((row) => records.columns.map((c) => row[c.name] ?? null)),
  );
}

/** The records as JSON: the column descriptions, then the rows keyed by column name (null where the CSV field is empty). */
export function ratingsJson(records: RatingsRecords): string {
  const rows = records.rows.map((row) => Object.fromEntries(records.columns.map((c) => [c.name, row[c.name] ?? null])));
  return `${JSON.stringify({ columns: records.columns, rows }, null, 2)}\n`;
}
