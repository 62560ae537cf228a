/** Tables and rating marks computed from an inspection: used by report sections and components alike. */
import type { Inspection } from '../model/project.ts';
import { NOT_KNOWN, NOT_RATED, ratingLabel, ratingRank } from '../model/rating.ts';
import type { Block, Inline, RatingSymbol, TableCell } from './blocks.ts';
import { cell, text } from './make-blocks.ts';

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

export function judgementFootnote(inspection: Inspection): Inline[] | undefined {
  const { framework, rating } = inspection;
  if (!rating.standards.some((s) => s.professionalJudgement)) return undefined;
  return [text(`${framework.professionalJudgement.mark}${framework.professionalJudgement.footnote}.`)];
}

/** Every standard with its awarded rating, grouped under its domain. */
export function ratingsSummaryTable(inspection: Inspection): Extract<Block, { type: 'table' }> {
  const { framework, rating } = inspection;
  const rows: TableCell[][] = [];
  for (const domain of framework.domains) {
    rows.push([cell(`${domain.id}. ${domain.name}`, { rowHeader: true, colSpan: 2 })]);
    for (const standard of rating.standards.filter((s) => s.domainId === domain.id)) {
      rows.push([cell(`${standard.id} ${standard.name}`, { rowHeader: true }), { inlines: [ratingInline(inspection, standard.awarded, standard.professionalJudgement)] }]);
    }
  }
  const note = judgementFootnote(inspection);
  return {
    type: 'table',
    caption: `Ratings for ${inspection.service.name}`,
    head: [[cell('Standard'), cell('Rating')]],
    rows,
    widths: [3, 1.4],
    ...(note ? { note } : {}),
  };
}

/** One standard's key questions: the cases judged sufficient, as a count and a percentage. */
export function keyQuestionTable(inspection: Inspection, standardId: string): Extract<Block, { type: 'table' }> {
  const standard = inspection.rating.standards.find((s) => s.id === standardId)!;
  const rated = ratingInline(inspection, standard.awarded, standard.professionalJudgement);
  return {
    type: 'table',
    caption: `${standard.id} ${standard.name}: ${rated.label}${rated.mark}`,
    head: [[cell('Key question'), cell('Cases judged sufficient', { align: 'right' })]],
    rows: standard.keyQuestions.map((q) => [
      cell(`${q.id} ${q.text}`, { rowHeader: true }),
      cell(q.percent ? `${q.percent.shown}% (${q.yes} of ${q.relevant})` : 'No relevant cases', { align: 'right' }),
    ]),
    widths: [3.2, 1],
  };
}
