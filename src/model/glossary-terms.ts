/** Which glossary terms a text uses: the report's glossary is computed, never listed by hand. */
import type { GlossaryTerm } from './schemas/glossary.ts';

const isAbbreviation = (word: string) => word === word.toUpperCase() && /[A-Z]/.test(word);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patterns = new Map<string, RegExp>();

/** A pattern for a term or alias: whole words; abbreviations in capitals match only in capitals. Compiled once. */
function patternFor(word: string): RegExp {
  let pattern = patterns.get(word);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, isAbbreviation(word) ? 'u' : 'iu');
    patterns.set(word, pattern);
  }
  return pattern;
}

const ascii = /^[\x00-\x7f]*$/;

export function termsUsedIn(texts: readonly string[], glossary: readonly GlossaryTerm[]): GlossaryTerm[] {
  const joined = texts.join('\n');
  // A quick look before each word's pattern (which tries every place in a report's text): a word in
  // ASCII matches only where the lower-cased text has it. The only other letters that match ASCII
  // ones in any case are ſ (an s) and the Kelvin sign (a k, as toLowerCase makes it).
  const lower = joined.toLowerCase().replaceAll('ſ', 's');
  const mayUse = (word: string) => !ascii.test(word) || lower.includes(word.toLowerCase());
  return glossary.filter((term) => [term.term, ...term.aliases].some((word) => mayUse(word) && patternFor(word).test(joined)));
}

interface Matcher {
  /** Abbreviations (all capitals) match only in capitals; every other word in any case. Longest first. */
  capitals?: RegExp;
  others?: RegExp;
  exact: Map<string, GlossaryTerm>;
  caseless: Map<string, GlossaryTerm>;
}

const matchers = new WeakMap<readonly GlossaryTerm[], Matcher>();

/**
 * One pattern per glossary for all its terms and aliases, so a text is scanned once rather than
 * once per word (a glossary of 40 terms made finding them a noticeable part of checking a large
 * archive). Made once per glossary.
 */
function matcherFor(glossary: readonly GlossaryTerm[]): Matcher {
  let matcher = matchers.get(glossary);
  if (matcher) return matcher;
  const exact = new Map<string, GlossaryTerm>();
  const caseless = new Map<string, GlossaryTerm>();
  for (const term of glossary) {
    for (const word of [term.term, ...term.aliases]) {
      // The first term to claim a word keeps it, as a stable sort of every match kept it before.
      if (isAbbreviation(word)) {
        if (!exact.has(word)) exact.set(word, term);
      } else if (!caseless.has(word.toLowerCase())) caseless.set(word.toLowerCase(), term);
    }
  }
  const build = (words: Iterable<string>, flags: string) => {
    const list = [...words].sort((a, b) => b.length - a.length);
    return list.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map(escape).join('|')})(?![\\p{L}\\p{N}])`, flags) : undefined;
  };
  matcher = { capitals: build(exact.keys(), 'gu'), others: build(caseless.keys(), 'giu'), exact, caseless };
  matchers.set(glossary, matcher);
  return matcher;
}

/** Where glossary terms occur in one text, earliest first, never overlapping (longer terms win at a tie). */
export function findTerms(text: string, glossary: readonly GlossaryTerm[]): { start: number; end: number; term: GlossaryTerm }[] {
  const { capitals, others, exact, caseless } = matcherFor(glossary);
  const found: { start: number; end: number; term: GlossaryTerm }[] = [];
  const termOf = (word: string, capital: boolean) =>
    capital
      ? exact.get(word)
      : // Case-insensitive matching folds a few letters differently from toLowerCase: then look word by word.
        (caseless.get(word.toLowerCase()) ?? glossary.find((term) => [term.term, ...term.aliases].some((w) => !isAbbreviation(w) && patternFor(w).test(word))));
  for (const [pattern, capital] of [
    [capitals, true],
    [others, false],
  ] as const) {
    if (!pattern) continue;
    for (const match of text.matchAll(pattern)) {
      const term = termOf(match[0], capital);
      if (term) found.push({ start: match.index, end: match.index + match[0].length, term });
    }
  }
  if (!capitals || !others) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof found = [];
  for (const hit of found) if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  return kept;
}
