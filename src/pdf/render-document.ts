/**
 * Draws a document model as an accessible A4 PDF with pdfkit: tagged (PDF/UA structure, language,
 * title shown), embedded OFL fonts, bookmarks mirroring the headings, a contents page with the real
 * page numbers, running header and "Page N of M" footer as artifacts, no heading stranded at the foot
 * of a page, no section (nor the document) ending on a page of fewer than five lines, table header
 * rows repeated on every page. The same input always gives the same bytes.
 */
import { chartSvg, PDF_CHART_MAX_WIDTH } from '../charts/chart-svg.ts';
import type { Block, ContentsEntry, DocumentModel, Inline, TableCell } from '../document/blocks.ts';
import { contentsOf, figuresOf, numberedLabel, sectionsOf } from '../document/blocks.ts';
import { normaliseImage, type NormalisedImage } from '../document/images.ts';
import { layOutContents, Outline } from './contents.ts';
import { drawSvg } from './drawings.ts';
import { layoutInlines, type InlineStyle, type Line } from './inline-layout.ts';
import { pageOf, REHEARSAL_ELEMENT, TaggedPdfWriter, type Struct } from './writer.ts';
import { COLOURS } from '../visual-system.ts';

export interface RenderedPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** The 1-based page each heading id starts on. */
  headingPages: Record<string, number>;
}

/** The choices of a tick-box cell are separate words: each one's last line ends in a space (drawn, not measured), so extracted text keeps them apart. */
function endsInSpace(lines: Line[]): Line[] {
  const last = lines.at(-1)?.segments.at(-1);
  if (last?.kind === 'text' && !last.text.endsWith(' ')) last.text += ' ';
  return lines;
}

/** Margins of a page: portrait as ever; landscape (wide tables) gives more of its width to the text. */
function marginOf(orientation: DocumentModel['orientation']) {
  return orientation === 'landscape' ? { left: 36, right: 36, top: 64, bottom: 56 } : { left: 64, right: 64, top: 74, bottom: 74 };
}
const LEADING = 1.45;
/** The document's colours, from the one visual system. */
const COLOUR = {
  text: COLOURS.text,
  link: COLOURS.link,
  muted: COLOURS.secondaryText,
  rule: COLOURS.border,
  band: COLOURS.brand,
  headBackground: COLOURS.lightBackground,
  quoteBar: COLOURS.brand,
  asideBar: COLOURS.border,
  // A line to write on must show (3:1), unlike a rule that only separates.
  writingLine: COLOURS.secondaryText,
};
const BODY: InlineStyle = { font: 'regular', size: 11, colour: COLOUR.text, linkColour: COLOUR.link };
const SMALL: InlineStyle = { ...BODY, size: 9.5 };
const HEADING_SIZE = { 1: 26, 2: 19, 3: 14.5, 4: 12 } as const;
/** The gap between ruled lines in a cell to write in (about 8 mm: room for handwriting). */
const WRITING_LINE = 23;
/** The fewest lines of text the last page (of the document, and of each section) may hold: fewer looks like a page left over by accident. */
export const MIN_LAST_PAGE_LINES = 5;
/** A tick box: its side, the gap before its word, and the extra space between boxes. */
const TICK = { box: 9, gap: 6, spacing: 6 } as const;

/** A place in the body where a page may break: between blocks, list items, table rows, or lines of a paragraph. */
interface BreakPoint {
  /** Its number in reading order: the same in every rendering of one document. */
  seq: number;
  page: number;
  y: number;
}

interface Frame {
  x: number;
  width: number;
  style: InlineStyle;
}

/**
 * Laid-out lines of one document, shared by its renderings: by the model's inline arrays, and by
 * the text of a single run (the renderer makes those afresh). The lines are drawn as they are, never
 * changed (endsInSpace's change is made once).
 */
interface LayoutCache {
  byInlines: WeakMap<readonly Inline[], Map<string, Line[]>>;
  byText: Map<string, Map<string, Line[]>>;
  /**
   * byText's maps as found before by the style object and width asked with, and the text's bold and
   * italic (see flagsOf): most text comes in a style object used again and again, and is then
   * looked up without making a key and hashing it.
   */
  byStyle: WeakMap<InlineStyle, Map<number, (Map<string, Line[]> | undefined)[]>>;
  /** Tables laid out (columns, rows, lines), by table and frame: measured for page breaks and drawn in every rendering. */
  tables: WeakMap<Extract<Block, { type: 'table' }>, Map<string, TableLayout>>;
}
const newLayoutCache = (): LayoutCache => ({ byInlines: new WeakMap(), byText: new Map(), byStyle: new WeakMap(), tables: new WeakMap() });
/** A text's bold and italic as one number, as its key in byText writes them: each unset, true or false. */
const flagsOf = (text: { bold?: boolean; italic?: boolean }) => (text.bold === undefined ? 0 : text.bold ? 1 : 2) * 3 + (text.italic === undefined ? 0 : text.italic ? 1 : 2);
type TableLayout = ReturnType<PdfWriter['layOutTable']>;

interface KeptRuns {
  /** For each block, the first table kept with the blocks from it on (its index), or -1. */
  keptFrom: number[];
  /** Whether the block is inside a run kept with its table (after the run's first block, up to the table). */
  inKeptRun: boolean[];
}
const keptRuns = new WeakMap<readonly Block[], KeptRuns>();

/** Tables kept with the blocks that introduce them, found once per list of blocks (not again for each block, in each rendering). */
function keptRunsOf(blocks: readonly Block[]): KeptRuns {
  let runs = keptRuns.get(blocks);
  if (runs) return runs;
  runs = { keptFrom: blocks.map(() => -1), inKeptRun: blocks.map(() => false) };
  blocks.forEach((table, j) => {
    if (table.type !== 'table' || table.keepWith === undefined) return;
    const first = j - table.keepWith;
    if (first >= 0 && first < blocks.length && runs.keptFrom[first] === -1) runs.keptFrom[first] = j;
    for (let index = Math.max(0, first + 1); index <= j; index++) runs.inKeptRun[index] = true;
  });
  keptRuns.set(blocks, runs);
  return runs;
}

