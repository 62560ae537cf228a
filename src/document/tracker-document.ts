/**
 * The recommendations tracker: every recommendation of the thematic reports given, newest report
 * first, with its lines of enquiry, its "how do we know?" evidence and a table a partnership fills
 * in with its own evidence and status. A document model like a report's, so the page and the PDF
 * are drawn by the existing renderers; the same rows are also published as CSV.
 */
import { publisherCredits } from './publisher-credits.ts';
import { rendererWords } from './words.ts';
import type { Project, Thematic } from '../model/project.ts';
import { LANGUAGE_FACTS } from '../model/language.ts';
import { messageKey, type Messages } from '../model/messages.ts';
import type { Block, DocumentModel, TableCell } from './blocks.ts';
import { cell, IdMaker, paragraph, text } from './make-blocks.ts';
import { messageInlines } from './message-inlines.ts';
import { csvText } from './csv.ts';

/** The headers of the columns a partnership fills in, in the messages' language. */
export const trackerColumns = (m: Messages) => ({ enquiry: m.t('tracker.columns.enquiry'), evidence: m.t('tracker.columns.evidence'), status: m.t('tracker.columns.status') });
/** The tick boxes of the "Status" column, in the messages' language. */
export const trackerStatuses = (m: Messages): string[] => [m.t('tracker.statuses.not-started'), m.t('tracker.statuses.in-progress'), m.t('tracker.statuses.done')];

export interface TrackerOptions {
  /** The date the tracker carries when no thematic report is given (YYYY-MM-DD): the build date. */
  buildDate?: string;
  /** Ruled lines in each "Our evidence" cell: room to write by hand on the printed page. */
  writingLines?: number;
  /** The address of a thematic report's full report, when it has one: each section links to it. */
  fullReport?: (thematic: Thematic) => string | undefined;
}

/** One recommendation as a row of the tracker (and of its CSV). */
export interface TrackerRow {
  slug: string;
  report: string;
  year: string;
  number: number;
  addressee: string;
  recommendation: string;
  linesOfEnquiry: string[];
  evidence: string[];
}

const bullets = (items: readonly string[]): Block => ({ type: 'list', ordered: false, start: 1, items: items.map((item) => [paragraph(text(item))]) });

/** Newest first; reports published the same day in slug order. */
export function trackerOrder(thematics: readonly Thematic[]): Thematic[] {
  return [...thematics].sort((a, b) => (a.source.published === b.source.published ? a.slug.localeCompare(b.slug) : a.source.published < b.source.published ? 1 : -1));
}

export function trackerRows(thematics: readonly Thematic[]): TrackerRow[] {
  return trackerOrder(thematics).flatMap((thematic) =>
    thematic.source.recommendations.map((r) => ({
      slug: thematic.slug,
      report: thematic.source.title,
      year: thematic.source.published.slice(0, 4),
      number: r.number,
      addressee: r.addressee,
      recommendation: r.text,
      linesOfEnquiry: r.linesOfEnquiry,
      evidence: r.evidence,
    })),
  );
}

/** A heading; `id` is the anchor's source, given where the words would make it change with the language. */
type TrackerHeading = (level: 2 | 3 | 4, value: string, id?: string, inContents?: boolean) => Block;
type Recommendation = Thematic['source']['recommendations'][number];

export function trackerDocument(project: Project, thematics: readonly Thematic[], options: TrackerOptions = {}): DocumentModel {
  const publisher = project.publisher;
  const m = project.messages[project.lang];
  const reports = trackerOrder(thematics);
  const writingLines = Math.max(4, options.writingLines ?? 4);
  const date = reports[0]?.source.published ?? options.buildDate ?? '1970-01-01';
  const fictional = reports.some((t) => t.source.fictional);
  const ids = new IdMaker();
  const heading: TrackerHeading = (level, value, id = value, inContents = level <= 3) => ({ type: 'heading', level, id: ids.make(id), text: value, inContents });
  const title = m.t('tracker.title');
  // In reading order: ids are made as the blocks are.
  return {
    kind: 'report',
    title,
    subtitle: m.t('report.subtitle', { publisher: publisher.name, month: m.date(date, 'month') }),
    language: LANGUAGE_FACTS[m.lang].tag,
    words: rendererWords(m),
    date,
    author: publisher.name,
    subject: m.t('tracker.subject'),
    keywords: [m.t('tracker.keyword.tracker'), m.t('tracker.keyword.self-assessment'), m.t('report.keyword.thematic-inspection'), m.t('report.keyword.youth-justice'), ...reports.map((t) => t.source.title)],
    runningHeader: fictional ? m.t('tracker.fictional-header', { title }) : title,
    cover: cover(reports, date, fictional, m),
    credits: [heading(2, m.t('tracker.about'), 'About this document', false), ...publisherCredits(publisher, date.slice(0, 4), m)],
    body: [...howToUse(heading, reports, m), ...reports.flatMap((thematic) => thematicSection(heading, thematic, writingLines, options.fullReport?.(thematic), m))],
    images: [],
  };
}

