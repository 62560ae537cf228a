/**
 * Narrative Markdown (mdast, from report.mdx) into document blocks. Both the page and the PDF
 * draw these blocks, so a quote, table or footnote written once appears the same in both.
 */
import path from 'node:path';
import type { PhrasingContent, Root, RootContent, FootnoteDefinition } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import type { Block, ImageRef, Inline, TableCell } from './blocks.ts';
import type { IdMaker } from './make-blocks.ts';
import { componentNamed, attributesOf, type ComponentContext } from './components.ts';

export interface MarkdownContext {
  ids: IdMaker;
  /** Folder of the narrative file: image paths are relative to it. */
  folder: string;
  images: ImageRef[];
  /** Footnotes are numbered through the whole document. */
  notes: { next: number; byLabel: Map<string, { number: number; id: string }> };
  components: ComponentContext;
}

/** The level-2 sections of a narrative: heading text → the nodes under it. */
export function narrativeSections(tree: Root): Map<string, RootContent[]> {
  const sections = new Map<string, RootContent[]>();
  let current: RootContent[] | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      current = [];
      sections.set(toString(node).trim().toLowerCase(), current);
    } else if (current) {
      current.push(node);
    }
  }
  return sections;
}

/**
 * Blocks for the nodes of one narrative section. `headingOffset` moves Markdown heading depths
 * into the document: ### in the foreword becomes level 3, ### under a standard (itself level 3) level 4.
 */
export function blocksFromMarkdown(nodes: readonly RootContent[], ctx: MarkdownContext, headingOffset: number): Block[] {
  const definitions = nodes.filter((node): node is FootnoteDefinition => node.type === 'footnoteDefinition');
  const blocks: Block[] = [];
  nodes.forEach((node, index) => {
    const next = nodes[index + 1];
    // A paragraph that is all bold, just before a table, is the table's caption.
    if (next?.type === 'table' && node.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'strong') return;
    const made = blockFrom(node, ctx, headingOffset);
    const previous = nodes[index - 1];
    if (node.type === 'table' && previous?.type === 'paragraph' && previous.children.length === 1 && previous.children[0]!.type === 'strong') {
      for (const block of made) if (block.type === 'table') block.caption = toString(previous).trim();
    }
    blocks.push(...made);
  });
  // Notes follow the section they belong to, numbered in the order they are referred to.
  const notes = definitions
    .map((definition) => {
      const reference = noteFor(definition.identifier, ctx);
      return { id: reference.id, number: reference.number, blocks: definition.children.flatMap((child) => blockFrom(child, ctx, headingOffset)) };
    })
    .sort((a, b) => a.number - b.number);
  if (notes.length > 0) blocks.push({ type: 'notes', notes });
  return blocks;
}

function noteFor(label: string, ctx: MarkdownContext): { number: number; id: string } {
  const key = label.toLowerCase();
  let note = ctx.notes.byLabel.get(key);
  if (!note) {
    note = { number: ctx.notes.next++, id: '' };
    note.id = `note-${note.number}`;
    ctx.notes.byLabel.set(key, note);
  }
  return note;
}

