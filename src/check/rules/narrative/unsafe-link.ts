/** unsafe-link: a link (or link definition) to an address the link policy refuses (src/model/url-policy.ts). */
import { LINK_POLICY_HINT, unsafeLinkMessage } from '../../../model/url-policy.ts';
import { positionOf, walk, type NarrativeRule } from './narrative.ts';

export const unsafeLink: NarrativeRule = {
  name: 'unsafe-link',
  check({ tree }, report) {
    walk(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const message = unsafeLinkMessage(node.url);
      if (message) report(positionOf(node), message, LINK_POLICY_HINT);
    });
  },
};