class PdfWriter extends TaggedPdfWriter {
  readonly headingPages: Record<string, number> = {};
  private readonly images: Map<string, NormalisedImage>;
  /** The page and the area text may use, from the document's orientation. */
  private readonly page = pageOf(this.model.orientation);
  private readonly margin = marginOf(this.model.orientation);
  private readonly contentWidth = this.page.width - this.margin.left - this.margin.right;
  private readonly bottom = this.page.height - this.margin.bottom;
  private readonly outline = new Outline(this.doc, this.page.width);

  /** Break points of the body as drawn, and the tops of the text lines drawn on each page of it (see lastPagePull). */
  private readonly breakPoints: BreakPoint[] = [];
  private nextBreak = 0;
  private readonly lineTops = new Map<number, Set<number>>();
  private inBody = false;
  /** Pages a level-2 section starts on: such a page is never filled from the section before. */
  private readonly sectionStarts = new Set<number>();
  /** The last page of each section that the next section's new page ends, and of the body: where text stops on it. */
  private readonly sectionEnds: { page: number; y: number }[] = [];
  private readonly layouts: LayoutCache;
  /** The break points where a new page starts anyway, so that no section's last page is left short. */
  private readonly breakAt: ReadonlySet<number>;

  constructor(model: DocumentModel, images: Map<string, NormalisedImage>, layouts: LayoutCache = newLayoutCache(), breakAt: ReadonlySet<number> = new Set(), dry = false) {
    super(model, { top: marginOf(model.orientation).top, leading: LEADING, underlineLinks: true });
    this.images = images;
    this.layouts = layouts;
    this.breakAt = breakAt;
    this.dry = dry;
  }

  /** A place where the page may break: breaks here when it is the chosen one (true when it did). `glued` ones (just under a heading) are never chosen. */
  private breakPoint(glued = false): boolean {
    if (!this.inBody) return false;
    const seq = this.nextBreak++;
    const broke = this.breakAt.has(seq) && !this.atPageTop();
    if (broke) this.newPage();
    if (!glued) this.breakPoints.push({ seq, page: this.pageIndex, y: this.y });
    return broke;
  }

  override drawLine(...args: Parameters<TaggedPdfWriter['drawLine']>): void {
    if (this.inBody) {
      const [, , style, , , top = this.textTop(this.y, style)] = args;
      const tops = this.lineTops.get(this.pageIndex) ?? new Set<number>();
      tops.add(Math.round(top));
      this.lineTops.set(this.pageIndex, tops);
    }
    super.drawLine(...args);
  }

  /**
   * For each section's last page (before the next section's new page, and the body's last) that
   * holds fewer than `minLines` lines of text, the break point on the page before from which enough
   * lines would move over to join them: the latest such, so as little as possible moves. None for a
   * page that starts its section, or that nothing on the page before could fill.
   */
  shortPagePulls(minLines: number): Set<number> {
    const pulls = new Set<number>();
    for (const end of this.sectionEnds) {
      const onLast = this.lineTops.get(end.page)?.size ?? 0;
      if (onLast >= minLines || onLast === 0 || this.sectionStarts.has(end.page)) continue;
      const before = [...(this.lineTops.get(end.page - 1) ?? [])];
      const room = this.bottom - end.y;
      const candidates = this.breakPoints.filter((b) => b.page === end.page - 1 && b.y > this.margin.top + 0.01).sort((a, b) => b.seq - a.seq);
      const chosen = candidates.find((candidate) => before.filter((top) => top >= candidate.y - 0.5).length + onLast >= minLines && this.bottom - candidate.y <= room);
      if (chosen) pulls.add(chosen.seq);
    }
    return pulls;
  }

  /** Section-end pages with fewer than `minLines` lines of text. */
  shortPages(minLines: number): number {
    return this.sectionEnds.filter((end) => (this.lineTops.get(end.page)?.size ?? 0) < minLines).length;
  }


  private atPageTop(): boolean {
    return this.y <= this.margin.top + 0.01;
  }

  layout(inlines: readonly Inline[], frame: Frame): Line[] {
    const { style } = frame;
    if (style.pageOf || style.onPage) return layoutInlines(inlines, frame.width, style, this.measure);
    // The same words in the same frame break the same way: laid out once per document, though
    // measured for page breaks, drawn, and drawn again when the pages are redone.
    const single = inlines.length === 1 && inlines[0]!.type === 'text' ? inlines[0]! : undefined;
    const frameKey = () => `${frame.width}\u0000${style.font}\u0000${style.size}\u0000${style.colour}\u0000${style.linkColour}\u0000${style.boldLinks ?? ''}`;
    let cache: Map<string, Line[]>;
    let key: string;
    if (single) {
      // By frame, then by the text itself: a paragraph's text is not copied into a key at every look-up.
      let byWidth = this.layouts.byStyle.get(style);
      if (!byWidth) this.layouts.byStyle.set(style, (byWidth = new Map()));
      let variants = byWidth.get(frame.width);
      if (!variants) byWidth.set(frame.width, (variants = []));
      const flags = flagsOf(single);
      let byText = variants[flags];
      if (!byText) {
        const textKey = `${frameKey()}\u0000${single.bold ?? ''}\u0000${single.italic ?? ''}`;
        byText = this.layouts.byText.get(textKey);
        if (!byText) this.layouts.byText.set(textKey, (byText = new Map()));
        variants[flags] = byText;
      }
      cache = byText;
      key = single.value;
    } else {
      let byFrame = this.layouts.byInlines.get(inlines);
      if (!byFrame) this.layouts.byInlines.set(inlines, (byFrame = new Map()));
      cache = byFrame;
      key = frameKey();
    }
    let lines = cache.get(key);
    if (!lines) {
      lines = layoutInlines(inlines, frame.width, style, this.measure);
      cache.set(key, lines);
    }
    return lines;
  }

