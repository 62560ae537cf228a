/**
 * VS Code snippets for writing report.mdx and annual reports (.vscode/inspection-reports.code-snippets,
 * written by `npm run schemas`): one per MDX component, made from the component's own example in
 * src/document/components.ts so the two cannot drift apart, and the standard sections of a report.
 */
import { allComponents } from '../document/components.ts';

/** Where `npm run schemas` writes them, from the project root. */
export const SNIPPETS_FILE = '.vscode/inspection-reports.code-snippets';

interface Snippet {
  scope: string;
  prefix: string[];
  body: string[];
  description: string;
}

/** Snippets apply to MDX files (the MDX extension's language) and Markdown, for editors without it. */
const SCOPE = 'mdx,markdown';

/** Text as a snippet's literal text: $, } and \ have meanings there. */
const literal = (text: string) => text.replace(/[\\$}]/g, (c) => `\\${c}`);

/**
 * A component's example with a tab stop on each attribute value and on any text inside it; of an
 * example that is a sentence around a self-closing tag, only the tag.
 */
export function snippetBody(name: string, example: string): string[] {
  let stop = 0;
  const tag = new RegExp(`<${name}\\b[^>]*/>`).exec(example)?.[0] ?? example;
  const body = literal(tag)
    .replace(/="([^"]*)"/g, (_all, value: string) => `="\${${++stop}:${value}}"`)
    .replace(/>\n\n([^<]+)\n\n</g, (_all, text: string) => `>\n\n\${${++stop}:${text}}\n\n<`);
  return `${body}$0`.split('\n');
}

const SECTIONS: Record<string, Snippet> = {
  'Standard section': {
    scope: SCOPE,
    prefix: ['standard'],
    body: ['## ${1:2.1} ${2:Assessment}', '', '${3:What we found, in a few paragraphs.}', '', '### Strengths', '', '- ${4:A strength.}', '', '### Areas for improvement', '', '- ${5:An area for improvement.}', '$0'],
    description: "A standard's section of report.mdx: its id and name as in the framework, the findings, then strengths and areas for improvement.",
  },
  'Strengths and areas for improvement': {
    scope: SCOPE,
    prefix: ['strengths'],
    body: ['### Strengths', '', '- ${1:A strength.}', '', '### Areas for improvement', '', '- ${2:An area for improvement.}', '$0'],
    description: "The two lists at the end of a standard's section.",
  },
  ...Object.fromEntries(
    ['Foreword', 'Introduction', 'Diversity'].map((heading) => [
      `${heading} section`,
      { scope: SCOPE, prefix: [heading.toLowerCase()], body: [`## ${heading}`, '', `\${1:The ${heading.toLowerCase()}.}`, '$0'], description: `The "${heading}" section of report.mdx.` },
    ]),
  ),
};

export function editorSnippets(): string {
  const snippets: Record<string, Snippet> = {};
  for (const component of allComponents()) {
    const where = component.context === 'annual-report' ? ' Annual reports only.' : component.context === 'inspection' ? ' Inspection reports only.' : component.context === 'thematic' ? ' Thematic reports only.' : '';
    snippets[`<${component.name}>`] = { scope: SCOPE, prefix: [`<${component.name}`, component.name], body: snippetBody(component.name, component.example), description: `${component.description}${where}` };
  }
  Object.assign(snippets, SECTIONS);
  return `${JSON.stringify(snippets, null, 2)}\n`;
}
