import { z } from 'zod';
import { nonEmptyText, slug } from './common.ts';
import { withWelsh } from './welsh.ts';

/**
 * Placeholders a template sentence may use, filled from the report's data:
 * {service} {serviceShort} {rating} {ratingCount} {ratingList} {fieldwork} {published}
 * {recommendationCount} {publisher} {website} {title} {correctedOn} (the day of the latest
 * correction), and {ref:<section id>} for "the hard words list on page N".
 */
export const PLACEHOLDERS = ['service', 'serviceShort', 'rating', 'ratingCount', 'ratingList', 'fieldwork', 'published', 'recommendationCount', 'publisher', 'website', 'title', 'correctedOn'] as const;

/** A picture: "openmoji:<name>", a file, or "generated:rating-scale" (the four-step scale, drawn from the framework). */
const picture = nonEmptyText.describe('openmoji:<name>, a file path, or generated:rating-scale');

export const easyReadRowSchema = withWelsh(
  z.strictObject({
    picture,
    alt: nonEmptyText.describe('What the picture shows, for people who cannot see it.'),
    sentences: z.array(nonEmptyText).min(1).max(5),
  }),
  ['alt', 'sentences'],
);

export const easyReadSectionSchema = z.discriminatedUnion('kind', [
  /** Written by the author: the easy-read.mdx section with this heading. */
  withWelsh(z.strictObject({ kind: z.literal('written'), id: slug, heading: nonEmptyText, optional: z.boolean().default(false) }), ['heading']),
  /** The overall rating in easy words, with the scale. Inspections only. */
  withWelsh(z.strictObject({ kind: z.literal('rating'), id: slug, heading: nonEmptyText, rows: z.array(easyReadRowSchema).min(1) }), ['heading']),
  /** The recommendations, numbered, under who must act, in each one's easy-read words. */
  withWelsh(
    z.strictObject({ kind: z.literal('recommendations'), id: slug, heading: nonEmptyText, rows: z.array(easyReadRowSchema).default([]), whoShould: nonEmptyText.describe('The heading above each group, with {who}: "{who} should:"') }),
    ['heading', 'whoShould'],
  ),
  /** The hard words used, with their easy definitions and the pages they are on. */
  withWelsh(z.strictObject({ kind: z.literal('hard-words'), id: slug, heading: nonEmptyText, referredToAs: nonEmptyText, rows: z.array(easyReadRowSchema).default([]) }), ['heading', 'referredToAs']),
  /** Fixed rows with placeholders, such as how to contact the inspectorate. */
  withWelsh(z.strictObject({ kind: z.literal('fixed'), id: slug, heading: nonEmptyText, rows: z.array(easyReadRowSchema).min(1) }), ['heading']),
]);

export const easyReadTemplateSchema = withWelsh(
  z.strictObject({
  /** Which kind of report this template is for. */
  for: z.enum(['inspection', 'thematic']),
  title: nonEmptyText,
  cover: easyReadRowSchema,
  /** Shown after the cover row when the report has been corrected: {correctedOn} is the day of the latest correction. */
  corrected: easyReadRowSchema.optional().describe('The row shown under the cover row of a corrected report, in easy words, such as "We changed this report on {correctedOn}." and where the full report lists the changes.'),
  sections: z.array(easyReadSectionSchema).min(1),
  }),
  ['title'],
);

export type EasyReadRowTemplate = z.infer<typeof easyReadRowSchema>;
export type EasyReadSectionTemplate = z.infer<typeof easyReadSectionSchema>;
export type EasyReadTemplate = z.infer<typeof easyReadTemplateSchema>;
