import { z } from 'zod';
import { isoDate, languagesField, nonEmptyText, slugLike } from './common.ts';
import { RECOMMENDATION_TEXTS, recommendationSchema } from './inspection.ts';
import { withWelsh } from './welsh.ts';
import { correctionsField } from './correction.ts';

/**
 * A thematic report's recommendation, with what the recommendations tracker needs: the questions a
 * partnership asks itself about it and the evidence that would show it has been acted on.
 */
export const thematicRecommendationSchema = withWelsh(
  recommendationSchema.extend({
  linesOfEnquiry: z
    .array(nonEmptyText)
    .default([])
    .describe('Lines of enquiry for the recommendations tracker: questions a local partnership asks itself to judge how far it has acted on the recommendation, such as "Does every child have an assessment before the decision is made?".'),
  evidence: z
    .array(nonEmptyText)
    .default([])
    .describe('"How do we know?" for the recommendations tracker: what a partnership could point to that shows the recommendation is done, such as "Records show the assessment date before the panel date".'),
  }),
  [...RECOMMENDATION_TEXTS, 'linesOfEnquiry', 'evidence'],
);

/**
 * A thematic report: one kind of work looked at across many services (such as out-of-court
 * disposals). It has no rating; its recommendations are structured like an inspection's.
 */
export const thematicSchema = withWelsh(
  z.strictObject({
  title: nonEmptyText.describe('The report\'s title, such as "Out-of-court disposals for children".'),
  summary: nonEmptyText.describe('What the report is about, in one or two sentences.'),
  fieldwork: z.strictObject({ start: isoDate, end: isoDate }).describe('First and last day of fieldwork, YYYY-MM-DD.'),
  published: isoDate.describe('Publication date, YYYY-MM-DD. The report appears in no output before this date.'),
  status: z.enum(['draft', 'embargoed', 'published']).describe('draft: never published; embargoed: published from embargoedUntil; published.'),
  embargoedUntil: isoDate.optional().describe('For an embargoed report: the first day it may be published.'),
  languages: languagesField('Without it: [en].'),
  areas: z
    .array(nonEmptyText)
    .default([])
    .describe('The areas visited during fieldwork, such as "Cardiff": the full report\'s methodology lists them and counts them.'),
  casesRead: z.number().int().nonnegative().optional().describe('How many cases the inspectors read: the full report\'s methodology gives it, and the narrative quotes it with <CasesRead />.'),
  lead: nonEmptyText.describe('The lead inspector.'),
  team: z.array(nonEmptyText).default([]),
  recommendations: z.array(thematicRecommendationSchema).default([]).describe('Numbered 1, 2, 3… in order, each with the body it is addressed to, its lines of enquiry and its evidence.'),
  caveats: nonEmptyText.optional().describe('Anything a reader of the recommendations tracker must know first, such as "These recommendations were made to partnerships in England only."'),
  fictional: z.boolean().default(false).describe('true for a made-up sample report: every output then says so.'),
  glossary: z.array(slugLike('assetplus')).default([]),
  corrections: correctionsField,
  }),
  ['title', 'summary', 'areas', 'caveats'],
);

export type ThematicSource = z.infer<typeof thematicSchema>;
export type ThematicRecommendation = z.infer<typeof thematicRecommendationSchema>;