function cover(reports: readonly Thematic[], date: string, fictional: boolean, m: Messages): Block[] {
  const years = [...new Set(reports.map((t) => t.source.published.slice(0, 4)))].sort();
  return [
    paragraph(
      text(
        reports.length === 0
          ? m.t('tracker.cover.none')
          : m.t('tracker.cover.intro', { count: reports.length, years: years.length === 1 ? 'one' : 'several', first: years[0]!, last: years[years.length - 1]! }),
      ),
    ),
    paragraph(text(m.t('tracker.cover.updated', { date: m.date(date) }))),
    ...(fictional ? [paragraph(text(m.t('report.cover.fictional-mark'), { bold: true }), text(m.t('tracker.cover.fictional')))] : []),
  ];
}

function howToUse(heading: TrackerHeading, reports: readonly Thematic[], m: Messages): Block[] {
  const columns = trackerColumns(m);
  return [
    heading(2, m.t('tracker.how-to-use.heading'), 'How to use this tracker'),
    paragraph(text(m.t('tracker.how-to-use.purpose'))),
    paragraph(...messageInlines(m, messageKey('tracker.how-to-use.enquiry'), { howDoWeKnow: m.t('tracker.recommendation.how-do-we-know') })),
    paragraph(...messageInlines(m, messageKey('tracker.how-to-use.table'), { evidence: columns.evidence, status: columns.status })),
    paragraph(text(m.t('tracker.how-to-use.versions'))),
    ...(reports.length === 0 ? [paragraph(text(m.t('tracker.cover.none')))] : []),
  ];
}

function thematicSection(heading: TrackerHeading, thematic: Thematic, writingLines: number, fullReport: string | undefined, m: Messages): Block[] {
  const { source } = thematic;
  const blocks: Block[] = [
    heading(2, m.t('tracker.thematic.heading', { title: source.title, year: source.published.slice(0, 4) }), thematic.slug),
    paragraph(text(m.t('tracker.thematic.published', { date: m.date(source.published) })), text(source.summary)),
  ];
  if (fullReport) blocks.push(paragraph({ type: 'link', url: fullReport, children: [text(m.t('tracker.thematic.full-report', { title: source.title }))] }));
  if (source.fictional) blocks.push(paragraph(text(m.t('report.cover.fictional-mark'), { bold: true }), text(m.t('tracker.thematic.fictional'))));
  if (source.caveats) blocks.push({ type: 'aside', title: m.t('report.thematic.please-note'), blocks: [paragraph(text(source.caveats))] });
  if (source.recommendations.length === 0) blocks.push(paragraph(text(m.t('tracker.thematic.none'))));
  for (const r of source.recommendations) blocks.push(...recommendationBlocks(heading, thematic.slug, r, writingLines, m));
  return blocks;
}

/** A recommendation, its evidence and the table of its lines of enquiry the partnership fills in, kept on one printed page. */
function recommendationBlocks(heading: TrackerHeading, slug: string, r: Recommendation, writingLines: number, m: Messages): Block[] {
  const columns = trackerColumns(m);
  const statuses = trackerStatuses(m);
  // A cell left blank for the partnership's evidence, ruled on paper; and tick boxes for the status.
  const blank = (): TableCell => ({ inlines: [], writingLines });
  const status = (): TableCell => ({ inlines: [], choices: [...statuses] });
  // The lines of enquiry are the table's row headers, given once: each question beside its blank cells.
  const rows: TableCell[][] = r.linesOfEnquiry.length
    ? r.linesOfEnquiry.map((question, index) => [cell(`${index + 1}. ${question}`, { rowHeader: true }), blank(), status()])
    : [[cell(m.t('tracker.recommendation.as-a-whole', { number: r.number }), { rowHeader: true }), blank(), status()]];
  // Anchors are the same in every language: "<slug>-recommendation-2".
  const intro: Block[] = [
    heading(3, m.t('tracker.recommendation.heading', { number: r.number }), `${slug} recommendation ${r.number}`),
    paragraph(text(r.text)),
    paragraph(text(m.t('tracker.recommendation.for'), { bold: true }), text(r.addressee)),
    heading(4, m.t('tracker.recommendation.how-do-we-know'), `${slug} recommendation ${r.number} how do we know`),
    r.evidence.length ? bullets(r.evidence) : paragraph(text(m.t('tracker.recommendation.no-evidence'))),
    ...(r.linesOfEnquiry.length ? [] : [paragraph(text(m.t('tracker.recommendation.no-enquiry')))]),
  ];
  return [
    ...intro,
    {
      type: 'table',
      caption: m.t('tracker.recommendation.caption', { number: r.number }),
      head: [[cell(columns.enquiry), cell(columns.evidence), cell(columns.status)]],
      rows,
      widths: [2.3, 2.7, 1.2],
      keepTogether: true,
      keepWith: intro.length,
      stackNarrow: true,
    },
  ];
}

/** The tracker's CSV columns, in order; the last two are left empty for the partnership. */
export const TRACKER_CSV_COLUMNS = ['report', 'year', 'number', 'addressee', 'recommendation', 'lines of enquiry', 'evidence', 'our evidence', 'status'] as const;

/**
 * The tracker as CSV (src/document/csv.ts): a header row, then one row per recommendation; lines
 * of enquiry and evidence are one per line within their cell.
 */
export function trackerCsv(thematics: readonly Thematic[]): string {
  const rows = trackerRows(thematics).map((row) => [row.report, row.year, row.number, row.addressee, row.recommendation, row.linesOfEnquiry.join('\n'), row.evidence.join('\n'), '', '']);
  return csvText(TRACKER_CSV_COLUMNS, rows);
}
