/**
 * The rating engine: DOMAIN.md §2 and §3 as pure functions. Every rule parameter (bands, rounding,
 * minimum sample, points, composite bands, limiting judgements) comes from the framework data.
 */
import type { CaseType, Framework, Standard } from './schemas/framework.ts';
import type { AuthoredRating, KeyQuestionCount } from './schemas/inspection.ts';
import { NOT_KNOWN, NOT_RATED } from './schemas/inspection.ts';
import type { CaseRecord } from './schemas/case.ts';

export { NOT_KNOWN, NOT_RATED };

export interface Percentage {
  /** The unrounded value, 0–100. */
  exact: number;
  /** The whole number readers see. */
  shown: number;
}

export interface KeyQuestionResult {
  id: string;
  text: string;
  yes: number;
  relevant: number;
  /** Null when no case in the sample was relevant to the question. */
  percent: Percentage | null;
  /** The band of this question alone, where it has a percentage. */
  band: string | null;
}

export interface StandardResult {
  id: string;
  name: string;
  statement: string;
  domainId: string;
  method: Standard['method'];
  /** Cases the standard was rated from (case-sample standards only). */
  sampleSize: number | null;
  keyQuestions: KeyQuestionResult[];
  /** What the data gives: a rating id or "not-rated"; null for judgement standards. */
  computed: string | null;
  /** What the report shows: a rating id or "not-rated". */
  awarded: string;
  /** The awarded rating differs from the computed one by inspectors' professional judgement. */
  professionalJudgement: boolean;
  /** The inspectors' written reasons for a professional-judgement rating (inspection.yaml `override.rationale`); else null. */
  judgementRationale: string | null;
  countsTowardsComposite: boolean;
  notRatedReason: string | null;
}

export interface CompositeResult {
  score: number;
  /** The most the rated standards could have scored. */
  maximum: number;
  /** The most every composite standard could score (36 in the youth frameworks). */
  fullMaximum: number;
  /** The score scaled to the full maximum when standards were not rated, else the score. */
  scaledScore: number;
}

export interface OverallResult {
  /** A rating id, or "not-rated" when nothing counting towards the composite was rated. */
  rating: string;
  /** The band of the (scaled) composite score before any limiting judgement. */
  fromScore: string;
  limitedBy: { standard: string; explanation: string } | null;
}

export interface InspectionRating {
  standards: StandardResult[];
  sampleSize: Record<CaseType, number>;
  composite: CompositeResult;
  overall: OverallResult;
}

export interface RatingInput {
  counts: Record<string, KeyQuestionCount>;
  sampleSize: Record<CaseType, number>;
  authored: Record<string, AuthoredRating>;
}

/** yes ÷ relevant as a percentage, rounded to a whole number with integer arithmetic (no float drift at .5). */
export function percentage(yes: number, relevant: number, rounding: Framework['caseSample']['rounding']): Percentage {
  if (relevant <= 0) throw new RangeError('relevant must be positive');
  const exact = (100 * yes) / relevant;
  const whole = Math.floor((100 * yes) / relevant);
  const remainderTimesTwo = 2 * (100 * yes - whole * relevant); // compared with relevant: <, = or > one half
  let shown = whole;
  if (remainderTimesTwo > relevant) shown = whole + 1;
  else if (remainderTimesTwo === relevant) shown = rounding === 'half-up' || whole % 2 === 1 ? whole + 1 : whole;
  return { exact, shown };
}

/** The highest rating on the scale whose threshold the value reaches. */
export function bandFor(value: number, thresholds: Record<string, number>, framework: Framework): string {
  let band = framework.ratingScale[0]!.id;
  for (const level of framework.ratingScale) {
    const min = thresholds[level.id];
    if (min !== undefined && value >= min) band = level.id;
  }
  return band;
}

export function ratingRank(framework: Framework, rating: string): number {
  return framework.ratingScale.findIndex((level) => level.id === rating);
}

export function ratingLabel(framework: Framework, rating: string): string {
  if (rating === NOT_RATED) return framework.notRatedLabel;
  if (rating === NOT_KNOWN) return framework.unclearLabel;
  return framework.ratingScale.find((level) => level.id === rating)?.label ?? rating;
}

export function ratingPoints(framework: Framework, rating: string): number {
  return framework.ratingScale.find((level) => level.id === rating)?.points ?? 0;
}

export function* allStandards(framework: Framework) {
  for (const domain of framework.domains) for (const standard of domain.standards) yield { domain, standard };
}

