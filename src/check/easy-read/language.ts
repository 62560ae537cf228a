/**
 * The easy-read language checks (design/EASY-READ.md, language rules 1–9 and the text part of
 * rule 13): pure functions over the sentences of one easy-read document, each sentence with its
 * own file and position, so every problem points at the word that causes it.
 *
 * Sentences are read with retext (read-text.ts); each rule is in its own file in ./rules/, with
 * the same signature (SentenceRule). This driver reads the document's sentences in one go, runs
 * the rules that are on over each sentence, and judges the reading grade of the whole.
 */
import { DiagnosticList, type Diagnostic, type Severity } from '../diagnostics.ts';
import type { CheckCache } from '../check-cache.ts';
import type { Position } from '../../model/position.ts';
import type { GlossaryTerm } from '../../model/schemas/glossary.ts';
import { findTerms } from '../../model/glossary-terms.ts';
import type { EasyReadCheckSettings, EasyReadRuleId } from '../../model/schemas/easy-read-checks.ts';
import { readerFor, syllablesOf, type ReadText } from './read-text.ts';
import { locator } from './locate.ts';
import type { DocumentContext, Range, Report, RowToCheck, SentenceRule, SentenceToCheck } from './rule.ts';
import { italic } from './rules/italic.ts';
import { oneSentencePerLine } from './rules/one-sentence-per-line.ts';
import { sentenceLength } from './rules/sentence-length.ts';
import { abbreviation } from './rules/abbreviation.ts';
import { contraction } from './rules/contraction.ts';
import { acronym } from './rules/acronym.ts';
import { figurative } from './rules/figurative.ts';
import { percentage } from './rules/percentage.ts';
import { numberWords } from './rules/number-words.ts';
import { passiveVoice } from './rules/passive-voice.ts';
import { hardWord } from './rules/hard-word.ts';
import { checkDocumentReadability, maskExplained, readability, type Totals } from './rules/readability.ts';
import { checkRowLength } from './rules/row-length.ts';
import { appliesTo } from './rule-languages.ts';
import type { Lang } from '../../model/language.ts';

export type { RowToCheck, SentenceToCheck };
export { fleschKincaidGrade } from './read-text.ts';
export { percentageInWords } from './numbers.ts';

/** In this order: hard-word comes after the rules whose findings it leaves alone (SentenceInContext.claimed). */
export const SENTENCE_RULES: readonly SentenceRule[] = [italic, oneSentencePerLine, sentenceLength, abbreviation, contraction, acronym, figurative, percentage, numberWords, passiveVoice, hardWord, readability];

/** A line with no text: nothing to read. */
const NOTHING_READ: ReadText = { sentences: [], findings: [] };

class Reporter {
  private readonly settings: EasyReadCheckSettings;
  private readonly diagnostics: DiagnosticList;
  private readonly lang: Lang;
  constructor(settings: EasyReadCheckSettings, diagnostics: DiagnosticList, lang: Lang) {
    this.settings = settings;
    this.diagnostics = diagnostics;
    this.lang = lang;
  }

  on(rule: EasyReadRuleId): boolean {
    return this.settings[rule].severity !== 'off' && appliesTo(rule, this.lang);
  }

  /** Reports under one rule in one file, at the rule's severity or the lower one asked for. */
  for(rule: EasyReadRuleId, file: string): Report {
    return (at: Position, message: string, hint: string, level?: Severity) => {
      const severity = this.settings[rule].severity;
      if (severity === 'off') return;
      this.diagnostics.add(file, at, level === 'warning' ? 'warning' : severity, rule, message, hint);
    };
  }
}

/**
 * Checks the language of every row of one easy-read document in reading order (written by the author,
 * and generated: template text, recommendations' easy-read text, glossary easy-read definitions), each
 * sentence with its own file and position.
 */