function blockFrom(node: RootContent, ctx: MarkdownContext, offset: number): Block[] {
  switch (node.type) {
    case 'heading': {
      const level = Math.min(4, Math.max(2, node.depth + offset)) as 2 | 3 | 4;
      const text = toString(node).trim();
      return [{ type: 'heading', level, id: ctx.ids.make(text), text, inContents: false }];
    }
    case 'paragraph': {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (only?.type === 'image') return [figureFrom(only.url, only.alt ?? '', only.title ?? undefined, ctx)];
      if (only?.type === 'mdxJsxTextElement') return componentBlocks(only, ctx, offset);
      return [{ type: 'paragraph', inlines: inlinesFrom(node.children, ctx) }];
    }
    case 'list':
      return [
        {
          type: 'list',
          ordered: node.ordered === true,
          start: node.start ?? 1,
          items: node.children.map((item) => item.children.flatMap((child) => blockFrom(child, ctx, offset))),
        },
      ];
    case 'blockquote':
      return [{ type: 'quote', blocks: node.children.flatMap((child) => blockFrom(child, ctx, offset)) }];
    case 'table': {
      const [headRow, ...bodyRows] = node.children;
      const align = (index: number) => node.align?.[index] ?? undefined;
      const cells = (row: typeof headRow, header: boolean): TableCell[] =>
        (row?.children ?? []).map((cell, index) => ({ inlines: inlinesFrom(cell.children, ctx), rowHeader: header ? undefined : index === 0, align: align(index) ?? undefined }));
      // A caption is the paragraph written just before the table in bold; else the section's tables go uncaptioned.
      return [{ type: 'table', caption: '', head: headRow ? [cells(headRow, true)] : [], rows: bodyRows.map((row) => cells(row, false)) }];
    }
    case 'thematicBreak':
      return [{ type: 'thematic-break' }];
    case 'mdxJsxFlowElement':
      return componentBlocks(node, ctx, offset);
    case 'html':
    case 'code':
      return [{ type: 'paragraph', inlines: [{ type: 'text', value: node.value }] }];
    default:
      // Footnote definitions are gathered by the section; MDX expressions and imports are check errors.
      return [];
  }
}

function figureFrom(url: string, alt: string, caption: string | undefined, ctx: MarkdownContext): Block {
  const source = path.resolve(ctx.folder, url);
  const base = path.basename(url).replace(/\.[^.]+$/, '');
  const existing = ctx.images.find((image) => image.source === source);
  const extension = /\.jpe?g$/i.test(url) ? 'jpg' : 'png';
  // Output names must be unique in the report: "chart.svg" and "chart.png" would both become chart.png.
  let name = `${base}.${extension}`;
  for (let n = 2; ctx.images.some((image) => image.name === name); n++) name = `${base}-${n}.${extension}`;
  const image = existing ?? { source, name };
  if (!existing) ctx.images.push(image);
  return { type: 'figure', image, alt, ...(caption ? { caption } : {}) };
}

function componentBlocks(node: MdxJsxFlowElement | MdxJsxTextElement, ctx: MarkdownContext, offset: number): Block[] {
  const component = componentNamed(node.name ?? '');
  if (!component) throw new Error(`unknown component <${node.name}>: npm run check reports it`);
  const props = component.attributes.parse(attributesOf(node));
  const children = (node.children as RootContent[]).flatMap((child) => blockFrom(child, ctx, offset));
  if (component.kind === 'inline') return [{ type: 'paragraph', inlines: component.inlines(props, ctx.components) }];
  return component.blocks(props, ctx.components, children);
}

export function inlinesFrom(nodes: readonly PhrasingContent[], ctx: MarkdownContext, style: { bold?: boolean; italic?: boolean } = {}): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    switch (node.type) {
      case 'text':
        return [{ type: 'text', value: node.value.replace(/\s*\n\s*/g, ' '), ...style }];
      case 'emphasis':
        return inlinesFrom(node.children, ctx, { ...style, italic: true });
      case 'strong':
        return inlinesFrom(node.children, ctx, { ...style, bold: true });
      case 'delete':
        return inlinesFrom(node.children, ctx, style);
      case 'inlineCode':
        return [{ type: 'text', value: node.value, ...style }];
      case 'link':
        return [{ type: 'link', url: node.url, children: inlinesFrom(node.children, ctx, style) }];
      case 'break':
        return [{ type: 'break' }];
      case 'footnoteReference': {
        const note = noteFor(node.identifier, ctx);
        return [{ type: 'note-ref', number: note.number, noteId: note.id }];
      }
      case 'image':
        // An image inside running text: its alt text stands in (check asks for its own paragraph).
        return [{ type: 'text', value: node.alt ?? '', ...style }];
      case 'mdxJsxTextElement': {
        const component = componentNamed(node.name ?? '');
        if (!component || component.kind !== 'inline') throw new Error(`<${node.name}> cannot be used inside a sentence: npm run check reports it`);
        return component.inlines(component.attributes.parse(attributesOf(node)), ctx.components);
      }
      default:
        return [];
    }
  });
}
