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
