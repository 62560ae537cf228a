/**
 * The ratings table as a document: an A4 landscape PDF of the inspections of any period (all
 * published inspections, one year of fieldwork, an annual report's period), with what the ratings
 * mean, a key to the symbols and the standards, then the table itself (its header rows repeated on
 * every page by the PDF renderer). The key blocks are also drawn on the ratings page.
 */
import { publisherCredits } from './publisher-credits.ts';
import { rendererWords } from './words.ts';
import { messageKey, type Messages } from '../model/messages.ts';
import type { Period } from '../model/aggregates.ts';
import type { Inspection, Project } from '../model/project.ts';
import { NOT_RATED } from '../model/rating.ts';
import type { Block, DocumentModel } from './blocks.ts';
import { ratingInline } from './report-tables.ts';
import { COMPOSITE_OUT_OF, inlineList, judgementNotes, messageInlines, ratingsOrder, ratingsPrintTables, SCALED_MARK, standardsKey } from './ratings-table.ts';
import { cell, IdMaker, paragraph, text } from './make-blocks.ts';
import { listOr } from './phrases.ts';

/** "2023" for a calendar year, else "1 October 2021 to 31 October 2022". */
export function periodLabel(period: Period, m: Messages): string {
  const year = period.from.slice(0, 4);
  if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return year;
  return m.t('site.dates.from-to', { start: m.date(period.from), end: m.date(period.to) });
}

/**
 * What the table covers, as the values of a message's {period, select, year {…} range {…} other {…}}:
 * one year of fieldwork ({year}), the days between two dates ({from}, {to}), or every inspection.
 */
export function periodValues(period: Period | undefined, m: Messages): { period: 'year' | 'range' | 'all'; year: string; from: string; to: string } {
  if (!period) return { period: 'all', year: '', from: '', to: '' };
  const label = periodLabel(period, m);
  return /^\d{4}$/.test(label) ? { period: 'year', year: label, from: '', to: '' } : { period: 'range', year: '', from: m.date(period.from), to: m.date(period.to) };
}

/** How the ratings work, from the newest framework in the table: scale, composite score and bands. */
export function ratingsExplanation(inspections: readonly Inspection[], m: Messages): Block[] {
  const newest = ratingsOrder(inspections)[0];
  if (!newest) return [];
  const { framework, rating } = newest;
  const labels = [...framework.ratingScale].reverse().map((level) => level.label);
  const bands = Object.entries(framework.composite.bands).sort(([, a], [, b]) => a - b);
  const full = rating.composite.fullMaximum;
  const ranges = bands.map(([id, from], index) => {
    const to = index + 1 < bands.length ? bands[index + 1]![1] - 1 : full;
    const label = framework.ratingScale.find((level) => level.id === id)?.label ?? id;
    return m.t('ratings.explanation.range', { from, to, label });
  });
  const points = [...framework.ratingScale].reverse().map((level) => m.t('ratings.explanation.points', { label: level.label, points: level.points }));
  const separate = rating.standards.filter((s) => !s.countsTowardsComposite);
  const blocks: Block[] = [paragraph(text(m.t('ratings.explanation.scale', { ratings: listOr(labels, m.lang), points: points.join(', '), full, ranges: ranges.join(', ') })))];
  const notes: string[] = [];
  if (framework.composite.scaleWhenNotRated) notes.push(m.t('ratings.explanation.scaled', { full, outOf: COMPOSITE_OUT_OF, mark: SCALED_MARK }));
  if (separate.length) notes.push(m.t('ratings.explanation.separate', { standards: separate.map((s) => `${s.id} ${standardName(newest, s.id, s.name)}`).join(', '), count: separate.length }));
  for (const rule of framework.limitingJudgements) notes.push(rule.explanation);
  if (notes.length) blocks.push(paragraph(text(notes.join(' '))));
  return blocks;
}

