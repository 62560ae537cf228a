/**
 * The ratings table as a document: an A4 landscape PDF of the inspections of any period (all
 * published inspections, one year of fieldwork, an annual report's period), with what the ratings
 * mean, a key to the symbols and the standards, then the table itself (its header rows repeated on
 * every page by the PDF renderer). The key blocks are also drawn on the ratings page.
 */
import { publisherCredits } from './publisher-credits.ts';
import { rendererWords } from './words.ts';
import type { Messages } from '../model/messages.ts';
import type { Period } from '../model/aggregates.ts';
import type { Inspection, Project } from '../model/project.ts';
import { NOT_RATED } from '../model/rating.ts';
import type { Block, DocumentModel, Inline } from './blocks.ts';
import { formatDate } from './dates.ts';
import { ratingInline } from './report-tables.ts';
import { COMPOSITE_OUT_OF, judgementNotes, ratingsOrder, ratingsPrintTables, SCALED_MARK, standardsKey } from './ratings-table.ts';
import { cell, IdMaker, paragraph, text } from './make-blocks.ts';

export const RATINGS_TITLE = 'Inspection ratings';

/** "2023" for a calendar year, else "1 October 2021 to 31 October 2022". */
export function periodLabel(period: Period): string {
  const year = period.from.slice(0, 4);
  if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return year;
  return `${formatDate(period.from)} to ${formatDate(period.to)}`;
}

/** What the table covers, for a sentence: "whose fieldwork started in 2023". */
function coverage(period: Period | undefined): string {
  if (!period) return '';
  const label = periodLabel(period);
  return /^\d{4}$/.test(label) ? ` whose fieldwork started in ${label}` : ` whose fieldwork started between ${formatDate(period.from)} and ${formatDate(period.to)}`;
}

/** How the ratings work, from the newest framework in the table: scale, composite score and bands. */
export function ratingsExplanation(inspections: readonly Inspection[]): Block[] {
  const newest = ratingsOrder(inspections)[0];
  if (!newest) return [];
  const { framework, rating } = newest;
  const labels = [...framework.ratingScale].reverse().map((level) => level.label);
  const bands = Object.entries(framework.composite.bands).sort(([, a], [, b]) => a - b);
  const full = rating.composite.fullMaximum;
  const ranges = bands.map(([id, from], index) => {
    const to = index + 1 < bands.length ? bands[index + 1]![1] - 1 : full;
    const label = framework.ratingScale.find((level) => level.id === id)?.label ?? id;
    return `${from} to ${to} ${label}`;
  });
  const points = [...framework.ratingScale].reverse().map((level) => `${level.label} ${level.points}`);
  const separate = rating.standards.filter((s) => !s.countsTowardsComposite);
  const blocks: Block[] = [
    paragraph(
      text(
        `Each standard is rated ${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}, or is not rated when there was too little of that work to inspect. The ratings of the standards that count towards the overall rating add up to a composite score (${points.join(', ')}) out of ${full}, and the score gives the overall rating: ${ranges.join(', ')}.`,
      ),
    ),
  ];
  const notes: string[] = [];
  if (framework.composite.scaleWhenNotRated) notes.push(`When some standards were not rated, the rated standards could score less than ${full}: the score is scaled up to ${full} (multiplied by ${full} and divided by the most the rated standards could score) before the overall rating is read from it. The tables show every composite score out of ${COMPOSITE_OUT_OF}, a scaled one rounded and marked ${SCALED_MARK}.`);
  if (separate.length) notes.push(`${separate.map((s) => `${s.id} ${s.name}`).join(', ')} ${separate.length === 1 ? 'is' : 'are'} rated separately and adds no points.`);
  for (const rule of framework.limitingJudgements) notes.push(rule.explanation);
  if (notes.length) blocks.push(paragraph(text(notes.join(' '))));
  return blocks;
}

/** The key: the symbols of the ratings ("Not rated" for any missing rating) and the professional judgement mark; then the standards by number. */
export function ratingsKey(inspections: readonly Inspection[]): { symbols: Block[]; standards: Extract<Block, { type: 'table' }> } {
  const newest = ratingsOrder(inspections)[0];
  const key = standardsKey(inspections);
  const table: Extract<Block, { type: 'table' }> = {
    type: 'table',
    caption: 'The standards, by number',
    head: [[cell('Standard'), cell('Domain'), cell('Name')]],
    rows: key.map((entry) => [
      cell(entry.id, { rowHeader: true }),
      cell(entry.domain),
      cell(`${entry.name}${entry.otherNames.length ? ` (in the ${entry.otherNames.map((o) => `${o.framework.inEffectFrom.slice(0, 4)} standards: ${o.name}`).join('; ')})` : ''}`),
    ]),
    widths: [0.8, 2, 4],
    stackNarrow: true,
  };
  if (!newest) return { symbols: [], standards: table };
  const { framework } = newest;
  const ratings = [...[...framework.ratingScale].reverse().map((level) => level.id), NOT_RATED].map((id) => ratingInline(newest, id, false));
  const symbols: Inline[] = [text('Every rating is shown in words and with a symbol, so that it reads without colour: ')];
  ratings.forEach((rating, index) => symbols.push(...(index ? [text(index === ratings.length - 1 ? ' and ' : ', ')] : []), rating));
  symbols.push(text('.'));
  const judged = ratingInline(newest, framework.ratingScale[framework.ratingScale.length - 2]?.id ?? framework.ratingScale[0]!.id, true);
  // Standards that some inspections' frameworks lack: from when they are part of the standards.
  const frameworks = [...new Map(inspections.map((i) => [i.framework.id, i.framework])).values()];
  const later = key.flatMap((entry) => {
    const having = frameworks.filter((f) => f.domains.some((d) => d.standards.some((s) => s.id === entry.id)));
    if (having.length === frameworks.length) return [];
    const from = having.map((f) => f.inEffectFrom).sort()[0];
    return from ? [`${entry.id} is rated from ${formatDate(from, 'month')}`] : [];
  });
  const symbolsBlocks: Block[] = [
    paragraph(...symbols),
    paragraph(
      text(`${framework.professionalJudgement.mark} after a rating, as in `),
      judged,
      text(`: ${framework.professionalJudgement.footnote.charAt(0).toLowerCase()}${framework.professionalJudgement.footnote.slice(1)}. The inspectors awarded a different rating from the one the case figures give. The report says why, beside the rating, and the reasons are quoted after the table.`),
    ),
    paragraph(
      ratingInline(newest, NOT_RATED, false),
      text(`: every missing rating reads the same way. A standard with too little of its work to inspect, a standard that was not part of the inspection standards in use at the time${later.length ? ` (${later.join('; ')})` : ''}, or a composite score where there is no overall rating.`),
    ),
  ];
  return { symbols: symbolsBlocks, standards: table };
}

