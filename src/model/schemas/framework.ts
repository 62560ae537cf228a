import { z } from 'zod';
import { withWelsh } from './welsh.ts';
import { domainId, isoDate, keyQuestionId, nonEmptyText, ratingId, slugLike, standardId } from './common.ts';

/** A rating on the framework's scale, lowest first; points feed the composite score. */
export const ratingLevelSchema = withWelsh(
  z.strictObject({
    id: ratingId,
    label: nonEmptyText,
    points: z.int().min(0),
  }),
  ['label'],
);

export const keyQuestionSchema = withWelsh(
  z.strictObject({
    id: keyQuestionId,
    text: nonEmptyText,
  }),
  ['text'],
);

export const caseTypeSchema = z.enum(['court', 'out-of-court']);

export const standardSchema = withWelsh(
  z.strictObject({
  id: standardId,
  name: nonEmptyText,
  statement: nonEmptyText,
  /** case-sample: computed from the domain's cases; judgement: awarded by inspectors from evidence. */
  method: z.enum(['case-sample', 'judgement']),
  keyQuestions: z.array(keyQuestionSchema).min(1),
  /** Whether the standard's points count towards the composite score. Defaults to the domain's setting. */
  countsTowardsComposite: z.boolean().optional(),
  /** A judgement standard that an inspection may leave "Not rated", with a reason (resettlement). */
  mayBeNotRated: z.boolean().default(false),
  }),
  ['name', 'statement'],
);

export const domainSchema = withWelsh(
  z.strictObject({
  id: domainId,
  name: nonEmptyText,
  /** Which cases the domain's case-sample standards are rated from. */
  caseType: caseTypeSchema.optional(),
  countsTowardsComposite: z.boolean().default(true),
  standards: z.array(standardSchema).min(1),
  }),
  ['name'],
);

/** Minimum value per rating id, for percentages or composite scores. */
const thresholds = z.record(ratingId, z.number().min(0));

export const frameworkSchema = withWelsh(
  z.strictObject({
  id: slugLike('youth-2021'),
  name: nonEmptyText,
  inEffectFrom: isoDate,
  inEffectUntil: isoDate.optional(),
  ratingScale: z.array(ratingLevelSchema).min(2),
  notRatedLabel: nonEmptyText.default('Not rated'),
  /** For historic records: a rating that could not be taken with certainty from the source. */
  unclearLabel: nonEmptyText.default('Unclear').describe('Shown for a historic record\'s rating that its source does not make certain, such as Unclear.'),
  caseSample: z.strictObject({
    /** lowest-key-question: the standard takes the band of its lowest key question. */
    rule: z.literal('lowest-key-question'),
    /** How a percentage is rounded to the whole number that is shown. */
    rounding: z.enum(['half-up', 'half-even']),
    /** displayed: band on the rounded whole number shown to readers; exact: on the unrounded value. */
    bandOn: z.enum(['displayed', 'exact']),
    /** A domain whose sample has fewer cases than this is not rated. */
    minimumSample: z.int().min(1),
    bands: thresholds,
  }),
  professionalJudgement: withWelsh(
    z.strictObject({
      maxBandsFromComputed: z.int().min(0),
      mark: nonEmptyText,
      footnote: nonEmptyText,
    }),
    ['footnote'],
  ),
  composite: z.strictObject({
    /** When a whole domain is not rated, scale the score up to the full maximum before banding. */
    scaleWhenNotRated: z.boolean(),
    bands: thresholds,
  }),
  limitingJudgements: z
    .array(
      withWelsh(
        z.strictObject({
          standard: standardId,
          whenRated: ratingId,
          overallAtMost: ratingId,
          explanation: nonEmptyText,
        }),
        ['explanation'],
      ),
    )
    .default([]),
  domains: z.array(domainSchema).min(1),
  }),
  ['name', 'notRatedLabel', 'unclearLabel'],
);

export type RatingLevel = z.infer<typeof ratingLevelSchema>;
export type KeyQuestion = z.infer<typeof keyQuestionSchema>;
export type CaseType = z.infer<typeof caseTypeSchema>;
export type Standard = z.infer<typeof standardSchema>;
export type Domain = z.infer<typeof domainSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