  /** A paragraph: never one line alone at the foot or the head of a page when it has more. */
  paragraph(inlines: readonly Inline[], frame: Frame, tag = 'P'): void {
    const lines = this.layout(inlines, frame);
    const lh = this.lineHeight(frame.style);
    const fits = Math.floor((this.bottom - this.y) / lh + 0.001);
    if (fits < Math.min(2, lines.length) || (lines.length <= 3 && fits < lines.length)) this.newPage();
    this.within(tag, {}, (element) => {
      lines.forEach((line, index) => {
        const remaining = lines.length - index;
        // Between lines, where neither part would be a single line alone.
        if (index >= 2 && remaining >= 2) this.breakPoint();
        const roomFor = Math.floor((this.bottom - this.y) / lh + 0.001);
        if (roomFor < 1 || (remaining === 2 && roomFor < 2 && index >= 2)) this.newPage();
        this.drawLine(line, frame.x, frame.style, element, tag);
        this.y += lh;
      });
    });
  }

  // ---- blocks ----

  /** The least height a block needs on the page where it starts (a heading must be followed by this). */
  startHeight(block: Block, frame: Frame): number {
    switch (block.type) {
      case 'paragraph': {
        const style = block.style === 'small' ? SMALL : frame.style;
        return Math.min(2, this.layout(block.inlines, { ...frame, style }).length) * this.lineHeight(style);
      }
      case 'heading':
        return this.headingHeight(block, frame) + 2 * this.lineHeight(frame.style);
      case 'rating-line':
        return this.lineHeight(frame.style) * 2;
      case 'list':
      case 'quote':
      case 'aside':
        return 3 * this.lineHeight(frame.style) + 8;
      case 'table':
        return 5 * this.lineHeight(frame.style) + 20;
      case 'figure': {
        const image = this.images.get(block.image.source);
        return image ? this.figureSize(image, frame).height + 40 : 40;
      }
      case 'definitions':
        return 3 * this.lineHeight(frame.style);
      default:
        return this.lineHeight(frame.style);
    }
  }

  fullHeight(block: Block, frame: Frame): number {
    if (block.type !== 'paragraph') return this.startHeight(block, frame);
    const style = block.style === 'small' ? SMALL : frame.style;
    return this.layout(block.inlines, { ...frame, style }).length * this.lineHeight(style);
  }

  headingHeight(block: Extract<Block, { type: 'heading' }>, frame: Frame): number {
    const size = HEADING_SIZE[block.level];
    const lines = this.layout([{ type: 'text', value: block.text }], { ...frame, style: { ...frame.style, font: 'bold', size } });
    return lines.length * size * 1.25 + (block.level === 2 ? 14 : 8);
  }

  /** The height a block takes when drawn whole (at most a little more): what a run kept on one page needs. */
  wholeHeight(block: Block, frame: Frame): number {
    const gap = frame.style.size * 0.7;
    switch (block.type) {
      case 'heading':
        return this.headingHeight(block, frame) + HEADING_SIZE[block.level] * 0.6;
      case 'paragraph':
        return this.fullHeight(block, frame) + gap;
      case 'list': {
        const inner = { ...frame, width: frame.width - 18 };
        return block.items.reduce((sum, item) => sum + item.reduce((h, child) => h + this.wholeHeight(child, inner), 0) + 3, 0) + gap * 0.5;
      }
      case 'table':
        return this.tableLayout(block, frame).wholeHeight + gap;
      default:
        return this.startHeight(block, frame);
    }
  }

  blocks(blocks: readonly Block[], frame: Frame): void {
    const { keptFrom, inKeptRun } = keptRunsOf(blocks);
    blocks.forEach((block, index) => {
      // A table kept with the blocks that introduce it: if they do not all fit here, they start the next page together.
      const kept = keptFrom[index]!;
      if (kept > index && !this.atPageTop()) {
        const need = blocks.slice(index, kept + 1).reduce((sum, b) => sum + this.wholeHeight(b, frame), 0);
        if (this.y + need > this.bottom && need <= this.bottom - this.margin.top) this.newPage();
      }
      if (block.type === 'heading') {
        // Keep the heading with what follows: the rating line and the first lines after it.
        // Counting the space a heading below level 2 leaves above itself, as heading() does.
        let need = this.headingHeight(block, frame) + (block.level > 2 && !this.atPageTop() ? HEADING_SIZE[block.level] * 0.6 : 0);
        let next = index + 1;
        while (blocks[next]?.type === 'rating-line') need += this.startHeight(blocks[next++]!, frame);
        // Under a rating line comes the standard's statement: keep the first lines after it too.
        if (next > index + 1 && blocks[next]?.type === 'paragraph') need += this.fullHeight(blocks[next++]!, frame) + frame.style.size * 0.7;
        if (blocks[next]) need += this.startHeight(blocks[next]!, frame);
        // A section starts a page, except in a document read at once from its first page (no title page).
        if (block.level === 2 && this.model.titlePage !== false && !this.atPageTop()) {
          if (this.inBody) this.sectionEnds.push({ page: this.pageIndex, y: this.y });
          this.newPage();
        } else if (this.y + need > this.bottom) this.newPage();
        if (block.level === 2) this.sectionStarts.add(this.pageIndex);
      }
      const previous = blocks[index - 1];
      // Never between a heading or rating line and what they introduce, nor inside a run kept with its table.
      const glued = previous?.type === 'heading' || previous?.type === 'rating-line' || (previous?.type === 'paragraph' && blocks[index - 2]?.type === 'rating-line') || inKeptRun[index]!;
      if (index > 0 && block.type !== 'heading') this.breakPoint(glued);
      else if (block.type === 'heading' && block.level > 2) this.breakPoint(glued);
      this.block(block, frame);
    });
  }

