/**
 * For tests of outputs built from the project read in Welsh: the English words that must not be in
 * them (for every message of some areas whose Welsh differs, the literal words of its English text,
 * in every plural and select branch and inside tags, split at placeholders: a Welsh output holding
 * one has an English word typed in code, or taken from the wrong language's messages), and the
 * text of a document's blocks and of a component.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { inlineText, type Block, type TableCell } from '../../src/document/blocks.ts';
import { MESSAGE_KEYS } from '../../src/model/message-keys.ts';
import type { Lang } from '../../src/model/language.ts';
import type { Messages } from '../../src/model/messages.ts';

function literals(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select) return Object.values(element.options).flatMap((option) => literals(option.value));
    if (element.type === TYPE.tag) return literals(element.children);
    return [];
  });
}

export interface EnglishWords {
  /** Literal runs of at least `minLength` characters: none may appear anywhere in the Welsh text. */
  fragments: string[];
  /** Whole English texts of the messages without placeholders, however short ("Status", "Done"): no Welsh text node may be one of them. */
  wholeTexts: Set<string>;
}

/** The English words of the messages whose key matches `areas` (and the code uses) that differ in Welsh. */
export function englishWords(en: Messages, cy: Messages, areas: RegExp, minLength = 12): EnglishWords {
  const keys = [...MESSAGE_KEYS].filter((key) => areas.test(key) && en.texts([key])[key] !== cy.texts([key])[key]);
  const fragments = new Set<string>();
  const wholeTexts = new Set<string>();
  for (const key of keys) {
    const elements = parse(en.texts([key])[key]!);
    const runs = literals(elements).map((run) => run.trim());
    // Words the Welsh keeps as they are (ids such as requires-improvement, column names, a select's
    // option names such as reinspection, which a Welsh output may carry as an id) are not English words.
    const welshText = cy.texts([key])[key]!;
    const welsh = `${welshText}\n${literals(parse(welshText)).join(' ')}`;
    for (const run of runs) if (run.length >= minLength && !welsh.includes(run)) fragments.add(run);
    if (elements.every((element) => element.type === TYPE.literal)) wholeTexts.add(runs.join('').trim());
  }
  return { fragments: [...fragments], wholeTexts };
}

/**
 * The literal words of the English messages of these areas (keys matching `areas`) whose Welsh
 * differs, at least `shortest` characters long (the annual report's test: its texts are long).
 */
export function englishFragments(messages: Record<Lang, Messages>, areas: RegExp, shortest = 12): string[] {
  return englishWords(messages.en, messages.cy, areas, shortest).fragments;
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

