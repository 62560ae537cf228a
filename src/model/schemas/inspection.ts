import { z } from 'zod';
import { domainId, isoDate, keyQuestionId, nonEmptyText, slug, standardId } from './common.ts';

export const NOT_RATED = 'not-rated';

/** An inspector's rating of one standard. */
export const authoredRatingSchema = z.strictObject({
  /** A rating id from the framework's scale, or "not-rated". Optional for case-sample standards. */
  rating: slug.optional(),
  /** The evidence the rating rests on: required for judgement standards. */
  evidence: nonEmptyText.optional(),
  /** Professional judgement: the awarded rating differs from the computed one. */
  override: z
    .strictObject({
      rationale: z.string().trim().min(1, 'a professional-judgement override needs a written rationale'),
    })
    .optional(),
  /** Why a standard that may be left unrated was not rated (resettlement with no resettlement cases). */
  notRatedReason: nonEmptyText.optional(),
});

/** Historic reports publish counts per key question instead of case records. */
export const keyQuestionCountSchema = z.strictObject({
  yes: z.int().min(0),
  relevant: z.int().min(1, 'relevant must be at least 1: it counts the cases where the question applied'),
});

export const recommendationSchema = z.strictObject({
  number: z.int().min(1),
  addressee: nonEmptyText,
  text: nonEmptyText,
  themes: z.array(slug).default([]),
  /** The same recommendation in easy words, for the easy-read version. */
  easyRead: nonEmptyText.optional(),
});

export const contextualFactSchema = z.strictObject({
  label: nonEmptyText,
  value: nonEmptyText,
  comparison: nonEmptyText.optional(),
  source: nonEmptyText.optional(),
});

export const domainFindingsSchema = z.strictObject({
  strengths: z.array(nonEmptyText).default([]),
  improvements: z.array(nonEmptyText).default([]),
});

export const inspectionSchema = z.strictObject({
  service: slug,
  framework: slug,
  /** inspection, reinspection (give reinspectionOf) or joint (give partners). */
  kind: z.enum(['inspection', 'reinspection', 'joint']),
  reinspectionOf: slug.optional(),
  partners: z.array(nonEmptyText).default([]),
  fieldwork: z.strictObject({ start: isoDate, end: isoDate }),
  published: isoDate,
  status: z.enum(['draft', 'embargoed', 'published']),
  embargoedUntil: isoDate.optional(),
  lead: nonEmptyText,
  team: z.array(nonEmptyText).default([]),
  /**
   * For historic reports without case records: counts per key question and the sample sizes.
   * Inspections with a cases.csv leave these out: they are computed from the cases.
   */
  counts: z.record(keyQuestionId, keyQuestionCountSchema).optional(),
  sampleSize: z.record(z.enum(['court', 'out-of-court']), z.int().min(0)).optional(),
  ratings: z.record(standardId, authoredRatingSchema).default({}),
  recommendations: z.array(recommendationSchema).default([]),
  findings: z.record(domainId, domainFindingsSchema).default({}),
  context: z.array(contextualFactSchema).default([]),
  /** Glossary term ids to include in the report's glossary besides those found in its text. */
  glossary: z.array(slug).default([]),
});

export type AuthoredRating = z.infer<typeof authoredRatingSchema>;
export type KeyQuestionCount = z.infer<typeof keyQuestionCountSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type InspectionSource = z.infer<typeof inspectionSchema>;
