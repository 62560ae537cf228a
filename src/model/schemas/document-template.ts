import { z } from 'zod';
import { nonEmptyText, slug } from './common.ts';
import { withWelsh } from './welsh.ts';

/** One section of a document structure: what fills it and its heading. */
export const templateSectionSchema = z.discriminatedUnion('kind', [
  withWelsh(z.strictObject({ kind: z.literal('narrative'), narrative: nonEmptyText, heading: nonEmptyText, optional: z.boolean().default(false) }), ['narrative', 'heading']),
  withWelsh(
    z.strictObject({
      kind: z.enum(['overall-findings', 'ratings-summary', 'recommendations', 'contextual-facts', 'methodology', 'results', 'glossary']),
      heading: nonEmptyText,
    }),
    ['heading'],
  ),
  z.strictObject({
    kind: z.literal('findings'),
    /** A thematic report's findings chapters: every `##` section of report.mdx that the template does not name, in the order written. */
    minimum: z.number().int().nonnegative().default(1),
  }),
  withWelsh(
    z.strictObject({
      kind: z.literal('domains'),
      /** The `###` sub-sections every standard's narrative must have, in the order they are shown. */
      standardSections: z.array(nonEmptyText).default([]),
    }),
    ['standardSections'],
  ),
]);

export const documentTemplateSchema = z.strictObject({
  id: slug,
  sections: z.array(templateSectionSchema).min(1),
});

export type TemplateSection = z.infer<typeof templateSectionSchema>;
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;
