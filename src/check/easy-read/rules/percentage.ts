/** 7. No percentages: how many out of 10 instead. */
import { percentageInWords, smallNumber } from '../numbers.ts';
import { quote, type Range, type SentenceRule } from '../rule.ts';

const PERCENT_PATTERN = /(?<![\p{L}\p{N}.,])(\d+(?:[.,]\d+)?|[a-z]+(?:[-‐][a-z]+)?)\s?(%|per\s?cent\b|percent\b)/giu;

/** Where the text has a percentage ("63%", "fifty per cent"). */
export const percentagesIn = (text: string): Range[] => [...text.matchAll(PERCENT_PATTERN)].map((match) => ({ start: match.index, end: match.index + match[0].length }));

export const percentage: SentenceRule = {
  id: 'percentage',
  check({ text, locate, claimed }, report) {
    for (const match of text.matchAll(PERCENT_PATTERN)) {
      const written = match[1]!;
      const value = /^\d/.test(written) ? Number(written.replace(',', '.')) : smallNumber(written);
      claimed.push({ start: match.index, end: match.index + match[0].length });
      const hint =
        value === undefined
          ? 'write how many out of 10, such as "about 6 out of 10"'
          : value > 100
            ? 'say what it means in words, such as "more than twice as many"'
            : `write ${quote(percentageInWords(value))} instead${value > 0 && value < 100 && value % 10 !== 0 ? ` (${value} out of 100 is too exact: round to the nearest 10)` : ''}`;
      report(locate(match.index), `${quote(match[0])} is a percentage: many readers do not understand percentages`, hint);
    }
  },
};