export function checkEasyReadLanguage(rows: readonly RowToCheck[], glossary: readonly GlossaryTerm[], settings: EasyReadCheckSettings, diagnostics: DiagnosticList, lang: Lang = 'en'): void {
  // Rules that only make sense in another language are off for this one (rule-languages.ts).
  const reporter = new Reporter(settings, diagnostics, lang);
  const glossaryIn = (text: string) => findTerms(text, glossary);
  const document: DocumentContext = {
    settings,
    lang,
    glossaryWords: new Set(glossary.flatMap((term) => [term.term, ...term.aliases])),
    allowedCapitals: new Set(settings.acronym.allow),
    hardWordIgnored: new Set(settings['hard-word'].ignore.map((phrase) => phrase.toLowerCase().replace(/\s+/g, '-'))),
  };
  const readOf = readSentences(rows, glossaryIn, settings, { passive: reporter.on('passive-voice'), simplify: reporter.on('hard-word'), readability: reporter.on('readability') });
  const rules = SENTENCE_RULES.filter((rule) => reporter.on(rule.id));
  const totals: Totals = { words: 0, syllables: 0, sentences: 0 };

  for (const row of rows) {
    if (reporter.on('row-length')) checkRowLength(row, settings, reporter.for('row-length', row.file));
    for (const written of row.sentences) {
      const { sentences, findings } = readOf.get(written) ?? NOTHING_READ;
      const words = sentences.flatMap((s) => s.words);
      totals.sentences += sentences.length;
      totals.words += words.length;
      for (const word of words) totals.syllables += syllablesOf(word.text);
      const glossaryRanges = glossaryIn(written.text);
      const sentence = { written, text: written.text, sentences, words, findings, locate: locator(written), glossaryRanges, claimed: [...glossaryRanges], document };
      for (const rule of rules) rule.check(sentence, reporter.for(rule.id, written.file));
    }
  }

  const first = rows[0];
  if (first && reporter.on('readability')) checkDocumentReadability(totals, first.at, settings, reporter.for('readability', first.file));
}

/** Each glossary's JSON, hashed into the cache keys of the documents checked with it: made once per glossary. */
const glossaryJson = new WeakMap<readonly GlossaryTerm[], string>();

/**
 * checkEasyReadLanguage through the check's cache (check-cache.ts): the findings of a document whose
 * rows (their sentences, inline parts, files and places), glossary, settings and language were all
 * checked before are the findings then, added in the same order.
 */
export function checkEasyReadLanguageCached(cache: CheckCache | undefined, rows: readonly RowToCheck[], glossary: readonly GlossaryTerm[], settings: EasyReadCheckSettings, diagnostics: DiagnosticList, lang: Lang = 'en'): void {
  if (!cache?.enabled) return checkEasyReadLanguage(rows, glossary, settings, diagnostics, lang);
  let terms = glossaryJson.get(glossary);
  if (terms === undefined) glossaryJson.set(glossary, (terms = JSON.stringify(glossary)));
  const found = cache.memo<Diagnostic[]>('easy-read-language', JSON.stringify([rows, terms, settings, lang]), () => {
    const list = new DiagnosticList();
    checkEasyReadLanguage(rows, glossary, settings, list, lang);
    return list.items;
  });
  diagnostics.items.push(...found);
}

/**
 * Reads every sentence with text in one go, running only the plugins whose findings a rule that is
 * on reads. Reading age is judged without the words the reader is helped with (hard words explained
 * in the glossary, names, web addresses), so when readability is on, its findings come from a
 * second reading of the masked sentences, with retext-readability alone.
 */
function readSentences(rows: readonly RowToCheck[], glossaryIn: (text: string) => Range[], settings: EasyReadCheckSettings, on: { passive: boolean; simplify: boolean; readability: boolean }): Map<SentenceToCheck, ReadText> {
  const toRead = rows.flatMap((row) => row.sentences).filter((sentence) => sentence.text.trim() !== '');
  const texts = readerFor({ passive: on.passive, simplify: on.simplify })(toRead.map((sentence) => sentence.text));
  if (on.readability) {
    const { age, agreement } = settings.readability;
    const masked = readerFor({ passive: false, simplify: false, readability: { age, agreement } })(toRead.map((sentence) => maskExplained(sentence.text, glossaryIn)));
    texts.forEach((text, index) => {
      text.findings = [...text.findings, ...masked[index]!.findings];
    });
  }
  return new Map(toRead.map((sentence, index) => [sentence, texts[index]!]));
}
