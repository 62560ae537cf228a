import { z } from 'zod';
import { isoDate, nonEmptyText } from './common.ts';
import { withWelsh } from './welsh.ts';

/**
 * A correction to a published report: the day it was made, what changed and why. A report's
 * corrections are listed oldest first; the page, the PDF and the feed say the report was corrected,
 * and the PDF as it was before each correction stays published at a versioned address.
 */
export const correctionSchema = withWelsh(
  z.strictObject({
  date: isoDate.describe('The day the corrected report was published, YYYY-MM-DD: after the report was first published, and not in the future.'),
  what: nonEmptyText.describe('What changed, in a sentence a reader understands, such as "The number of cases in the sample was corrected from 34 to 43."'),
  why: nonEmptyText.describe('Why it changed, such as "The figure was typed wrongly."'),
  }),
  ['what', 'why'],
);

export const correctionsField = z
  .array(correctionSchema)
  .default([])
  .describe(
    'Corrections made after publication, oldest first: date, what changed and why. Keep the PDF as it was before each one in versions/ (report-v1.pdf before the first correction, report-v2.pdf before the second…).',
  );

export type Correction = z.infer<typeof correctionSchema>;

/** The version a report is at: 1 as first published, one more for each correction. */
export const revisionOf = (corrections: readonly Correction[]) => corrections.length + 1;
