/** raw-html: HTML and code blocks, which neither the page nor the PDF draws. */
import { positionOf, walk, type NarrativeRule } from './narrative.ts';

export const rawHtml: NarrativeRule = {
  name: 'raw-html',
  check({ tree }, report) {
    walk(tree, (node) => {
      if (node.type === 'html') {
        report(positionOf(node), 'HTML is not supported in reports', 'write Markdown instead (**bold**, "- " for a list, "> " for a quote) or use a component');
      } else if (node.type === 'code') {
        report(positionOf(node), 'code blocks (``` fences) are not supported in reports', 'write the text as ordinary paragraphs; to quote someone, start each line with "> "');
      }
    });
  },
};
