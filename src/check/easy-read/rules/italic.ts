/** 13. Italics and underlining in a sentence as written. */
import type { PhrasingContent } from 'mdast';
import type { Position } from '../../../model/position.ts';
import { quote, type SentenceRule } from '../rule.ts';

const plainText = (node: PhrasingContent): string => {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as PhrasingContent[]).map(plainText).join('');
  return '';
};

export const italic: SentenceRule = {
  id: 'italic',
  check({ written }, report) {
    const at = (node: PhrasingContent): Position => (node.position ? { line: node.position.start.line, column: node.position.start.column } : written.at);
    const walk = (node: PhrasingContent) => {
      const jsx = node.type === 'mdxJsxTextElement' ? (node.name ?? '').toLowerCase() : '';
      if (node.type === 'emphasis' || jsx === 'em' || jsx === 'i' || jsx === 'u') {
        const words = plainText(node).replace(/\s+/g, ' ').trim();
        const how = jsx === 'u' ? 'underlined' : 'in italics';
        report(at(node), `${quote(words)} is ${how}: ${how === 'underlined' ? 'underlining makes words' : 'italics are'} hard to read`, `use bold for emphasis, never ${jsx === 'u' ? 'underlining' : 'italics'}: write **${words}**`);
      }
      if ('children' in node) for (const child of node.children as PhrasingContent[]) walk(child);
    };
    for (const node of written.inlines ?? []) walk(node);
  },
};