export function countsTowardsComposite(framework: Framework, standardId: string): boolean {
  for (const { domain, standard } of allStandards(framework)) {
    if (standard.id === standardId) return standard.countsTowardsComposite ?? domain.countsTowardsComposite;
  }
  return false;
}

/** Which key questions a case of each type answers: those of case-sample standards in domains rated from that type. */
export function caseQuestions(framework: Framework): Map<string, CaseType> {
  const questions = new Map<string, CaseType>();
  for (const { domain, standard } of allStandards(framework)) {
    if (standard.method !== 'case-sample' || !domain.caseType) continue;
    for (const question of standard.keyQuestions) questions.set(question.id, domain.caseType);
  }
  return questions;
}

/** Pools case records into yes / relevant counts per key question and sample sizes per case type. */
export function countCases(framework: Framework, cases: readonly CaseRecord[]): Pick<RatingInput, 'counts' | 'sampleSize'> {
  const counts: Record<string, KeyQuestionCount> = {};
  const sampleSize: Record<CaseType, number> = { court: 0, 'out-of-court': 0 };
  const questions = caseQuestions(framework);
  for (const record of cases) sampleSize[record.type] += 1;
  for (const [questionId, caseType] of questions) {
    let yes = 0;
    let relevant = 0;
    for (const record of cases) {
      if (record.type !== caseType) continue;
      const answer = record.answers[questionId];
      if (answer === 'yes') yes += 1;
      if (answer === 'yes' || answer === 'no') relevant += 1;
    }
    if (relevant > 0) counts[questionId] = { yes, relevant };
  }
  return { counts, sampleSize };
}

function rateStandard(framework: Framework, domainCaseType: CaseType | undefined, standard: Standard, domainId: string, input: RatingInput, composite: boolean): StandardResult {
  const rules = framework.caseSample;
  const authored = input.authored[standard.id];
  const keyQuestions: KeyQuestionResult[] = standard.keyQuestions.map((question) => {
    const count = standard.method === 'case-sample' ? input.counts[question.id] : undefined;
    if (!count) return { id: question.id, text: question.text, yes: 0, relevant: 0, percent: null, band: null };
    const percent = percentage(count.yes, count.relevant, rules.rounding);
    const value = rules.bandOn === 'displayed' ? percent.shown : percent.exact;
    return { ...question, ...count, percent, band: bandFor(value, rules.bands, framework) };
  });

  let computed: string | null = null;
  let sampleSize: number | null = null;
  let notRatedReason: string | null = null;
  if (standard.method === 'case-sample') {
    sampleSize = domainCaseType ? input.sampleSize[domainCaseType] : 0;
    const bands = keyQuestions.filter((q) => q.band !== null).map((q) => q.band!);
    if (sampleSize < rules.minimumSample) {
      computed = NOT_RATED;
      notRatedReason = `The sample had ${sampleSize} ${domainCaseType ?? ''} cases; at least ${rules.minimumSample} are needed to rate this domain.`;
    } else if (bands.length === 0) {
      computed = NOT_RATED;
      notRatedReason = 'No case in the sample was relevant to any of this standard’s key questions.';
    } else {
      // The lowest-key-question rule: the standard takes the band of its weakest question.
      computed = bands.reduce((low, band) => (ratingRank(framework, band) < ratingRank(framework, low) ? band : low));
    }
  }

  let awarded: string;
  let professionalJudgement = false;
  if (computed === null) {
    awarded = authored?.rating ?? NOT_RATED;
    if (awarded === NOT_RATED) notRatedReason = authored?.notRatedReason ?? null;
  } else if (authored?.override && authored.rating && computed !== NOT_RATED) {
    awarded = authored.rating;
    professionalJudgement = authored.rating !== computed;
  } else {
    awarded = computed;
  }

  return {
    id: standard.id,
    name: standard.name,
    statement: standard.statement,
    domainId,
    method: standard.method,
    sampleSize,
    keyQuestions,
    computed,
    awarded,
    professionalJudgement,
    judgementRationale: professionalJudgement ? (authored?.override?.rationale ?? null) : null,
    countsTowardsComposite: composite,
    notRatedReason,
  };
}

export function compositeOf(framework: Framework, standards: readonly StandardResult[]): CompositeResult {
  const top = Math.max(...framework.ratingScale.map((level) => level.points));
  const counting = standards.filter((s) => s.countsTowardsComposite);
  const rated = counting.filter((s) => s.awarded !== NOT_RATED);
  const score = rated.reduce((sum, s) => sum + ratingPoints(framework, s.awarded), 0);
  const maximum = rated.length * top;
  const fullMaximum = counting.length * top;
  const scale = framework.composite.scaleWhenNotRated && maximum > 0 && maximum < fullMaximum;
  return { score, maximum, fullMaximum, scaledScore: scale ? (score * fullMaximum) / maximum : score };
}

