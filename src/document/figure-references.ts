/**
 * The figures an inspection's data computes that its narrative may quote, each with the text it
 * prints and the component that prints it (<Percent />, <Count />, <Composite />, <Sample />). The
 * components, both renderers through them, and check's typed-figure rule all read them from here, so
 * a quoted figure is the same text everywhere and a typed one is recognised by the same numbers.
 */
import type { CaseType } from '../model/schemas/framework.ts';
import type { Messages } from '../model/messages.ts';
import type { InspectionRating, KeyQuestionResult } from '../model/rating.ts';

export type FigureKind = 'percent' | 'count' | 'composite' | 'sample' | 'areas';

export interface DataFigure {
  kind: FigureKind;
  /** The numbers as a reader sees them: [88] for "88%", [22, 25] for "22 of 25", [38] for a sample of 38. */
  numbers: number[];
  /** The text the component prints: "88%", "22 of 25", "15 out of 36", "38". */
  text: string;
  /** The component that prints it, as written in report.mdx: <Percent question="2.1.1" />. */
  tag: string;
  /** What the figure is, for messages: "key question 2.1.1", "the composite score". */
  what: string;
  /** The key question a percentage or count is of. */
  question?: string;
}

export const CASE_TYPES: readonly CaseType[] = ['court', 'out-of-court'];

/** Key questions with a percentage: those of case-sample standards to which some case in the sample was relevant. */
export function quotableQuestions(rating: Pick<InspectionRating, 'standards'>): (KeyQuestionResult & { percent: NonNullable<KeyQuestionResult['percent']> })[] {
  return rating.standards.flatMap((s) => (s.method === 'case-sample' ? s.keyQuestions.filter((q): q is KeyQuestionResult & { percent: NonNullable<KeyQuestionResult['percent']> } => q.percent !== null) : []));
}

export const percentText = (question: KeyQuestionResult): string => `${question.percent?.shown ?? 0}%`;
/** "22 of 25"; in the document's language with `messages`. */
export const countText = (question: KeyQuestionResult, messages?: Messages): string => (messages ? messages.t('report.figures.count', { yes: question.yes, relevant: question.relevant }) : `${question.yes} of ${question.relevant}`);
/** As the report's own overall-rating paragraph says it: out of what the rated standards could score. */
export const compositeText = (rating: Pick<InspectionRating, 'composite'>, messages?: Messages): string =>
  messages ? messages.t('report.figures.composite', { score: rating.composite.score, maximum: rating.composite.maximum }) : `${rating.composite.score} out of ${rating.composite.maximum}`;
/** The cases read, of one type or of both: the number alone, so the sentence says what they were. */
export const sampleCount = (rating: Pick<InspectionRating, 'sampleSize'>, caseType?: CaseType): number =>
  caseType ? rating.sampleSize[caseType] : CASE_TYPES.reduce((sum, type) => sum + rating.sampleSize[type], 0);

/** Every figure the inspection's data computes that a narrative may quote. */
export function dataFigures(rating: Pick<InspectionRating, 'standards' | 'composite' | 'sampleSize'>): DataFigure[] {
  const figures: DataFigure[] = [];
  for (const q of quotableQuestions(rating)) {
    figures.push({ kind: 'percent', numbers: [q.percent.shown], text: percentText(q), tag: `<Percent question="${q.id}" />`, what: `key question ${q.id}`, question: q.id });
    figures.push({ kind: 'count', numbers: [q.yes, q.relevant], text: countText(q), tag: `<Count question="${q.id}" />`, what: `cases judged sufficient on key question ${q.id}`, question: q.id });
  }
  if (rating.composite.maximum > 0) {
    figures.push({ kind: 'composite', numbers: [rating.composite.score, rating.composite.maximum], text: compositeText(rating), tag: '<Composite />', what: 'the composite score' });
  }
  for (const caseType of CASE_TYPES) {
    const n = sampleCount(rating, caseType);
    if (n > 0) figures.push({ kind: 'sample', numbers: [n], text: String(n), tag: `<Sample caseType="${caseType}" />`, what: `the ${caseType} cases in the sample` });
  }
  const total = sampleCount(rating);
  if (total > 0) figures.push({ kind: 'sample', numbers: [total], text: String(total), tag: '<Sample />', what: 'the cases in the sample' });
  return figures;
}

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A number of areas as a sentence says it: in words up to ten, as style guides ask, then in figures. */
export const areasText = (count: number): string => SMALL_NUMBERS[count] ?? String(count);

/** The figures a thematic report's data (thematic.yaml) gives that its narrative may quote. */
export function thematicFigures(source: { casesRead?: number | undefined; areas: readonly string[] }): DataFigure[] {
  const figures: DataFigure[] = [];
  if (source.casesRead !== undefined && source.casesRead > 0) {
    figures.push({ kind: 'sample', numbers: [source.casesRead], text: String(source.casesRead), tag: '<CasesRead />', what: 'the cases read (casesRead in thematic.yaml)' });
  }
  if (source.areas.length > 0) {
    figures.push({ kind: 'areas', numbers: [source.areas.length], text: areasText(source.areas.length), tag: '<AreasVisited />', what: 'the areas visited (areas in thematic.yaml)' });
  }
  return figures;
}
