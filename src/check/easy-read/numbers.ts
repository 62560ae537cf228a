/** Numbers written in words ("twenty-one", "two hundred and fifty", "a dozen"), and percentages said in words. */
import type { WordAt } from './read-text.ts';

const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, dozen: 12 };
/** "one" is a pronoun after these words ("no one", "the one", "each one"). */
const ONE_AS_PRONOUN_AFTER = new Set(['no', 'the', 'this', 'that', 'each', 'every', 'any', 'which', 'only', 'other', 'little', 'right', 'wrong', 'last', 'first', 'next', 'same', 'another', 'special', 'loved']);

/** The value of a number word such as "twenty-one", or undefined. */
export function smallNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower in SMALL_NUMBERS) return SMALL_NUMBERS[lower];
  const parts = lower.split(/[-‐]/);
  if (parts.length === 2 && SMALL_NUMBERS[parts[0]!] !== undefined && SMALL_NUMBERS[parts[0]!]! >= 20 && SMALL_NUMBERS[parts[0]!]! % 10 === 0) {
    const unit = SMALL_NUMBERS[parts[1]!];
    if (unit !== undefined && unit >= 1 && unit <= 9) return SMALL_NUMBERS[parts[0]!]! + unit;
  }
  return undefined;
}

interface NumberRun {
  start: number;
  end: number;
  text: string;
  value: number;
}

/** Numbers written in words in one sentence: "eight", "twenty-one", "two hundred and fifty", "a dozen". */
export function numberRuns(words: readonly WordAt[], text: string): NumberRun[] {
  const runs: NumberRun[] = [];
  let i = 0;
  while (i < words.length) {
    const found = numberAt(words, i, text);
    if (!found) {
      i += 1;
      continue;
    }
    const first = words[i]!;
    const last = found.last;
    const lonelyOne = last === i && first.text.toLowerCase() === 'one';
    const before = words[i - 1]?.text.toLowerCase();
    const after = words[last + 1]?.text.toLowerCase();
    const pronoun = lonelyOne && ((before !== undefined && ONE_AS_PRONOUN_AFTER.has(before)) || after === 'another');
    if (!pronoun) runs.push({ start: first.start, end: words[last]!.end, text: text.slice(first.start, words[last]!.end), value: found.value });
    i = last + 1;
  }
  return runs;
}

/** The number written in words that starts at words[i], if any: its value and its last word. */
function numberAt(words: readonly WordAt[], i: number, text: string): { value: number; last: number } | undefined {
  const first = words[i]!;
  const small = smallNumber(first.text);
  const startsWithA = small === undefined && first.text.toLowerCase() === 'a';
  if (small === undefined && !startsWithA) return undefined;
  type State = 'after-a' | 'after-tens' | 'after-units' | 'after-scale' | 'after-and' | 'done';
  const isTens = (n: number) => n >= 20 && n % 10 === 0;
  let state: State = startsWithA ? 'after-a' : isTens(small!) ? 'after-tens' : 'after-units';
  let total = 0;
  let current = startsWithA ? 1 : small!;
  let last: number | undefined = startsWithA ? undefined : i;
  for (let j = i + 1; j < words.length && state !== 'done'; j += 1) {
    const word = words[j]!;
    if (!/^\s+$/.test(text.slice(words[j - 1]!.end, word.start))) break;
    const lower = word.text.toLowerCase();
    const value = smallNumber(word.text);
    if (value !== undefined && ((state === 'after-tens' && value >= 1 && value <= 9) || state === 'after-scale' || state === 'after-and')) {
      current += value;
      state = state !== 'after-tens' && isTens(value) ? 'after-tens' : 'after-units';
    } else if (lower in SCALES && state !== 'after-and') {
      const scale = SCALES[lower]!;
      if (scale >= 1000) {
        total += current * scale;
        current = 0;
      } else current *= scale;
      state = lower === 'dozen' ? 'done' : 'after-scale';
    } else if (lower === 'and' && state === 'after-scale') {
      state = 'after-and';
      continue;
    } else break;
    last = j;
  }
  return last === undefined ? undefined : { value: total + current, last };
}

/** "about 6 out of 10" for 63: percentages rounded to tenths. */
export function percentageInWords(percent: number): string {
  if (percent <= 0) return 'none';
  if (percent >= 100) return percent === 100 ? 'all' : 'more than all of them';
  const tenths = Math.round(percent / 10);
  if (tenths === 0) return 'fewer than 1 out of 10';
  if (tenths === 10) return 'almost all';
  return `${percent % 10 === 0 ? '' : 'about '}${tenths} out of 10`;
}
