/**
 * standard-sections (a warning): each standard's section has the `###` sub-sections the report's
 * template asks for (templates/documents/inspection-report.yaml, standardSections: "Strengths",
 * "Areas for improvement"), spelt as the template spells them.
 *
 * A standard that was not rated is left alone: with nothing judged there are no strengths or areas
 * for improvement to write. A rated standard with no section at all is the error missing-narrative
 * (rules/inspection.ts), so it is not reported again here.
 */
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { NOT_RATED } from '../../../model/rating.ts';
import { matchSubHeading } from '../../../document/standard-sections.ts';
import { positionOf, type NarrativeRule } from './narrative.ts';

const STANDARD_HEADING = /^(\d+\.\d+)\.?\s+\S/;

/** What to write under each sub-heading, for hints; other sub-headings a publisher adds get a general word. */
const WHAT_TO_WRITE: Record<string, string> = {
  strengths: 'what the service does well in this standard',
  'areas for improvement': 'what the service needs to do better in this standard',
};

export const standardSections: NarrativeRule = {
  name: 'standard-sections',
  severity: 'warning',
  check({ tree, kind, inspection, standardSections: required = [] }, report) {
    if (kind !== 'inspection' || required.length === 0) return;
    const sections: { heading: Heading; body: RootContent[] }[] = [];
    for (const node of tree.children) {
      if (node.type === 'heading' && node.depth <= 2) sections.push({ heading: node, body: [] });
      else sections.at(-1)?.body.push(node);
    }
    for (const { heading, body } of sections) {
      const title = toString(heading).trim();
      const id = heading.depth === 2 ? STANDARD_HEADING.exec(title)?.[1] : undefined;
      if (!id) continue;
      const result = inspection?.rating.standards.find((s) => s.id === id);
      if (result?.awarded === NOT_RATED) continue;
      const found = new Set<string>();
      for (const node of body) {
        if (node.type !== 'heading') continue;
        const written = toString(node).trim();
        const match = matchSubHeading(written, required);
        if (!match) continue;
        found.add(match.required);
        if (!match.exact) {
          report(positionOf(node), `the sub-heading "${written}" under standard ${id} should read "${match.required}"`, `write it as "### ${match.required}", as the report template spells it`);
        } else if (node.depth !== 3) {
          report(positionOf(node), `"${'#'.repeat(node.depth)} ${written}" under standard ${id} is not a level-3 heading`, `write it as "### ${match.required}"`);
        }
      }
      required.forEach((name, index) => {
        if (found.has(name)) return;
        const before = required.slice(index + 1).find((later) => found.has(later));
        const where = before ? `before "### ${before}"` : 'at the end of the section';
        const what = WHAT_TO_WRITE[name.toLowerCase()] ?? 'the findings it asks for';
        report(positionOf(heading), `standard ${id} has no "${name}" sub-section`, `add a line "### ${name}" under "## ${title}", ${where}, and below it list ${what}`);
      });
    }
  },
};
