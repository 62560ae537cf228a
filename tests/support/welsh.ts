/**
 * For tests of outputs built from the project read in Welsh: the English words that must not be in
 * them, and the text of a document's blocks.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { inlineText, type Block, type TableCell } from '../../src/document/blocks.ts';
import { MESSAGE_KEYS } from '../../src/model/message-keys.ts';
import type { Project } from '../../src/model/project.ts';

/** The literal words of a message: its text between placeholders, in every plural and select branch and inside tags. */
function literals(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element): string[] => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select) return Object.values(element.options).flatMap((option) => ['\n', ...literals(option.value), '\n']);
    if (element.type === TYPE.tag) return ['\n', ...literals(element.children), '\n'];
    return ['\n'];
  });
}

/**
 * The English words of the messages of some areas (keys matching `areas`) that their Welsh does not
 * have, as the literal text between placeholders: none of them may appear in a Welsh output. Words
 * the Welsh keeps (an id such as requires-improvement, a file name) are left out, and short
 * fragments ("of", "to") are too common to mean anything; rating words come from the framework.
 */
export function englishFragments(project: Project, areas: RegExp, shortest = 12): string[] {
  const en = project.messages.en;
  const cy = project.messages.cy;
  const fragments = [...MESSAGE_KEYS]
    .filter((key) => areas.test(key))
    .flatMap((key) => {
      const welsh = cy.texts([key])[key]!;
      return literals(parse(en.texts([key])[key]!))
        .join('')
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s.length >= shortest && !welsh.includes(s));
    });
  return [...new Set(fragments)];
}

const cellText = (cell: TableCell) => [inlineText(cell.inlines), cell.fullText ?? '', ...(cell.choices ?? [])].join('\n');

/** Every word of some blocks a reader can see or hear: headings, paragraphs, lists, tables (captions, cells, full headers, notes). */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((block): string => {
      switch (block.type) {
        case 'heading':
          return block.text;
        case 'paragraph':
          return inlineText(block.inlines);
        case 'list':
          return block.items.map(blocksText).join('\n');
        case 'quote':
          return blocksText(block.blocks);
        case 'aside':
          return `${block.title}\n${blocksText(block.blocks)}`;
        case 'table':
          return [block.caption, ...[...block.head, ...block.rows].flat().map(cellText), inlineText(block.note ?? [])].join('\n');
        case 'chart':
          return [block.title, block.description, blocksText([block.table])].join('\n');
        case 'rating-line':
          return block.label;
        default:
          return '';
      }
    })
    .join('\n');
}

/** The English values, without placeholders, of the messages of some areas that are too short to look for inside a text ("Key", "Score"): no line of a Welsh output may be one of them. */
export function englishWords(project: Project, areas: RegExp, shortest = 12): string[] {
  const en = project.messages.en;
  const cy = project.messages.cy;
  return [...MESSAGE_KEYS].filter((key) => areas.test(key)).flatMap((key) => {
    const value = en.texts([key])[key]!.trim();
    return value.length < shortest && !/[{}<]/.test(value) && value !== cy.texts([key])[key]!.trim() ? [value] : [];
  });
}

/** Source with every {expression} taken out, nested braces and all. */
function withoutExpressions(source: string): string {
  let depth = 0;
  let kept = '';
  for (const char of source) {
    if (char === '{') depth++;
    if (depth === 0) kept += char;
    if (char === '}') depth = Math.max(0, depth - 1);
  }
  return kept;
}

/** Words an Astro component writes itself: text between its tags, and strings of words in its script (selectors aside). */
export function ownWords(component: string): { markup: string[]; script: string[] } {
  const template = component.split(/^---$/m)[2] ?? '';
  const [markup = '', script = ''] = template.split(/<script>/);
  const words = (texts: string[]) => texts.map((t) => t.trim()).filter((t) => /\p{L}/u.test(t));
  const code = script.replace(/\/\/.*$/gm, '');
  return {
    markup: words(withoutExpressions(markup).split(/<[^>]*>/)),
    script: words([...code.matchAll(/'([^'\n]*)'|`([^`\n]*)`/g)].map((m) => m[1] ?? m[2] ?? '').filter((t) => /\p{L}{2,} \p{L}{2,}/u.test(t.replace(/\$\{[^}]*\}/g, '')) && !/^[.[]/.test(t))),
  };
}

