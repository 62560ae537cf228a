/**
 * The recommendations tracker: every recommendation of the thematic reports given, newest report
 * first, with its lines of enquiry, its "how do we know?" evidence and a table a partnership fills
 * in with its own evidence and status. A document model like a report's, so the page and the PDF
 * are drawn by the existing renderers; the same rows are also published as CSV.
 */
import { publisherCredits } from './publisher-credits.ts';
import { rendererWords } from './words.ts';
import type { Project, Thematic } from '../model/project.ts';
import type { Block, DocumentModel, TableCell } from './blocks.ts';
import { formatDate } from './dates.ts';
import { cell, IdMaker, paragraph, text } from './make-blocks.ts';
import { csvText } from './csv.ts';

export const TRACKER_TITLE = 'Recommendations tracker: thematic inspections';
/** The headers of the columns a partnership fills in. */
export const TRACKER_COLUMNS = { enquiry: 'Line of enquiry', evidence: 'Our evidence', status: 'Status' } as const;
/** The tick boxes of the "Status" column. */
export const TRACKER_STATUSES = ['Not started', 'In progress', 'Done'] as const;

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

type TrackerHeading = (level: 2 | 3 | 4, value: string, id?: string, inContents?: boolean) => Block;
type Recommendation = Thematic['source']['recommendations'][number];

export function trackerDocument(project: Project, thematics: readonly Thematic[], options: TrackerOptions = {}): DocumentModel {
  const publisher = project.publisher;
  const reports = trackerOrder(thematics);
  const writingLines = Math.max(4, options.writingLines ?? 4);
  const date = reports[0]?.source.published ?? options.buildDate ?? '1970-01-01';
  const fictional = reports.some((t) => t.source.fictional);
  const ids = new IdMaker();
  const heading: TrackerHeading = (level, value, id = value, inContents = level <= 3) => ({ type: 'heading', level, id: ids.make(id), text: value, inContents });
  // In reading order: ids are made as the blocks are.
  return {
    kind: 'report',
    title: TRACKER_TITLE,
    subtitle: `${publisher.name}, ${formatDate(date, 'month')}`,
    language: 'en-GB',
    // Written in English only (until its content has Welsh): the renderer's words too.
    words: rendererWords(project.messages.en),
    date,
    author: publisher.name,
    subject: 'Recommendations of thematic inspections to youth justice partnerships, with lines of enquiry and evidence, for self-assessment',
    keywords: ['recommendations tracker', 'self-assessment', 'thematic inspection', 'youth justice', ...reports.map((t) => t.source.title)],
    runningHeader: `${TRACKER_TITLE}${fictional ? ' (fictional samples)' : ''}`,
    cover: cover(reports, date, fictional),
    credits: [heading(2, 'About this document', 'About this document', false), ...publisherCredits(publisher, date.slice(0, 4), project.messages.en)],
    body: [...howToUse(heading, reports), ...reports.flatMap((thematic) => thematicSection(heading, thematic, writingLines, options.fullReport?.(thematic)))],
    images: [],
  };
}

function cover(reports: readonly Thematic[], date: string, fictional: boolean): Block[] {
  const years = [...new Set(reports.map((t) => t.source.published.slice(0, 4)))].sort();
  return [
    paragraph(
      text(
        reports.length === 0
          ? 'No thematic inspection with recommendations for partnerships has been published yet.'
          : `The recommendations of ${reports.length === 1 ? 'one thematic inspection' : `${reports.length} thematic inspections`} published ${years.length === 1 ? `in ${years[0]}` : `from ${years[0]} to ${years[years.length - 1]}`}, for partnerships to assess their own progress against.`,
      ),
    ),
    paragraph(text(`Last updated ${formatDate(date)}`)),
    ...(fictional ? [paragraph(text('Fictional sample. ', { bold: true }), text('The thematic inspections in this tracker were made up to show how the tracker is published: their findings and recommendations are invented.'))] : []),
  ];
}

