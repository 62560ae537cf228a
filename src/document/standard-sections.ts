/**
 * The sub-sections a standard's narrative must have ("### Strengths", "### Areas for improvement":
 * the template's `standardSections`): how a written `###` heading is matched to one of them, and the
 * order a standard's narrative is shown in. The check (narrative rule standard-sections) and the
 * document (report-document.ts) both match headings here, so they never disagree.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocumentTemplate } from '../model/schemas/document-template.ts';

/** The sub-headings the template asks of every standard: [] when it asks none. */
export function standardSectionsOf(template: DocumentTemplate | undefined): string[] {
  const domains = template?.sections.find((s) => s.kind === 'domains');
  return domains && 'standardSections' in domains ? domains.standardSections : [];
}

/** Words only, lower case, each without a plural "s": "**Area for Improvement:**" and "Areas for improvement" agree. */
function keyOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (word.length > 3 ? word.replace(/s$/, '') : word))
    .join(' ');
}

/** Edit distance, for a heading one or two letters away from a required one ("Strenghts"). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

export interface SubHeadingMatch {
  /** The required sub-heading, spelt as the template spells it. */
  required: string;
  /** Written exactly so; otherwise it nearly matches ("Strength", "Areas for Improvement"). */
  exact: boolean;
}

/** Which required sub-heading a written heading is, exactly or nearly; undefined for any other heading. */
export function matchSubHeading(written: string, required: readonly string[]): SubHeadingMatch | undefined {
  const text = written.trim();
  const exact = required.find((r) => r === text);
  if (exact) return { required: exact, exact: true };
  const key = keyOf(text);
  const near = required.find((r) => keyOf(r) === key) ?? required.find((r) => distance(keyOf(r), key) <= Math.min(2, Math.floor(keyOf(r).length / 4)));
  return near ? { required: near, exact: false } : undefined;
}

/**
 * A standard's narrative in the order it is shown: what comes before its first `###` heading, then
 * any other `###` sub-sections as written, then the required sub-sections in the template's order,
 * each under its heading spelt as the template spells it.
 */
export function orderStandardNarrative(nodes: readonly RootContent[], required: readonly string[]): RootContent[] {
  if (required.length === 0) return [...nodes];
  const lead: RootContent[] = [];
  const others: RootContent[] = [];
  const chunks = new Map<string, RootContent[]>();
  let current = lead;
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 3) {
      const match = matchSubHeading(toString(node), required);
      if (match && !chunks.has(match.required)) {
        current = [{ ...node, children: [{ type: 'text', value: match.required }] }];
        chunks.set(match.required, current);
        continue;
      }
      current = others;
    }
    current.push(node);
  }
  return [...lead, ...others, ...required.flatMap((r) => chunks.get(r) ?? [])];
}
