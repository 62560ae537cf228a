/**
 * retext-readability (8.0) looks every word up in the Spache and Dale–Chall familiar-word lists with
 * Array.prototype.includes: about 1,000 and 3,000 string comparisons a word. On a large archive that
 * was a fifth of all the time `npm run check` took. The lists are arrays exported by the `spache` and
 * `dale-chall` packages, the same module instances retext-readability imports, so giving each its own
 * `includes`, backed by a Set, makes every lookup constant time with exactly the same answers.
 * tests/check/word-lists.test.ts proves both: same instance, same answers.
 */
import { daleChall } from 'dale-chall';
import { spache } from 'spache';

function lookUpBySet(list: string[]): void {
  if (Object.prototype.hasOwnProperty.call(list, 'includes')) return;
  const words = new Set(list);
  Object.defineProperty(list, 'includes', { value: (word: unknown) => words.has(word as string), enumerable: false });
}

lookUpBySet(spache);
lookUpBySet(daleChall);

export const familiarWordLists = { spache, daleChall };
