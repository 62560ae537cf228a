/**
 * footnote: every reference has its note and every note is referred to, in the same section (the
 * PDF prints a section's notes at its end); neither stands where it is not shown.
 */
import type { Nodes, Text } from 'mdast';
import { positionOf, positionsIn, walk, type NarrativeRule, type Report } from './narrative.ts';

interface Definition {
  node: Nodes;
  section: number;
  label: string;
}

export const footnote: NarrativeRule = {
  name: 'footnote',
  check({ tree, text }, report) {
    const definitions = new Map<string, Definition>();
    /** The sections each note is referred to from, by identifier. */
    const references = new Map<string, Set<number>>();
    const textRuns: Text[] = [];
    walk(tree, (node, _parent, place) => {
      const at = positionOf(node);
      if (node.type === 'footnoteReference') {
        if (place.inHeading) report(at, `the footnote reference [^${node.label ?? node.identifier}] is in a heading, where it is not shown`, 'put the reference in the text below the heading');
        const sections = references.get(node.identifier) ?? new Set<number>();
        sections.add(place.section);
        references.set(node.identifier, sections);
      } else if (node.type === 'footnoteDefinition') {
        const label = node.label ?? node.identifier;
        if (place.nested) {
          report(at, `the text of footnote [^${label}] is inside a quote, list or component, where it is not shown`, `start "[^${label}]: …" at the beginning of a line, after the paragraph that refers to it`);
        } else if (definitions.has(node.identifier)) {
          report(at, `footnote [^${label}] is written twice (first on line ${positionOf(definitions.get(node.identifier)!.node)?.line ?? 1})`, 'give each note its own name, or merge the two');
        } else {
          definitions.set(node.identifier, { node, section: place.section, label });
        }
      } else if (node.type === 'text') {
        textRuns.push(node);
      }
    });
    checkReferred(definitions, references, report);
    checkNoteless(textRuns, text, report);
  },
};

function checkReferred(definitions: ReadonlyMap<string, Definition>, references: ReadonlyMap<string, ReadonlySet<number>>, report: Report): void {
  for (const [identifier, definition] of definitions) {
    const sections = references.get(identifier);
    if (!sections) {
      report(positionOf(definition.node), `footnote [^${definition.label}] is never referred to`, `add [^${definition.label}] to the sentence it belongs to, or delete the note`);
    } else if (!sections.has(definition.section)) {
      report(positionOf(definition.node), `footnote [^${definition.label}] is written in a different section from the text that refers to it, so it would be printed in the wrong place`, 'move the note into the section that refers to it, after the paragraph');
    }
  }
}

/** A reference without a note is not read as a reference at all, but stays in the text as "[^x]". */
function checkNoteless(textRuns: readonly Text[], text: string, report: Report): void {
  const positionAt = positionsIn(text);
  for (const node of textRuns) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    for (const match of text.slice(start, end).matchAll(/(?<!\\)\[\^([^\]\s]+)\]/g)) {
      report(positionAt(start + match.index), `footnote [^${match[1]}] has no text`, `add the note after the paragraph, on a line of its own: [^${match[1]}]: The source of the figure.`);
    }
  }
}
