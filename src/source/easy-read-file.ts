/**
 * Reads an easy-read source (easy-read.mdx): sections (## headings) of rows, each row a picture
 * followed by its sentences, one sentence per line:
 *
 *     ## What we found
 *
 *     ![A girl talking to a worker](openmoji:woman-raising-hand)
 *     Staff listened to children.
 *     Children said staff were kind.
 *
 * Every sentence keeps its line and column, so the language checks point at the words.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from '../model/position.ts';
import type { EasyReadPicture, EasyReadProblem, EasyReadRow, EasyReadSection, EasyReadSentence, EasyReadSource } from '../model/easy-read-source.ts';
import { readMarkdown } from './markdown-file.ts';

const startOf = (node: { position?: { start: { line: number; column: number } } }): Position => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

export function readEasyRead(text: string): EasyReadSource {
  const markdown = readMarkdown(text);
  if (!markdown.tree) return { sections: [], problems: [], ...(markdown.syntaxError ? { syntaxError: markdown.syntaxError } : {}) };
  return easyReadFromTree(markdown.tree);
}

export function easyReadFromTree(tree: Root): EasyReadSource {
  const sections: EasyReadSection[] = [];
  const problems: EasyReadProblem[] = [];
  let current: EasyReadSection | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      current = { heading: toString(node).trim(), at: startOf(node), rows: [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      problems.push({ at: startOf(node), rule: 'easy-read-shape', message: 'text before the first "## " heading belongs to no section', hint: 'start the file with a section heading, such as "## What this report is about"' });
      continue;
    }
    if (node.type === 'paragraph') {
      current.rows.push(rowFrom(node.children, startOf(node), problems));
      continue;
    }
    problems.push(shapeProblem(node));
  }
  return { sections, problems };
}

function shapeProblem(node: RootContent): EasyReadProblem {
  const what: Record<string, [string, string]> = {
    heading: ['only "## " section headings are used in easy read', 'make it a "## " section, or write it as a sentence'],
    list: ['lists are not used in easy read: each point is its own sentence, on its own line, beside a picture', 'write each point as a sentence on its own line'],
    table: ['tables are hard to read in easy read', 'write what the table says as short sentences'],
    blockquote: ['quotes are written as sentences in easy read', 'write: A child told us: "…"'],
  };
  const [message, hint] = what[node.type] ?? [`${node.type} is not part of the easy-read format`, 'write rows: a picture, then 1 to 5 sentences, one per line'];
  return { at: startOf(node), rule: 'easy-read-shape', message, hint };
}

/** One paragraph: an optional picture first, then sentences split at line ends. */
function rowFrom(children: readonly PhrasingContent[], at: Position, problems: EasyReadProblem[]): EasyReadRow {
  let picture: EasyReadPicture | null = null;
  const rest = [...children];
  const first = rest[0];
  if (first?.type === 'image') {
    picture = { url: first.url, alt: (first.alt ?? '').trim(), at: startOf(first) };
    rest.shift();
  }
  for (const node of rest) {
    if (node.type === 'image') problems.push({ at: startOf(node), rule: 'easy-read-shape', message: 'a row has one picture, at its start', hint: 'start a new row (a blank line, then the picture) for the second picture' });
  }
  const sentences: EasyReadSentence[] = [];
  let line: PhrasingContent[] = [];
  let lineAt: Position | undefined;
  const finish = () => {
    const text = line.map((n) => toString(n)).join('').replace(/\s+/g, ' ').trim();
    if (text !== '' || line.some((n) => n.type === 'mdxJsxTextElement')) sentences.push({ inlines: line, text, at: lineAt ?? at });
    line = [];
    lineAt = undefined;
  };
  for (const node of rest) {
    if (node.type === 'image') continue;
    if (node.type === 'break') {
      finish();
      continue;
    }
    if (node.type !== 'text') {
      lineAt ??= startOf(node);
      line.push(node);
      continue;
    }
    // A text node may hold several lines: split it, keeping where each line starts.
    const start = startOf(node);
    let lineNo = start.line;
    let column = start.column;
    const parts = node.value.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) {
        finish();
        lineNo += 1;
        column = 1;
      }
      const leading = part.length - part.trimStart().length;
      if (part.trim() !== '') {
        lineAt ??= { line: lineNo, column: column + leading };
        line.push({ type: 'text', value: part, position: { start: { line: lineNo, column, offset: 0 }, end: { line: lineNo, column: column + part.length, offset: 0 } } });
      }
    });
  }
  finish();
  return { picture, sentences, at };
}
