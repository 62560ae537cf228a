import { z } from 'zod';
import { nonEmptyText, slugLike } from './common.ts';
import { withWelsh } from './welsh.ts';

const termId = slugLike('assetplus');

/** The picture a hard word has in easy-read versions when its entry names none: a book, as in a dictionary. */
export const DEFAULT_TERM_PICTURE = { picture: 'openmoji:open-book', alt: 'An open book' } as const;

export const glossaryTermSchema = withWelsh(
  z.strictObject({
  id: termId,
  term: nonEmptyText,
  /** Other spellings and abbreviations that mean the same (found in text the same way as the term). */
  aliases: z.array(nonEmptyText).default([]),
  definition: nonEmptyText,
  /** The definition in easy words, for easy-read versions: short sentences, no hard words. */
  easyRead: nonEmptyText,
  seeAlso: z.array(termId).default([]),
  /**
   * The word's picture in easy-read hard-words lists, such as openmoji:police-officer (an OpenMoji
   * name) or a file next to the glossary file. Without one the word gets `DEFAULT_TERM_PICTURE`.
   */
  picture: nonEmptyText.optional(),
  /** What the picture shows, in a few easy words ("A police officer"): screen readers say it after the word. */
  alt: nonEmptyText.optional(),
  }),
  // Welsh aliases (plurals, mutated forms such as "warediad") let Welsh text find the term: as many as Welsh needs, or none.
  ['term', 'aliases', 'definition', 'easyRead', 'alt'],
  { free: ['aliases'] },
).refine((term) => (term.picture === undefined) === (term.alt === undefined), {
    path: ['alt'],
    message: 'a picture needs alt text saying what it shows (and alt text needs a picture): write both picture: and alt:, or neither',
  });

export const glossarySchema = z.array(glossaryTermSchema);

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