  block(block: Block, frame: Frame): void {
    const gap = frame.style.size * 0.7;
    switch (block.type) {
      case 'heading':
        return this.heading(block, frame);
      case 'paragraph': {
        const style = block.style === 'small' ? { ...frame.style, size: frame.style.size * 0.86 } : frame.style;
        this.paragraph(block.inlines, { ...frame, style });
        this.y += gap;
        return;
      }
      case 'rating-line':
        this.paragraph([{ type: 'text', value: `${block.label}: `, bold: true }, block.rating], { ...frame, style: { ...frame.style, size: frame.style.size + 1 } });
        this.y += gap * 0.6;
        return;
      case 'list':
        this.list(block, frame);
        this.y += gap * 0.5;
        return;
      case 'quote':
        this.barred('BlockQuote', frame, COLOUR.quoteBar, 3, (inner) => this.blocks(block.blocks, { ...inner, style: { ...inner.style, font: 'italic' } }));
        this.y += gap * 0.5;
        return;
      case 'aside':
        this.barred('Div', frame, COLOUR.asideBar, 6, (inner) => {
          this.paragraph([{ type: 'text', value: block.title, bold: true }], inner);
          this.y += 4;
          this.blocks(block.blocks, inner);
        });
        this.y += gap * 0.5;
        return;
      case 'table':
        this.table(block, frame);
        this.y += gap;
        return;
      case 'figure':
        this.figure(block, frame);
        this.y += gap;
        return;
      case 'chart':
        this.chart(block, frame);
        this.y += gap;
        return;
      case 'notes':
        this.notes(block, frame);
        return;
      case 'definitions':
        this.within('L', {}, () => {
          for (const item of block.items) {
            const termLines = this.layout([{ type: 'text', value: item.term, bold: true }], frame);
            // The term stays with its definition: all of it when short, else its first two lines.
            const definitionLines = this.layout([{ type: 'text', value: item.definition }], { ...frame, width: frame.width - 14 }).length;
            const keep = termLines.length + (definitionLines <= 3 ? definitionLines : 2);
            this.breakPoint();
            if (this.y + keep * this.lineHeight(frame.style) > this.bottom) this.newPage();
            this.within('LI', {}, () => {
              this.doc.addNamedDestination(item.id, 'XYZ', frame.x, this.y, null);
              this.within('Lbl', {}, (label) => termLines.forEach((line) => {
                this.drawLine(line, frame.x, frame.style, label, 'Lbl');
                this.y += this.lineHeight(frame.style);
              }));
              this.within('LBody', {}, () => this.paragraph([{ type: 'text', value: item.definition }], { ...frame, x: frame.x + 14, width: frame.width - 14 }));
            });
            this.y += gap;
          }
        });
        return;
      case 'thematic-break':
        if (this.y + 20 > this.bottom) this.newPage();
        this.artifact(() => this.doc.moveTo(frame.x, this.y + 8).lineTo(frame.x + frame.width, this.y + 8).lineWidth(0.75).stroke(COLOUR.rule));
        this.y += 20;
        return;
    }
  }

  heading(block: Extract<Block, { type: 'heading' }>, frame: Frame): void {
    const size = HEADING_SIZE[block.level];
    if (block.level > 2 && !this.atPageTop()) this.y += size * 0.6;
    this.headingPages[block.id] = this.pageIndex + 1;
    this.doc.addNamedDestination(block.id, 'XYZ', frame.x, this.y, null);
    this.outline.add(block.text, block.level, this.y);
    const style: InlineStyle = { ...frame.style, font: 'bold', size, colour: COLOUR.text };
    const lines = this.layout([{ type: 'text', value: block.text }], { ...frame, style });
    this.within(`H${block.level}`, {}, (element) => {
      for (const line of lines) {
        this.drawLine(line, frame.x, { ...style, size }, element, `H${block.level}`);
        this.y += size * 1.25;
      }
    });
    this.y += block.level === 2 ? 12 : 5;
  }

  list(block: Extract<Block, { type: 'list' }>, frame: Frame): void {
    const indent = 18;
    this.within('L', block.ordered ? { } : {}, () => {
      block.items.forEach((item, index) => {
        const first = item[0];
        const need = first ? this.startHeight(first, { ...frame, x: frame.x + indent, width: frame.width - indent }) : this.lineHeight(frame.style);
        if (index > 0) this.breakPoint();
        if (this.y + need > this.bottom) this.newPage();
        this.within('LI', {}, () => {
          const label = block.ordered ? `${block.start + index}.` : frame.x > this.margin.left + indent ? '–' : '•';
          this.within('Lbl', {}, (lbl) => {
            const lines = this.layout([{ type: 'text', value: label }], frame);
            this.drawLine(lines[0]!, frame.x + (block.ordered ? 0 : 3), frame.style, lbl, 'Lbl');
          });
          this.within('LBody', {}, () => {
            item.forEach((child, childIndex) => {
              const inner = { ...frame, x: frame.x + indent, width: frame.width - indent };
              if (child.type === 'paragraph') {
                this.paragraph(child.inlines, inner);
                if (childIndex < item.length - 1) this.y += 3;
              } else {
                this.blocks([child], inner);
              }
            });
          });
        });
        this.y += 3;
      });
    });
  }

  /** A block with a vertical bar at its left, drawn on every page the block runs onto. */
  barred(tag: string, frame: Frame, colour: string, barWidth: number, fill: (inner: Frame) => void): void {
    const startPage = this.pageIndex;
    if (this.y + 3 * this.lineHeight(frame.style) > this.bottom) this.newPage();
    const start = { page: this.pageIndex, y: this.y };
    const inner = { ...frame, x: frame.x + barWidth + 12, width: frame.width - barWidth - 12 };
    this.within(tag, {}, () => {
      this.y += 2;
      fill(inner);
    });
    const end = { page: this.pageIndex, y: this.y - 4 };
    void startPage;
    for (let page = start.page; page <= end.page; page++) {
      this.doc.switchToPage(page);
      const top = page === start.page ? start.y : this.margin.top;
      const bottom = page === end.page ? end.y : this.bottom;
      this.artifact(() => this.doc.rect(frame.x, top, barWidth, bottom - top).fill(colour));
    }
    this.doc.switchToPage(end.page);
  }

  figureSize(image: NormalisedImage, frame: Frame): { width: number; height: number } {
    // 96 pixels to the inch on screen is 72 points; never wider than the text, never taller than half a page.
    // A drawing (SVG) takes the whole text width, so its text is as large as the page allows.
    let width = image.vector ? frame.width : Math.min(frame.width, (image.width * 72) / 96 / (image.width > 1200 ? 2 : 1));
    let height = image.vector ? (width * image.vector.height) / image.vector.width : (width * image.height) / image.width;
    const maxHeight = (this.bottom - this.margin.top) * 0.55;
    if (height > maxHeight) {
      width = (width * maxHeight) / height;
      height = maxHeight;
    }
    return { width, height };
  }

