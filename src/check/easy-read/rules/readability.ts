/**
 * 9. Readability: sentences retext-readability finds hard at the reader's age, and the reading grade
 * of the whole document (Flesch–Kincaid). Reading age is judged without the words the reader is
 * helped with (maskExplained).
 */
import type { Position } from '../../../model/position.ts';
import type { EasyReadCheckSettings } from '../../../model/schemas/easy-read-checks.ts';
import { smallNumber } from '../numbers.ts';
import { gradeOf, syllablesOf } from '../read-text.ts';
import { overlaps, quote, type Range, type Report, type SentenceRule } from '../rule.ts';

export const readability: SentenceRule = {
  id: 'readability',
  check({ sentences, words, findings, locate, glossaryRanges, document }, report) {
    const reported = new Set<number>();
    for (const message of findings) {
      if (message.source !== 'retext-readability') continue;
      const { offset } = message;
      // The plugin speaks once per level of agreement it reaches: one warning per sentence is enough.
      const sentence = sentences.find((s) => offset < (s.words.at(-1)?.end ?? 0));
      const sentenceStart = sentence?.words[0]?.start ?? offset;
      if (reported.has(sentenceStart)) continue;
      reported.add(sentenceStart);
      const agree = /all (\d+)/.exec(message.reason) ? 'all 7' : (/(\d+) out of (\d+)/.exec(message.reason)?.slice(1, 3).join(' of ') ?? 'most');
      const long = [...new Set((sentence?.words ?? words).filter((w) => syllablesOf(w.text) >= 3 && smallNumber(w.text) === undefined && !glossaryRanges.some((r) => overlaps(r, w))).map((w) => w.text))];
      report(
        locate(offset),
        `this sentence may be hard to read at age ${document.settings.readability.age} (${agree} reading tests say so)`,
        long.length > 0 ? `use shorter, everyday words instead of ${long.slice(0, 3).map(quote).join(', ')}, or split the sentence` : 'use fewer and shorter words, or split the sentence in 2',
      );
    }
  },
};

/** Replaces explained hard words, names (capitalised words after the first) and web addresses with "it", to the same length so offsets still match. */
export function maskExplained(text: string, glossaryIn: (text: string) => Range[]): string {
  const ranges = [...glossaryIn(text)];
  for (const match of text.matchAll(/\b[\w-]+(?:\.[\w-]+)+(?:\/\S*)?/g)) if (/\.(uk|org|com|net|gov|wales)\b/.test(match[0])) ranges.push({ start: match.index, end: match.index + match[0].length });
  for (const match of text.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu)) ranges.push({ start: match.index, end: match.index + match[0].length });
  let masked = text;
  for (const range of ranges.sort((a, b) => b.start - a.start)) {
    const length = range.end - range.start;
    if (length >= 2) masked = masked.slice(0, range.start) + 'it'.padEnd(length, ' ') + masked.slice(range.end);
  }
  return masked;
}

export interface Totals {
  words: number;
  syllables: number;
  sentences: number;
}

/** The whole document's reading grade, reported at its first row. */
export function checkDocumentReadability(totals: Totals, first: Position, settings: EasyReadCheckSettings, report: Report): void {
  const grade = gradeOf(totals.words, totals.syllables, totals.sentences);
  if (grade <= settings.readability.maxGrade) return;
  const wordsPerSentence = totals.words / totals.sentences;
  const syllablesPerWord = totals.syllables / totals.words;
  report(
    first,
    `the whole easy-read version is at reading grade ${grade.toFixed(1)} (Flesch–Kincaid, a reading age of about ${Math.round(grade + 5)}): easy read aims for grade ${settings.readability.maxGrade} or below`,
    `sentences have ${wordsPerSentence.toFixed(1)} words on average and words ${syllablesPerWord.toFixed(2)} syllables: use shorter sentences and shorter, everyday words, starting with the sentences marked "readability"`,
  );
}