/** A standard's name in the inspection's framework: in the language of the project view (the computed rating keeps the English one). */
const standardName = (inspection: Inspection, id: string, fallback: string) => inspection.framework.domains.flatMap((d) => d.standards).find((s) => s.id === id)?.name ?? fallback;

/** The key: the symbols of the ratings ("Not rated" for any missing rating) and the professional judgement mark; then the standards by number. */
export function ratingsKey(inspections: readonly Inspection[], m: Messages): { symbols: Block[]; standards: Extract<Block, { type: 'table' }> } {
  const newest = ratingsOrder(inspections)[0];
  const key = standardsKey(inspections);
  const table: Extract<Block, { type: 'table' }> = {
    type: 'table',
    caption: m.t('ratings.key.standards-caption'),
    head: [[cell(m.t('report.tables.standard')), cell(m.t('report.methodology.domain')), cell(m.t('ratings.key.name'))]],
    rows: key.map((entry) => [
      cell(entry.id, { rowHeader: true }),
      cell(entry.domain),
      cell(entry.otherNames.length ? m.t('ratings.key.other-names', { name: entry.name, others: entry.otherNames.map((o) => m.t('ratings.key.other-name', { year: o.framework.inEffectFrom.slice(0, 4), name: o.name })).join('; ') }) : entry.name),
    ]),
    widths: [0.8, 2, 4],
    stackNarrow: true,
  };
  if (!newest) return { symbols: [], standards: table };
  const { framework } = newest;
  const ratings = [...[...framework.ratingScale].reverse().map((level) => level.id), NOT_RATED].map((id) => ratingInline(newest, id, false));
  const symbols = messageInlines(m, messageKey('ratings.key.symbols'), {}, { ratings: inlineList(ratings.map((rating) => ({ label: rating.label, inlines: [rating] })), m) });
  const judged = ratingInline(newest, framework.ratingScale[framework.ratingScale.length - 2]?.id ?? framework.ratingScale[0]!.id, true);
  // Standards that some inspections' frameworks lack: from when they are part of the standards.
  const frameworks = [...new Map(inspections.map((i) => [i.framework.id, i.framework])).values()];
  const later = key.flatMap((entry) => {
    const having = frameworks.filter((f) => f.domains.some((d) => d.standards.some((s) => s.id === entry.id)));
    if (having.length === frameworks.length) return [];
    const from = having.map((f) => f.inEffectFrom).sort()[0];
    return from ? [m.t('ratings.key.rated-from', { standard: entry.id, month: m.date(from, 'month') })] : [];
  });
  const { footnote, mark } = framework.professionalJudgement;
  const symbolsBlocks: Block[] = [
    paragraph(...symbols),
    paragraph(...messageInlines(m, messageKey('ratings.key.judgement'), { mark, footnote: `${footnote.charAt(0).toLocaleLowerCase(m.tag)}${footnote.slice(1)}` }, { example: [judged] })),
    paragraph(...messageInlines(m, messageKey('ratings.key.not-rated'), { later: later.length ? later.join('; ') : 'none' }, { rating: [ratingInline(newest, NOT_RATED, false)] })),
  ];
  return { symbols: symbolsBlocks, standards: table };
}

/** The reasons for each rating awarded by professional judgement, under a heading: what the table's mark points to. */
function judgementSection(inspections: readonly Inspection[], ids: IdMaker, messages: Messages): Block[] {
  const notes = judgementNotes(inspections, { messages });
  if (!notes) return [];
  const heading = messages.t('ratings.judgement-heading');
  return [{ type: 'heading', level: 2, id: ids.make(heading), text: heading, inContents: false }, notes];
}

export interface RatingsDocumentOptions {
  /** The period of fieldwork the inspections were chosen by; absent for all published inspections. */
  period?: Period;
  /** The date the document carries when it has no inspection (YYYY-MM-DD): the build date. */
  buildDate?: string;
}

