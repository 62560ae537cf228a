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
import { KIND_LABELS, type InspectionKind } from '../model/inspection-kind.ts';
import type { Messages } from '../model/messages.ts';
import { ratingsRow, standardColumns, type RatingsRow } from '../model/aggregates.ts';
import { hasComposite, type Inspection } from '../model/project.ts';
import { NOT_KNOWN, NOT_RATED, ratingRank } from '../model/rating.ts';
import type { Framework } from '../model/schemas/framework.ts';
import type { Block, Inline, TableCell } from './blocks.ts';
import { judgementNoteId, judgementReasons, ratingInline } from './report-tables.ts';
import { formatDate } from './dates.ts';
import { cell, text } from './make-blocks.ts';
import { csvText } from './csv.ts';

type TableBlock = Extract<Block, { type: 'table' }>;

/** The scale every composite score is shown on ("15/36"), whatever the most an inspection's rated standards could score. */
export const COMPOSITE_OUT_OF = 36;

/** Marks a composite score scaled to 36 (explained in the table's note). */
export const SCALED_MARK = '\u2020';

/** What follows a service's name in the table: nothing for a plain inspection. */
const KIND_NOTES: Record<InspectionKind, string | undefined> = {
  inspection: undefined,
  reinspection: KIND_LABELS.reinspection.toLowerCase(),
  joint: KIND_LABELS.joint.toLowerCase(),
  'joint-reinspection': KIND_LABELS['joint-reinspection'].toLowerCase(),
};

/** Newest report first; reports published the same day in slug order (as the site lists them). */
export function ratingsOrder(inspections: readonly Inspection[]): Inspection[] {
  return [...inspections].sort((a, b) => (a.source.published === b.source.published ? a.slug.localeCompare(b.slug) : a.source.published < b.source.published ? 1 : -1));
}

/** The composite on the 0–36 scale: scaled (and rounded) when the rated standards could score less or more than 36. */
function compositeOutOf36(row: RatingsRow): { value: number; scaled: boolean } {
  const { score, maximum } = row.composite;
  if (maximum === COMPOSITE_OUT_OF) return { value: score, scaled: false };
  return { value: Math.round((score * COMPOSITE_OUT_OF) / maximum), scaled: true };
}

/**
 * The composite score as the table shows it: always out of 36 ("15/36"), with † when it was scaled
 * to 36 (some standards not rated, or a framework whose composite standards score less); undefined
 * when the inspection has no overall rating (the table shows "Not rated").
 */
export function compositeText(inspection: Inspection, row: RatingsRow = ratingsRow(inspection)): string | undefined {
  if (row.overall.rating === NOT_RATED || row.composite.maximum === 0 || !hasComposite(inspection)) return undefined;
  const { value, scaled } = compositeOutOf36(row);
  return `${value}/${COMPOSITE_OUT_OF}${scaled ? SCALED_MARK : ''}`;
}

/** The composite's cell of a historic record whose source does not give the score. */
export const COMPOSITE_NOT_PUBLISHED = 'Not published';

