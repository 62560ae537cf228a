import { z } from 'zod';
import { nonEmptyText, slugLike } from './common.ts';

const termId = slugLike('assetplus');

export const glossaryTermSchema = z.strictObject({
  id: termId,
  term: nonEmptyText,
  /** Other spellings and abbreviations that mean the same (found in text the same way as the term). */
  aliases: z.array(nonEmptyText).default([]),
  definition: nonEmptyText,
  /** The definition in easy words, for easy-read versions: short sentences, no hard words. */
  easyRead: nonEmptyText,
  seeAlso: z.array(termId).default([]),
});

export const glossarySchema = z.array(glossaryTermSchema);

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
