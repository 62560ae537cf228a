/**
 * What every narrative rule shares: the narrative it checks, the signature a rule has, and the walk
 * over the syntax tree that tells each node where it stands (its section, inside a heading, nested).
 */
import type { Nodes, Parents, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx-expression';
import type {} from 'mdast-util-mdxjs-esm';
import type { DiagnosticList } from '../../diagnostics.ts';
import type { PictureUse } from '../../pictures/decode.ts';
import type { Position } from '../../../model/position.ts';
import type { Inspection, Thematic } from '../../../model/project.ts';
import { allComponents, componentNamed, type Component, type NarrativeKind } from '../../../document/components.ts';
import type { AnnualReportContext } from '../../../document/annual-report-figures.ts';

export interface NarrativeMdxInput {
  tree: Root;
  /** The file's text: positions inside a run of text (a footnote reference) are found in it. */
  text: string;
  /** Project-relative path of report.mdx, as printed in diagnostics. */
  file: string;
  /** Absolute path of the folder report.mdx is in: picture paths are relative to it. */
  folder: string;
  /** Pictures must be inside this folder (content/), after links are followed; the narrative's own folder when not given. */
  contentFolder?: string;
  /** Where the picture files that pass these checks are collected, to be decoded after loading. */
  pictures?: PictureUse[];
  /** What components' own checks need: the framework's standards and the computed ratings. */
  inspection?: Pick<Inspection, 'framework' | 'rating'>;
  /** The kind of narrative: an inspection's report (the default) or an annual report. */
  kind?: NarrativeKind;
  /** The `###` sub-sections every standard's section must have, from the report's template; none when not given. */
  standardSections?: readonly string[];
  /** For a thematic report: its data (thematic.yaml), for its components' checks and typed figures. */
  thematic?: Pick<Thematic, 'source'>;
  /** For an annual report: the inspections of its period, for its components' checks. */
  annualReport?: AnnualReportContext;
  diagnostics: DiagnosticList;
}

/** A narrative as the rules see it: the input, its kind settled, and the components it may use. */
export interface Narrative extends Omit<NarrativeMdxInput, 'diagnostics' | 'kind'> {
  kind: NarrativeKind;
  /** Whether a component belongs in this kind of narrative. */
  usable(component: Component): boolean;
  /** The names of the components this narrative may use, for hints. */
  componentList: string;
}

/** Reports one problem under the rule's name, at the place it is written. */
export type Report = (at: Position | undefined, message: string, hint: string) => void;

/** One rule: its name (printed with each message), how grave what it finds is, and the check, which reports it. */
export interface NarrativeRule {
  name: string;
  /** Errors stop the build; a warning points out what the report should have but can go without. Error when not given. */
  severity?: 'error' | 'warning';
  check(narrative: Narrative, report: Report): void;
}

export function narrativeOf({ diagnostics: _, ...input }: NarrativeMdxInput): Narrative {
  const kind = input.kind ?? 'inspection';
  const usable = (component: Component) => component.context === undefined || component.context === kind;
  const componentList = allComponents()
    .filter(usable)
    .map((c) => c.name)
    .join(', ');
  return { ...input, kind, usable, componentList };
}

export interface Place {
  /** Index of the level-2 section the node is in; -1 before the first. */
  section: number;
  /** Inside a heading, which is drawn as plain text. */
  inHeading: boolean;
  /** Inside a component's children, a quote or a list (where a footnote's text cannot go). */
  nested: boolean;
}

/** Every node of the tree in document order, with its parent and where it stands. */
export function walk(tree: Root, visitor: (node: Nodes, parent: Parents | undefined, place: Place) => void): void {
  const visit = (node: Nodes, parent: Parents | undefined, place: Place): void => {
    visitor(node, parent, place);
    if (!('children' in node)) return;
    const inner: Place = {
      section: place.section,
      inHeading: place.inHeading || node.type === 'heading',
      nested: place.nested || node.type === 'blockquote' || node.type === 'list' || node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement',
    };
    for (const child of node.children) visit(child as Nodes, node, inner);
  };
  let section = -1;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) section += 1;
    visit(node, tree, { section, inHeading: false, nested: false });
  }
}

export type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

/** Every component this narrative may use, with the node that writes it. */
export function walkComponents(narrative: Narrative, visitor: (node: Jsx, component: Component, parent: Parents | undefined, place: Place) => void): void {
  walk(narrative.tree, (node, parent, place) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const component = node.name ? componentNamed(node.name) : undefined;
    if (component && narrative.usable(component)) visitor(node, component, parent, place);
  });
}

export const positionOf = (node: { position?: { start: { line: number; column: number } } | undefined }): Position | undefined =>
  node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;

export const NO_CODE = 'reports cannot run code; write the text or use a component';

/** The component's example on one line, for hints. */
export const exampleOf = (component: Component) => component.example.replace(/\s*\n\s*/g, ' ');

export const tagOf = (component: Component) => (component.acceptsChildren ? `<${component.name}>` : `<${component.name} />`);

/** The line and column of an offset in the text: for places inside a run of text. */
export function positionsIn(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line += 1;
    return { line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
}

/** `{/* a comment *\/}`: MDX's way of writing a comment; it draws nothing and runs nothing. */
export function isComment(node: MdxFlowExpression | MdxTextExpression): boolean {
  const program = node.data?.estree;
  if (program) return program.body.length === 0 && (program.comments?.length ?? 0) > 0;
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*)+$/.test(node.value);
}
