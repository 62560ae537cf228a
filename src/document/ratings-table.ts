/**
 * The ratings table across inspections (DOMAIN.md §4): for each inspection the service, the date
 * its report was published, the composite score, the overall rating and the rating of every
 * standard, newest first. Pure functions of the checked model: every figure comes from
 * `ratingsRow` and `standardColumns` (src/model/aggregates.ts) and is only arranged here.
 *
 * The same rows give three things: the table block of the page (one row per inspection, sortable
 * and filterable by the page's script through the cells' data values), the table block of the
 * landscape PDF (see `ratingsPrintTable`), and the open data (`ratingsRecords`, written as CSV and
 * JSON with exactly the same columns and values). Every word is a message (templates/messages/<lang>/
 * ratings.yaml) in the language of the messages given; the open data's column names and values are
 * the same in every language.
 */
import { messageKey, type Messages, type MessageValues } from '../model/messages.ts';
import { ratingsRow, standardColumns, type RatingsRow } from '../model/aggregates.ts';
import { hasComposite, type Inspection } from '../model/project.ts';
import { NOT_KNOWN, NOT_RATED, ratingRank } from '../model/rating.ts';
import type { Framework } from '../model/schemas/framework.ts';
import type { Block, Inline, TableCell } from './blocks.ts';
import { judgementNoteId, judgementReasons, ratingInline } from './report-tables.ts';
import { cell, text } from './make-blocks.ts';
import { listOf, listOr, listSeparators } from './phrases.ts';
import { csvText } from './csv.ts';

type TableBlock = Extract<Block, { type: 'table' }>;

/** The scale every composite score is shown on ("15/36"), whatever the most an inspection's rated standards could score. */
export const COMPOSITE_OUT_OF = 36;

/** Marks a composite score scaled to 36 (explained in the table's note). */
export const SCALED_MARK = '\u2020';

/** Where a message's placeholder holds inlines (a rating with its symbol) rather than text. */
const slot = (name: string) => `\uE000${name}\uE001`;

/**
 * A message as inlines, the placeholders named in `inlines` filled with those inlines (a rating
 * drawn with its symbol, a list of them), so that a sentence stays whole in the message file.
 */
export function messageInlines(m: Messages, key: string, values: MessageValues, inlines: Record<string, Inline[]>): Inline[] {
  const written = m.t(key, { ...values, ...Object.fromEntries(Object.keys(inlines).map((name) => [name, slot(name)])) });
  return written.split(/\uE000([^\uE001]*)\uE001/).flatMap((piece, index) => (index % 2 ? inlines[piece]! : piece ? [text(piece)] : []));
}

/** Inlines in a list, with the language's separators: "A, B and C" ("A, B a C"), or "A, B or C". */
export function inlineList(items: readonly { label: string; inlines: Inline[] }[], m: Messages, type: 'and' | 'or' = 'and'): Inline[] {
  const separators = listSeparators(items.map((item) => item.label), m.lang, type);
  return items.flatMap((item, index) => [...(index ? [text(separators[index - 1]!)] : []), ...item.inlines]);
}

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