export function overallOf(framework: Framework, standards: readonly StandardResult[], composite: CompositeResult): OverallResult {
  if (composite.maximum === 0) return { rating: NOT_RATED, fromScore: NOT_RATED, limitedBy: null };
  const fromScore = bandFor(composite.scaledScore, framework.composite.bands, framework);
  let rating = fromScore;
  let limitedBy: OverallResult['limitedBy'] = null;
  for (const limit of framework.limitingJudgements) {
    const standard = standards.find((s) => s.id === limit.standard);
    if (standard?.awarded !== limit.whenRated) continue;
    if (ratingRank(framework, rating) > ratingRank(framework, limit.overallAtMost)) {
      rating = limit.overallAtMost;
      limitedBy = { standard: limit.standard, explanation: limit.explanation };
    }
  }
  return { rating, fromScore, limitedBy };
}

export function rateInspection(framework: Framework, input: RatingInput): InspectionRating {
  const standards: StandardResult[] = [];
  for (const domain of framework.domains) {
    for (const standard of domain.standards) {
      standards.push(rateStandard(framework, domain.caseType, standard, domain.id, input, standard.countsTowardsComposite ?? domain.countsTowardsComposite));
    }
  }
  const composite = compositeOf(framework, standards);
  return { standards, sampleSize: input.sampleSize, composite, overall: overallOf(framework, standards, composite) };
}

/** What a historic record publishes: its standard ratings, composite score and overall rating. */
export interface PublishedRatings {
  ratings: Record<string, string>;
  composite: number;
  overall: string;
}

/**
 * The composite a historic record's standard ratings give: exact when every counting standard's
 * rating is known, else the range its unknown ratings allow (each from no points to the top).
 */
export function historicCompositeRange(framework: Framework, ratings: Record<string, string>): { low: number; high: number; unknown: string[] } {
  const top = Math.max(...framework.ratingScale.map((level) => level.points));
  let low = 0;
  let high = 0;
  const unknown: string[] = [];
  for (const { domain, standard } of allStandards(framework)) {
    if (!(standard.countsTowardsComposite ?? domain.countsTowardsComposite)) continue;
    const rating = ratings[standard.id];
    if (rating === NOT_KNOWN) {
      unknown.push(standard.id);
      high += top;
    } else if (rating !== undefined && rating !== NOT_RATED) {
      low += ratingPoints(framework, rating);
      high += ratingPoints(framework, rating);
    }
  }
  return { low, high, unknown };
}

/**
 * A historic record's rating: the published ratings as awarded (nothing computed from cases), and
 * the published composite and overall rating, which the check has compared with what the framework
 * computes from the standard ratings.
 */
export function rateHistoric(framework: Framework, published: PublishedRatings): InspectionRating {
  const standards: StandardResult[] = [];
  for (const { domain, standard } of allStandards(framework)) {
    standards.push({
      id: standard.id,
      name: standard.name,
      statement: standard.statement,
      domainId: domain.id,
      method: standard.method,
      sampleSize: null,
      keyQuestions: standard.keyQuestions.map((q) => ({ id: q.id, text: q.text, yes: 0, relevant: 0, percent: null, band: null })),
      computed: null,
      awarded: published.ratings[standard.id] ?? NOT_KNOWN,
      professionalJudgement: false,
      countsTowardsComposite: standard.countsTowardsComposite ?? domain.countsTowardsComposite,
      notRatedReason: null,
      judgementRationale: null,
    });
  }
  const computed = compositeOf(framework, standards.map((s) => (s.awarded === NOT_KNOWN ? { ...s, awarded: framework.ratingScale[0]!.id } : s)));
  const scale = framework.composite.scaleWhenNotRated && computed.maximum > 0 && computed.maximum < computed.fullMaximum;
  const composite: CompositeResult = { ...computed, score: published.composite, scaledScore: scale ? (published.composite * computed.fullMaximum) / computed.maximum : published.composite };
  const fromComposite = overallOf(framework, standards, composite);
  return { standards, sampleSize: { court: 0, 'out-of-court': 0 }, composite, overall: { ...fromComposite, rating: published.overall } };
}

/** The overall rating the framework gives a published composite score (scaled as the framework says) and standard ratings. */
export function historicOverall(framework: Framework, ratings: Record<string, string>, composite: number): OverallResult {
  const rated = rateHistoric(framework, { ratings, composite, overall: NOT_RATED });
  return overallOf(framework, rated.standards, rated.composite);
}
