/**
 * What report.mdx may contain, beyond its sections. The narrative is drawn twice, as a web page and
 * as a PDF, from its syntax tree (src/document/from-markdown.ts): anything the two cannot draw is
 * reported here, at the place it is written, rather than left out of the report without a word.
 *
 * One rule per file in ./narrative/, each with the same signature (NarrativeRule). The same rules
 * check an annual report's narrative (content/annual-reports/<year>.mdx).
 */
import type { Position } from '../../model/position.ts';
import { narrativeOf, type NarrativeMdxInput, type NarrativeRule } from './narrative/narrative.ts';
import { unknownComponent } from './narrative/unknown-component.ts';
import { componentContext } from './narrative/component-context.ts';
import { componentPlacement } from './narrative/component-placement.ts';
import { componentAttribute } from './narrative/component-attribute.ts';
import { mdxExpression } from './narrative/mdx-expression.ts';
import { rawHtml } from './narrative/raw-html.ts';
import { image } from './narrative/image.ts';
import { linkReference } from './narrative/link-reference.ts';
import { unsafeLink } from './narrative/unsafe-link.ts';
import { footnote } from './narrative/footnote.ts';
import { outsideSection } from './narrative/outside-section.ts';
import { standardSections } from './narrative/standard-sections.ts';

export type { NarrativeMdxInput };

export const NARRATIVE_RULES: readonly NarrativeRule[] = [outsideSection, unknownComponent, componentContext, componentPlacement, componentAttribute, mdxExpression, rawHtml, image, linkReference, unsafeLink, footnote, standardSections];

export function checkNarrativeMdx(input: NarrativeMdxInput): void {
  const narrative = narrativeOf(input);
  const found: { at: Position; rule: string; severity: 'error' | 'warning'; message: string; hint: string }[] = [];
  for (const rule of NARRATIVE_RULES) {
    rule.check(narrative, (at, message, hint) => found.push({ at: at ?? { line: 1, column: 1 }, rule: rule.name, severity: rule.severity ?? 'error', message, hint }));
  }
  // In the order they are written in the file (a stable sort keeps each rule's own order at one place).
  found.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  for (const { at, rule, severity, message, hint } of found) input.diagnostics[severity](input.file, at, rule, message, hint);
}
