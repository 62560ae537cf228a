/**
 * What report.mdx may contain, beyond its sections. The narrative is drawn twice, as a web page and
 * as a PDF, from its syntax tree (src/document/from-markdown.ts): anything the two cannot draw is
 * reported here, at the place it is written, rather than left out of the report without a word.
 *
 * Rules: unknown-component, component-attribute, component-placement, component-context,
 * mdx-expression, image, raw-html, footnote, link-reference and outside-section.
 *
 * The same rules check an annual report's narrative (content/annual-reports/<year>.mdx): each
 * component says which kind of narrative it can be used in, so the figures across an annual report's
 * inspections are errors in an inspection's report, and an inspection's ratings in an annual report.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Nodes, Parents, Root, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx-expression';
import type {} from 'mdast-util-mdxjs-esm';
import type { DiagnosticList } from '../diagnostics.ts';
import type { Position } from '../../model/position.ts';
import type { Inspection } from '../../model/project.ts';
import { allComponents, attributesOf, componentNamed, type Component, type NarrativeKind } from '../../document/components.ts';
import type { AnnualReportContext } from '../../document/annual-report-figures.ts';
import { closest } from '../schema-issues.ts';

export interface NarrativeMdxInput {
  tree: Root;
  /** The file's text: positions inside a run of text (a footnote reference) are found in it. */
  text: string;
  /** Project-relative path of report.mdx, as printed in diagnostics. */
  file: string;
  /** Absolute path of the folder report.mdx is in: picture paths are relative to it. */
  folder: string;
  /** What components' own checks need: the framework's standards and the computed ratings. */
  inspection?: Pick<Inspection, 'framework' | 'rating'>;
  /** The kind of narrative: an inspection's report (the default) or an annual report. */
  kind?: NarrativeKind;
  /** For an annual report: the inspections of its period, for its components' checks. */
  annualReport?: AnnualReportContext;
  diagnostics: DiagnosticList;
}

const KIND_NAMES: Record<NarrativeKind, { name: string; file: string }> = {
  inspection: { name: "an inspection's report", file: 'content/inspections/<slug>/report.mdx' },
  'annual-report': { name: 'an annual report', file: 'content/annual-reports/<year>.mdx' },
};

/** Picture formats both outputs can draw (sharp normalises them to PNG or JPEG). */
export const PICTURE_FORMATS = ['png', 'jpg', 'jpeg', 'webp', 'svg'] as const;

const NO_CODE = 'reports cannot run code; write the text or use a component';

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

interface Place {
  /** Index of the level-2 section the node is in; -1 before the first. */
  section: number;
  /** Inside a heading, which is drawn as plain text. */
  inHeading: boolean;
  /** Inside a component's children, a quote or a list (where a footnote's text cannot go). */
  nested: boolean;
}

const positionOf = (node: { position?: { start: { line: number; column: number } } | undefined }): Position | undefined =>
  node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;

/** The component's example on one line, for hints. */
const exampleOf = (component: Component) => component.example.replace(/\s*\n\s*/g, ' ');

const tagOf = (component: Component) => (component.acceptsChildren ? `<${component.name}>` : `<${component.name} />`);

/** `{/* a comment *\/}`: MDX's way of writing a comment; it draws nothing and runs nothing. */
function isComment(node: MdxFlowExpression | MdxTextExpression): boolean {
  const program = node.data?.estree;
  if (program) return program.body.length === 0 && (program.comments?.length ?? 0) > 0;
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*)+$/.test(node.value);
}

