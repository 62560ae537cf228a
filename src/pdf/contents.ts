/**
 * What both PDF writers (the full report and the easy-read version) do with their headings: the
 * bookmarks that mirror them, and the contents page, laid out before the body, its pages reserved,
 * and filled in with page numbers and links once every heading is placed.
 */
import type { ContentsEntry } from '../document/blocks.ts';
import { layoutInlines, type InlineStyle, type Line } from './inline-layout.ts';
import type { TaggedPdfWriter } from './writer.ts';

type OutlineItem = PDFKit.PDFOutline;

/** Bookmarks: the title and level 2 headings at the top, a level 3 under the level 2 before it, deeper ones under the level 3 before them. */
export class Outline {
  private at: { 2?: OutlineItem; 3?: OutlineItem } = {};
  private readonly doc: PDFKit.PDFDocument;
  private readonly pageWidth: number;

  constructor(doc: PDFKit.PDFDocument, pageWidth: number) {
    this.doc = doc;
    this.pageWidth = pageWidth;
  }

  /** A bookmark to the heading whose top is at `top` on the page being drawn. */
  add(text: string, level: number, top: number): void {
    const options = { fit: false, top, left: this.pageWidth } as unknown as Parameters<OutlineItem['addItem']>[1];
    const root = this.doc.outline;
    if (level <= 2) this.at = { 2: root.addItem(text, options) };
    else if (level === 3) this.at[3] = (this.at[2] ?? root).addItem(text, options);
    else (this.at[3] ?? this.at[2] ?? root).addItem(text, options);
  }
}

/** How a writer's contents look. */
export interface ContentsLook {
  /** The column the entries are set in, and the foot of the page. */
  left: number;
  width: number;
  bottom: number;
  /** Room kept right of an entry's text for its page number. */
  numberRoom: number;
  style: (entry: ContentsEntry) => InlineStyle;
  indent: (entry: ContentsEntry) => number;
  spaceBefore: (entry: ContentsEntry) => number;
  spaceAfter: number;
  /** The dotted line from an entry's last line to its page number. */
  leader: { gap: number; lineWidth: number; dash: number; space: number; colour: string };
}

/**
 * Lays out the entries from the writer's y (a TOC element, a new page when one is full) and
 * returns what fills in each entry (TOCI > Link: its text, its page, its leader) once
 * `headingPages` knows every page.
 */
export function layOutContents(writer: TaggedPdfWriter, entries: readonly ContentsEntry[], look: ContentsLook, headingPages: Record<string, number>): () => void {
  const toc = writer.openElement('TOC');
  const placed: { entry: ContentsEntry; page: number; y: number; lines: Line[] }[] = [];
  for (const entry of entries) {
    const style = look.style(entry);
    // A long entry wraps, its page number on its last line.
    const lines = layoutInlines([{ type: 'text', value: entry.text }], look.width - look.indent(entry) - look.numberRoom, style, writer.measure);
    const height = writer.lineHeight(style) * lines.length;
    const before = look.spaceBefore(entry);
    const need = height + before;
    if (writer.y + need > look.bottom) writer.newPage();
    writer.y += before;
    placed.push({ entry, page: writer.pageIndex, y: writer.y, lines });
    writer.y += height + look.spaceAfter;
  }
  return () => {
    for (const { entry, page, y, lines } of placed) drawEntry(writer, toc, entry, page, y, lines, look, String(headingPages[entry.id] ?? ''));
    toc.end();
  };
}

function drawEntry(writer: TaggedPdfWriter, toc: PDFKit.PDFStructureElement, entry: ContentsEntry, page: number, y: number, lines: Line[], look: ContentsLook, number: string): void {
  const { doc } = writer;
  doc.switchToPage(page);
  const style = look.style(entry);
  const lh = writer.lineHeight(style);
  const x = look.left + look.indent(entry);
  const right = look.left + look.width;
  const numberWidth = writer.measure(number, style.font, style.size);
  const lastTop = writer.textTop(y + (lines.length - 1) * lh, style);
  const item = doc.struct('TOCI');
  toc.add(item);
  const link = doc.struct('Link');
  item.add(link);
  // The title ends in a space and its page number is marked apart, so the two read as separate words.
  writer.content(link, 'Link', () => lines.forEach((line, index) => writer.drawText(`${line.segments.map((s) => (s.kind === 'text' ? s.text : '')).join('').trimEnd()} `, x, writer.textTop(y + index * lh, style), style, false)));
  writer.content(link, 'Link', () => writer.drawText(number, right - numberWidth, lastTop, style, false));
  // Decoration only.
  writer.artifact(() => {
    const { gap, lineWidth, dash, space, colour } = look.leader;
    const from = x + lines.at(-1)!.width + gap;
    const to = right - numberWidth - gap;
    if (to > from) doc.moveTo(from, lastTop + style.size).lineTo(to, lastTop + style.size).lineWidth(lineWidth).dash(dash, { space }).stroke(colour).undash();
  });
  doc.goTo(look.left, y, look.width, lh * lines.length, entry.id, { structParent: link, Contents: new String(`${entry.text}, page ${number}`) } as unknown as PDFKit.Mixins.AnnotationOption);
  link.end();
  item.end();
}