  figure(block: Extract<Block, { type: 'figure' }>, frame: Frame): void {
    const image = this.images.get(block.image.source);
    if (!image) throw new Error(`picture ${block.image.source} was not prepared`);
    const { width, height } = this.figureSize(image, frame);
    const captionStyle = { ...SMALL, font: 'italic' as const };
    const captionLines = block.caption ? this.layout([{ type: 'text', value: block.caption }], { ...frame, style: captionStyle }) : [];
    const total = height + 8 + captionLines.length * this.lineHeight(captionStyle);
    if (this.y + total > this.bottom) this.newPage();
    const x = frame.x;
    const top = this.y;
    this.within('Figure', { alt: block.alt, bbox: [x, top, x + width, top + height], placement: 'Block' }, (figure) => {
      // An author's drawing is drawn as vectors, its text in the PDF's embedded fonts whatever fonts
      // it names (it passed the picture checks: a plain drawing, no scripts or links). As with a
      // chart, the Figure speaks through its alt text: its shapes are its content, its words an
      // artifact drawn over them, so they are not read out run together after the alt text.
      const vector = image.vector;
      const draw = (svg: string) => !this.dry && drawSvg(this.doc, svg, x, top, { width, height, preserveAspectRatio: 'xMinYMin meet', fontCallback: this.embeddedFont });
      this.content(figure, 'Figure', () => (vector ? draw(vector.svg.replace(/<text\b[\s\S]*?<\/text>/g, '')) : !this.dry && this.doc.image(image.data, x, top, { width, height })));
      if (vector) this.artifact(() => draw(vector.svg.replace(/<(rect|path|circle|ellipse|line|polyline|polygon|image|use)\b/g, '<$1 visibility="hidden"')));
    });
    this.y += height + 6;
    if (captionLines.length) {
      this.within('Caption', {}, (caption) => {
        for (const line of captionLines) {
          this.drawLine(line, frame.x, captionStyle, caption, 'Caption');
          this.y += this.lineHeight(captionStyle);
        }
      });
    }
  }

  /** svg-to-pdfkit's font for a drawing's text: always the document's embedded fonts, never a standard PDF font. */
  readonly embeddedFont = (_family: string, bold: boolean, italic: boolean): string => {
    const name = bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
    this.doc.font(name);
    return name;
  };

