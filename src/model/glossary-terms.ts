/** Which glossary terms a text uses: the report's glossary is computed, never listed by hand. */
import type { GlossaryTerm } from './schemas/glossary.ts';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patterns = new Map<string, RegExp>();

/** A pattern for a term or alias: whole words; abbreviations in capitals match only in capitals. Compiled once. */
function patternFor(word: string, global = false): RegExp {
  const key = `${global ? 'g' : ''}${word}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    const isAbbreviation = word === word.toUpperCase() && /[A-Z]/.test(word);
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, `${isAbbreviation ? 'u' : 'iu'}${global ? 'g' : ''}`);
    patterns.set(key, pattern);
  }
  return pattern;
}

export function termsUsedIn(texts: readonly string[], glossary: readonly GlossaryTerm[]): GlossaryTerm[] {
  const joined = texts.join('\n');
  return glossary.filter((term) => [term.term, ...term.aliases].some((word) => patternFor(word).test(joined)));
}

/** Where glossary terms occur in one text, earliest first, never overlapping (longer terms win at a tie). */
export function findTerms(text: string, glossary: readonly GlossaryTerm[]): { start: number; end: number; term: GlossaryTerm }[] {
  const found: { start: number; end: number; term: GlossaryTerm }[] = [];
  for (const term of glossary) {
    for (const word of [term.term, ...term.aliases]) {
      for (const match of text.matchAll(patternFor(word, true))) found.push({ start: match.index, end: match.index + match[0].length, term });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof found = [];
  for (const hit of found) if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  return kept;
}
