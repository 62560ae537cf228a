/** unknown-component: a tag that is no component (HTML, a misspelling, an empty <>). */
import { allComponents, componentNamed } from '../../../document/components.ts';
import { closest } from '../../schema-issues.ts';
import { positionOf, tagOf, walk, type NarrativeRule } from './narrative.ts';

export const unknownComponent: NarrativeRule = {
  name: 'unknown-component',
  check({ tree, usable, componentList }, report) {
    walk(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const at = positionOf(node);
      if (!node.name) {
        report(at, 'an empty tag <> is not a component', `remove the <> and </>; components are: ${componentList}`);
        return;
      }
      if (componentNamed(node.name)) return;
      const near = closest(node.name, allComponents().filter(usable).map((c) => c.name));
      const nearTag = near ? tagOf(componentNamed(near)!) : undefined;
      if (/^[a-z]/.test(node.name) && !near) {
        report(at, `<${node.name}> is HTML, which reports do not support`, `write Markdown instead (a blank line for a new paragraph, **bold**, "- " for a list); components are: ${componentList}`);
      } else {
        report(at, `<${node.name}> is not a component reports can use${nearTag ? `: did you mean ${nearTag}?` : ''}`, `${nearTag ? `write ${nearTag}; ` : ''}components are: ${componentList}`);
      }
    });
  },
};
