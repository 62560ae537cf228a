/** Reads a PDF back with pdfjs-dist, as an assistive technology or a reader would see it. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  text: string;
  x: number;
  /** Distance from the top of the page, in points. */
  top: number;
  size: number;
  width: number;
  /** Inside an Artifact: page furniture that assistive technology skips. */
  artifact: boolean;
}

export interface StructNode {
  role: string;
  alt?: string;
  children: StructNode[];
}

export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

export interface ReadPdf {
  pageCount: number;
  info: Record<string, unknown>;
  markInfo: { Marked?: boolean } | null;
  pages: TextItem[][];
  /** One structure tree per page, as pdfjs exposes it. */
  structure: StructNode[];
  outline: OutlineEntry[];
  /** Page (1-based) of a named destination. */
  destinationPage(name: string): Promise<number | null>;
  /** Link annotations per page: URL or destination name. */
  links: { page: number; url?: string; dest?: string }[][];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: TextItem[][] = [];
  const structure: StructNode[] = [];
  const links: ReadPdf['links'] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const height = page.view[3]!;
    const content = await page.getTextContent({ includeMarkedContent: true });
    const items: TextItem[] = [];
    const open: string[] = [];
    for (const item of content.items as Array<Record<string, unknown>>) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(String(item.tag));
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string' && item.str !== '') {
        const transform = item.transform as number[];
        items.push({ text: item.str, x: transform[4]!, top: height - transform[5]!, size: Math.abs(transform[3]!), width: Number(item.width), artifact: open.includes('Artifact') });
      }
    }
    pages.push(items);
    const tree = (await page.getStructTree()) as unknown as { children?: unknown[] } | null;
    structure.push(toNode(tree));
    const annotations = (await page.getAnnotations()) as Array<{ subtype: string; url?: string; dest?: unknown }>;
    links.push(annotations.filter((a) => a.subtype === 'Link').map((a) => ({ page: number, ...(a.url ? { url: a.url } : {}), ...(typeof a.dest === 'string' ? { dest: a.dest } : {}) })));
  }
  const pageOf = async (dest: unknown): Promise<number> => {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[]);
    return (await doc.getPageIndex(explicit![0] as { num: number; gen: number })) + 1;
  };
  const outlineOf = async (items: Array<{ title: string; dest: unknown; items: unknown[] }> | null): Promise<OutlineEntry[]> =>
    Promise.all((items ?? []).map(async (item) => ({ title: item.title, page: await pageOf(item.dest), children: await outlineOf(item.items as never) })));
  const metadata = await doc.getMetadata();
  return {
    pageCount: doc.numPages,
    info: metadata.info as Record<string, unknown>,
    markInfo: (await doc.getMarkInfo()) as { Marked?: boolean } | null,
    pages,
    structure,
    outline: await outlineOf((await doc.getOutline()) as never),
    destinationPage: async (name) => {
      const dest = await doc.getDestination(name);
      return dest ? (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1 : null;
    },
    links,
  };
}

function toNode(value: unknown): StructNode {
  const node = value as { role?: string; alt?: string; children?: unknown[] } | null;
  const children = (node?.children ?? []).filter((child) => (child as { role?: string }).role !== undefined).map(toNode);
  return { role: node?.role ?? 'Root', ...(node?.alt ? { alt: node.alt } : {}), children };
}

/** Every node of a structure tree, depth first. */
export function* walk(node: StructNode): Generator<StructNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

/** The page's text as lines: items at the same height joined in reading order. */
export function linesOf(items: readonly TextItem[], { artifacts = false } = {}): { text: string; top: number; size: number }[] {
  const lines: { text: string; top: number; size: number; end: number }[] = [];
  for (const item of items) {
    if (item.artifact && !artifacts) continue;
    const line = lines.find((l) => Math.abs(l.top - item.top) < 2);
    if (line) {
      // Separate cells or words that are apart on the page; join pieces that touch.
      line.text += (item.x - line.end > 1 ? ' ' : '') + item.text;
      line.end = item.x + item.width;
      line.size = Math.max(line.size, item.size);
    } else lines.push({ text: item.text, top: item.top, size: item.size, end: item.x + item.width });
  }
  return lines.sort((a, b) => a.top - b.top).map(({ text, top, size }) => ({ text: text.replace(/\s+/g, ' ').trim(), top, size }));
}

export interface ImageBox {
  x: number;
  /** Distance of the picture's top edge from the top of the page, in points. */
  top: number;
  width: number;
  height: number;
}

export interface PageDrawing {
  /** Every picture painted on the page, where it lands. */
  images: ImageBox[];
  /** Fill colours in force whenever text is shown ("#0b0c0c"). */
  textColours: Set<string>;
  /** Lines or shapes drawn inside Link marked content: an underline would be one. */
  pathsInLinks: number;
  /** The box of every stroked path (a rule is a box of no height), where it lands. */
  strokes: ImageBox[];
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, c: Matrix): Matrix => [m[0] * c[0] + m[1] * c[2], m[0] * c[1] + m[1] * c[3], m[2] * c[0] + m[3] * c[2], m[2] * c[1] + m[3] * c[3], m[4] * c[0] + m[5] * c[2] + c[4], m[4] * c[1] + m[5] * c[3] + c[5]];

/** A box of user space, through a transform, as it lands on a page of this height. */
function boxOf(ctm: Matrix, height: number, x0: number, y0: number, x1: number, y1: number): ImageBox {
  const corners = [[x0, y0], [x1, y0], [x0, y1], [x1, y1]].map(([x, y]) => [ctm[0] * x! + ctm[2] * y! + ctm[4], ctm[1] * x! + ctm[3] * y! + ctm[5]]);
  const xs = corners.map((c) => c[0]!);
  const ys = corners.map((c) => c[1]!);
  const x = Math.min(...xs);
  return { x, top: height - Math.max(...ys), width: Math.max(...xs) - x, height: Math.max(...ys) - Math.min(...ys) };
}

