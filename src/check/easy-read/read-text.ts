/**
 * Sentences read with retext-english (words, sentence ends); retext-passive, retext-simplify and
 * retext-readability find passive verbs, hard words and hard sentences. The processor is built once
 * for each readability setting and reads all the sentences of a document in one go.
 */
import type { Root as NlcstRoot, Sentence as NlcstSentence, Word as NlcstWord } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextPassive from 'retext-passive';
import retextReadability from 'retext-readability';
import retextSimplify from 'retext-simplify';
import { syllable } from 'syllable';
import type { PluggableList } from 'unified';
import './word-lists.ts'; // constant-time word lookups for retext-readability

/** What a retext plugin said, at an offset in the sentence's text. */
export interface Finding {
  source: string;
  ruleId: string;
  reason: string;
  actual: string;
  expected: string[];
  offset: number;
}

export interface WordAt {
  text: string;
  start: number;
  end: number;
}

/** A sentence as retext reads it; sentences that retext split after an abbreviation ("No. 5") are joined again. */
export interface ReadSentence {
  start: number;
  words: WordAt[];
}

/** One text (a line of the document) read: its sentences, and what the plugins found in it. */
export interface ReadText {
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

/** Which plugins a reading runs: only those whose findings a rule that is on reads. */
export interface Reading {
  passive: boolean;
  simplify: boolean;
  /** retext-readability's settings, or undefined: not run. */
  readability?: { age: number; agreement: number } | undefined;
}

/** One processor per set of plugins and readability settings, built on first use. */
const readers = new Map<string, Reader>();

export function readerFor(reading: Reading): Reader {
  const key = JSON.stringify([reading.passive, reading.simplify, reading.readability?.age, reading.readability?.agreement]);
  const existing = readers.get(key);
  if (existing) return existing;
  let captured: NlcstRoot | undefined;
  const capture = () => (tree: NlcstRoot) => {
    captured = tree;
  };
  const plugins: PluggableList = [];
  if (reading.passive) plugins.push(retextPassive);
  if (reading.simplify) plugins.push(retextSimplify);
  if (reading.readability) plugins.push([retextReadability, { age: reading.readability.age, threshold: reading.readability.agreement / READABILITY_TESTS }]);
  const frozen = retext().use(retextEnglish).use(plugins).use(capture).freeze();
  const reader: Reader = (texts) => {
    captured = undefined;
    const joined = texts.join(SEPARATOR);
    const file = frozen.processSync(joined);
    const tree = captured ?? (frozen.parse(joined) as NlcstRoot);
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

/**
 * The nodes of a type in a tree, in document order, not looking inside one found: what
 * unist-util-visit with SKIP finds, without its cost per node (it names a function for each).
 */
function nodesOfType<T>(tree: { type: string; children?: unknown[] }, type: string, found: T[] = []): T[] {
  if (tree.type === type) found.push(tree as T);
  else if (tree.children) for (const child of tree.children) nodesOfType(child as { type: string; children?: unknown[] }, type, found);
  return found;
}

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
  for (const node of nodesOfType<NlcstSentence>(tree, 'SentenceNode')) {
    const index = indexOf(offsetOf(node));
    const base = starts[index]!;
    const words: WordAt[] = nodesOfType<NlcstWord>(node, 'WordNode').map((word) => ({ text: nlcstToString(word), start: offsetOf(word) - base, end: endOf(word) - base }));
    if (words.length === 0) continue;
    const sentences = read[index]!.sentences;
    const previous = sentences.at(-1);
    const lastWord = previous?.words.at(-1);
    if (previous && lastWord && ABBREVIATION_ENDS.has(lastWord.text.toLowerCase().replace(/\.$/, ''))) previous.words.push(...words);
    else sentences.push({ start: words[0]!.start, words });
  }
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
export const syllablesOf = (word: string): number => Math.max(1, syllable(word));

export function gradeOf(words: number, syllables: number, sentences: number): number {
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
