/**
 * The easy-read page's blocks: the document model as the PDF draws it, with each hard word (shown in
 * bold) made a link to its entry in the hard-words list. Pure: the same blocks give the same blocks.
 */
import type { Block, Inline } from '../document/blocks.ts';
import { findTerms } from '../model/glossary-terms.ts';
import type { GlossaryTerm } from '../model/schemas/glossary.ts';

/** Rows whose bold glossary words link to "#hard-word-<id>" when the document's list has that word. */
export function linkHardWords(blocks: readonly Block[], glossary: readonly GlossaryTerm[], listed: ReadonlySet<string>): Block[] {
  const link = (inline: Inline): Inline => {
    if (inline.type !== 'text' || !inline.bold) return inline;
    const [hit] = findTerms(inline.value, glossary);
    const id = hit && hit.start === 0 && hit.end === inline.value.length ? `hard-word-${hit.term.id}` : undefined;
    return id && listed.has(id) ? { type: 'link', url: `#${id}`, children: [inline] } : inline;
  };
  return blocks.map((block) => (block.type === 'row' ? { ...block, sentences: block.sentences.map((sentence) => sentence.map(link)) } : block));
}

/** The ids of the entries of a document's hard-words list. */
export function hardWordIds(blocks: readonly Block[]): Set<string> {
  return new Set(blocks.flatMap((block) => (block.type === 'hard-words' ? block.items.map((item) => item.id) : [])));
}