/** What each page draws besides text, read from its operator list (transforms followed through save and restore). */
export async function drawingsOf(bytes: Uint8Array): Promise<PageDrawing[]> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PageDrawing[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const height = page.view[3]!;
    const { fnArray, argsArray } = await page.getOperatorList();
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    let fill = '#000000';
    const stack: { ctm: Matrix; fill: string }[] = [];
    const marked: string[] = [];
    const drawing: PageDrawing = { images: [], textColours: new Set(), pathsInLinks: 0, strokes: [] };
    fnArray.forEach((fn, i) => {
      const args = argsArray[i] as unknown[];
      switch (fn) {
        case OPS.save:
          stack.push({ ctm, fill });
          break;
        case OPS.restore:
          ({ ctm, fill } = stack.pop() ?? { ctm, fill });
          break;
        case OPS.transform:
          ctm = multiply(args as Matrix, ctm);
          break;
        case OPS.setFillRGBColor:
          fill = String(args[0]).toLowerCase();
          break;
        case OPS.beginMarkedContent:
        case OPS.beginMarkedContentProps:
          marked.push(String(args[0]));
          break;
        case OPS.endMarkedContent:
          marked.pop();
          break;
        case OPS.showText:
        case OPS.showSpacedText:
          drawing.textColours.add(fill);
          break;
        case OPS.constructPath: {
          if (marked.includes('Link')) drawing.pathsInLinks++;
          // pdfjs gives the path's operator and its bounds in user space: [op, path, [minX, minY, maxX, maxY]].
          const [op, , bounds] = args as [number, unknown, number[] | null];
          if (op === OPS.stroke && bounds) drawing.strokes.push(boxOf(ctm, height, bounds[0]!, bounds[1]!, bounds[2]!, bounds[3]!));
          break;
        }
        case OPS.stroke:
        case OPS.fill:
          if (marked.includes('Link')) drawing.pathsInLinks++;
          break;
        case OPS.paintImageXObject:
          drawing.images.push(boxOf(ctm, height, 0, 0, 1, 1));
          break;
      }
    });
    pages.push(drawing);
  }
  return pages;
}

/** A page's text as lines with where each starts: items at the same height joined left to right. */
export function placedLinesOf(items: readonly TextItem[], { artifacts = false } = {}): { text: string; x: number; top: number; size: number }[] {
  const lines: { text: string; x: number; top: number; size: number; end: number }[] = [];
  for (const item of [...items].sort((a, b) => a.top - b.top || a.x - b.x)) {
    if (item.artifact && !artifacts) continue;
    const line = lines.find((l) => Math.abs(l.top - item.top) < 2);
    if (line) {
      line.text += (item.x - line.end > 1 ? ' ' : '') + item.text;
      line.end = item.x + item.width;
      line.size = Math.max(line.size, item.size);
    } else lines.push({ text: item.text, x: item.x, top: item.top, size: item.size, end: item.x + item.width });
  }
  return lines.sort((a, b) => a.top - b.top).map(({ text, x, top, size }) => ({ text: text.replace(/\s+/g, ' ').trim(), x, top, size }));
}

/** Inline structure elements: their text runs on with their neighbours' (a link inside a sentence). */
const INLINE_ROLES = new Set(['Link', 'Span', 'Reference', 'Note', 'Quote', 'Code']);

/**
 * The document's text as a screen reader gets it: the characters each structure element's marked
 * content shows (read from the content stream, spaces included), in structure order; artifacts
 * left out. Block elements are set apart by line breaks; inline elements and the marked content
 * within a block run on, so words are apart only where the PDF has a space.
 */
export async function structureText(bytes: Uint8Array): Promise<string> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  type Tree = { role?: string; type?: string; id?: string; alt?: string; children?: Tree[] };
  const pages: string[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const { fnArray, argsArray } = await page.getOperatorList();
    const byMcid = new Map<number, string>();
    const open: (number | null)[] = [];
    fnArray.forEach((fn, i) => {
      const args = argsArray[i] as unknown[];
      if (fn === OPS.beginMarkedContent) open.push(null);
      else if (fn === OPS.beginMarkedContentProps) open.push(typeof args[1] === 'number' ? args[1] : null);
      else if (fn === OPS.endMarkedContent) open.pop();
      else if (fn === OPS.showText || fn === OPS.showSpacedText) {
        const mcid = open.findLast((m) => m !== null);
        const text = (args[0] as Array<{ unicode?: string } | number>).map((g) => (typeof g === 'object' ? (g.unicode ?? '') : '')).join('');
        if (mcid !== undefined && mcid !== null) byMcid.set(mcid, (byMcid.get(mcid) ?? '') + text);
      }
    });
    const textOf = (node: Tree): string => {
      if (node.type === 'content') return byMcid.get(Number(/_mc(\d+)$/.exec(node.id ?? '')?.[1])) ?? '';
      const inner = (node.children ?? []).map((child) => (child.role && !INLINE_ROLES.has(child.role) ? `\n${textOf(child)}\n` : textOf(child))).join('');
      return node.role === 'Figure' && node.alt ? `\n${node.alt}\n${inner}` : inner;
    };
    pages.push(textOf(((await page.getStructTree()) as unknown as Tree | null) ?? {}));
  }
  return pages.join('\n');
}
