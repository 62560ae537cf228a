import { z } from 'zod';
import { isoDate, nonEmptyText, slug } from './common.ts';
import { recommendationSchema } from './inspection.ts';

/**
 * A thematic report: one kind of work looked at across many services (such as out-of-court
 * disposals). It has no rating; its recommendations are structured like an inspection's.
 */
export const thematicSchema = z.strictObject({
  title: nonEmptyText.describe('The report\'s title, such as "Out-of-court disposals for children".'),
  summary: nonEmptyText.describe('What the report is about, in one or two sentences.'),
  fieldwork: z.strictObject({ start: isoDate, end: isoDate }).describe('First and last day of fieldwork, YYYY-MM-DD.'),
  published: isoDate.describe('Publication date, YYYY-MM-DD. The report appears in no output before this date.'),
  status: z.enum(['draft', 'embargoed', 'published']).describe('draft: never published; embargoed: published from embargoedUntil; published.'),
  embargoedUntil: isoDate.optional().describe('For an embargoed report: the first day it may be published.'),
  lead: nonEmptyText.describe('The lead inspector.'),
  team: z.array(nonEmptyText).default([]),
  recommendations: z.array(recommendationSchema).default([]).describe('Numbered 1, 2, 3… in order, each with the body it is addressed to.'),
  glossary: z.array(slug).default([]),
});

export type ThematicSource = z.infer<typeof thematicSchema>;
