/** Which glossary terms a text uses: the report's glossary is computed, never listed by hand. */
import type { GlossaryTerm } from './schemas/glossary.ts';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for a term or alias: whole words; abbreviations in capitals match only in capitals. */
function patternFor(word: string): RegExp {
  const isAbbreviation = word === word.toUpperCase() && /[A-Z]/.test(word);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, isAbbreviation ? 'u' : 'iu');
}

export function termsUsedIn(texts: readonly string[], glossary: readonly GlossaryTerm[]): GlossaryTerm[] {
  const joined = texts.join('\n');
  return glossary.filter((term) => [term.term, ...term.aliases].some((word) => patternFor(word).test(joined)));
}