/** The reasons for each rating awarded by professional judgement, under a heading: what the table's mark points to. */
function judgementSection(inspections: readonly Inspection[], ids: IdMaker, messages: Messages): Block[] {
  const notes = judgementNotes(inspections, { messages });
  if (!notes) return [];
  return [{ type: 'heading', level: 2, id: ids.make(JUDGEMENT_NOTES_HEADING), text: JUDGEMENT_NOTES_HEADING, inContents: false }, notes];
}

export const JUDGEMENT_NOTES_HEADING = 'Ratings by professional judgement';

export interface RatingsDocumentOptions {
  /** The period of fieldwork the inspections were chosen by; absent for all published inspections. */
  period?: Period;
  /** The date the document carries when it has no inspection (YYYY-MM-DD): the build date. */
  buildDate?: string;
}

export function ratingsDocument(project: Project, inspections: readonly Inspection[], options: RatingsDocumentOptions = {}): DocumentModel {
  const publisher = project.publisher;
  const ordered = ratingsOrder(inspections);
  const date = ordered[0]?.source.published ?? options.buildDate ?? '1970-01-01';
  const title = options.period ? `${RATINGS_TITLE}: ${periodLabel(options.period)}` : RATINGS_TITLE;
  const fictional = ordered.some((i) => i.service.fictional);
  const ids = new IdMaker();
  const key = ratingsKey(ordered);
  const count = ordered.length === 1 ? 'one inspection' : `${ordered.length} inspections`;
  const [first, last] = [ordered[ordered.length - 1]?.source.published, ordered[0]?.source.published];
  const published = !first || !last ? '' : first === last ? ` published on ${formatDate(first)}` : ` published from ${formatDate(first)} to ${formatDate(last)}`;

  const cover: Block[] = [
    paragraph(
      text(
        ordered.length === 0
          ? `No inspection${coverage(options.period)} has been published.`
          : ordered.length === 1
            ? `The ratings of one inspection of a youth justice service${coverage(options.period)}. Its report was${published}.`
            : `The ratings of ${count} of youth justice services${coverage(options.period)}. Their reports were${published}.`,
      ),
    ),
  ];
  if (fictional) cover.push(paragraph(text('Fictional samples. ', { bold: true }), text('Some of the services in this table do not exist: their inspections were made up to show how ratings are published.')));

  const credits: Block[] = [
    { type: 'heading', level: 2, id: ids.make('About this document'), text: 'About this document', inContents: false },
    ...publisherCredits(publisher, date.slice(0, 4), project.messages.en),
  ];

  // The table starts on the first page, under the title: the standards' short names come first, in
  // one short paragraph; the key to the symbols, the standards in full and how the ratings work follow it.
  const caption = `Ratings of ${count}${coverage(options.period)}${ordered.length > 1 ? ', newest first' : ''}`;
  const standards = standardsKey(ordered);
  const body: Block[] = ordered.length
    ? [
        { type: 'heading', level: 2, id: ids.make('The ratings'), text: 'The ratings', inContents: false },
        { type: 'paragraph', style: 'small', inlines: [text('Standards: ', { bold: true }), text(`${standards.map((entry) => `${entry.id} ${entry.name}`).join('; ')}.`)] },
        ...ratingsPrintTables(ordered, { caption }),
        ...judgementSection(ordered, ids, project.messages.en),
        { type: 'heading', level: 2, id: ids.make('Key'), text: 'Key', inContents: false },
        ...key.symbols,
        key.standards,
        { type: 'heading', level: 2, id: ids.make('About these ratings'), text: 'About these ratings', inContents: false },
        paragraph(text('Each row is one inspection, newest report first: the service, the day its report was published, its composite score out of 36, its overall rating and the rating of each inspection standard. The inspection’s report explains every rating.')),
        ...ratingsExplanation(ordered),
      ]
    : [paragraph(text(`No inspection${coverage(options.period)} has been published.`))];

  return {
    kind: 'report',
    orientation: 'landscape',
    titlePage: false,
    title,
    subtitle: `${publisher.name}, ${formatDate(date, 'month')}`,
    language: 'en-GB',
    // Written in English only (until its content has Welsh): the renderer's words too.
    words: rendererWords(project.messages.en),
    date,
    author: publisher.name,
    subject: `The ratings of inspections of youth justice services${coverage(options.period)}: composite score, overall rating and the rating of every standard`,
    keywords: ['inspection ratings', 'youth justice', 'overall rating', 'composite score', ...(options.period ? [periodLabel(options.period)] : [])],
    runningHeader: `${title}${fictional ? ' (includes fictional samples)' : ''}`,
    cover,
    credits,
    body,
    images: [],
  };
}