  /** A chart: its numbered title, the SVG drawn as vectors inside a Figure (alt: its description), then its data table. */
  chart(block: Extract<Block, { type: 'chart' }>, frame: Frame): void {
    const label = numberedLabel(block, this.words);
    const svg = chartSvg(block.chart, { id: block.id, title: label, description: block.description });
    const size = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg)!;
    // The wide layout, never drawn larger than on screen (0.75 pt a pixel): its smallest text stays over 8 pt.
    const width = Math.min(frame.width, PDF_CHART_MAX_WIDTH);
    const height = (width * Number(size[2])) / Number(size[1]);
    const captionStyle: InlineStyle = { ...frame.style, font: 'bold' };
    const captionLines = this.layout([{ type: 'text', value: label }], { ...frame, style: captionStyle });
    if (this.y + captionLines.length * this.lineHeight(captionStyle) + height + 10 > this.bottom) this.newPage();
    this.headingPages[block.id] = this.pageIndex + 1;
    this.doc.addNamedDestination(block.id, 'XYZ', frame.x, this.y, null);
    this.within('Caption', {}, (caption) => {
      for (const line of captionLines) {
        this.drawLine(line, frame.x, captionStyle, caption, 'Caption');
        this.y += this.lineHeight(captionStyle);
      }
    });
    this.y += 4;
    const top = this.y;
    const draw = (part: string) =>
      !this.dry &&
      drawSvg(this.doc, part, frame.x, top, {
        width,
        height,
        preserveAspectRatio: 'xMinYMin meet',
        // Chart text is drawn with the document's embedded fonts, never a standard PDF font.
        fontCallback: this.embeddedFont,
      });
    // The Figure speaks through its alt text (the data table follows): its shapes are its content,
    // and its labels, drawn over them, an artifact, so they are not read out run together after the alt text.
    this.within('Figure', { alt: `${label}. ${block.description}`, bbox: [frame.x, top, frame.x + width, top + height], placement: 'Block' }, (figure) => {
      this.content(figure, 'Figure', () => draw(svg.replace(/<text\b[\s\S]*?<\/text>/g, '')));
    });
    this.artifact(() => draw(svg.replace(/<(rect|path|circle)\b[^>]*>(?:<\/\1>)?/g, '')));
    this.y = top + height + 8;
    this.table({ ...block.table, caption: block.table.caption || this.words.t('documents.data-in', { label: `${label.charAt(0).toLowerCase()}${label.slice(1)}` }) }, frame);
  }

  notes(block: Extract<Block, { type: 'notes' }>, frame: Frame): void {
    if (this.y + 40 > this.bottom) this.newPage();
    this.artifact(() => this.doc.moveTo(frame.x, this.y + 4).lineTo(frame.x + 120, this.y + 4).lineWidth(0.75).stroke(COLOUR.rule));
    this.y += 10;
    const style = SMALL;
    this.within('L', {}, () => {
      for (const note of block.notes) {
        if (this.y + 2 * this.lineHeight(style) > this.bottom) this.newPage();
        this.within('LI', {}, () => {
          this.doc.addNamedDestination(note.id, 'XYZ', frame.x, this.y, null);
          this.within('Lbl', {}, (label) => this.drawLine(this.layout([{ type: 'text', value: `${note.number}.` }], { ...frame, style })[0]!, frame.x, style, label, 'Lbl'));
          this.within('LBody', {}, () => this.blocks(note.blocks, { x: frame.x + 16, width: frame.width - 16, style }));
        });
      }
    });
    this.y += 6;
  }

  // ---- tables ----

  /**
   * Column widths from the table's weights, widened where a column's longest word would not fit, so
   * no word is split across lines ("Outstandin/g"); the width comes from columns with room to spare.
   * Undefined when the columns' longest words do not fit the width at all.
   */
  columnWidths(block: Extract<Block, { type: 'table' }>, widths: number[], padX: number, cellStyle: InlineStyle, headStyle: InlineStyle): number[] | undefined {
    const least = widths.map(() => 0);
    const words = (inlines: readonly Inline[]): string[] =>
      inlines.flatMap((inline) => (inline.type === 'text' ? inline.value.split(/\s+/) : inline.type === 'link' ? words(inline.children) : inline.type === 'rating' ? inline.label.split(/\s+/) : []));
    for (const [rows, style] of [[block.head, headStyle], [block.rows, cellStyle]] as const) {
      for (const row of rows) {
        let column = 0;
        for (const cell of row) {
          const span = cell.colSpan ?? 1;
          // Row headers are set in bold, as the head is.
          const font = cell.rowHeader ? headStyle.font : style.font;
          if (span === 1) for (const word of words(cell.inlines)) least[column] = Math.max(least[column]!, this.measure(word, font, style.size) + 2 * padX + 1);
          column += span;
        }
      }
    }
    const short = widths.map((w, i) => Math.max(0, least[i]! - w));
    const need = short.reduce((a, b) => a + b, 0);
    const spare = widths.map((w, i) => Math.max(0, w - least[i]!));
    const room = spare.reduce((a, b) => a + b, 0);
    if (need === 0) return widths;
    if (room < need) return undefined;
    return widths.map((w, i) => (short[i]! > 0 ? least[i]! : w - (spare[i]! / room) * need));
  }

  /** A table laid out for the page, once per document and frame (see layOutTable). */
  tableLayout(block: Extract<Block, { type: 'table' }>, frame: Frame): TableLayout {
    let byFrame = this.layouts.tables.get(block);
    if (!byFrame) this.layouts.tables.set(block, (byFrame = new Map()));
    const { style } = frame;
    const key = `${frame.x}\u0000${frame.width}\u0000${style.font}\u0000${style.size}\u0000${style.colour}\u0000${style.linkColour}\u0000${style.boldLinks ?? ''}`;
    let table = byFrame.get(key);
    if (!table) byFrame.set(key, (table = this.layOutTable(block, frame)));
    return table;
  }

  /** A table laid out for the page: its columns, rows (each with its height) and caption. */
  private layOutTable(block: Extract<Block, { type: 'table' }>, frame: Frame) {
    const columns = Math.max(...[...block.head, ...block.rows].map((row) => row.reduce((n, cell) => n + (cell.colSpan ?? 1), 0)));
    const weights = block.widths && block.widths.length === columns ? block.widths : Array.from({ length: columns }, () => 1);
    const total = weights.reduce((a, b) => a + b, 0);
    // A compact table (many columns, on a landscape page) keeps its text at 8 pt, the least for print.
    const pad = block.compact ? 2 : 4;
    // Across, a compact table's cells keep a gutter of 8 pt between texts ("★ Outstanding" never touches the next).
    const padX = block.compact ? 4 : pad;
    const shares = weights.map((w) => (w / total) * frame.width);
    let cellStyle: InlineStyle = { ...frame.style, size: block.compact ? 8 : frame.style.size - 1 };
    let headStyle: InlineStyle = { ...cellStyle, font: 'bold' };
    let widths = this.columnWidths(block, shares, padX, cellStyle, headStyle);
    // Too many columns for their longest words: the table's text is set at 8 pt, the least for print, before a word is split.
    if (!widths && cellStyle.size > 8) {
      cellStyle = { ...cellStyle, size: 8 };
      headStyle = { ...cellStyle, font: 'bold' };
      widths = this.columnWidths(block, shares, padX, cellStyle, headStyle);
    }
    widths ??= shares;
    const lh = this.lineHeight(cellStyle);

    const layoutRow = (row: TableCell[], header: boolean) => {
      let column = 0;
      const cells = row.map((cell) => {
        const span = cell.colSpan ?? 1;
        const x = frame.x + widths.slice(0, column).reduce((a, b) => a + b, 0);
        const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        const style = header || cell.rowHeader ? headStyle : cellStyle;
        // Tick boxes: each word on its own line after its box, a little apart so a tick stays in its box.
        const indent = cell.choices ? TICK.box + TICK.gap : 0;
        const step = cell.choices ? lh + TICK.spacing : lh;
        const lines = cell.choices
          ? cell.choices.flatMap((choice) => endsInSpace(this.layout([{ type: 'text', value: choice }], { x, width: width - 2 * padX - indent, style })).map((line, i) => ({ ...line, boxed: i === 0 })))
          : this.layout(cell.inlines, { x, width: width - 2 * padX, style });
        const height = Math.max(lines.length * step, cell.writingLines ? (cell.writingLines + 0.4) * WRITING_LINE : 0);
        return { cell, x, width, style, lines, indent, step, height };
      });
      const height = Math.max(...cells.map((c) => c.height)) + 2 * pad;
      return { cells, height, header };
    };
    const head = block.head.map((row) => layoutRow(row, true));
    const rows = block.rows.map((row) => layoutRow(row, false));
    const headHeight = head.reduce((sum, row) => sum + row.height, 0);
    const captionStyle: InlineStyle = { ...frame.style, font: 'bold' };
    const captionLines = block.caption ? this.layout([{ type: 'text', value: numberedLabel(block, this.words) }], { ...frame, style: captionStyle }) : [];
    const captionHeight = captionLines.length * this.lineHeight(captionStyle) + (captionLines.length ? 4 : 0);
    const wholeHeight = captionHeight + headHeight + rows.reduce((sum, row) => sum + row.height, 0);
    return { columns, pad, padX, lh, head, rows, headHeight, captionStyle, captionLines, captionHeight, wholeHeight };
  }

  table(block: Extract<Block, { type: 'table' }>, frame: Frame): void {
    const { columns, pad, padX, lh, head, rows, headHeight, captionStyle, captionLines, captionHeight, wholeHeight } = this.tableLayout(block, frame);
    const keepWhole = block.keepTogether === true && wholeHeight <= this.bottom - this.margin.top && this.y + wholeHeight > this.bottom;
    if (keepWhole || this.y + captionHeight + headHeight + (rows[0]?.height ?? 0) > this.bottom) this.newPage();
    // A numbered table is listed with its page, like a heading, and is a link target.
    if (block.id && block.number !== undefined) {
      this.headingPages[block.id] = this.pageIndex + 1;
      this.doc.addNamedDestination(block.id, 'XYZ', frame.x, this.y, null);
    }

    const drawCells = (row: (typeof rows)[number], tagRow: Struct | null) => {
      const top = this.y;
      if (row.header) this.artifact(() => this.doc.rect(frame.x, top, frame.width, row.height).fill(COLOUR.headBackground));
      for (const c of row.cells) {
        const drawContent = (element: Struct | null, tag: string) => {
          const saved = this.y;
          this.y = top + pad;
          for (const line of c.lines) {
            const offset = c.cell.align === 'right' ? c.width - 2 * padX - line.width : c.cell.align === 'center' ? (c.width - 2 * padX - line.width) / 2 : c.indent;
            if ('boxed' in line && line.boxed) {
              const size = TICK.box;
              const boxTop = this.y + (lh - size) / 2;
              this.artifact(() => this.doc.rect(c.x + padX, boxTop, size, size).lineWidth(0.8).stroke(COLOUR.text));
            }
            if (element) this.drawLine(line, c.x + padX + offset, c.style, element, tag);
            else this.artifact(() => this.drawLineUntagged(line, c.x + padX + offset, c.style));
            this.y += c.step;
          }
          // Ruled lines to write on, in a cell left blank for it.
          for (let n = 1; n <= (c.cell.writingLines ?? 0); n++) {
            const ruleY = top + pad + n * WRITING_LINE;
            this.artifact(() => this.doc.moveTo(c.x + padX, ruleY).lineTo(c.x + c.width - padX, ruleY).lineWidth(0.5).stroke(COLOUR.writingLine));
          }
          this.y = saved;
        };
        if (!tagRow) {
          drawContent(null, '');
          continue;
        }
        const tag = row.header || c.cell.rowHeader ? 'TH' : 'TD';
        // A short header ("1.1") is read in full: its /Alt gives what it stands for.
        const options: Record<string, unknown> = tag === 'TH' ? { scope: row.header ? 'Column' : 'Row', ...(c.cell.fullText ? { alt: c.cell.fullText } : {}) } : {};
        const cellElement = this.dry ? REHEARSAL_ELEMENT : this.doc.struct(tag, options as PDFKit.Mixins.StructureElementOptions);
        tagRow.add(cellElement);
        if ((c.cell.colSpan ?? 1) > 1) {
          const data = (cellElement as unknown as { dictionary: { data: { A?: Record<string, unknown> } } }).dictionary.data;
          data.A = { ...(data.A ?? {}), O: 'Table', ColSpan: c.cell.colSpan };
        }
        const previous = this.parent;
        this.parent = cellElement;
        drawContent(cellElement, tag);
        this.parent = previous;
        cellElement.end();
      }
      this.artifact(() =>
        this.doc
          .moveTo(frame.x, top + row.height)
          .lineTo(frame.x + frame.width, top + row.height)
          .lineWidth(row.header ? 1.2 : 0.5)
          .stroke(row.header ? COLOUR.text : COLOUR.rule),
      );
      this.y = top + row.height;
    };

    this.within('Table', {}, () => {
      if (captionLines.length) {
        this.within('Caption', {}, (caption) => {
          for (const line of captionLines) {
            this.drawLine(line, frame.x, captionStyle, caption, 'Caption');
            this.y += this.lineHeight(captionStyle);
          }
        });
        this.y += 4;
      }
      if (head.length) this.within('THead', {}, () => head.forEach((row) => this.within('TR', {}, (tr) => drawCells(row, tr))));
      this.within('TBody', {}, () => {
        rows.forEach((row, index) => {
          // A row never splits; a group heading row (spanning all columns) stays with the row after it.
          const spansAll = row.cells.length === 1 && (row.cells[0]!.cell.colSpan ?? 1) === columns;
          const need = row.height + (spansAll && rows[index + 1] ? rows[index + 1]!.height : 0);
          const previousSpansAll = rows[index - 1]?.cells.length === 1 && (rows[index - 1]!.cells[0]!.cell.colSpan ?? 1) === columns;
          if (index > 0 && this.breakPoint(previousSpansAll)) head.forEach((headRow) => drawCells(headRow, null));
          if (this.y + need > this.bottom) {
            this.newPage();
            // The header repeats on the new page as page furniture: it is tagged once, in THead.
            head.forEach((headRow) => drawCells(headRow, null));
          }
          this.within('TR', {}, (tr) => drawCells(row, tr));
        });
      });
    });
    if (block.note) {
      this.y += 4;
      this.paragraph(block.note, { ...frame, style: SMALL });
    }
  }

  drawLineUntagged(line: Line, x: number, style: InlineStyle): void {
    const top = this.y + (this.lineHeight(style) - style.size * 1.22) / 2;
    for (const segment of line.segments) {
      if (segment.kind === 'text') this.drawText(segment.text, x + segment.x, top, segment.style, false);
    }
  }

  // ---- cover, contents, page furniture ----

  cover(): void {
    this.newPage();
    const { doc, model } = this;
    this.artifact(() => doc.rect(0, 0, this.page.width, 18).fill(COLOUR.band));
    // Without a title page, the title heads the first page and the body follows under it.
    if (model.titlePage === false) {
      const frame: Frame = { x: this.margin.left, width: this.contentWidth, style: BODY };
      this.heading({ type: 'heading', level: 1, id: 'title', text: model.title, inContents: false }, frame);
      this.paragraph([{ type: 'text', value: model.subtitle }], { ...frame, style: { ...frame.style, colour: COLOUR.muted } });
      this.blocks(model.cover, frame);
      return;
    }
    this.y = this.model.orientation === 'landscape' ? 120 : 190;
    const frame: Frame = { x: this.margin.left, width: this.contentWidth, style: { ...BODY, size: 13 } };
    this.heading({ type: 'heading', level: 1, id: 'title', text: model.title, inContents: false }, frame);
    this.paragraph([{ type: 'text', value: model.subtitle }], { ...frame, style: { ...frame.style, size: 15, colour: COLOUR.muted } });
    this.y += 24;
    this.blocks(model.cover, frame);
    this.y = this.page.height - 110;
    this.artifact(() => doc.moveTo(this.margin.left, this.y - 12).lineTo(this.page.width - this.margin.right, this.y - 12).lineWidth(1).stroke(COLOUR.band));
    this.paragraph([{ type: 'text', value: model.author, bold: true }], { ...frame, style: { ...frame.style, size: 14 } });
  }

  /** Lays out the contents now (pages reserved), fills in page numbers once every heading is placed. */
  contents(entries: ContentsEntry[], list: { id: string; text: string; flat?: boolean } = { id: 'contents', text: this.words.t('documents.contents') }): () => void {
    this.newPage();
    const frame: Frame = { x: this.margin.left, width: this.contentWidth, style: BODY };
    this.heading({ type: 'heading', level: 2, id: list.id, text: list.text, inContents: false }, frame);
    // A flat list (of figures and tables) has every entry in the body weight, none indented.
    const levelOf = (entry: ContentsEntry) => (list.flat ? 3 : entry.level);
    return layOutContents(
      this,
      entries,
      {
        left: this.margin.left,
        width: this.contentWidth,
        bottom: this.bottom,
        numberRoom: 40,
        style: (entry) => ({ ...BODY, font: levelOf(entry) === 2 ? 'bold' : 'regular', colour: COLOUR.text }),
        indent: (entry) => (entry.level === 3 && !list.flat ? 18 : 0),
        spaceBefore: (entry) => (levelOf(entry) === 2 ? 4 : 0),
        spaceAfter: 0,
        leader: { gap: 6, lineWidth: 0.8, dash: 1, space: 3, colour: COLOUR.rule },
      },
      this.headingPages,
    );
  }

  pageFurniture(): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      if (index === 0 && this.model.titlePage !== false) continue; // the cover carries no running header or page number
      this.doc.switchToPage(index);
      this.artifact(() => {
        const header = this.model.runningHeader;
        this.doc.font('regular').fontSize(9).fillColor(COLOUR.muted);
        // A header too long for the line is cut short with an ellipsis (pdfkit's line wrapper); one that fits is drawn as it is.
        if (this.measure(header, 'regular', 9) <= this.contentWidth) this.drawTextRun(header, this.margin.left, 36, 'regular', 9);
        else this.doc.text(header, this.margin.left, 36, { lineBreak: false, width: this.contentWidth, ellipsis: true, height: 12 });
        this.doc.moveTo(this.margin.left, 52).lineTo(this.page.width - this.margin.right, 52).lineWidth(0.5).stroke(COLOUR.rule);
        const label = this.words.t('documents.page-of', { page: index + 1, pages: count });
        const width = this.measure(label, 'regular', 9);
        this.doc.font('regular').fontSize(9).fillColor(COLOUR.muted);
        this.drawTextRun(label, this.page.width - this.margin.right - width, this.page.height - 44, 'regular', 9);
        this.drawTextRun(this.model.author, this.margin.left, this.page.height - 44, 'regular', 9);
      }, 'Pagination');
    }
  }

  render(): void {
    this.cover();
    const frame: Frame = { x: this.margin.left, width: this.contentWidth, style: BODY };
    const credits = () => this.within('Sect', {}, () => this.blocks(this.model.credits, { ...frame, style: { ...BODY, size: 10 } }));
    const titlePage = this.model.titlePage !== false;
    if (titlePage) {
      this.newPage();
      credits();
    }
    const entries = contentsOf(this.model.body);
    // A document with nothing for the contents (a single table) goes without a contents page.
    const fillContents = entries.length ? this.contents(entries) : () => {};
    // Numbered figures and tables are listed after the contents, with their pages.
    const figures = figuresOf(this.model.body, this.words);
    const fillFigures = figures.length ? this.contents(figures.map((f) => ({ id: f.id, text: f.text, level: 3 as const })), { id: 'list-of-figures', text: this.words.t('documents.list-of-figures'), flat: true }) : () => {};
    // Each top-level section is a Sect, so the structure tree reads like the contents.
    this.inBody = true;
    for (const section of sectionsOf(this.model.body)) this.within('Sect', {}, () => this.blocks(section, frame));
    this.sectionEnds.push({ page: this.pageIndex, y: this.y });
    this.inBody = false;
    if (!titlePage) {
      this.newPage();
      credits();
    }
    if (this.dry) return;
    fillContents();
    fillFigures();
    this.pageFurniture();
    this.root.end();
  }
}

