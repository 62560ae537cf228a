/** Counting and listing in sentences, in each language. */
import type { Lang } from '../model/language.ts';

const listFormats = {
  and: { en: new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }), cy: new Intl.ListFormat('cy', { style: 'long', type: 'conjunction' }) },
  or: { en: new Intl.ListFormat('en-GB', { style: 'long', type: 'disjunction' }), cy: new Intl.ListFormat('cy', { style: 'long', type: 'disjunction' }) },
} satisfies Record<string, Record<Lang, Intl.ListFormat>>;

/**
 * The words between a list's items, one fewer than the items: [", ", " and "] for three; in Welsh
 * " a ", or " ac " before a vowel (Intl writes Welsh "a(c)", which no Welsh reader would write);
 * `or` lists: " or ", " neu ". For lists whose items are not plain text (ratings with their symbols).
 */
export function listSeparators(items: readonly string[], lang: Lang = 'en', type: 'and' | 'or' = 'and'): string[] {
  if (items.length <= 1) return [];
  if (lang === 'cy' && type === 'and') {
    const last = items.at(-1)!;
    return [...items.slice(2).map(() => ', '), /^[aeiouwyâêîôûŵŷ]/i.test(last) ? ' ac ' : ' a '];
  }
  return listFormats[type][lang].formatToParts(items).flatMap((part) => (part.type === 'literal' ? [part.value] : []));
}

/** "A", "A and B", "A, B and C"; in Welsh "A, B a C", or "ac" before a vowel ("A ac Ystradgynlais"). */
export function listOf(items: readonly string[], lang: Lang = 'en'): string {
  const separators = listSeparators(items, lang);
  return items.map((item, index) => (index ? separators[index - 1] : '') + item).join('');
}

/** "A, B or C"; in Welsh "A, B neu C". */
export function listOr(items: readonly string[], lang: Lang = 'en'): string {
  const separators = listSeparators(items, lang, 'or');
  return items.map((item, index) => (index ? separators[index - 1] : '') + item).join('');
}

/** "1 case", "3 cases"; `many` for a plural not made with -s. English only: other languages count with a message's plural. */
export function countOf(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}
