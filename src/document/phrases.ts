/** Counting and listing in sentences, in each language. */
import type { Lang } from '../model/language.ts';

const lists = { en: new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }) };

/**
 * "A", "A and B", "A, B and C"; in Welsh "A, B a C", or "ac" before a vowel ("A ac Ystradgynlais"):
 * Intl writes Welsh "a(c)", which no Welsh reader would write.
 */
export function listOf(items: readonly string[], lang: Lang = 'en'): string {
  if (items.length <= 1) return items.join('');
  if (lang === 'cy') {
    const last = items.at(-1)!;
    return `${items.slice(0, -1).join(', ')} ${/^[aeiouwyâêîôûŵŷ]/i.test(last) ? 'ac' : 'a'} ${last}`;
  }
  return lists.en.format(items);
}

/** "1 case", "3 cases"; `many` for a plural not made with -s. English only: other languages count with a message's plural. */
export function countOf(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}