/** The composite's cell: "15/36", or the one "Not rated" mark and word where there is no overall rating. */
function compositeCell(inspection: Inspection, row: RatingsRow): TableCell {
  // A historic record whose source does not give the score: said in words, sorted below every score.
  if (!hasComposite(inspection)) return cell(COMPOSITE_NOT_PUBLISHED, { align: 'right', data: { sort: '-1' } });
  const shown = compositeText(inspection, row);
  // Sorted by the score the rating was read from: scaled to the full maximum when standards were not rated.
  const sort = shown === undefined ? '-1' : String(inspection.rating.composite.scaledScore);
  return shown === undefined ? { inlines: [ratingInline(inspection, NOT_RATED, false)], align: 'right', data: { sort } } : cell(shown, { align: 'right', data: { sort } });
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

/**
 * The rating of one standard. Where the inspection's framework did not have the standard, the same
 * "Not rated" mark and word as a standard not rated: a missing rating always reads one way.
 */
function standardCell(inspection: Inspection, row: RatingsRow, id: string, linkReasons = false): TableCell {
  const rated = row.standards[id];
  if (!rated) return { inlines: [ratingInline(inspection, NOT_RATED, false)], data: { sort: ratingSortKey(inspection, undefined) } };
  const rating = ratingInline(inspection, rated.rating, rated.mark !== '');
  // On the page, a rating by professional judgement leads to the inspectors' reasons under the table.
  const inlines: Inline[] = linkReasons && rated.mark !== '' ? [{ type: 'link', url: `#${judgementReasonId(inspection.slug, id)}`, children: [rating] }] : [rating];
  return { inlines, data: { sort: ratingSortKey(inspection, rated.rating) } };
}

/** The id of the reasons for one rating by professional judgement, in the list under the ratings table. */
export const judgementReasonId = (slug: string, standardId: string): string => `reasons-${slug}-${standardId.replace(/\./g, '-')}`;

/** The service's name, with "(reinspection)", "(joint reinspection)" or "(historic record)" where it applies. */
function serviceInlines(row: RatingsRow, href: string | undefined, inspection: Inspection): Inline[] {
  const name: Inline = href ? { type: 'link', url: href, children: [text(row.service)] } : text(row.service);
  const notes = [KIND_NOTES[row.kind as InspectionKind], inspection.historic ? 'historic record' : undefined].filter(Boolean);
  return notes.length ? [name, text(` (${notes.join(', ')})`)] : [name];
}

/** The note under a table: what "*", "†" and "Not rated" mean, when the table shows them. */
function tableNote(inspections: readonly Inspection[], rows: readonly RatingsRow[], columns: readonly StandardKeyEntry[]): Inline[] | undefined {
  const parts: string[] = [];
  const after: string[] = [];
  let notRated: Inline | undefined;
  const judged = inspections.find((_, index) => Object.values(rows[index]!.standards).some((s) => s.mark !== ''));
  if (judged) parts.push(`${judged.framework.professionalJudgement.mark}${judged.framework.professionalJudgement.footnote}: the inspectors’ reasons are quoted after the table.`);
  const scaled = inspections.map((inspection, index) => ({ inspection, row: rows[index]! })).find(({ inspection, row }) => compositeText(inspection, row)?.endsWith(SCALED_MARK));
  if (scaled) {
    const { score, maximum } = scaled.row.composite;
    parts.push(
      `${SCALED_MARK}Scaled to ${COMPOSITE_OUT_OF}: some standards were not rated, so the most the rated standards could score was less than ${COMPOSITE_OUT_OF}. The points are multiplied by ${COMPOSITE_OUT_OF} and divided by that most, then rounded: ${score} points out of a possible ${maximum} show as ${compositeText(scaled.inspection, scaled.row)!.slice(0, -SCALED_MARK.length)}.`,
    );
  }
  const missing = rows.some((row) => columns.some((c) => !row.standards[c.id]));
  const unrated = rows.some((row) => row.overall.rating === NOT_RATED || Object.values(row.standards).some((s) => s.rating === NOT_RATED));
  if ((missing || unrated) && inspections[0]) {
    notRated = ratingInline(inspections[0], NOT_RATED, false);
    after.push(`: ${[unrated ? 'there was too little of that work to rate' : '', missing ? 'the standard was not part of the inspection standards in use at the time' : ''].filter(Boolean).join(', or ')}.`);
  }
  // Historic records: what they are, and the dash of a rating their source leaves unclear.
  const historic = inspections.find((i) => i.historic);
  if (historic) {
    const notKnown = inspections.some((i) => i.historic && i.rating.standards.some((st) => st.awarded === NOT_KNOWN));
    after.push(`A historic record is a report published before this site, shown with its published ratings; its page links to the original.${notKnown ? ' Unclear: a published rating the record could not take with certainty from its source.' : ''}`);
  }
  for (const entry of columns) {
    for (const other of entry.otherNames) after.push(`${entry.id} was ${other.name} in the ${other.framework.inEffectFrom.slice(0, 4)} standards.`);
  }
  if (!notRated) return parts.length || after.length ? [text([...parts, ...after].join(' '))] : undefined;
  // The missing rating's key shows its mark as the table does: "— Not rated: …".
  const [meaning, ...rest] = after;
  return [...(parts.length ? [text(`${parts.join(' ')} `)] : []), notRated, text([meaning, ...rest].join(' '))];
}

export interface RatingsTableOptions {
  caption: string;
  /** Where each service's name links to (its report page); plain text when absent. */
  href?: (slug: string) => string;
}

/**
 * Every rating awarded by professional judgement in the table, newest report first, with the
 * inspectors' reasons as the report gives them: what the table's mark points to. With `href`
 * (the page), each links to the reasons beside the rating in the full report.
 */
export function judgementNotes(inspections: readonly Inspection[], options: { href?: (slug: string) => string; messages: Messages }): Block | undefined {
  const items = judgementNoteItems(inspections, options).map((item): Block[] => [{ type: 'paragraph', inlines: item.inlines }]);
  return items.length ? { type: 'list', ordered: false, start: 1, items } : undefined;
}

/** The notes one by one, with the facts the ratings page's filters match (as on the table's row headers). */
export function judgementNoteItems(inspections: readonly Inspection[], options: { href?: (slug: string) => string; messages: Messages }): { id: string; slug: string; nation: string; overall: string; inlines: Inline[] }[] {
  const items: { id: string; slug: string; nation: string; overall: string; inlines: Inline[] }[] = [];
  for (const inspection of ratingsOrder(inspections)) {
    for (const standard of inspection.rating.standards.filter((s) => s.professionalJudgement)) {
      const inlines: Inline[] = [
        text(`${inspection.service.name}, report published ${formatDate(inspection.source.published)}. `, { bold: true }),
        ...judgementReasons(inspection, standard.id, options.messages),
      ];
      const href = options.href?.(inspection.slug);
      if (href) inlines.push(text(' '), { type: 'link', url: `${href}#${judgementNoteId(standard.id, options.messages)}`, children: [text(`Read it in the report on ${inspection.service.shortName}`)] });
      items.push({ id: judgementReasonId(inspection.slug, standard.id), slug: inspection.slug, nation: inspection.service.nation, overall: inspection.rating.overall.rating, inlines });
    }
  }
  return items;
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
    cell('Composite score', { align: 'right', fullText: `Composite score out of ${COMPOSITE_OUT_OF}`, data: { 'sort-type': 'number' } }),
    cell('Overall rating', { data: { 'sort-type': 'number' } }),
    ...key.map((entry) => cell(entry.id, { fullText: fullName(entry), data: { 'sort-type': 'number' } })),
  ];
  const body = ordered.map((inspection, index): TableCell[] => {
    const row = rows[index]!;
    return [
      { inlines: serviceInlines(row, options.href?.(row.slug), inspection), rowHeader: true, data: { sort: row.service, nation: row.nation, year: row.fieldworkStart.slice(0, 4), overall: row.overall.rating } },
      // A year alone ("2018") sorts before every day of its year.
      cell(formatDate(row.published), { data: { sort: row.published.length === 4 ? `${row.published}0000` : row.published.replace(/-/g, '') } }),
      compositeCell(inspection, row),
      { inlines: [ratingInline(inspection, row.overall.rating, row.overall.mark !== '')], data: { sort: ratingSortKey(inspection, row.overall.rating) } },
      ...key.map((entry) => standardCell(inspection, row, entry.id, options.href !== undefined)),
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
 * How many standard columns fit across an A4 landscape page beside the row header, score and
 * overall rating: each standard's column must hold "Requires improvement*" at 8 pt bold (its
 * longest word, "improvement*", is 53 pt) with a gutter either side, about 61 pt of the page's 770.
 */
const PRINT_UNITS = 12.6;
/** Column widths in standard columns: the row header (service and date), the score, the overall rating. */
const PRINT_WIDTHS = { header: 2.2, score: 0.75, overall: 1.05 } as const;

/**
 * The same ratings laid out for A4 landscape pages, like the annual report's table: one row per
 * inspection, its row header the service and the date its report was published, then the composite
 * score out of 36, the overall rating and each standard's rating as its symbol and word. The
 * standards' columns have short headers ("1.1", read in full through /Alt; the key after the table
 * names them). Thirteen columns of ratings in words do not fit across one A4 page at 8 pt, so the
 * standards are split by domain into as few tables as fit; each table has every inspection, with
 * its row header, so each row reads on its own.
 */
export function ratingsPrintTables(inspections: readonly Inspection[], options: { caption: string }): TableBlock[] {
  const ordered = ratingsOrder(inspections);
  const key = standardsKey(ordered);
  const rows = ordered.map((inspection) => ratingsRow(inspection));
  // The domains, in order, each with its standards.
  const domains: { name: string; entries: StandardKeyEntry[] }[] = [];
  for (const entry of key) {
    const name = entry.domain || `Domain ${entry.id.split('.')[0]}`;
    const last = domains[domains.length - 1];
    if (last?.name === name) last.entries.push(entry);
    else domains.push({ name, entries: [entry] });
  }
  // Whole domains to each table, as many as fit; the first table also has the score and overall rating.
  const parts: { name: string; entries: StandardKeyEntry[] }[][] = [[]];
  let used = PRINT_WIDTHS.header + PRINT_WIDTHS.score + PRINT_WIDTHS.overall;
  for (const domain of domains) {
    if (used + domain.entries.length > PRINT_UNITS && parts[parts.length - 1]!.length) {
      parts.push([]);
      used = PRINT_WIDTHS.header;
    }
    parts[parts.length - 1]!.push(domain);
    used += domain.entries.length;
  }
  const note = tableNote(ordered, rows, key);
  return parts.map((part, index): TableBlock => {
    const first = index === 0;
    const entries = part.flatMap((domain) => domain.entries);
    const head: TableCell[] = [
      cell('Service and date published'),
      ...(first ? [cell('Score', { align: 'right', fullText: `Composite score out of ${COMPOSITE_OUT_OF}` }), cell('Overall', { fullText: 'Overall rating' })] : []),
      ...entries.map((entry) => cell(entry.id, { fullText: fullName(entry) })),
    ];
    const body = ordered.map((inspection, i): TableCell[] => {
      const row = rows[i]!;
      const header: TableCell = { rowHeader: true, inlines: [...serviceInlines(row, undefined, inspection), { type: 'break' }, text(formatDate(row.published))] };
      return [
        header,
        ...(first ? [compositeCell(inspection, row), { inlines: [ratingInline(inspection, row.overall.rating, row.overall.mark !== '')] }] : []),
        ...entries.map((entry) => standardCell(inspection, row, entry.id)),
      ];
    });
    const what = part.map((domain) => domain.name.charAt(0).toLowerCase() + domain.name.slice(1));
    const standards = `${what.slice(0, -1).join(', ')}${what.length > 1 ? ' and ' : ''}${what[what.length - 1]}`;
    return {
      type: 'table',
      caption: parts.length === 1 ? options.caption : `${options.caption} (table ${index + 1} of ${parts.length}): ${first ? `composite score, overall rating, ${standards}` : standards}`,
      head: [head],
      rows: body,
      widths: [PRINT_WIDTHS.header, ...(first ? [PRINT_WIDTHS.score, PRINT_WIDTHS.overall] : []), ...entries.map(() => 1)],
      compact: true,
      ...(note && index === parts.length - 1 ? { note } : {}),
    };
  });
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
    { name: 'kind', description: 'inspection; reinspection (a second look at a service, or at its predecessor); joint (an inspection with other inspectorates); or joint-reinspection (both).' },
    { name: 'record', description: 'full: a report published on this site, its ratings worked out from the evidence; historic: a report published before this site, recorded with its published ratings only (its page links to the original).' },
    { name: 'fieldwork start', description: 'The first day of fieldwork (YYYY-MM-DD). The year of this date is the year the ratings pages list the inspection under; empty for a historic record whose source gives no fieldwork dates, which is listed under the year it was published.' },
    { name: 'published', description: 'The day the report was published (YYYY-MM-DD); the year alone (YYYY) for a historic record whose source gives only the year.' },
    { name: 'framework', description: `The inspection standards used: ${list(frameworks.map((f) => `${f.id} (${f.name}, in use from ${f.inEffectFrom}${f.inEffectUntil ? ` to ${f.inEffectUntil}` : ''})`))}.` },
    { name: 'composite score', description: `The points of the rated standards that count towards the overall rating (${points}); empty for a historic record whose source does not give it.` },
    { name: 'composite maximum', description: `The most those rated standards could score: lower than the full maximum${fullMaximum ? ` (${fullMaximum})` : ''} when some standards were not rated, in which case the score is scaled up to the full maximum before the overall rating is read from it.` },
    { name: 'overall rating', description: `The overall rating as an id: ${list([...ratingIds, NOT_RATED])}.` },
    { name: 'overall label', description: 'The overall rating in words, as the reports show it.' },
    ...key.flatMap((entry): RatingsColumn[] => [
      {
        name: entry.id,
        description: `${entry.id} ${entry.name} (${entry.domain})${entry.otherNames.length ? `, called ${list(entry.otherNames.map((o) => `${o.name} in ${o.framework.id}`))}` : ''}: the rating id (${NOT_KNOWN} in a historic record whose source does not make the rating clear); empty where the standard was not part of the inspection’s framework.`,
      },
      { name: `${entry.id} judgement`, description: `yes where professional judgement was applied to the rating of ${entry.id} (shown with ${mark}), otherwise no; empty where the standard was not part of the inspection’s framework.` },
      { name: `${entry.id} rationale`, description: `Where professional judgement was applied to the rating of ${entry.id}, the inspectors’ reasons, as the report gives them beside the rating; otherwise empty.` },
    ]),
  ];
  const rows = ordered.map((inspection) => {
    const row = ratingsRow(inspection);
    const record: Record<string, RatingsValue> = {
      slug: row.slug,
      service: row.service,
      nation: row.nation,
      kind: row.kind,
      record: inspection.historic ? 'historic' : 'full',
      'fieldwork start': inspection.historic?.fieldworkRecorded === false ? '' : row.fieldworkStart,
      published: row.published,
      framework: row.framework,
      'composite score': hasComposite(inspection) ? row.composite.score : null,
      'composite maximum': row.composite.maximum,
      'overall rating': row.overall.rating,
      'overall label': row.overall.label,
    };
    for (const entry of key) {
      const rated = row.standards[entry.id];
      record[entry.id] = rated ? rated.rating : null;
      record[`${entry.id} judgement`] = rated ? (rated.mark !== '' ? 'yes' : 'no') : null;
      record[`${entry.id} rationale`] = inspection.rating.standards.find((s) => s.id === entry.id)?.judgementRationale ?? null;
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