export function checkNarrativeMdx(input: NarrativeMdxInput): void {
  const { tree, text, file, folder, diagnostics } = input;
  const kind = input.kind ?? 'inspection';
  const usable = (component: Component) => component.context === undefined || component.context === kind;
  const componentList = allComponents()
    .filter(usable)
    .map((c) => c.name)
    .join(', ');

  const footnoteDefinitions = new Map<string, { node: Nodes; section: number; label: string }>();
  const footnoteReferences = new Map<string, Set<number>>();
  const textRuns: Text[] = [];

  // ── components
  function checkComponent(node: Jsx, parent: Parents | undefined, place: Place): void {
    const at = positionOf(node);
    if (!node.name) {
      diagnostics.error(file, at, 'unknown-component', 'an empty tag <> is not a component', `remove the <> and </>; components are: ${componentList}`);
      return;
    }
    const component = componentNamed(node.name);
    if (!component) {
      const near = closest(node.name, allComponents().filter(usable).map((c) => c.name));
      const nearTag = near ? tagOf(componentNamed(near)!) : undefined;
      if (/^[a-z]/.test(node.name) && !near) {
        diagnostics.error(file, at, 'unknown-component', `<${node.name}> is HTML, which reports do not support`, `write Markdown instead (a blank line for a new paragraph, **bold**, "- " for a list); components are: ${componentList}`);
      } else {
        diagnostics.error(file, at, 'unknown-component', `<${node.name}> is not a component reports can use${nearTag ? `: did you mean ${nearTag}?` : ''}`, `${nearTag ? `write ${nearTag}; ` : ''}components are: ${componentList}`);
      }
      return;
    }

    // Which kind of narrative it belongs in.
    if (!usable(component)) {
      const home = KIND_NAMES[component.context!];
      diagnostics.error(file, at, 'component-context', `${tagOf(component)} draws on the data of ${home.name}, so it cannot be used in ${KIND_NAMES[kind].name}`, `use it in ${home.file}; components here are: ${componentList}`);
      return;
    }

    // Where it stands.
    if (place.inHeading) {
      diagnostics.error(file, at, 'component-placement', `<${component.name}> is inside a heading, which is shown as plain text`, 'move the component out of the heading, onto its own line below it');
    } else if (component.kind === 'block' && node.type === 'mdxJsxTextElement') {
      // Alone in its paragraph it is drawn as a block; inside a sentence or a table cell it cannot be.
      const alone = parent?.type === 'paragraph' && parent.children.length === 1;
      if (!alone) {
        diagnostics.error(file, at, 'component-placement', `${tagOf(component)} is a block and cannot stand inside a sentence`, `put ${tagOf(component)} on a line of its own, with a blank line before and after`);
      } else if (component.acceptsChildren && node.children.length > 0) {
        // Written on one line, what is inside is a piece of a sentence, which a box cannot hold.
        diagnostics.error(file, at, 'component-placement', `the text inside <${component.name}> is on the same line as its tags, so it would be left out`, `put the opening tag, the text and the closing tag on lines of their own, with blank lines between: ${exampleOf(component)}`);
      }
    }
    const hasChildren = node.children.some((child) => !(child.type === 'text' && child.value.trim() === ''));
    if (hasChildren && !component.acceptsChildren) {
      diagnostics.error(file, at, 'component-placement', `<${component.name}> does not take anything between its tags`, `write it as one self-closing tag: ${exampleOf(component)}`);
    }

    // Its attributes.
    const written = new Map<string, Position | undefined>();
    const expressions = new Set<string>();
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        diagnostics.error(file, positionOf(attribute) ?? at, 'component-attribute', `<${component.name}> has an {expression} among its attributes: ${NO_CODE}`, `write each attribute as name="text", as in ${exampleOf(component)}`);
        continue;
      }
      const where = positionOf(attribute) ?? at;
      if (written.has(attribute.name)) {
        diagnostics.error(file, where, 'component-attribute', `<${component.name}> has the attribute ${attribute.name} twice`, `keep one ${attribute.name}="…"`);
        continue;
      }
      written.set(attribute.name, where);
      if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
        expressions.add(attribute.name);
        diagnostics.error(file, where, 'component-attribute', `<${component.name}> attribute ${attribute.name} is written as {${attribute.value.value}}: ${NO_CODE}`, `write a plain "string": ${attribute.name}="…"`);
      }
    }
    const result = component.attributes.safeParse(attributesOf(node), { reportInput: true });
    if (!result.success) {
      const allowed = knownAttributes(component);
      for (const issue of result.error.issues) {
        const name = issue.path[0] === undefined ? undefined : String(issue.path[0]);
        if (name !== undefined && expressions.has(name)) continue; // already reported as an expression
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) {
            const near = closest(key, allowed);
            diagnostics.error(
              file,
              written.get(key) ?? at,
              'component-attribute',
              `<${component.name}> has no attribute "${key}"`,
              near ? `did you mean ${near}="…"? For example: ${exampleOf(component)}` : allowed.length ? `<${component.name}> takes ${allowed.join(', ')}: ${exampleOf(component)}` : `<${component.name}> takes no attributes: write ${exampleOf(component)}`,
            );
          }
        } else if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined && !expressions.has(name ?? '')) {
          diagnostics.error(file, at, 'component-attribute', `<${component.name}> needs the attribute ${name}`, `write it as in ${exampleOf(component)}`);
        } else if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === true) {
          diagnostics.error(file, written.get(name ?? '') ?? at, 'component-attribute', `<${component.name}> attribute ${name} has no value`, `give it one in quotes, as in ${exampleOf(component)}`);
        } else {
          const input = (issue as { input?: unknown }).input;
          const message = /^must\b/.test(issue.message) ? issue.message : `is not allowed: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
          diagnostics.error(file, written.get(name ?? '') ?? at, 'component-attribute', `<${component.name}> ${name}${typeof input === 'string' ? `="${input}"` : ''}: ${name} ${message}`, `correct it, as in ${exampleOf(component)}`);
        }
      }
    } else if (expressions.size === 0) {
      // The components' checks read only the framework and the computed ratings, or the annual report's inspections.
      const problems = [
        ...(component.check && input.inspection ? component.check(result.data, input.inspection as Inspection) : []),
        ...(component.checkAnnualReport && input.annualReport ? component.checkAnnualReport(result.data, input.annualReport) : []),
      ];
      for (const problem of problems) {
        diagnostics.error(file, written.get(problem.attribute) ?? at, 'component-attribute', `<${component.name}> ${problem.message}`, problem.hint);
      }
    }
  }

  // ── pictures
  function checkImage(node: Extract<Nodes, { type: 'image' }>, parent: Parents | undefined, place: Place): void {
    const at = positionOf(node);
    if (place.inHeading || parent?.type !== 'paragraph' || parent.children.length !== 1) {
      diagnostics.error(file, at, 'image', `the picture "${node.url}" is not in a paragraph of its own, so only its alt text would be shown`, 'put the picture on a line of its own, with a blank line before and after');
    }
    if ((node.alt ?? '').trim() === '') {
      diagnostics.error(file, at, 'image', 'every picture needs alt text that says what it shows', `write it between the square brackets: ![A diagram of how the service is organised](${node.url}); decorative pictures have no place in reports`);
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(node.url)) {
      diagnostics.error(file, at, 'image', `the picture "${node.url}" is a web address: reports only show pictures kept with the inspection`, `save the picture in ${path.posix.join(path.posix.dirname(file), 'images')}/ and write its path, such as ./images/structure.svg`);
      return;
    }
    const extension = path.extname(node.url).slice(1).toLowerCase();
    if (!(PICTURE_FORMATS as readonly string[]).includes(extension)) {
      diagnostics.error(file, at, 'image', `the picture "${node.url}" is ${extension ? `a .${extension} file` : 'a file without an extension'}: reports show PNG, JPEG, WebP and SVG pictures (.${PICTURE_FORMATS.join(', .')})`, 'save it as PNG (a photograph as JPEG, a diagram as SVG) and change the path');
      return;
    }
    const absolute = path.resolve(folder, node.url);
    if (!node.url || !fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
      const shown = path.posix.join(path.posix.dirname(file), node.url);
      diagnostics.error(file, at, 'image', `the picture "${node.url}" is not there (looked for ${shown})`, `put the file in the inspection's images/ folder and write its path from report.mdx, such as ./images/${path.basename(node.url) || 'structure.svg'}`);
      return;
    }
    const found = pictureFormat(absolute);
    const expected = extension === 'jpeg' ? 'jpg' : extension;
    if (found !== expected) {
      const usable = found !== undefined && (PICTURE_FORMATS as readonly string[]).includes(found);
      diagnostics.error(
        file,
        at,
        'image',
        `the file "${node.url}" is named .${extension} but is ${found ? `${formatName(found)} picture` : `not ${formatName(expected)} picture`}`,
        usable ? `rename it to end in .${found}, and change the path` : 'save the picture again as PNG (a photograph as JPEG, a diagram as SVG)',
      );
    }
  }

  // ── every node, with where it stands
  function visit(node: Nodes, parent: Parents | undefined, place: Place): void {
    const at = positionOf(node);
    switch (node.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkComponent(node, parent, place);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isComment(node)) diagnostics.error(file, at, 'mdx-expression', `{${shorten(node.value)}} is an expression: ${NO_CODE}`, 'to write a brace, write &#123; or \\{; to leave a note for colleagues, write {/* note */}');
        break;
      case 'mdxjsEsm':
        diagnostics.error(file, at, 'mdx-expression', `"${shorten(node.value)}" is an import or export: ${NO_CODE}`, `remove the line; components need no import: ${componentList}`);
        break;
      case 'html':
        diagnostics.error(file, at, 'raw-html', 'HTML is not supported in reports', 'write Markdown instead (**bold**, "- " for a list, "> " for a quote) or use a component');
        break;
      case 'code':
        diagnostics.error(file, at, 'raw-html', 'code blocks (``` fences) are not supported in reports', 'write the text as ordinary paragraphs; to quote someone, start each line with "> "');
        break;
      case 'image':
        checkImage(node, parent, place);
        break;
      case 'linkReference':
      case 'imageReference':
        diagnostics.error(file, at, 'link-reference', `a ${node.type === 'linkReference' ? 'link' : 'picture'} written as [text][${node.label ?? node.identifier}] is not supported: its text would be left out`, node.type === 'linkReference' ? 'write the address in the link: [text](https://…)' : 'write the path in the picture: ![alt text](./images/picture.svg)');
        break;
      case 'footnoteReference': {
        if (place.inHeading) diagnostics.error(file, at, 'footnote', `the footnote reference [^${node.label ?? node.identifier}] is in a heading, where it is not shown`, 'put the reference in the text below the heading');
        const sections = footnoteReferences.get(node.identifier) ?? new Set<number>();
        sections.add(place.section);
        footnoteReferences.set(node.identifier, sections);
        break;
      }
      case 'footnoteDefinition': {
        const label = node.label ?? node.identifier;
        if (place.nested) {
          diagnostics.error(file, at, 'footnote', `the text of footnote [^${label}] is inside a quote, list or component, where it is not shown`, `start "[^${label}]: …" at the beginning of a line, after the paragraph that refers to it`);
        } else if (footnoteDefinitions.has(node.identifier)) {
          diagnostics.error(file, at, 'footnote', `footnote [^${label}] is written twice (first on line ${positionOf(footnoteDefinitions.get(node.identifier)!.node)?.line ?? 1})`, 'give each note its own name, or merge the two');
        } else {
          footnoteDefinitions.set(node.identifier, { node, section: place.section, label });
        }
        break;
      }
      case 'text':
        textRuns.push(node);
        break;
    }
    if ('children' in node) {
      const inner: Place = {
        section: place.section,
        inHeading: place.inHeading || node.type === 'heading',
        nested: place.nested || node.type === 'blockquote' || node.type === 'list' || node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement',
      };
      for (const child of node.children) visit(child as Nodes, node, inner);
    }
  }

  let section = -1;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) section += 1;
    else if (section < 0 && !isInvisible(node)) {
      diagnostics.error(file, positionOf(node), 'outside-section', 'this comes before the first section heading, so it is not shown in the report', 'put it under a section heading such as "## Foreword", or delete it');
    }
    visit(node, tree, { section, inHeading: false, nested: false });
  }

  // ── footnotes: every reference has its note, every note is referred to, in its own section
  for (const [identifier, definition] of footnoteDefinitions) {
    const sections = footnoteReferences.get(identifier);
    if (!sections) {
      diagnostics.error(file, positionOf(definition.node), 'footnote', `footnote [^${definition.label}] is never referred to`, `add [^${definition.label}] to the sentence it belongs to, or delete the note`);
    } else if (!sections.has(definition.section)) {
      diagnostics.error(file, positionOf(definition.node), 'footnote', `footnote [^${definition.label}] is written in a different section from the text that refers to it, so it would be printed in the wrong place`, 'move the note into the section that refers to it, after the paragraph');
    }
  }
  // A reference without a note is not read as a reference at all, but stays in the text as "[^x]".
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  const positionAt = (offset: number): Position => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line += 1;
    return { line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
  for (const node of textRuns) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    for (const match of text.slice(start, end).matchAll(/(?<!\\)\[\^([^\]\s]+)\]/g)) {
      diagnostics.error(file, positionAt(start + match.index), 'footnote', `footnote [^${match[1]}] has no text`, `add the note after the paragraph, on a line of its own: [^${match[1]}]: The source of the figure.`);
    }
  }
}

