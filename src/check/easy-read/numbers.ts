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
  /** Undefined when the words are a number whose value is not worked out (some Welsh ones). */
  value: number | undefined;
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

/**
 * Welsh number words, with their mutated forms ("dau", "ddau"; "pump", "bump", "pum"). "un" (one)
 * is left out on its own: it is as often "the same" or "one of" ("yr un", "un o'r") as a number;
 * it counts before "ar" ("un ar ddeg", 11). Neither is "can" (100 before a noun), which is also
 * an English word.
 */
const WELSH_NUMBERS: Record<string, number> = {
  dau: 2, ddau: 2, dwy: 2, ddwy: 2, tri: 3, dri: 3, thri: 3, tair: 3, dair: 3, thair: 3,
  pedwar: 4, bedwar: 4, pedair: 4, bedair: 4, pump: 5, bump: 5, pum: 5, bum: 5, chwech: 6, chwe: 6,
  saith: 7, wyth: 8, naw: 9, deg: 10, ddeg: 10, deng: 10, ddeng: 10, deuddeg: 12, ddeuddeg: 12,
  pymtheg: 15, bymtheg: 15, deunaw: 18, ddeunaw: 18, ugain: 20, hugain: 20,
  cant: 100, gant: 100, chant: 100, mil: 1000, fil: 1000, miliwn: 1_000_000, filiwn: 1_000_000,
};

/** Numbers written in Welsh words: "tri", "dau ddeg pump" (25), "un ar ddeg" (11), "pedwar ar bymtheg" (19). */
export function welshNumberRuns(words: readonly WordAt[], text: string): NumberRun[] {
  const runs: NumberRun[] = [];
  const valueOf = (index: number) => WELSH_NUMBERS[words[index]?.text.toLowerCase() ?? ''];
  const joined = (a: number, b: number) => /^\s+$/.test(text.slice(words[a]!.end, words[b]!.start));
  let i = 0;
  while (i < words.length) {
    const lower = words[i]!.text.toLowerCase();
    // "yn deg", "penderfyniadau'n deg": "teg" (fair) after "yn", not ten.
    const before = words[i - 1]?.text.toLowerCase().replace(/’/g, "'");
    if ((lower === 'deg' || lower === 'ddeg') && before !== undefined && (before === 'yn' || before.endsWith("'n"))) {
      i += 1;
      continue;
    }
    const startsWithOne = lower === 'un' && words[i + 1]?.text.toLowerCase() === 'ar' && valueOf(i + 2) !== undefined && joined(i, i + 1) && joined(i + 1, i + 2);
    if (valueOf(i) === undefined && !startsWithOne) {
      i += 1;
      continue;
    }
    let total = 0;
    let current = startsWithOne ? 1 : valueOf(i)!;
    let previous = current;
    let last = i;
    for (let j = i + 1; j < words.length; j += 1) {
      if (!joined(j - 1, j)) break;
      const word = words[j]!.text.toLowerCase();
      // "ar" joins the units to the tens ("un ar ddeg"), and "a"/"ac" the hundreds to the rest ("cant a deg").
      const connector = (word === 'ar' || word === 'a' || word === 'ac') && valueOf(j + 1) !== undefined && joined(j, j + 1);
      if (connector) {
        current += valueOf(j + 1)!;
        previous = valueOf(j + 1)!;
        last = j + 1;
        j += 1;
        continue;
      }
      const value = valueOf(j);
      if (value === undefined) break;
      if (value >= 1000) {
        total += (current || 1) * value;
        current = 0;
      } else if (value === 100) current = (current || 1) * 100;
      else if (value === 10 && previous < 10) current += previous * 9; // "dau ddeg": 2 tens
      else current += value;
      previous = value;
      last = j;
    }
    runs.push({ start: words[i]!.start, end: words[last]!.end, text: text.slice(words[i]!.start, words[last]!.end), value: total + current });
    i = last + 1;
  }
  return runs;
}
