/**
 * component-context: each component says which kind of narrative it can be used in, so the figures
 * across an annual report's inspections are errors in an inspection's report, and an inspection's
 * ratings in an annual report.
 */
import type { NarrativeKind } from '../../../document/components.ts';
import { componentNamed } from '../../../document/components.ts';
import { positionOf, tagOf, walk, type NarrativeRule } from './narrative.ts';

const KIND_NAMES: Record<NarrativeKind, { name: string; file: string }> = {
  inspection: { name: "an inspection's report", file: 'content/inspections/<slug>/report.mdx' },
  'annual-report': { name: 'an annual report', file: 'content/annual-reports/<year>.mdx' },
  thematic: { name: 'a thematic report', file: 'content/thematic/<slug>/report.mdx' },
};

export const componentContext: NarrativeRule = {
  name: 'component-context',
  check({ tree, kind, usable, componentList }, report) {
    walk(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const component = node.name ? componentNamed(node.name) : undefined;
      if (!component || usable(component)) return;
      const home = KIND_NAMES[component.context!];
      report(positionOf(node), `${tagOf(component)} draws on the data of ${home.name}, so it cannot be used in ${KIND_NAMES[kind].name}`, `use it in ${home.file}; components here are: ${componentList}`);
    });
  },
};