/** The composite's cell: "15/36", or the one "Not rated" mark and word where there is no overall rating. */
function compositeCell(inspection: Inspection, row: RatingsRow, m: Messages): TableCell {
  // A historic record whose source does not give the score: said in words, sorted below every score.
  if (!hasComposite(inspection)) return cell(m.t('site.score-not-published'), { align: 'right', data: { sort: '-1' } });
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
function serviceInlines(row: RatingsRow, href: string | undefined, inspection: Inspection, m: Messages): Inline[] {
  const name: Inline = href ? { type: 'link', url: href, children: [text(row.service)] } : text(row.service);
  if (row.kind === 'inspection' && !inspection.historic) return [name];
  return [name, text(m.t('ratings.table.service-note', { kind: row.kind.replace('-', '_'), historic: inspection.historic ? 'yes' : 'no' }))];
}

/** The note under a table: what "*", "†" and "Not rated" mean, when the table shows them. */
function tableNote(inspections: readonly Inspection[], rows: readonly RatingsRow[], columns: readonly StandardKeyEntry[], m: Messages): Inline[] | undefined {
  const parts: string[] = [];
  const after: string[] = [];
  let notRated: Inline[] | undefined;
  const judged = inspections.find((_, index) => Object.values(rows[index]!.standards).some((s) => s.mark !== ''));
  if (judged) parts.push(m.t('ratings.table.note-judgement', { mark: judged.framework.professionalJudgement.mark, footnote: judged.framework.professionalJudgement.footnote }));
  const scaled = inspections.map((inspection, index) => ({ inspection, row: rows[index]! })).find(({ inspection, row }) => compositeText(inspection, row)?.endsWith(SCALED_MARK));
  if (scaled) {
    const { score, maximum } = scaled.row.composite;
    parts.push(m.t('ratings.table.note-scaled', { mark: SCALED_MARK, outOf: COMPOSITE_OUT_OF, score, maximum, shown: compositeText(scaled.inspection, scaled.row)!.slice(0, -SCALED_MARK.length) }));
  }
  const missing = rows.some((row) => columns.some((c) => !row.standards[c.id]));
  const unrated = rows.some((row) => row.overall.rating === NOT_RATED || Object.values(row.standards).some((s) => s.rating === NOT_RATED));
  if ((missing || unrated) && inspections[0]) {
    notRated = messageInlines(m, messageKey('ratings.table.note-not-rated'), { reason: missing && unrated ? 'both' : unrated ? 'unrated' : 'missing' }, { rating: [ratingInline(inspections[0], NOT_RATED, false)] });
  }
  // Historic records: what they are, and the dash of a rating their source leaves unclear.
  const historic = inspections.find((i) => i.historic);
  if (historic) {
    const unclear = inspections.find((i) => i.historic && i.rating.standards.some((st) => st.awarded === NOT_KNOWN));
    after.push(m.t('ratings.table.note-historic'));
    if (unclear) after.push(m.t('ratings.table.note-unclear', { unclear: unclear.framework.unclearLabel }));
  }
  for (const entry of columns) {
    for (const other of entry.otherNames) after.push(m.t('ratings.table.note-other-name', { standard: entry.id, name: other.name, year: other.framework.inEffectFrom.slice(0, 4) }));
  }
  if (!notRated) return parts.length || after.length ? [text([...parts, ...after].join(' '))] : undefined;
  // The missing rating's key shows its mark as the table does ("— Not rated: …"); the other notes follow in its run of text.
  const last = notRated.at(-1);
  const meaning = last?.type === 'text' ? [...notRated.slice(0, -1), text([last.value, ...after].join(' '))] : [...notRated, ...(after.length ? [text(` ${after.join(' ')}`)] : [])];
  return [...(parts.length ? [text(`${parts.join(' ')} `)] : []), ...meaning];
}

export interface RatingsTableOptions {
  caption: string;
  /** The tool's words, in the language of the table. */
  messages: Messages;
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
        text(options.messages.t('ratings.table.judgement-item', { service: inspection.service.name, date: options.messages.date(inspection.source.published) }), { bold: true }),
        ...judgementReasons(inspection, standard.id, options.messages),
      ];
      const href = options.href?.(inspection.slug);
      if (href) inlines.push(text(' '), { type: 'link', url: `${href}#${judgementNoteId(standard.id, options.messages)}`, children: [text(options.messages.t('ratings.table.judgement-link', { service: inspection.service.shortName }))] });
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
  const m = options.messages;
  const head: TableCell[] = [
    cell(m.t('ratings.table.service'), { data: { 'sort-type': 'text' } }),
    cell(m.t('site.inspections-table.published'), { data: { 'sort-type': 'date', sorted: 'descending' } }),
    cell(m.t('ratings.table.composite'), { align: 'right', fullText: m.t('ratings.table.composite-full', { outOf: COMPOSITE_OUT_OF }), data: { 'sort-type': 'number' } }),
    cell(m.t('site.inspections-table.rating'), { data: { 'sort-type': 'number' } }),
    ...key.map((entry) => cell(entry.id, { fullText: fullName(entry), data: { 'sort-type': 'number' } })),
  ];
  const body = ordered.map((inspection, index): TableCell[] => {
    const row = rows[index]!;
    return [
      { inlines: serviceInlines(row, options.href?.(row.slug), inspection, m), rowHeader: true, data: { sort: row.service, nation: row.nation, year: row.fieldworkStart.slice(0, 4), overall: row.overall.rating } },
      // A year alone ("2018") sorts before every day of its year.
      cell(m.date(row.published), { data: { sort: row.published.length === 4 ? `${row.published}0000` : row.published.replace(/-/g, '') } }),
      compositeCell(inspection, row, m),
      { inlines: [ratingInline(inspection, row.overall.rating, row.overall.mark !== '')], data: { sort: ratingSortKey(inspection, row.overall.rating) } },
      ...key.map((entry) => standardCell(inspection, row, entry.id, options.href !== undefined)),
    ];
  });
  const note = tableNote(ordered, rows, key, m);
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
export function ratingsPrintTables(inspections: readonly Inspection[], options: { caption: string; messages: Messages }): TableBlock[] {
  const m = options.messages;
  const ordered = ratingsOrder(inspections);
  const key = standardsKey(ordered);
  const rows = ordered.map((inspection) => ratingsRow(inspection));
  // The domains, in order, each with its standards.
  const domains: { name: string; entries: StandardKeyEntry[] }[] = [];
  for (const entry of key) {
    const name = entry.domain || m.t('ratings.print.domain', { id: entry.id.split('.')[0]! });
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
  const note = tableNote(ordered, rows, key, m);
  return parts.map((part, index): TableBlock => {
    const first = index === 0;
    const entries = part.flatMap((domain) => domain.entries);
    const head: TableCell[] = [
      cell(m.t('ratings.print.service')),
      ...(first ? [cell(m.t('ratings.print.score'), { align: 'right', fullText: m.t('ratings.table.composite-full', { outOf: COMPOSITE_OUT_OF }) }), cell(m.t('ratings.print.overall'), { fullText: m.t('site.inspections-table.rating') })] : []),
      ...entries.map((entry) => cell(entry.id, { fullText: fullName(entry) })),
    ];
    const body = ordered.map((inspection, i): TableCell[] => {
      const row = rows[i]!;
      const header: TableCell = { rowHeader: true, inlines: [...serviceInlines(row, undefined, inspection, m), { type: 'break' }, text(m.date(row.published))] };
      return [
        header,
        ...(first ? [compositeCell(inspection, row, m), { inlines: [ratingInline(inspection, row.overall.rating, row.overall.mark !== '')] }] : []),
        ...entries.map((entry) => standardCell(inspection, row, entry.id)),
      ];
    });
    const standards = listOf(part.map((domain) => domain.name.charAt(0).toLocaleLowerCase(m.tag) + domain.name.slice(1)), m.lang);
    return {
      type: 'table',
      caption: parts.length === 1 ? options.caption : m.t('ratings.print.caption-part', { caption: options.caption, number: index + 1, count: parts.length, first: first ? 'yes' : 'no', standards }),
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

/**
 * The open data: one flat record per inspection with the same figures as the table, as ids a
 * program can use (rating ids, ISO dates, numbers), and a description of every column.
 */
export function ratingsRecords(inspections: readonly Inspection[], m: Messages): RatingsRecords {
  const ordered = ratingsOrder(inspections);
  const key = standardsKey(ordered);
  const frameworks = frameworksOf(ordered);
  const newest = frameworks[0];
  const ratingIds = newest ? [...newest.ratingScale].reverse().map((level) => level.id) : [];
  const points = newest ? listOf([...newest.ratingScale].reverse().map((level) => m.t('ratings.explanation.points', { label: level.label, points: level.points })), m.lang) : '';
  const fullMaximum = ordered[0]?.rating.composite.fullMaximum;
  const mark = newest?.professionalJudgement.mark ?? '*';
  const frameworkItems = frameworks.map((f) => m.t('ratings.data.framework-item', { id: f.id, name: f.name, from: f.inEffectFrom, until: f.inEffectUntil ?? 'none' }));
  const columns: RatingsColumn[] = [
    { name: 'slug', description: m.t('ratings.data.slug') },
    { name: 'service', description: m.t('ratings.data.service') },
    { name: 'nation', description: m.t('ratings.data.nation') },
    { name: 'kind', description: m.t('ratings.data.kind') },
    { name: 'record', description: m.t('ratings.data.record') },
    { name: 'fieldwork start', description: m.t('ratings.data.fieldwork-start') },
    { name: 'published', description: m.t('ratings.data.published') },
    { name: 'framework', description: m.t('ratings.data.framework', { frameworks: listOr(frameworkItems, m.lang) }) },
    { name: 'composite score', description: m.t('ratings.data.composite-score', { points }) },
    { name: 'composite maximum', description: m.t('ratings.data.composite-maximum', { full: fullMaximum ? String(fullMaximum) : 'none' }) },
    { name: 'overall rating', description: m.t('ratings.data.overall-rating', { ids: listOr([...ratingIds, NOT_RATED], m.lang) }) },
    { name: 'overall label', description: m.t('ratings.data.overall-label') },
    ...key.flatMap((entry): RatingsColumn[] => [
      {
        name: entry.id,
        description: m.t('ratings.data.standard', {
          standard: entry.id,
          name: entry.name,
          domain: entry.domain,
          others: entry.otherNames.length ? listOr(entry.otherNames.map((o) => m.t('ratings.data.standard-other-name', { name: o.name, framework: o.framework.id })), m.lang) : 'none',
          unclear: NOT_KNOWN,
        }),
      },
      { name: `${entry.id} judgement`, description: m.t('ratings.data.standard-judgement', { standard: entry.id, mark }) },
      { name: `${entry.id} rationale`, description: m.t('ratings.data.standard-rationale', { standard: entry.id }) },
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
