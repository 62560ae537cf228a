/**
 * The easy-read language checks (design/EASY-READ.md, language rules 1–9 and the text part of
 * rule 13): pure functions over the sentences of one easy-read document, each sentence with its
 * own file and position, so every problem points at the word that causes it.
 *
 * Sentences are read with retext-english (words, sentence ends); retext-passive, retext-simplify and
 * retext-readability find passive verbs, hard words and hard sentences (regular passive verbs, which
 * retext-passive does not know, are found by a small rule of our own). The processor is built once
 * for each readability setting and reads all the sentences of a document in one go.
 */
import type { PhrasingContent } from 'mdast';
import type { Root as NlcstRoot, Sentence as NlcstSentence, Word as NlcstWord } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextPassive from 'retext-passive';
import retextReadability from 'retext-readability';
import retextSimplify from 'retext-simplify';
import { syllable } from 'syllable';
import { SKIP, visit } from 'unist-util-visit';
import './word-lists.ts'; // constant-time word lookups for retext-readability
import type { DiagnosticList, Severity } from '../diagnostics.ts';
import type { Position } from '../../model/position.ts';
import type { GlossaryTerm } from '../../model/schemas/glossary.ts';
import { findTerms } from '../../model/glossary-terms.ts';
import type { EasyReadCheckSettings, EasyReadRuleId } from '../../model/schemas/easy-read-checks.ts';

export interface SentenceToCheck {
  text: string;
  inlines?: PhrasingContent[];
  file: string;
  at: { line: number; column: number };
}

export interface RowToCheck {
  file: string;
  at: { line: number; column: number };
  sentences: SentenceToCheck[];
}

/* ------------------------------------------------------------------------------------------------
 * Reading sentences with retext
 * ---------------------------------------------------------------------------------------------- */

/** What a retext plugin said, at an offset in the sentence's text. */
interface Finding {
  source: string;
  ruleId: string;
  reason: string;
  actual: string;
  expected: string[];
  offset: number;
}

interface WordAt {
  text: string;
  start: number;
  end: number;
}

/** A sentence as retext reads it; sentences that retext split after an abbreviation ("No. 5") are joined again. */
interface ReadSentence {
  start: number;
  words: WordAt[];
}

/** One text (a line of the document) read: its sentences, and what the plugins found in it. */
interface ReadText {
  sentences: ReadSentence[];
  findings: Finding[];
}

interface VFileMessageLike {
  source?: string | null | undefined;
  ruleId?: string | null | undefined;
  reason: string;
  actual?: string | null | undefined;
  expected?: string[] | null | undefined;
  place?: { start?: { offset?: number | undefined }; offset?: number | undefined } | null | undefined;
}

/** Texts are read together, one paragraph each, which is much faster than one at a time. */
const SEPARATOR = '\n\n';

type Reader = (texts: readonly string[]) => ReadText[];

/** One processor per reading age and agreement (the only settings the plugins take), built on first use. */
const readers = new Map<string, Reader>();

function readerFor(age: number, agreement: number): Reader {
  const key = `${age}/${agreement}`;
  const existing = readers.get(key);
  if (existing) return existing;
  let captured: NlcstRoot | undefined;
  const capture = () => (tree: NlcstRoot) => {
    captured = tree;
  };
  const processor = retext().use(retextEnglish).use(retextPassive).use(retextSimplify).use(retextReadability, { age, threshold: agreement / READABILITY_TESTS }).use(capture).freeze();
  const reader: Reader = (texts) => {
    captured = undefined;
    const joined = texts.join(SEPARATOR);
    const file = processor.processSync(joined);
    const tree = captured ?? (processor.parse(joined) as NlcstRoot);
    return split(texts, tree, file.messages as unknown as VFileMessageLike[]);
  };
  readers.set(key, reader);
  return reader;
}

/** retext-readability runs 7 reading tests on each sentence. */
const READABILITY_TESTS = 7;

const parser = retext().use(retextEnglish).freeze();

/** Reads texts with retext-english only (no plugins). */
const readPlain: Reader = (texts) => split(texts, parser.parse(texts.join(SEPARATOR)) as NlcstRoot, []);

const offsetOf = (node: { position?: { start: { offset?: number | undefined } } | undefined }): number => node.position?.start.offset ?? 0;
const endOf = (node: { position?: { end: { offset?: number | undefined } } | undefined }): number => node.position?.end.offset ?? 0;

