/** 4. Abbreviations ("e.g.", "etc."): the words they stand for. */
import { quote, type SentenceRule } from '../rule.ts';

interface Abbreviation {
  pattern: string;
  full: string;
}

const ABBREVIATIONS: Abbreviation[] = [
  { pattern: String.raw`e\.\s?g\.?|eg\.`, full: '"for example"' },
  { pattern: String.raw`i\.\s?e\.?|ie\.`, full: '"this means" or "that is"' },
  { pattern: String.raw`etc\b\.?`, full: 'all the things you mean, or "and other things"' },
  { pattern: String.raw`approx\b\.?`, full: '"about"' },
  { pattern: String.raw`nos?\.(?=\s*\d)`, full: '"number"' },
  { pattern: String.raw`vs\b\.?`, full: '"against" or "or"' },
  { pattern: String.raw`cf\.`, full: '"compare with"' },
  { pattern: String.raw`et\s+al\b\.?`, full: '"and others"' },
  { pattern: String.raw`n\.\s?b\.`, full: '"please note", or leave it out' },
];
const ABBREVIATION_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${ABBREVIATIONS.map((a) => `(${a.pattern})`).join('|')})`, 'giu');

export const abbreviation: SentenceRule = {
  id: 'abbreviation',
  check({ text, locate, claimed }, report) {
    for (const match of text.matchAll(ABBREVIATION_PATTERN)) {
      const index = match.slice(1).findIndex((group) => group !== undefined);
      const abbreviation = ABBREVIATIONS[index]!;
      claimed.push({ start: match.index, end: match.index + match[0].length });
      report(locate(match.index), `${quote(match[0])} is an abbreviation: many readers do not know what it means`, `write ${abbreviation.full} instead`);
    }
  },
};
