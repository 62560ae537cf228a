/** 1. Sentence length: a warning over the first limit, an error over the second, with where to split. */
import type { Severity } from '../../diagnostics.ts';
import type { ReadSentence } from '../read-text.ts';
import { quote, type SentenceRule } from '../rule.ts';

const CONJUNCTIONS = new Set(['and', 'but', 'because', 'so', 'which', 'although', 'while']);

export const sentenceLength: SentenceRule = {
  id: 'sentence-length',
  check({ sentences, locate, document }, report) {
    const { warningAbove, errorAbove } = document.settings['sentence-length'];
    for (const read of sentences) {
      const count = read.words.length;
      if (count <= warningAbove) continue;
      const level: Severity = count > errorAbove ? 'error' : 'warning';
      report(locate(read.start), `this sentence has ${count} words: easy read uses ${warningAbove} or fewer${level === 'error' ? `, and more than ${errorAbove} is too many` : ''}`, splitHint(read), level);
    }
  },
};

/** "split it before "because"": the conjunction nearest the middle, not among the first or last 3 words. */
function splitHint(sentence: ReadSentence): string {
  const { words } = sentence;
  const middle = words.length / 2;
  let best: number | undefined;
  for (let i = 3; i < words.length - 3; i += 1) {
    if (CONJUNCTIONS.has(words[i]!.text.toLowerCase()) && (best === undefined || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  if (best === undefined) return 'split it into 2 or more short sentences, with one idea in each';
  const word = words[best]!.text;
  return `split it into 2 sentences at ${quote(word.toLowerCase())} (word ${best + 1}): end the first sentence before it and start a new one`;
}
