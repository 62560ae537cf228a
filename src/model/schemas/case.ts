import { z } from 'zod';

/**
 * One row of an inspection's cases.csv: who the child is (never published case by case) and the
 * inspectors' answer to each key question. Answers live in columns named by key question id.
 */
export const caseAnswerSchema = z.enum(['yes', 'no', 'n/a']);

export const courtDisposals = ['referral-order', 'youth-rehabilitation-order', 'detention-and-training-order', 'other-court'] as const;
export const outOfCourtDisposals = ['community-resolution', 'youth-caution', 'youth-conditional-caution', 'other-out-of-court'] as const;

export const caseRecordSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be a short case reference of letters, digits and hyphens, such as C01'),
  type: z.enum(['court', 'out-of-court']),
  disposal: z.enum([...courtDisposals, ...outOfCourtDisposals]),
  looked_after: z.enum(['yes', 'no']),
  sex: z.enum(['female', 'male']),
  ethnicity: z.enum(['white', 'black', 'asian', 'mixed', 'other', 'not-known']),
  disability: z.enum(['yes', 'no', 'not-known']),
  /** Whether the child was leaving custody: resettlement work. */
  resettlement: z.enum(['yes', 'no']).default('no'),
});

export const caseFixedColumns = Object.keys(caseRecordSchema.shape);

export type CaseAnswer = z.infer<typeof caseAnswerSchema>;
export type CaseRecord = z.infer<typeof caseRecordSchema> & { answers: Record<string, CaseAnswer> };
