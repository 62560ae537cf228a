/** mdx-expression: {expressions}, imports and exports, which would run code (comments are fine). */
import { isComment, NO_CODE, positionOf, walk, type NarrativeRule } from './narrative.ts';

/** The start of some code, on one line, for a message. */
function shorten(code: string): string {
  const line = code.trim().split('\n')[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

export const mdxExpression: NarrativeRule = {
  name: 'mdx-expression',
  check({ tree, componentList }, report) {
    walk(tree, (node) => {
      if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !isComment(node)) {
        report(positionOf(node), `{${shorten(node.value)}} is an expression: ${NO_CODE}`, 'to write a brace, write &#123; or \\{; to leave a note for colleagues, write {/* note */}');
      } else if (node.type === 'mdxjsEsm') {
        report(positionOf(node), `"${shorten(node.value)}" is an import or export: ${NO_CODE}`, `remove the line; components need no import: ${componentList}`);
      }
    });
  },
};