/** The ratings table as a document, in the language of the project view it is given. */
export function ratingsDocument(project: Project, inspections: readonly Inspection[], options: RatingsDocumentOptions = {}): DocumentModel {
  const m = project.messages[project.lang];
  const publisher = project.publisher;
  const ordered = ratingsOrder(inspections);
  const date = ordered[0]?.source.published ?? options.buildDate ?? '1970-01-01';
  const title = options.period ? m.t('ratings.title-period', { period: periodLabel(options.period, m) }) : m.t('ratings.title');
  const fictional = ordered.some((i) => i.service.fictional);
  const ids = new IdMaker();
  const key = ratingsKey(ordered, m);
  const covers = periodValues(options.period, m);
  const [first, last] = [ordered[ordered.length - 1]?.source.published, ordered[0]?.source.published];
  const none = m.t('ratings.document.cover-none', covers);
  // A historic record whose source gives only the year it was published: "published in 2018".
  const yearOnly = (date: string) => (/^\d{4}$/.test(date) ? 'yes' : 'no');

  const cover: Block[] = [
    paragraph(
      text(
        ordered.length === 0
          ? none
          : ordered.length === 1
            ? m.t('ratings.document.cover-one', { ...covers, first: m.date(first!), yearOnly: yearOnly(first!) })
            : m.t('ratings.document.cover-many', { ...covers, count: ordered.length, same: first === last ? 'yes' : 'no', first: m.date(first!), last: m.date(last!), yearOnly: yearOnly(first!) }),
      ),
    ),
  ];
  if (fictional) cover.push(paragraph(text(m.t('ratings.document.fictional-mark'), { bold: true }), text(m.t('ratings.document.fictional'))));

  const aboutDocument = m.t('ratings.document.about-document');
  const credits: Block[] = [{ type: 'heading', level: 2, id: ids.make(aboutDocument), text: aboutDocument, inContents: false }, ...publisherCredits(publisher, date.slice(0, 4), m)];

  // The table starts on the first page, under the title: the standards' short names come first, in
  // one short paragraph; the key to the symbols, the standards in full and how the ratings work follow it.
  const caption = m.t('ratings.document.caption', { ...covers, count: ordered.length });
  const standards = standardsKey(ordered);
  const heading = (words: string): Block => ({ type: 'heading', level: 2, id: ids.make(words), text: words, inContents: false });
  const body: Block[] = ordered.length
    ? [
        heading(m.t('ratings.document.ratings-heading')),
        { type: 'paragraph', style: 'small', inlines: [text(m.t('ratings.document.standards-label'), { bold: true }), text(`${standards.map((entry) => `${entry.id} ${entry.name}`).join('; ')}.`)] },
        ...ratingsPrintTables(ordered, { caption, messages: m }),
        ...judgementSection(ordered, ids, m),
        heading(m.t('ratings.key.heading')),
        ...key.symbols,
        key.standards,
        heading(m.t('ratings.document.about-heading')),
        paragraph(text(m.t('ratings.document.about', { outOf: COMPOSITE_OUT_OF }))),
        ...ratingsExplanation(ordered, m),
      ]
    : [paragraph(text(none))];

  return {
    kind: 'report',
    orientation: 'landscape',
    titlePage: false,
    title,
    subtitle: m.t('report.subtitle', { publisher: publisher.name, month: m.date(date, 'month') }),
    language: m.tag,
    words: rendererWords(m),
    date,
    author: publisher.name,
    subject: m.t('ratings.document.subject', covers),
    keywords: [m.t('ratings.document.keyword-ratings'), m.t('report.keyword.youth-justice'), m.t('ratings.document.keyword-overall'), m.t('ratings.document.keyword-composite'), ...(options.period ? [periodLabel(options.period, m)] : [])],
    runningHeader: fictional ? m.t('ratings.document.running-header-fictional', { title }) : title,
    cover,
    credits,
    body,
    images: [],
  };
}
