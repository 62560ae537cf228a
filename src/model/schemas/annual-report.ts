import { z } from 'zod';
import { isoDate, languagesField, nonEmptyText } from './common.ts';
import { withWelsh } from './welsh.ts';

const period = z
  .strictObject({
    from: isoDate.describe('First day, YYYY-MM-DD: inspections whose fieldwork started on or after it are in the period.'),
    to: isoDate.describe('Last day, YYYY-MM-DD: inspections whose fieldwork started on or before it are in the period.'),
  })
  .describe('A period by fieldwork date: an inspection belongs to the period in which its fieldwork started, whenever it was published.');

/**
 * The front matter of an annual report (content/annual-reports/<year>.mdx): the period its figures
 * cover and how it is published. The narrative below it uses `## ` sections and figure components.
 */
export const annualReportSchema = withWelsh(
  z.strictObject({
  title: nonEmptyText.describe('The report\'s title, such as "Annual report 2026: inspections of youth justice services".'),
  period,
  previousPeriod: period
    .optional()
    .describe('The period the recommendation figures are compared with, usually the one covered by the previous annual report.'),
  published: isoDate.describe('Publication date, YYYY-MM-DD. The report appears in no output before this date, and its figures count only the inspections published by then.'),
  status: z.enum(['draft', 'published']).describe('draft: never published; published: published from its date.'),
  languages: languagesField('Without it: [en]. A Welsh version is <year>.cy.mdx beside it.'),
  minimumCount: z
    .int()
    .min(2, 'must be at least 2: a count of 1 would identify a child')
    .default(5)
    .describe('Counts of children below this number are not shown in breakdowns of case data, so that no child can be identified. 5 unless the inspectorate decides otherwise.'),
  }),
  ['title'],
);

export type AnnualReportSource = z.infer<typeof annualReportSchema>;
