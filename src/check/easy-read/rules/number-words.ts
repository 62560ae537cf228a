/** 7. Numbers in digits, not in words. */
import { numberRuns, welshNumberRuns } from '../numbers.ts';
import { overlaps, quote, type SentenceRule } from '../rule.ts';
import { percentagesIn } from './percentage.ts';

export const numberWords: SentenceRule = {
  id: 'number-words',
  check({ words, text, locate, claimed, document }, report) {
    // A number in a percentage ("fifty per cent") is the percentage rule's to report, when it is on.
    const percentages = document.settings.percentage.severity === 'off' ? [] : percentagesIn(text, document.lang);
    for (const run of document.lang === 'cy' ? welshNumberRuns(words, text) : numberRuns(words, text)) {
      if (percentages.some((range) => overlaps(range, run))) continue;
      claimed.push(run);
      report(locate(run.start), `${quote(run.text)} is a number written in words: numbers are easier to read in digits`, run.value === undefined ? 'write it in digits' : `write ${quote(run.value.toLocaleString('en-GB'))}`);
    }
  },
};
