/**
 * Which easy-read language rules apply to which language (issue 17, item 5). Rules that read words
 * through English word lists, English grammar or English syllables (retext-simplify, retext-passive,
 * retext-readability with its Dale–Chall and Spache lists, Flesch–Kincaid) would say nothing true
 * about Welsh text, so they run on English only. Rules about the shape of the text (sentence
 * length, one sentence per line, sentences per picture, italics, capitals, digits, percentages) run
 * on both; numbers in words are found with each language's own number words (numbers.ts).
 * The README's table ("Easy-read checks in Welsh") is made from this.
 */
import type { Lang } from '../../model/language.ts';
import type { EasyReadRuleId } from '../../model/schemas/easy-read-checks.ts';

export interface RuleLanguages {
  languages: readonly Lang[];
  /** Why, for the README and for anyone adding a language. */
  why: string;
}

export const EASY_READ_RULE_LANGUAGES: Readonly<Record<EasyReadRuleId, RuleLanguages>> = {
  'sentence-length': { languages: ['en', 'cy'], why: 'counts words' },
  'one-sentence-per-line': { languages: ['en', 'cy'], why: 'finds where sentences end by their punctuation' },
  'row-length': { languages: ['en', 'cy'], why: 'counts sentences beside a picture' },
  italic: { languages: ['en', 'cy'], why: 'reads the Markdown, not the words' },
  acronym: { languages: ['en', 'cy'], why: 'finds words in capitals' },
  percentage: { languages: ['en', 'cy'], why: 'finds "%", "per cent" and "y cant"' },
  'number-words': { languages: ['en', 'cy'], why: 'knows the number words of each language' },
  abbreviation: { languages: ['en'], why: 'knows English abbreviations ("e.g.", "etc.") only' },
  contraction: { languages: ['en'], why: 'knows English short forms; Welsh writes "i\'r" and "a\'r" as a rule' },
  figurative: { languages: ['en'], why: 'knows English figures of speech only' },
  'passive-voice': { languages: ['en'], why: 'retext-passive knows English verbs only' },
  'hard-word': { languages: ['en'], why: 'retext-simplify has an English word list' },
  readability: { languages: ['en'], why: 'Flesch–Kincaid, syllable counts and the Dale–Chall and Spache word lists are English' },
};

/** Whether a rule runs on text in a language. */
export const appliesTo = (rule: EasyReadRuleId, lang: Lang): boolean => EASY_READ_RULE_LANGUAGES[rule].languages.includes(lang);
