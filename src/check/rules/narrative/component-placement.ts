/** component-placement: a component where it cannot be drawn (in a heading, a block inside a sentence) or holding what it cannot. */
import { exampleOf, positionOf, tagOf, walkComponents, type NarrativeRule } from './narrative.ts';

export const componentPlacement: NarrativeRule = {
  name: 'component-placement',
  check(narrative, report) {
    walkComponents(narrative, (node, component, parent, place) => {
      const at = positionOf(node);
      if (place.inHeading) {
        report(at, `<${component.name}> is inside a heading, which is shown as plain text`, 'move the component out of the heading, onto its own line below it');
      } else if (component.kind === 'block' && node.type === 'mdxJsxTextElement') {
        // Alone in its paragraph it is drawn as a block; inside a sentence or a table cell it cannot be.
        const alone = parent?.type === 'paragraph' && parent.children.length === 1;
        if (!alone) {
          report(at, `${tagOf(component)} is a block and cannot stand inside a sentence`, `put ${tagOf(component)} on a line of its own, with a blank line before and after`);
        } else if (component.acceptsChildren && node.children.length > 0) {
          // Written on one line, what is inside is a piece of a sentence, which a box cannot hold.
          report(at, `the text inside <${component.name}> is on the same line as its tags, so it would be left out`, `put the opening tag, the text and the closing tag on lines of their own, with blank lines between: ${exampleOf(component)}`);
        }
      }
      const hasChildren = node.children.some((child) => !(child.type === 'text' && child.value.trim() === ''));
      if (hasChildren && !component.acceptsChildren) {
        report(at, `<${component.name}> does not take anything between its tags`, `write it as one self-closing tag: ${exampleOf(component)}`);
      }
    });
  },
};
