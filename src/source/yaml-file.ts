/**
 * Reads a YAML file keeping the source positions of every key and value, so errors can point at them.
 *
 * Content files are plain data, so the reader accepts only plain data: the YAML 1.2 core schema
 * (text, numbers, true/false, null, lists and mappings) and no other tags (`!!js/function`,
 * `!!binary`, `!anything`); each key once in its mapping; no keys named `__proto__`,
 * `constructor` or `prototype`, which mean something to JavaScript objects; and aliases
 * (`*name`) that repeat a value fewer than MAX_ALIAS_COUNT times, so a small file cannot expand into
 * gigabytes (the "billion laughs"). Each is reported at the place it is written, never thrown.
 */
import { isCollection, isPair, isScalar, isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair } from 'yaml';
import type { Position } from '../model/position.ts';
import { explainSyntaxErrors, quoted } from './yaml-syntax.ts';

/** Aliases may repeat a value fewer times than this, the anchored value counted (the yaml package's default, made explicit). */
export const MAX_ALIAS_COUNT = 100;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Something in the file that stops it being read as data; `rule` names it in diagnostics. */
export interface YamlProblem {
  rule: 'yaml-syntax' | 'duplicate-key' | 'yaml-tag' | 'yaml-key' | 'yaml-alias';
  message: string;
  hint: string;
  at: Position;
}

export interface YamlSource {
  /** The data; undefined when the file has any problem. */
  data: unknown;
  /** Syntax errors and the other problems above, already with positions. */
  syntaxErrors: YamlProblem[];
  /** Where a value (or, if it is missing, the nearest existing parent) is written. */
  positionOf(path: readonly PropertyKey[], target?: 'key' | 'value'): Position;
  /**
   * For a file with syntax errors only: a top-level text value written wholly above the first error
   * ("framework: youth-2021"), so that the files which need only that can still be checked.
   */
  textAbove?(key: string): string | undefined;
  /** For a file without problems: its data and places as plain data, to keep and read back (yamlSourceOf). */
  stored?: StoredYaml;
}

/**
 * A file's data and places, as plain data: what a YamlSource of a file without problems holds, so
 * the check's cache (src/check/check-cache.ts) can keep it by the file's text.
 */
export interface StoredYaml {
  data: unknown;
  places: Places | null;
}

/** Where each node of the document starts; a mapping's keys and a list's items, with theirs. */
export interface Places {
  at: Position | null;
  map?: [key: string, keyAt: Position | null, value: Places | null][];
  seq?: (Places | null)[];
}

export interface YamlStore {
  get(text: string): StoredYaml | undefined;
  set(text: string, stored: StoredYaml): void;
}

let store: YamlStore | undefined;

/** Has readYaml keep what it reads in `next` (undefined: none) until told otherwise; returns the store it replaces. */
export function useYamlStore(next: YamlStore | undefined): YamlStore | undefined {
  const previous = store;
  store = next;
  return previous;
}

/** Reads YAML text: from the store when it holds the text (a file without problems), else parsed. */
export function readYaml(text: string): YamlSource {
  const stored = store?.get(text);
  if (stored) return yamlSourceOf(stored);
  const { source, stored: storable } = parseYaml(text);
  if (storable) store?.set(text, storable);
  return source;
}

/** The YamlSource of a file without problems, from its stored data and places. */
export function yamlSourceOf(stored: StoredYaml): YamlSource {
  return { data: stored.data, syntaxErrors: [], positionOf: positionInPlaces(stored.places), stored };
}