function howToUse(heading: TrackerHeading, reports: readonly Thematic[]): Block[] {
  return [
    heading(2, 'How to use this tracker'),
    paragraph(text('Our thematic inspections look at one kind of work across many areas, and most of their recommendations are for the local partnerships that run youth justice services. This tracker gathers those recommendations in one place, newest inspection first, so that a partnership can check for itself how far it has acted on each of them.')),
    paragraph(
      text('Each recommendation says who it is for and comes with '),
      text('lines of enquiry', { bold: true }),
      text(': questions to ask yourselves about it. Under '),
      text('How do we know?', { bold: true }),
      text(' are examples of evidence that would show the work has been done. They are a guide rather than a checklist: your own evidence may look different.'),
    ),
    paragraph(
      text('In the table under each recommendation, write down for each line of enquiry the evidence your partnership has in the '),
      text(TRACKER_COLUMNS.evidence, { bold: true }),
      text(' column, and tick how far the work has got in the '),
      text(TRACKER_COLUMNS.status, { bold: true }),
      text(' column: not started, in progress or done. Go back to it each year, so that the board can see what has changed.'),
    ),
    paragraph(text('The PDF version of this tracker leaves room to write in every table, so it can be printed and filled in by hand. A spreadsheet version (CSV) lists the same recommendations with empty columns for your evidence and status.')),
    ...(reports.length === 0 ? [paragraph(text('No thematic inspection with recommendations for partnerships has been published yet.'))] : []),
  ];
}

function thematicSection(heading: TrackerHeading, thematic: Thematic, writingLines: number, fullReport: string | undefined): Block[] {
  const { source } = thematic;
  const blocks: Block[] = [heading(2, `${source.title} (${source.published.slice(0, 4)})`, thematic.slug), paragraph(text(`Published ${formatDate(source.published)}. `), text(source.summary))];
  if (fullReport) blocks.push(paragraph({ type: 'link', url: fullReport, children: [text(`Read the full report: ${source.title}`)] }));
  if (source.fictional) blocks.push(paragraph(text('Fictional sample. ', { bold: true }), text('This thematic inspection was made up for this project; its recommendations are invented.')));
  if (source.caveats) blocks.push({ type: 'aside', title: 'Please note', blocks: [paragraph(text(source.caveats))] });
  if (source.recommendations.length === 0) blocks.push(paragraph(text('This inspection made no recommendations.')));
  for (const r of source.recommendations) blocks.push(...recommendationBlocks(heading, thematic.slug, r, writingLines));
  return blocks;
}

/** A recommendation, its evidence and the table of its lines of enquiry the partnership fills in, kept on one printed page. */
function recommendationBlocks(heading: TrackerHeading, slug: string, r: Recommendation, writingLines: number): Block[] {
  // A cell left blank for the partnership's evidence, ruled on paper; and tick boxes for the status.
  const blank = (): TableCell => ({ inlines: [], writingLines });
  const status = (): TableCell => ({ inlines: [], choices: [...TRACKER_STATUSES] });
  // The lines of enquiry are the table's row headers, given once: each question beside its blank cells.
  const rows: TableCell[][] = r.linesOfEnquiry.length
    ? r.linesOfEnquiry.map((question, index) => [cell(`${index + 1}. ${question}`, { rowHeader: true }), blank(), status()])
    : [[cell(`Recommendation ${r.number} as a whole`, { rowHeader: true }), blank(), status()]];
  const intro: Block[] = [
    heading(3, `Recommendation ${r.number}`, `${slug} recommendation ${r.number}`),
    paragraph(text(r.text)),
    paragraph(text('For: ', { bold: true }), text(r.addressee)),
    heading(4, 'How do we know?', `${slug} recommendation ${r.number} how do we know`),
    r.evidence.length ? bullets(r.evidence) : paragraph(text('No examples given yet.')),
    ...(r.linesOfEnquiry.length ? [] : [paragraph(text('No lines of enquiry given yet: use the recommendation itself as your question.'))]),
  ];
  return [
    ...intro,
    {
      type: 'table',
      caption: `Recommendation ${r.number}: our evidence and status`,
      head: [[cell(TRACKER_COLUMNS.enquiry), cell(TRACKER_COLUMNS.evidence), cell(TRACKER_COLUMNS.status)]],
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
