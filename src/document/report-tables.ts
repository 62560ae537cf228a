/** Tables and rating marks computed from an inspection: used by report sections and components alike. */
import type { Inspection } from '../model/project.ts';
import type { Messages } from '../model/messages.ts';
import { standardWords } from '../model/translations.ts';
import { NOT_KNOWN, NOT_RATED, ratingLabel, ratingRank } from '../model/rating.ts';
import type { Block, Inline, RatingSymbol, TableCell } from './blocks.ts';
import { cell, IdMaker, text } from './make-blocks.ts';

const SYMBOLS_HIGHEST_FIRST: RatingSymbol[] = ['star', 'circle', 'triangle', 'square'];

export function ratingInline(inspection: Inspection, rating: string, professionalJudgement: boolean): Extract<Inline, { type: 'rating' }> {
  const { framework } = inspection;
  let symbol: RatingSymbol = 'dash';
  // Not rated, and a historic record's rating the source leaves unclear, show a dash, never a rating's symbol.
  if (rating !== NOT_RATED && rating !== NOT_KNOWN) {
    const fromTop = framework.ratingScale.length - 1 - ratingRank(framework, rating);
    symbol = SYMBOLS_HIGHEST_FIRST[Math.min(fromTop, SYMBOLS_HIGHEST_FIRST.length - 1)]!;
  }
  return { type: 'rating', rating, label: ratingLabel(framework, rating), mark: professionalJudgement ? framework.professionalJudgement.mark : '', symbol };
}

/** The footnote of a table with a professional-judgement mark: what the mark means, then each such rating's reasons. */
export function judgementFootnote(inspection: Inspection, m: Messages): Inline[] | undefined {
  const { framework, rating } = inspection;
  const judged = rating.standards.filter((s) => s.professionalJudgement);
  if (!judged.length) return undefined;
  const inlines: Inline[] = [text(`${framework.professionalJudgement.mark}${framework.professionalJudgement.footnote}.`)];
  for (const standard of judged) inlines.push(text(' '), ...judgementReasons(inspection, standard.id, m));
  return inlines;
}

/**
 * The id of the note on a professional-judgement rating in the full report: one per standard, so
 * the ratings page can link to it (the report's heading ids are made from the same words).
 */
export const judgementNoteHeading = (standardId: string, m: Messages) => m.t('report.judgement.heading', { standard: standardId });
export const judgementNoteId = (standardId: string, m: Messages) => new IdMaker().make(judgementNoteHeading(standardId, m));

/** "2.2 Name: the case figures give X; the inspectors awarded Y. Reasons." — one judged standard, for a footnote. */
export function judgementReasons(inspection: Inspection, standardId: string, m: Messages): Inline[] {
  const standard = inspection.rating.standards.find((s) => s.id === standardId);
  if (!standard?.professionalJudgement) return [];
  const words = standardWords(inspection, standardId);
  return [text(`${standard.id} ${words?.name ?? standard.name}: `, { bold: true }), text(`${judgementSentence(inspection, standard.id, m)} ${words?.judgementRationale ?? standard.judgementRationale ?? ''}`.trimEnd())];
}

/** "The case figures give Inadequate; the inspectors awarded Requires improvement." */
export function judgementSentence(inspection: Inspection, standardId: string, m: Messages): string {
  const standard = inspection.rating.standards.find((s) => s.id === standardId)!;
  return m.t('report.judgement.sentence', { computed: ratingLabel(inspection.framework, standard.computed ?? NOT_RATED), awarded: ratingLabel(inspection.framework, standard.awarded) });
}

/** Every standard with its awarded rating, grouped under its domain. */
export function ratingsSummaryTable(inspection: Inspection, m: Messages): Extract<Block, { type: 'table' }> {
  const { framework, rating } = inspection;
  const rows: TableCell[][] = [];
  for (const domain of framework.domains) {
    rows.push([cell(`${domain.id}. ${domain.name}`, { rowHeader: true, colSpan: 2 })]);
    for (const standard of rating.standards.filter((s) => s.domainId === domain.id)) {
      rows.push([cell(`${standard.id} ${standardWords(inspection, standard.id)?.name ?? standard.name}`, { rowHeader: true }), { inlines: [ratingInline(inspection, standard.awarded, standard.professionalJudgement)] }]);
    }
  }
  const note = judgementFootnote(inspection, m);
  return {
    type: 'table',
    caption: m.t('report.tables.ratings-caption', { service: inspection.service.name }),
    head: [[cell(m.t('report.tables.standard')), cell(m.t('report.tables.rating'))]],
    rows,
    widths: [3, 1.4],
    stackNarrow: true,
    ...(note ? { note } : {}),
  };
}

/** One standard's key questions: the cases judged sufficient, as a count and a percentage. */
export function keyQuestionTable(inspection: Inspection, standardId: string, m: Messages): Extract<Block, { type: 'table' }> {
  const standard = inspection.rating.standards.find((s) => s.id === standardId)!;
  const rated = ratingInline(inspection, standard.awarded, standard.professionalJudgement);
  const words = standardWords(inspection, standardId);
  return {
    type: 'table',
    caption: `${standard.id} ${words?.name ?? standard.name}: ${rated.label}${rated.mark}`,
    head: [[cell(m.t('report.tables.key-question')), cell(m.t('report.tables.cases-sufficient'), { align: 'right' })]],
    rows: standard.keyQuestions.map((q) => [
      cell(`${q.id} ${words?.keyQuestions.get(q.id) ?? q.text}`, { rowHeader: true }),
      cell(q.percent ? m.t('report.tables.percent-of', { percent: q.percent.shown, yes: q.yes, relevant: q.relevant }) : m.t('report.tables.no-relevant-cases'), { align: 'right' }),
    ]),
    widths: [3.2, 1],
    stackNarrow: true,
  };
}
