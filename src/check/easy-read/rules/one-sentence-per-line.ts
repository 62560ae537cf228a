/** 2. One sentence per line. */
import { quote, type SentenceRule } from '../rule.ts';

export const oneSentencePerLine: SentenceRule = {
  id: 'one-sentence-per-line',
  check({ sentences, locate }, report) {
    const second = sentences[1];
    if (!second) return;
    const firstWords = second.words.slice(0, 3).map((w) => w.text);
    report(locate(second.start), `this line has ${sentences.length} sentences: easy read has one sentence on each line`, `start a new line before ${quote(firstWords.join(' '))}`);
  },
};
