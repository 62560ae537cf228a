/** outside-section: anything drawn before the first section heading, which the report leaves out. */
import type { Nodes } from 'mdast';
import { isComment, positionOf, type NarrativeRule } from './narrative.ts';

/** Nodes that draw nothing wherever they are: comments and link definitions. */
function isInvisible(node: Nodes): boolean {
  if (node.type === 'mdxFlowExpression') return isComment(node);
  return node.type === 'definition';
}

export const outsideSection: NarrativeRule = {
  name: 'outside-section',
  check({ tree }, report) {
    for (const node of tree.children) {
      if (node.type === 'heading' && node.depth === 2) return;
      if (!isInvisible(node)) report(positionOf(node), 'this comes before the first section heading, so it is not shown in the report', 'put it under a section heading such as "## Foreword", or delete it');
    }
  },
};