function parseYaml(text: string): { source: YamlSource; stored?: StoredYaml } {
  const lineCounter = new LineCounter();
  // resolveKnownTags: false leaves out the YAML 1.1 tags (!!binary, !!set, !!timestamp…) the core schema would otherwise accept.
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core', resolveKnownTags: false });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const keys = keysByOffset(doc);
  const problems: YamlProblem[] = doc.errors
    .filter((error) => error.code === 'DUPLICATE_KEY')
    .map((error) => ({ rule: 'duplicate-key', message: `"${keys.get(error.pos[0]) ?? text.slice(...error.pos)}" is written twice in the same mapping: the second would silently replace the first`, hint: 'keep one of them, with everything it should say', at: toPosition(error.pos[0]) }));
  const syntax = explainSyntaxErrors(doc.errors.filter((error) => error.code !== 'DUPLICATE_KEY'), text, toPosition);
  problems.push(...syntax.map(({ message, hint, at }) => ({ rule: 'yaml-syntax' as const, message, hint, at })));
  // After a syntax error the parser's view of the rest is unreliable: nothing more is said about it.
  /** A top-level text value written wholly above the first problem of the file. */
  const textAbove = (key: string): string | undefined => {
    const firstLine = Math.min(...problems.map((problem) => problem.at.line));
    if (!isMap(doc.contents)) return undefined;
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const value = pair?.value;
    return isScalar(value) && typeof value.value === 'string' && value.range && toPosition(value.range[1]).line < firstLine ? value.value : undefined;
  };
  if (syntax.length) return { source: { data: undefined, syntaxErrors: problems, positionOf: positionIn(doc, toPosition), textAbove } };
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    problems.push({
      rule: 'yaml-tag',
      message: `the tag "${text.slice(...warning.pos)}" is not allowed: content files hold only plain values (text, numbers, dates, true or false), lists and "key: value" pairs`,
      hint: 'delete the tag; a value that starts with "!" is written in quotes',
      at: toPosition(warning.pos[0]),
    });
  }
  problems.push(...keyProblems(doc, toPosition), ...commasInFlowText(doc, text, toPosition));

  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // The yaml package's only ReferenceError: aliases repeating data maxAliasCount times or more.
      if (!(error instanceof ReferenceError)) throw error;
      problems.push({
        rule: 'yaml-alias',
        message: `the aliases (*name) in this file, from here on, repeat data ${MAX_ALIAS_COUNT} times or more: a file that expands like this is refused`,
        hint: 'write the values out in full instead of using &name and *name',
        at: toPosition(firstAlias(doc)?.range?.[0] ?? 0),
      });
    }
  }

  // A file refused for what it holds (a comma in { } text, a key or tag it may not have) is like one with a syntax error.
  if (problems.length) return { source: { data: undefined, syntaxErrors: problems, positionOf: positionIn(doc, toPosition), textAbove } };
  // Only data JSON holds exactly is kept (YAML's .inf, .nan and -0 are not).
  const stored = holdsInJson(data) ? { data, places: placesOf(doc.contents as Node | null, toPosition) } : undefined;
  return { source: { data, syntaxErrors: problems, positionOf: positionIn(doc, toPosition), ...(stored ? { stored } : {}) }, ...(stored ? { stored } : {}) };
}

function holdsInJson(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(holdsInJson);
  if (value !== null && typeof value === 'object') return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(holdsInJson);
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}

/** The places of a node and everything in it (see positionIn, which reads the document the same way). */
function placesOf(node: Node | null, toPosition: (offset: number) => Position): Places | null {
  if (!node) return null;
  const at = node.range ? toPosition(node.range[0]) : null;
  if (isMap(node)) {
    return {
      at,
      map: node.items.map((pair: Pair) => {
        const key = pair.key as Node | null;
        return [String(isScalar(key) ? key.value : key), key?.range ? toPosition(key.range[0]) : null, placesOf(pair.value as Node | null, toPosition)];
      }),
    };
  }
  if (isSeq(node)) return { at, seq: node.items.map((item) => placesOf(item as Node | null, toPosition)) };
  return { at };
}

/** positionIn over stored places: the same answers, without the document. */
function positionInPlaces(places: Places | null): YamlSource['positionOf'] {
  return (path, target = 'value') => {
    let node: Places | null = places;
    let keyAt: Position | null = null;
    let found = true;
    for (const segment of path) {
      const pair = node?.map?.find((entry) => entry[0] === String(segment));
      if (node?.map) {
        if (!pair) {
          found = false;
          break;
        }
        keyAt = pair[1];
        // A key without a value: the key stands for it, as in positionIn.
        node = pair[2] ?? { at: pair[1] };
      } else if (node?.seq && typeof segment === 'number' && node.seq[segment]) {
        keyAt = null;
        node = node.seq[segment];
      } else {
        found = false;
        break;
      }
    }
    const chosen = (target === 'key' || !found) && keyAt ? keyAt : node?.at;
    return chosen ? { ...chosen } : { line: 1, column: 1 };
  };
}