export async function renderDocumentPdf(model: DocumentModel): Promise<RenderedPdf> {
  const images = new Map<string, NormalisedImage>();
  for (const image of model.images) images.set(image.source, await normaliseImage(image));
  const layouts = newLayoutCache();
  // Page breaks are settled in rehearsals (laid out, nothing drawn), then the document is drawn once.
  const rehearsal = new PdfWriter(model, images, layouts, new Set(), true);
  rehearsal.render();
  // A section (or the document) ending on a page of a line or two: laid out again with page breaks earlier, so enough lines go over.
  let breakAt = rehearsal.shortPagePulls(MIN_LAST_PAGE_LINES);
  if (breakAt.size) {
    const again = new PdfWriter(model, images, layouts, breakAt, true);
    again.render();
    const pages = (w: PdfWriter) => w.doc.bufferedPageRange().count;
    if (!(pages(again) === pages(rehearsal) && again.shortPages(MIN_LAST_PAGE_LINES) < rehearsal.shortPages(MIN_LAST_PAGE_LINES))) breakAt = new Set();
  }
  const writer = new PdfWriter(model, images, layouts, breakAt);
  writer.render();
  const pageCount = writer.doc.bufferedPageRange().count;
  const bytes = await writer.finish();
  return { bytes, pageCount, headingPages: writer.headingPages };
}
