/** Parses an inspection's MDX narrative into its syntax tree and its level-2 sections. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import type { Position } from '../model/position.ts';

export interface NarrativeSection {
  /** The heading text as written, e.g. "2.1 Assessment" or "Foreword". */
  heading: string;
  at: Position;
}

export interface MarkdownSource {
  tree?: Root;
  sections: NarrativeSection[];
  syntaxError?: { message: string; at: Position };
}

export const narrativeParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/**
 * Where parsed narratives can be kept and found again by their text (the check's cache,
 * src/check/check-cache.ts): parsing is the costliest part of checking a report.
 */
export interface MarkdownStore {
  get(text: string): MarkdownSource | undefined;
  set(text: string, parsed: MarkdownSource): void;
}

let store: MarkdownStore | undefined;

/** Has readMarkdown keep its results in `next` (undefined: none) until told otherwise; returns the store it replaces. */
export function useMarkdownStore(next: MarkdownStore | undefined): MarkdownStore | undefined {
  const previous = store;
  store = next;
  return previous;
}

/** The text's syntax tree and sections: from the store when it has them (a copy: the caller may change it), else parsed. */
export function readMarkdown(text: string): MarkdownSource {
  const stored = store?.get(text);
  if (stored) return stored;
  const parsed = parseMarkdown(text);
  store?.set(text, parsed);
  return parsed;
}

export function parseMarkdown(text: string): MarkdownSource {
  let tree: Root;
  try {
    tree = narrativeParser.parse(text) as Root;
  } catch (error) {
    const e = error as { reason?: string; message?: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    const place = e.place && 'start' in e.place && e.place.start ? e.place.start : e.place;
    // An unclosed tag (such as <br>) is reported at the start of its paragraph, or with no place; the tag's own
    // place is only in the text: "Expected a closing tag for `<br>` (3:17-3:21) …".
    const written = /^Expected a closing tag for .*?\((\d+):(\d+)-\d+:\d+\)/.exec(e.reason ?? '');
    if (written) return { sections: [], syntaxError: { message: e.reason!, at: { line: Number(written[1]), column: Number(written[2]) } } };
    return {
      sections: [],
      syntaxError: {
        message: e.reason ?? e.message ?? 'cannot be read as MDX',
        at: { line: (place as { line?: number })?.line ?? e.line ?? 1, column: (place as { column?: number })?.column ?? e.column ?? 1 },
      },
    };
  }
  const sections: NarrativeSection[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      sections.push({ heading: toString(node).trim(), at: { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 } });
    }
  }
  return { tree, sections };
}

/**
 * A copy of a syntax tree without its nodes' places (`position`, on every node and JSX attribute),
 * for the model the renderers draw from once the checks that report places are done: the places
 * were about half of a narrative tree's memory, and nothing after the check reads them. Every other
 * field is kept, in the same order; `data` is shared, not copied.
 */
export function withoutPlaces<T extends object>(tree: T): T {
  return copyWithoutPlaces(tree) as T;
}

function copyWithoutPlaces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyWithoutPlaces);
  if (value === null || typeof value !== 'object' || typeof (value as { type?: unknown }).type !== 'string') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'position') continue;
    copy[key] = key === 'data' ? field : copyWithoutPlaces(field);
  }
  return copy;
}