/** The start of some code, on one line, for a message. */
function shorten(code: string): string {
  const line = code.trim().split('\n')[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** Nodes that draw nothing wherever they are: comments and link definitions. */
function isInvisible(node: Nodes): boolean {
  if (node.type === 'mdxFlowExpression') return isComment(node);
  return node.type === 'definition';
}

function knownAttributes(component: Component): string[] {
  const shape = (component.attributes as { _zod?: { def?: { shape?: object } } })._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

const formatName = (format: string) => ({ png: 'a PNG', jpg: 'a JPEG', webp: 'a WebP', svg: 'an SVG', gif: 'a GIF', bmp: 'a BMP', tiff: 'a TIFF' })[format] ?? `a ${format.toUpperCase()}`;

/** The format a picture file really has, from its first bytes. */
function pictureFormat(absolute: string): string | undefined {
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(absolute, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const bytes = head.subarray(0, read);
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (/^GIF8[79]a/.test(bytes.subarray(0, 6).toString('latin1'))) return 'gif';
  if (bytes.subarray(0, 2).toString('latin1') === 'BM') return 'bmp';
  if (['II*\0', 'MM\0*'].includes(bytes.subarray(0, 4).toString('latin1'))) return 'tiff';
  if (/^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(bytes.toString('utf8'))) return 'svg';
  return undefined;
}
