import { describe, expect, it } from 'vitest';
import { findTerms, termsUsedIn } from '../../src/model/glossary-terms.ts';
import type { GlossaryTerm } from '../../src/model/schemas/glossary.ts';

const term = (id: string, word: string, aliases: string[] = []): GlossaryTerm => ({ id, term: word, aliases, definition: `${word} means something.`, easyRead: `${word} is a word.`, seeAlso: [] });

const glossary: GlossaryTerm[] = [
  term('yjs', 'youth justice service', ['YJS', 'youth offending team']),
  term('service', 'service'),
  term('plan', 'service plan'),
  term('ete', 'education, training and employment', ['ETE']),
  term('oocd', 'out-of-court disposal', ['OOCD']),
  term('court', 'court'),
  term('case', 'case'),
  term('case-again', 'Case'), // claims a word the first term already has: never wins
];

/** The rule findTerms keeps, written the slow way: every match of every word, earliest first, longer first, none overlapping. */
function reference(text: string, terms: readonly GlossaryTerm[]) {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found: { start: number; end: number; term: GlossaryTerm }[] = [];
  for (const t of terms) {
    for (const word of [t.term, ...t.aliases]) {
      const capitals = word === word.toUpperCase() && /[A-Z]/.test(word);
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, capitals ? 'gu' : 'giu');
      for (const m of text.matchAll(pattern)) found.push({ start: m.index, end: m.index + m[0].length, term: t });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof found = [];
  for (const hit of found) if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  return kept;
}

const ids = (hits: { start: number; end: number; term: GlossaryTerm }[]) => hits.map((h) => `${h.term.id}@${h.start}-${h.end}`);

describe('findTerms', () => {
  it('finds whole words, longest first, never overlapping', () => {
    const text = 'The Youth Justice Service plan and the service plan; a YJS case. Services are not a service.';
    expect(ids(findTerms(text, glossary))).toEqual(['yjs@4-25', 'plan@39-51', 'yjs@55-58', 'case@59-63', 'service@84-91']);
  });

  it('matches abbreviations only in capitals, other words in any case', () => {
    expect(ids(findTerms('yjs and ete are small; ETE is not', glossary))).toEqual(['ete@23-26']);
    expect(ids(findTerms('An OUT-OF-COURT DISPOSAL', glossary))).toEqual(['oocd@3-24']);
  });

  it('gives a word claimed by two terms to the first', () => {
    expect(findTerms('Case', glossary).map((h) => h.term.id)).toEqual(['case']);
  });

  it('agrees with the word-by-word rule on many mixed texts', () => {
    const words = ['youth', 'justice', 'service', 'plan', 'YJS', 'yjs', 'court', 'out-of-court', 'disposal', 'Case', 'case', 'ETE', 'education,', 'training', 'and', 'employment', 'the', 'offending', 'team', 'Service', 'plans', '(YJS)'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 500; k++) {
      const text = Array.from({ length: 3 + Math.floor(next() * 12) }, () => words[Math.floor(next() * words.length)]).join(next() < 0.5 ? ' ' : ', ');
      expect(ids(findTerms(text, glossary)), text).toEqual(ids(reference(text, glossary)));
    }
  });
});

describe('termsUsedIn', () => {
  const used = (texts: string[]) => termsUsedIn(texts, glossary).map((t) => t.id);

  it('finds each term used in any of the texts, in the glossary order', () => {
    expect(used(['A case for the YJS.', 'At court.'])).toEqual(['yjs', 'court', 'case', 'case-again']);
    expect(used(['Services and plans in capitals: COURT.'])).toEqual(['court']);
    expect(used(['yjs in small letters is not the abbreviation.'])).toEqual([]);
  });

  it('finds a word written with letters outside ASCII that match it in any case (ſ, the Kelvin sign)', () => {
    expect(used(['The ſervice.'])).toEqual(['service']);
    expect(termsUsedIn(['A \u212Aey worker.'], [term('key', 'key worker')]).map((t) => t.id)).toEqual(['key']);
  });

  it('agrees with trying every word’s pattern on many mixed texts, whatever stands between the words', () => {
    const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const terms = [...glossary, term('key', 'key worker', ['(key)', 'Kéy']), term('s', 'ſ-word', ['s-word'])];
    const slow = (text: string) =>
      terms.filter((t) => [t.term, ...t.aliases].some((word) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, word === word.toUpperCase() && /[A-Z]/.test(word) ? 'u' : 'iu').test(text))).map((t) => t.id);
    const words = ['youth', 'justice', 'Service', 'plan', 'YJS', 'yjs', 'out', 'of', 'court', 'out-of-court', 'disposal', 'Case', 'ETE', 'education', 'training', 'and', 'employment', 'offending', 'team', '\u212Aey', 'key', 'worker', '(key)', 'kéy', 'ſ-word', 's-word', 'İ', 'ſervice'];
    const between = [' ', ', ', '-', '\n', '(', ')', '', '.'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    for (let k = 0; k < 1000; k++) {
      const text = Array.from({ length: 2 + Math.floor(next() * 10) }, () => pick(words) + pick(between)).join('');
      expect(termsUsedIn([text], terms).map((t) => t.id), text).toEqual(slow(text));
    }
  });
});
