/**
 * The languages reports are published in. English is the reference language: every other language
 * is checked against it (the same messages, the same sections, the same components). Welsh pages
 * live under /cy/ (src/site/paths.ts); English pages keep their addresses.
 */
export const LANGUAGES = ['en', 'cy'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The reference language, and the language of any page or PDF that does not say otherwise. */
export const REFERENCE_LANGUAGE: Lang = 'en';

export interface LanguageFacts {
  /** BCP 47 tag for `lang` attributes, PDF /Lang, Intl and hreflang. */
  tag: string;
  /** Open Graph locale. */
  ogLocale: string;
  /** The language's name in itself: what a language switch says, in that language. */
  ownName: string;
  /** Its name in English, for the check's messages to inspectors. */
  englishName: string;
  /** The first segment of the language's addresses: '' for English, 'cy' for Welsh. */
  prefix: string;
  /** Letters of its alphabet written with two characters (Welsh ch, dd, ll…), for alphabetical indexes. */
  digraphs: readonly string[];
}

export const LANGUAGE_FACTS: Record<Lang, LanguageFacts> = {
  en: { tag: 'en-GB', ogLocale: 'en_GB', ownName: 'English', englishName: 'English', prefix: '', digraphs: [] },
  cy: { tag: 'cy', ogLocale: 'cy_GB', ownName: 'Cymraeg', englishName: 'Welsh', prefix: 'cy', digraphs: ['ch', 'dd', 'ff', 'ng', 'll', 'ph', 'rh', 'th'] },
};

/** The letter a word is indexed under: its first, or the two-character letter it starts with (Welsh "Ll"). */
export function initialLetter(word: string, lang: Lang): string {
  const plain = word.normalize('NFKD').replace(/\p{M}/gu, '');
  const digraph = LANGUAGE_FACTS[lang].digraphs.find((pair) => plain.toLowerCase().startsWith(pair));
  return digraph ? digraph.charAt(0).toUpperCase() + digraph.slice(1) : plain.charAt(0).toUpperCase();
}

export const isLang = (value: unknown): value is Lang => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
