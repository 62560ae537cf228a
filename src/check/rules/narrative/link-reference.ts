/** link-reference: [text][label] links and pictures, whose text would be left out. */
import { positionOf, walk, type NarrativeRule } from './narrative.ts';

export const linkReference: NarrativeRule = {
  name: 'link-reference',
  check({ tree }, report) {
    walk(tree, (node) => {
      if (node.type !== 'linkReference' && node.type !== 'imageReference') return;
      const isLink = node.type === 'linkReference';
      report(
        positionOf(node),
        `a ${isLink ? 'link' : 'picture'} written as [text][${node.label ?? node.identifier}] is not supported: its text would be left out`,
        isLink ? 'write the address in the link: [text](https://…)' : 'write the path in the picture: ![alt text](./images/picture.svg)',
      );
    });
  },
};
