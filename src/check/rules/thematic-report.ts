/**
 * A thematic report's full report (content/thematic/<slug>/report.mdx): the same narrative rules as
 * an inspection's (components, pictures, footnotes, typed figures), with the sections its template
 * asks for (templates/documents/thematic-report.yaml): each named narrative section once, the
 * findings chapters (every other `##` section) between them.
 */
import type { MarkdownSource } from '../../source/markdown-file.ts';
import type { DocumentTemplate } from '../../model/schemas/document-template.ts';
import type { Thematic } from '../../model/project.ts';
import type { DiagnosticList } from '../diagnostics.ts';
import type { PictureUse } from '../pictures/decode.ts';
import { checkNarrativeMdx } from './narrative-mdx.ts';

export interface ThematicNarrativeInput {
  file: string;
  text: string;
  /** Absolute path of the thematic's folder: picture paths are relative to it. */
  folder: string;
  contentFolder?: string;
  pictures?: PictureUse[];
  thematic: Pick<Thematic, 'source'>;
  template: DocumentTemplate;
  diagnostics: DiagnosticList;
}

/** The `##` sections the template names (Foreword, Introduction, Conclusion), lower-case. */
export function namedSections(template: DocumentTemplate): Map<string, { heading: string; optional: boolean }> {
  const named = new Map<string, { heading: string; optional: boolean }>();
  for (const section of template.sections) if (section.kind === 'narrative') named.set(section.narrative.toLowerCase(), { heading: section.narrative, optional: section.optional });
  return named;
}

export function checkThematicNarrative(markdown: MarkdownSource, input: ThematicNarrativeInput): void {
  const { file, diagnostics, template } = input;
  if (markdown.syntaxError) {
    diagnostics.error(file, markdown.syntaxError.at, 'mdx-syntax', markdown.syntaxError.message, 'MDX reads "<" and "{" as code: write them as &lt; and &#123;, or close the tag');
    return;
  }
  if (markdown.tree) {
    checkNarrativeMdx({ tree: markdown.tree, text: input.text, file, folder: input.folder, contentFolder: input.contentFolder, pictures: input.pictures, kind: 'thematic', thematic: input.thematic, diagnostics });
  }
  const named = namedSections(template);
  const found = new Map<string, (typeof markdown.sections)[number]>();
  let chapters = 0;
  for (const section of markdown.sections) {
    const key = section.heading.trim().toLowerCase();
    if (found.has(key)) {
      diagnostics.error(file, section.at, 'duplicate-section', `section "${section.heading}" appears twice (first on line ${found.get(key)!.at.line})`, 'merge the two sections');
      continue;
    }
    found.set(key, section);
    if (!named.has(key)) chapters += 1;
  }
  const order = [...named.keys()];
  let last = -1;
  for (const section of markdown.sections) {
    const index = order.indexOf(section.heading.trim().toLowerCase());
    if (index < 0) continue;
    if (index < last) diagnostics.warning(file, section.at, 'section-order', `section "${section.heading}" comes after "${named.get(order[last]!)!.heading}", but the report shows it before`, `put the sections in the order of templates/documents/${template.id}.yaml: ${order.map((k) => named.get(k)!.heading).join(', ')}`);
    last = Math.max(last, index);
  }
  for (const [key, { heading, optional }] of named) {
    if (!optional && !found.has(key)) diagnostics.error(file, { line: 1, column: 1 }, 'missing-section', `the full report has no "## ${heading}" section`, `add "## ${heading}": a full thematic report has ${order.map((k) => named.get(k)!.heading).join(', ')} and its findings chapters`);
  }
  const findings = template.sections.find((s) => s.kind === 'findings');
  const minimum = findings?.kind === 'findings' ? findings.minimum : 0;
  if (chapters < minimum) {
    diagnostics.error(file, markdown.sections.at(-1)?.at ?? { line: 1, column: 1 }, 'missing-findings', `the full report has ${chapters === 0 ? 'no findings chapter' : `only ${chapters} findings chapter${chapters === 1 ? '' : 's'}`}: every "##" section other than ${order.map((k) => named.get(k)!.heading).join(', ')} is one`, `add at least ${minimum} "##" section${minimum === 1 ? '' : 's'} with what the inspection found, such as "## Decision-making"`);
  }
}
