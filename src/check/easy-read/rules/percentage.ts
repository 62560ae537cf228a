/** 7. No percentages: how many out of 10 instead. */
import { percentageInWords, smallNumber } from '../numbers.ts';
import { quote, type Range, type SentenceRule } from '../rule.ts';
import type { Lang } from '../../../model/language.ts';

const PERCENT_PATTERN = /(?<![\p{L}\p{N}.,])(\d+(?:[.,]\d+)?|[a-z]+(?:[-‐][a-z]+)?)\s?(%|per\s?cent\b|percent\b)/giu;

/** Welsh: "63 y cant" (digits only: "y cant" after a word is often not a percentage). */
const WELSH_PERCENT_PATTERN = /(?<![\p{L}\p{N}.,])(\d+(?:[.,]\d+)?)\s?(%|y\s?cant\b)/giu;
const patternFor = (lang: Lang) => (lang === 'cy' ? WELSH_PERCENT_PATTERN : PERCENT_PATTERN);

/** Where the text has a percentage ("63%", "fifty per cent", "63 y cant"). */
export const percentagesIn = (text: string, lang: Lang = 'en'): Range[] => [...text.matchAll(patternFor(lang))].map((match) => ({ start: match.index, end: match.index + match[0].length }));

export const percentage: SentenceRule = {
  id: 'percentage',
  check({ text, locate, claimed, document }, report) {
    for (const match of text.matchAll(patternFor(document.lang))) {
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