/** Hands each sentence and message of the joined text back to the text it came from, with offsets in that text. */
function split(texts: readonly string[], tree: NlcstRoot, messages: readonly VFileMessageLike[]): ReadText[] {
  const starts: number[] = [];
  let position = 0;
  for (const text of texts) {
    starts.push(position);
    position += text.length + SEPARATOR.length;
  }
  const indexOf = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const read: ReadText[] = texts.map(() => ({ sentences: [], findings: [] }));
  visit(tree, 'SentenceNode', (node: NlcstSentence) => {
    const index = indexOf(offsetOf(node));
    const base = starts[index]!;
    const words: WordAt[] = [];
    visit(node, 'WordNode', (word: NlcstWord) => {
      words.push({ text: nlcstToString(word), start: offsetOf(word) - base, end: endOf(word) - base });
    });
    if (words.length === 0) return SKIP;
    const sentences = read[index]!.sentences;
    const previous = sentences.at(-1);
    const lastWord = previous?.words.at(-1);
    if (previous && lastWord && ABBREVIATION_ENDS.has(lastWord.text.toLowerCase().replace(/\.$/, ''))) previous.words.push(...words);
    else sentences.push({ start: words[0]!.start, words });
    return SKIP;
  });
  for (const message of messages) {
    const offset = message.place?.start?.offset ?? message.place?.offset;
    if (offset === undefined || texts.length === 0) continue;
    const index = indexOf(offset);
    read[index]!.findings.push({
      source: message.source ?? '',
      ruleId: message.ruleId ?? '',
      reason: message.reason,
      actual: message.actual ?? '',
      expected: message.expected ?? [],
      offset: offset - starts[index]!,
    });
  }
  return read;
}

const ABBREVIATION_ENDS = new Set(['no', 'nos', 'etc', 'approx', 'vs', 'mr', 'mrs', 'ms', 'dr', 'st', 'e.g', 'i.e', 'cf', 'al']);

/** Syllables of a word; every word, digits included, has at least one. */
const syllablesOf = (word: string): number => Math.max(1, syllable(word));

