/** Positions: an offset in a sentence's plain text → line and column in its file. */
import type { PhrasingContent } from 'mdast';
import type { Locate, SentenceToCheck } from './rule.ts';

interface SourceChar {
  char: string;
  column: number;
}

/**
 * The plain text is the sentence's inlines joined and with white space collapsed, so bold and links
 * move words to the right of where they are in the text. Where the inlines have positions, every
 * character is traced back to its own column; otherwise column = sentence column + offset.
 */
export function locator(sentence: SentenceToCheck): Locate {
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