/** Where a value (or, if it is missing, the nearest existing parent) is written in the document. */
function positionIn(doc: Document, toPosition: (offset: number) => Position): YamlSource['positionOf'] {
  return (path, target = 'value') => {
    let node: Node | null = doc.contents as Node | null;
    let keyNode: Node | null = null;
    let found = true;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item: Pair) => String(isScalar(item.key) ? item.key.value : item.key) === String(segment));
        if (!pair) {
          found = false;
          break;
        }
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? keyNode;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        keyNode = null;
        node = node.items[segment] as Node;
      } else {
        found = false;
        break;
      }
    }
    // A missing value is reported at the key of its parent ("ratings:"), where it should be added.
    const chosen = (target === 'key' || !found) && keyNode?.range ? keyNode : node;
    return chosen?.range ? toPosition(chosen.range[0]) : { line: 1, column: 1 };
  };
}

/** Every plain key by where it starts, to name the key a yaml error points at. */
function keysByOffset(doc: Document): Map<number, string> {
  const keys = new Map<number, string>();
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.range) keys.set(pair.key.range[0], String(pair.key.value));
    },
  });
  return keys;
}

/** Keys that are not plain words (a list or mapping as a key), and keys JavaScript objects treat specially. */
function keyProblems(doc: Document, toPosition: (offset: number) => Position): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair)) return;
      const key = pair.key as Node | null;
      const at = toPosition(key?.range?.[0] ?? 0);
      if (isCollection(key)) {
        problems.push({ rule: 'yaml-key', message: 'a key is a list or mapping: keys are single words or numbers', hint: 'write the key as a word, such as "title:"', at });
      } else if (isScalar(key) && RESERVED_KEYS.has(String(key.value))) {
        problems.push({ rule: 'yaml-key', message: `"${String(key.value)}" cannot be used as a key: the tool reserves that name`, hint: 'rename the key, or delete it', at });
      }
    },
  });
  return problems;
}

/**
 * Inside { … } a comma starts the next field, so "evidence: Staff are skilled, well supervised"
 * leaves "well supervised" as a field of its own, with no value. Text with a comma needs quotes.
 */
function commasInFlowText(doc: Document, text: string, toPosition: (offset: number) => Position): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(doc, {
    Map(_, map) {
      if (!map.flow) return;
      // A text cut at its commas: a field with a value, then one or more "fields" of words with none.
      const cut = (pair: Pair | undefined) => {
        const key = pair?.key as Node | null | undefined;
        const empty = pair?.value === null || (isScalar(pair?.value) && pair.value.value === null);
        return empty && isScalar(key) && key.type === 'PLAIN' && /\s/.test(String(key.value)) ? key : undefined;
      };
      map.items.forEach((pair, index) => {
        const key = cut(pair);
        const previous = map.items[index - 1];
        if (!key || !previous || cut(previous) || !isScalar(previous.value) || !isScalar(previous.key)) return;
        let last = key;
        for (let next = index + 1; cut(map.items[next]); next += 1) last = cut(map.items[next])!;
        const [start] = previous.value.range ?? [];
        const end = last.range?.[1];
        if (start === undefined || end === undefined) return;
        const field = String(previous.key.value);
        problems.push({
          rule: 'yaml-syntax',
          message: `the text of "${field}" contains ", " (a comma and a space): inside { } a comma starts another field, so "${String(key.value)}" would be read as one`,
          hint: `put the text in quotes: ${quoted(field, text.slice(start, end))}`,
          at: toPosition(start),
        });
      });
    },
  });
  return problems;
}

/** The first alias (*name) of the document: where repetition starts. */
function firstAlias(doc: Document): Node | undefined {
  let first: Node | undefined;
  visit(doc, { Alias: (_, alias) => ((first = alias), visit.BREAK) });
  return first;
}