function gradeOf(words: number, syllables: number, sentences: number): number {
  if (words === 0 || sentences === 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

/**
 * Flesch–Kincaid grade level: 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59.
 * Each string is normally one sentence (a string holding two counts as two); words are retext's
 * (digits included), syllables come from `syllable`, at least one a word.
 */
export function fleschKincaidGrade(sentences: readonly string[]): number {
  let words = 0;
  let syllables = 0;
  let count = 0;
  for (const text of readPlain(sentences.filter((sentence) => sentence.trim() !== ''))) {
    count += text.sentences.length;
    for (const sentence of text.sentences) {
      words += sentence.words.length;
      for (const word of sentence.words) syllables += syllablesOf(word.text);
    }
  }
  return gradeOf(words, syllables, count);
}

/* ------------------------------------------------------------------------------------------------
 * Positions: an offset in a sentence's plain text → line and column in its file
 * ---------------------------------------------------------------------------------------------- */

interface SourceChar {
  char: string;
  column: number;
}

type Locate = (offset: number) => Position;

/**
 * The plain text is the sentence's inlines joined and with white space collapsed, so bold and links
 * move words to the right of where they are in the text. Where the inlines have positions, every
 * character is traced back to its own column; otherwise column = sentence column + offset.
 */
function locator(sentence: SentenceToCheck): Locate {
  const simple: Locate = (offset) => ({ line: sentence.at.line, column: sentence.at.column + offset });
  if (!sentence.inlines?.length) return simple;
  const chars: SourceChar[] = [];
  let sameLine = true;
  const add = (value: string, node: { position?: { start: { line: number; column: number; offset?: number | undefined }; end: { line: number; column: number; offset?: number | undefined } } | undefined }) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (start && start.line !== sentence.at.line) sameLine = false;
    const exact = start && end && start.line === end.line && end.column - start.column === value.length;
    for (let i = 0; i < value.length; i += 1) chars.push({ char: value[i]!, column: start ? (exact ? start.column + i : start.column) : sentence.at.column });
  };
  const walk = (node: PhrasingContent) => {
    if ('value' in node && typeof node.value === 'string') add(node.value, node);
    else if (node.type === 'image') add(node.alt ?? '', node);
    else if ('children' in node) for (const child of node.children as PhrasingContent[]) walk(child);
  };
  for (const node of sentence.inlines) walk(node);
  if (!sameLine) return simple;
  // The same normalisation as the source reader: runs of white space become one space, then trim.
  const collapsed: SourceChar[] = [];
  for (const c of chars) {
    if (/\s/.test(c.char)) {
      if (collapsed.at(-1)?.char !== ' ') collapsed.push({ char: ' ', column: c.column });
    } else collapsed.push(c);
  }
  while (collapsed[0]?.char === ' ') collapsed.shift();
  while (collapsed.at(-1)?.char === ' ') collapsed.pop();
  if (collapsed.map((c) => c.char).join('') !== sentence.text) return simple;
  return (offset) => {
    const c = collapsed[Math.min(Math.max(offset, 0), collapsed.length - 1)];
    return c ? { line: sentence.at.line, column: c.column } : simple(offset);
  };
}

/* ------------------------------------------------------------------------------------------------
 * Word lists
 * ---------------------------------------------------------------------------------------------- */

const CONJUNCTIONS = new Set(['and', 'but', 'because', 'so', 'which', 'although', 'while']);

/** Short forms and their full forms (apostrophes normalised to '). */
const CONTRACTIONS: Record<string, string> = {
  "can't": 'cannot', "won't": 'will not', "don't": 'do not', "doesn't": 'does not', "didn't": 'did not',
  "isn't": 'is not', "aren't": 'are not', "wasn't": 'was not', "weren't": 'were not', "haven't": 'have not',
  "hasn't": 'has not', "hadn't": 'had not', "shouldn't": 'should not', "wouldn't": 'would not', "couldn't": 'could not',
  "mustn't": 'must not', "needn't": 'need not', "shan't": 'shall not', "ain't": 'is not', "mightn't": 'might not',
  "it's": 'it is', "that's": 'that is', "there's": 'there is', "here's": 'here is', "what's": 'what is',
  "who's": 'who is', "where's": 'where is', "he's": 'he is', "she's": 'she is', "let's": 'let us',
  "i'm": 'I am', "you're": 'you are', "we're": 'we are', "they're": 'they are',
  "i've": 'I have', "you've": 'you have', "we've": 'we have', "they've": 'they have', "could've": 'could have', "should've": 'should have', "would've": 'would have',
  "i'll": 'I will', "you'll": 'you will', "he'll": 'he will', "she'll": 'she will', "we'll": 'we will', "they'll": 'they will', "it'll": 'it will', "that'll": 'that will',
  "i'd": 'I would', "you'd": 'you would', "he'd": 'he would', "she'd": 'she would', "we'd": 'we would', "they'd": 'they would',
  "y'all": 'you all', "o'clock": '',
};

interface Abbreviation {
  pattern: string;
  full: string;
}

const ABBREVIATIONS: Abbreviation[] = [
  { pattern: String.raw`e\.\s?g\.?|eg\.`, full: '"for example"' },
  { pattern: String.raw`i\.\s?e\.?|ie\.`, full: '"this means" or "that is"' },
  { pattern: String.raw`etc\b\.?`, full: 'all the things you mean, or "and other things"' },
  { pattern: String.raw`approx\b\.?`, full: '"about"' },
  { pattern: String.raw`nos?\.(?=\s*\d)`, full: '"number"' },
  { pattern: String.raw`vs\b\.?`, full: '"against" or "or"' },
  { pattern: String.raw`cf\.`, full: '"compare with"' },
  { pattern: String.raw`et\s+al\b\.?`, full: '"and others"' },
  { pattern: String.raw`n\.\s?b\.`, full: '"please note", or leave it out' },
];
const ABBREVIATION_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${ABBREVIATIONS.map((a) => `(${a.pattern})`).join('|')})`, 'giu');

interface Figure {
  pattern: string;
  plain: string;
  foreign?: true;
}

/** Figures of speech and foreign words common in reports, with a plain way to say them. */
const FIGURES: Figure[] = [
  { pattern: 'on track', plain: '"going as planned"' },
  { pattern: 'off track', plain: '"not going as planned"' },
  { pattern: 'step(?:s|ped|ping)? up', plain: '"do more"' },
  { pattern: '(?:going|moving) forward', plain: '"from now on"' },
  { pattern: 'hit(?:s|ting)? the ground running', plain: '"started well straight away"' },
  { pattern: 'rais(?:e|es|ed|ing) the bar', plain: '"expect more"' },
  { pattern: 'across the board', plain: '"everywhere" or "for everyone"' },
  { pattern: 'on the same page', plain: '"agree"' },
  { pattern: 'in a nutshell', plain: '"in short"' },
  { pattern: 'at the end of the day', plain: 'nothing: leave it out' },
  { pattern: 'the bigger picture', plain: 'what you mean, such as "everything together"' },
  { pattern: 'low hanging fruit', plain: '"easy changes"' },
  { pattern: 'touch(?:es|ed|ing)? base', plain: '"talk" or "meet"' },
  { pattern: 'think(?:s|ing)? outside the box', plain: '"think of new ideas"' },
  { pattern: 'work(?:s|ed|ing)? in silos', plain: '"work apart"' },
  { pattern: 'per se', plain: '"on its own"', foreign: true },
  { pattern: 'ad hoc', plain: '"when needed"', foreign: true },
  { pattern: 'via', plain: '"through" or "by"', foreign: true },
  { pattern: 'bona fide', plain: '"real"', foreign: true },
  { pattern: 'de facto', plain: '"in practice"', foreign: true },
  { pattern: 'status quo', plain: '"how things are now"', foreign: true },
  { pattern: 'inter alia', plain: '"among other things"', foreign: true },
  { pattern: 'vice versa', plain: '"the other way round"', foreign: true },
  { pattern: 'pro rata', plain: '"in proportion"', foreign: true },
  { pattern: 'vis [aà] vis', plain: '"about" or "compared with"', foreign: true },
  { pattern: 'a priori', plain: '"from the start"', foreign: true },
];
const FIGURE_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${FIGURES.map((f) => `(${f.pattern.replace(/ /g, '[\\s-]+')})`).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, dozen: 12 };
/** "one" is a pronoun after these words ("no one", "the one", "each one"). */
const ONE_AS_PRONOUN_AFTER = new Set(['no', 'the', 'this', 'that', 'each', 'every', 'any', 'which', 'only', 'other', 'little', 'right', 'wrong', 'last', 'first', 'next', 'same', 'another', 'special', 'loved']);

/** The value of a number word such as "twenty-one", or undefined. */
function smallNumber(word: string): number | undefined {
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
function numberRuns(words: readonly WordAt[], text: string): NumberRun[] {
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

const PERCENT_PATTERN = /(?<![\p{L}\p{N}.,])(\d+(?:[.,]\d+)?|[a-z]+(?:[-‐][a-z]+)?)\s?(%|per\s?cent\b|percent\b)/giu;

/** "about 6 out of 10" for 63: percentages rounded to tenths. */
export function percentageInWords(percent: number): string {
  if (percent <= 0) return 'none';
  if (percent >= 100) return percent === 100 ? 'all' : 'more than all of them';
  const tenths = Math.round(percent / 10);
  if (tenths === 0) return 'fewer than 1 out of 10';
  if (tenths === 10) return 'almost all';
  return `${percent % 10 === 0 ? '' : 'about '}${tenths} out of 10`;
}

/* ------------------------------------------------------------------------------------------------
 * The checks
 * ---------------------------------------------------------------------------------------------- */

interface Range {
  start: number;
  end: number;
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

/** Replaces explained hard words, names (capitalised words after the first) and web addresses with "it". */
function maskExplained(text: string, glossaryIn: (text: string) => Range[]): string {
  const ranges = [...glossaryIn(text)];
  for (const match of text.matchAll(/\b[\w-]+(?:\.[\w-]+)+(?:\/\S*)?/g)) if (/\.(uk|org|com|net|gov|wales)\b/.test(match[0])) ranges.push({ start: match.index, end: match.index + match[0].length });
  for (const match of text.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu)) ranges.push({ start: match.index, end: match.index + match[0].length });
  let masked = text;
  for (const range of ranges.sort((a, b) => b.start - a.start)) {
    const length = range.end - range.start;
    if (length >= 2) masked = masked.slice(0, range.start) + 'it'.padEnd(length, ' ') + masked.slice(range.end);
  }
  return masked;
}

function glossaryMatcher(glossary: readonly GlossaryTerm[]): (text: string) => Range[] {
  return (text) => findTerms(text, glossary);
}

const quote = (text: string) => `"${text}"`;

/** Full forms instead of short forms in suggestions (retext-simplify suggests "didn’t"). */
const expandContractions = (text: string) =>
  text.replace(/\b[\p{L}]+['’][\p{L}]+\b/gu, (word) => {
    const full = CONTRACTIONS[word.toLowerCase().replace(/’/g, "'")];
    return full ? full : word;
  });

class Reporter {
  constructor(
    private readonly settings: EasyReadCheckSettings,
    private readonly diagnostics: DiagnosticList,
  ) {}

  on(rule: EasyReadRuleId): boolean {
    return this.settings[rule].severity !== 'off';
  }

  /** Reports at the rule's severity; `level` asks for a lower one ("warning" for a long but not too long sentence). */
  add(rule: EasyReadRuleId, file: string, at: Position, message: string, hint: string, level?: Severity): void {
    const severity = this.settings[rule].severity;
    if (severity === 'off') return;
    this.diagnostics.add(file, at, level === 'warning' ? 'warning' : severity, rule, message, hint);
  }
}

/**
 * Checks the language of every row of one easy-read document in reading order (written by the author,
 * and generated: template text, recommendations' easy-read text, glossary easy-read definitions), each
 * sentence with its own file and position.
 */
export function checkEasyReadLanguage(rows: readonly RowToCheck[], glossary: readonly GlossaryTerm[], settings: EasyReadCheckSettings, diagnostics: DiagnosticList): void {
  const report = new Reporter(settings, diagnostics);
  const read = readerFor(settings.readability.age, settings.readability.agreement);
  const glossaryIn = glossaryMatcher(glossary);
  const glossaryWords = new Set(glossary.flatMap((term) => [term.term, ...term.aliases]));
  const allowedCapitals = new Set(settings.acronym.allow);
  const hardWordIgnored = new Set(settings['hard-word'].ignore.map((phrase) => phrase.toLowerCase().replace(/\s+/g, '-')));
  const totals = { words: 0, syllables: 0, sentences: 0 };

  const toRead = rows.flatMap((row) => row.sentences).filter((sentence) => sentence.text.trim() !== '');
  const texts = read(toRead.map((sentence) => sentence.text));
  // Reading age is judged without the words the reader is helped with: hard words explained in the
  // hard-words list, names, and web addresses. Masked to the same length, so offsets still match.
  if (report.on('readability')) {
    const masked = read(toRead.map((sentence) => maskExplained(sentence.text, glossaryIn)));
    texts.forEach((text, index) => {
      text.findings = [...text.findings.filter((f) => f.source !== 'retext-readability'), ...masked[index]!.findings.filter((f) => f.source === 'retext-readability')];
    });
  }
  const readOf = new Map(toRead.map((sentence, index) => [sentence, texts[index]!]));

  for (const row of rows) {
    if (report.on('row-length') && row.sentences.length > settings['row-length'].maxSentences) {
      const max = settings['row-length'].maxSentences;
      report.add(
        'row-length',
        row.file,
        row.at,
        `this group has ${row.sentences.length} sentences beside one picture: easy read has ${max} or fewer`,
        `split it into ${Math.ceil(row.sentences.length / max)} groups, each with its own picture`,
      );
    }
    for (const sentence of row.sentences) {
      if (sentence.inlines && report.on('italic')) checkItalic(sentence, report);
      const readText = readOf.get(sentence);
      if (!readText) continue;
      checkSentence(sentence, readText, { report, settings, glossaryIn, glossaryWords, allowedCapitals, hardWordIgnored, totals });
    }
  }

  const grade = gradeOf(totals.words, totals.syllables, totals.sentences);
  const first = rows[0];
  if (first && report.on('readability') && grade > settings.readability.maxGrade) {
    const wordsPerSentence = totals.words / totals.sentences;
    const syllablesPerWord = totals.syllables / totals.words;
    report.add(
      'readability',
      first.file,
      first.at,
      `the whole easy-read version is at reading grade ${grade.toFixed(1)} (Flesch–Kincaid, a reading age of about ${Math.round(grade + 5)}): easy read aims for grade ${settings.readability.maxGrade} or below`,
      `sentences have ${wordsPerSentence.toFixed(1)} words on average and words ${syllablesPerWord.toFixed(2)} syllables: use shorter sentences and shorter, everyday words, starting with the sentences marked "readability"`,
    );
  }
}

interface SentenceContext {
  report: Reporter;
  settings: EasyReadCheckSettings;
  glossaryIn: (text: string) => Range[];
  glossaryWords: ReadonlySet<string>;
  allowedCapitals: ReadonlySet<string>;
  hardWordIgnored: ReadonlySet<string>;
  totals: { words: number; syllables: number; sentences: number };
}

function checkSentence(sentence: SentenceToCheck, readText: ReadText, context: SentenceContext): void {
  const { report, settings } = context;
  const { text, file } = sentence;
  const locate = locator(sentence);
  const { sentences, findings } = readText;
  const words = sentences.flatMap((s) => s.words);
  const glossaryRanges = context.glossaryIn(text);
  /** What other rules already said about a stretch of text, so retext-simplify does not say it again. */
  const claimed: Range[] = [...glossaryRanges];

  context.totals.sentences += sentences.length;
  context.totals.words += words.length;
  for (const word of words) context.totals.syllables += syllablesOf(word.text);

  // 2. One sentence per line.
  const second = sentences[1];
  if (second && report.on('one-sentence-per-line')) {
    report.add(
      'one-sentence-per-line',
      file,
      locate(second.start),
      `this line has ${sentences.length} sentences: easy read has one sentence on each line`,
      `start a new line before ${quote(second.words.slice(0, 3).map((w) => w.text).join(' '))}`,
    );
  }

  // 1. Sentence length.
  if (report.on('sentence-length')) {
    const { warningAbove, errorAbove } = settings['sentence-length'];
    for (const read of sentences) {
      const count = read.words.length;
      if (count <= warningAbove) continue;
      const level: Severity = count > errorAbove ? 'error' : 'warning';
      report.add('sentence-length', file, locate(read.start), `this sentence has ${count} words: easy read uses ${warningAbove} or fewer${level === 'error' ? `, and more than ${errorAbove} is too many` : ''}`, splitHint(read), level);
    }
  }

  // 4. Abbreviations, short forms and words in capitals.
  if (report.on('abbreviation')) {
    for (const match of text.matchAll(ABBREVIATION_PATTERN)) {
      const index = match.slice(1).findIndex((group) => group !== undefined);
      const abbreviation = ABBREVIATIONS[index]!;
      claimed.push({ start: match.index, end: match.index + match[0].length });
      report.add('abbreviation', file, locate(match.index), `${quote(match[0])} is an abbreviation: many readers do not know what it means`, `write ${abbreviation.full} instead`);
    }
  }
  for (const word of words) {
    const normal = word.text.replace(/’/g, "'");
    const lower = normal.toLowerCase();
    if (normal.includes("'") && report.on('contraction')) {
      const full = CONTRACTIONS[lower] ?? (lower.endsWith("n't") ? `${normal.slice(0, -3)} not` : undefined);
      if (full) {
        const written = /^\p{Lu}/u.test(word.text) ? full.charAt(0).toUpperCase() + full.slice(1) : full;
        claimed.push(word);
        report.add('contraction', file, locate(word.start), `${quote(word.text)} is a short form: write the words in full`, `write ${quote(written)}`);
      }
    }
    if (report.on('acronym')) {
      // "YOS", "YOSs", "YOS's": the letters in capitals, without a plural or possessive ending.
      const core = normal.replace(/'s$/i, '').replace(/(?<=\p{Lu})s$/u, '');
      if (/^\p{Lu}{2,}$/u.test(core) && !context.glossaryWords.has(core) && !context.glossaryWords.has(normal.replace(/'s$/i, '')) && !context.allowedCapitals.has(core)) {
        report.add(
          'acronym',
          file,
          locate(word.start),
          `${quote(core)} is written in capitals: readers may not know what it stands for`,
          `write the words in full, or explain it in the glossary (content/glossary/terms.yaml) with an easy-read definition; if the capitals are for emphasis, write it in small letters and in bold (**${core.toLowerCase()}**)`,
        );
      }
    }
  }

  // 6. Figures of speech and foreign words.
  if (report.on('figurative')) {
    for (const match of text.matchAll(FIGURE_PATTERN)) {
      const figure = FIGURES[match.slice(1).findIndex((group) => group !== undefined)]!;
      claimed.push({ start: match.index, end: match.index + match[0].length });
      report.add(
        'figurative',
        file,
        locate(match.index),
        figure.foreign ? `${quote(match[0])} is a foreign phrase: many readers will not know it` : `${quote(match[0])} is a figure of speech: some readers take it word for word`,
        `say plainly what you mean, such as ${figure.plain}`,
      );
    }
  }

  // 7. Numbers: digits, and no percentages.
  const percentages: Range[] = [];
  if (report.on('percentage')) {
    for (const match of text.matchAll(PERCENT_PATTERN)) {
      const written = match[1]!;
      const value = /^\d/.test(written) ? Number(written.replace(',', '.')) : smallNumber(written);
      const range = { start: match.index, end: match.index + match[0].length };
      percentages.push(range);
      claimed.push(range);
      const hint =
        value === undefined
          ? 'write how many out of 10, such as "about 6 out of 10"'
          : value > 100
            ? 'say what it means in words, such as "more than twice as many"'
            : `write ${quote(percentageInWords(value))} instead${value > 0 && value < 100 && value % 10 !== 0 ? ` (${value} out of 100 is too exact: round to the nearest 10)` : ''}`;
      report.add('percentage', file, locate(match.index), `${quote(match[0])} is a percentage: many readers do not understand percentages`, hint);
    }
  }
  if (report.on('number-words')) {
    for (const run of numberRuns(words, text)) {
      if (percentages.some((range) => overlaps(range, run))) continue;
      claimed.push(run);
      report.add('number-words', file, locate(run.start), `${quote(run.text)} is a number written in words: numbers are easier to read in digits`, `write ${quote(run.value.toLocaleString('en-GB'))}`);
    }
  }

  // 3. Passive voice: retext-passive (irregular verbs: "were given"), and regular verbs ("were checked").
  if (report.on('passive-voice')) {
    for (const passive of passiveVerbs(words, text, findings)) {
      report.add(
        'passive-voice',
        file,
        locate(passive.start),
        `${quote(passive.phrase)} may be passive: the sentence may not say who did it`,
        'say who does what, such as "Workers checked the plans" rather than "The plans were checked"',
      );
    }
  }

  // 5, 9: what retext-simplify and retext-readability found.
  const readabilityReported = new Set<number>();
  for (const message of findings) {
    const { offset, actual } = message;
    if (message.source === 'retext-simplify' && report.on('hard-word')) {
      const range = { start: offset, end: offset + actual.length };
      if (context.hardWordIgnored.has(message.ruleId) || claimed.some((other) => overlaps(other, range))) continue;
      const expected = message.expected.map((e) => quote(expandContractions(e)));
      const omit = /remove it/.test(message.reason);
      const alternatives = expected.length > 0 ? `use ${expected.join(' or ')}` : '';
      report.add(
        'hard-word',
        file,
        locate(offset),
        `${quote(actual)} is a hard word${expected.length > 0 ? ' with a simpler one' : ''}`,
        omit ? `leave it out${alternatives ? `, or ${alternatives}` : ''}` : alternatives ? `${alternatives} instead, or explain it in the next sentence` : 'explain it in the next sentence',
      );
    } else if (message.source === 'retext-readability' && report.on('readability')) {
      // The plugin speaks once per level of agreement it reaches: one warning per sentence is enough.
      const sentenceStart = sentences.find((s) => offset < (s.words.at(-1)?.end ?? 0))?.words[0]?.start ?? offset;
      if (readabilityReported.has(sentenceStart)) continue;
      readabilityReported.add(sentenceStart);
      const agree = /all (\d+)/.exec(message.reason) ? 'all 7' : (/(\d+) out of (\d+)/.exec(message.reason)?.slice(1, 3).join(' of ') ?? 'most');
      const sentenceWords = sentences.find((s) => offset < (s.words.at(-1)?.end ?? 0))?.words ?? words;
      const long = [...new Set(sentenceWords.filter((w) => syllablesOf(w.text) >= 3 && smallNumber(w.text) === undefined && !glossaryRanges.some((r) => overlaps(r, w))).map((w) => w.text))];
      report.add(
        'readability',
        file,
        locate(offset),
        `this sentence may be hard to read at age ${settings.readability.age} (${agree} reading tests say so)`,
        long.length > 0 ? `use shorter, everyday words instead of ${long.slice(0, 3).map(quote).join(', ')}, or split the sentence` : 'use fewer and shorter words, or split the sentence in 2',
      );
    }
  }
}

const BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Words that may stand between "were" and the verb: "were not checked", "were always checked". */
const BETWEEN = new Set(['not', 'never', 'always', 'often', 'also', 'all', 'usually', 'sometimes', 'only', 'still', 'then', 'now']);
/** Words in -ed that are mostly describing words after "be" ("were worried"), not passive verbs. */
const ED_ADJECTIVES = new Set([
  'tired', 'worried', 'interested', 'pleased', 'scared', 'excited', 'bored', 'surprised', 'annoyed', 'confused', 'frightened',
  'concerned', 'based', 'involved', 'qualified', 'skilled', 'experienced', 'motivated', 'committed', 'dedicated', 'focused',
  'determined', 'relaxed', 'ashamed', 'embarrassed', 'disappointed', 'satisfied', 'shocked', 'married', 'supposed', 'used',
]);

/**
 * Verbs that may be passive. retext-passive knows about 200 irregular verbs right after a form of
 * "be" ("were given"); regular ones ("were checked", "were not checked") are found here the same
 * simple way: a form of "be", perhaps "not" or "always", then a word ending in -ed.
 */
function passiveVerbs(words: readonly WordAt[], text: string, findings: readonly Finding[]): { start: number; phrase: string }[] {
  const found = new Map<number, { start: number; phrase: string }>();
  for (const finding of findings) {
    if (finding.source !== 'retext-passive') continue;
    const verb = /(\p{L}+)\s+$/u.exec(text.slice(0, finding.offset));
    found.set(finding.offset, { start: verb ? verb.index : finding.offset, phrase: verb ? `${verb[1]} ${finding.actual}` : finding.actual });
  }
  const adjacent = (a: WordAt, b: WordAt) => /^\s+$/.test(text.slice(a.end, b.start));
  words.forEach((be, index) => {
    if (!BE.has(be.text.toLowerCase())) return;
    let next = words[index + 1];
    if (!next || !adjacent(be, next)) return;
    if (BETWEEN.has(next.text.toLowerCase())) {
      const after = words[index + 2];
      if (!after || !adjacent(next, after)) return;
      next = after;
    }
    const lower = next.text.toLowerCase();
    if (found.has(next.start) || lower.length <= 4 || !lower.endsWith('ed') || ED_ADJECTIVES.has(lower)) return;
    found.set(next.start, { start: be.start, phrase: text.slice(be.start, next.end) });
  });
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** "split it before "because"": the conjunction nearest the middle, not among the first or last 3 words. */
function splitHint(sentence: ReadSentence): string {
  const { words } = sentence;
  const middle = words.length / 2;
  let best: number | undefined;
  for (let i = 3; i < words.length - 3; i += 1) {
    if (CONJUNCTIONS.has(words[i]!.text.toLowerCase()) && (best === undefined || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  if (best === undefined) return 'split it into 2 or more short sentences, with one idea in each';
  const word = words[best]!.text;
  return `split it into 2 sentences at ${quote(word.toLowerCase())} (word ${best + 1}): end the first sentence before it and start a new one`;
}

/** 13. Italics and underlining in a sentence as written. */
function checkItalic(sentence: SentenceToCheck, report: Reporter): void {
  const at = (node: PhrasingContent): Position => (node.position ? { line: node.position.start.line, column: node.position.start.column } : sentence.at);
  const plainText = (node: PhrasingContent): string => {
    if ('value' in node && typeof node.value === 'string') return node.value;
    if ('children' in node) return (node.children as PhrasingContent[]).map(plainText).join('');
    return '';
  };
  const walk = (node: PhrasingContent) => {
    const jsx = node.type === 'mdxJsxTextElement' ? (node.name ?? '').toLowerCase() : '';
    if (node.type === 'emphasis' || jsx === 'em' || jsx === 'i' || jsx === 'u') {
      const words = plainText(node).replace(/\s+/g, ' ').trim();
      const how = jsx === 'u' ? 'underlined' : 'in italics';
      report.add('italic', sentence.file, at(node), `${quote(words)} is ${how}: ${how === 'underlined' ? 'underlining makes words' : 'italics are'} hard to read`, `use bold for emphasis, never ${jsx === 'u' ? 'underlining' : 'italics'}: write **${words}**`);
    }
    if ('children' in node) for (const child of node.children as PhrasingContent[]) walk(child);
  };
  for (const node of sentence.inlines ?? []) walk(node);
}
