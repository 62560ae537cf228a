/**
 * Draws an easy-read document model (`kind: 'easy-read'`) as an accessible A4 PDF, following the
 * layout rules of EASY-READ.md (10–19):
 *
 * - Atkinson Hyperlegible Next, body 17 pt with line spacing 1.5, headings larger, one column,
 *   left-aligned, never justified or hyphenated, dark text on white (contrast well over 7:1);
 * - bold is the only emphasis: no italics, no underlining (links are bold and coloured);
 * - every row and every hard word: its picture on the left, in a fixed square top-aligned with the
 *   first sentence (a picture with words on it, the rating scale, larger), and its sentences on the
 *   right, each starting on a new line; a row is never split across pages and a heading always
 *   stays with the row after it;
 * - cover, then contents on page 2 when the document is longer than 6 pages, then the body;
 *   "Page N of M" in the same place on every page but the cover; credits on the last page;
 * - the hard-words list says on which pages each word is used, and references such as "the hard
 *   words list on page N" give the real page: the document is laid out again (at most 3 times in
 *   all) until every number printed is the page it names.
 *
 * Tagged like the full report (src/pdf/render-document.ts): Document > Sect > H1/H2/H3, each row a
 * Div of a Figure (alt text and bounding box) and one P per sentence, the hard-words list as
 * L/LI/Lbl/LBody, links as Link elements with their annotations, contents as TOC/TOCI.
 * The Inclusion Europe easy-to-read logo is never drawn (rule 19): the model records no checkers.
 */
import type { Block, DocumentModel, ImageRef, Inline } from '../document/blocks.ts';
import { contentsOf, sectionsOf } from '../document/blocks.ts';
import { normaliseImage, type NormalisedImage } from '../document/images.ts';
import { layOutContents, Outline } from './contents.ts';
import { listOf } from '../document/phrases.ts';
import { layoutInlines, type InlineStyle, type Line } from './inline-layout.ts';
import { FONT_METRICS, PAGE, TaggedPdfWriter } from './writer.ts';
import { COLOURS } from '../visual-system.ts';

export interface RenderedEasyReadPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** The 1-based page each heading id starts on. */
  headingPages: Record<string, number>;
  /** The 1-based page each row (cover row included) is on. */
  rowPages: Record<string, number>;
  /** The pages printed for each hard word ("You can find this word on page N"), by item id. */
  hardWordPages: Record<string, number[]>;
  /** Things the author should know, such as a document longer than about 24 pages (rule 16). */
  warnings: string[];
}

/** Text colours: each at least 7:1 on white (rule 14); tests check them. */
export const EASY_READ_COLOURS = { text: COLOURS.text, link: COLOURS.strongLink } as const;
/** Decoration only, never text. */
const DECORATION = { rule: COLOURS.border, band: COLOURS.brand } as const;

/** The least body text size (rule 10) and the size used. */
export const EASY_READ_BODY_SIZE = 17;
/** Beyond this many pages the document is too long for easy read (rule 16). */
export const EASY_READ_MAX_PAGES = 24;
/** Longer documents (without contents) get a contents page on page 2 (rule 15). */
export const EASY_READ_CONTENTS_AFTER = 6;

const MARGIN = { left: 56, right: 56, top: 64, bottom: 84 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const LEADING = 1.5;
const BODY: InlineStyle = { font: 'regular', size: EASY_READ_BODY_SIZE, colour: EASY_READ_COLOURS.text, linkColour: EASY_READ_COLOURS.link, boldLinks: true };
const SMALLEST: InlineStyle = { ...BODY, size: 16 };
const HEADING_SIZE = { 1: 32, 2: 25, 3: 21, 4: 19 } as const;
const HEADING_LEADING = 1.3;
/** The picture of a row: a square, with the text column to its right. */
const PICTURE = 84;
/** A picture that is not square (the rating scale, with words on it) is drawn this wide, so its words (30 units of its 400) are 16 pt. */
const LARGE_PICTURE_WIDTH = 216;
const GUTTER = 22;
const TEXT_X = MARGIN.left + PICTURE + GUTTER;
const TEXT_WIDTH = PAGE.width - MARGIN.right - TEXT_X;
const SENTENCE_GAP = 6;
const ROW_GAP = 22;
const ITEM_GAP = 18;
/** Page numbers before the layout knows them: two digits wide, like most real ones. */
const PLACEHOLDER_PAGE = 88;
const MAX_PASSES = 3;

type Heading = Extract<Block, { type: 'heading' }>;
type Row = Extract<Block, { type: 'row' }>;
type HardWords = Extract<Block, { type: 'hard-words' }>;

interface Assumptions {
  /** Pages of headings and rows from the previous layout, for references to what comes later. */
  pages: Map<string, number> | undefined;
  contents: boolean;
}

/** "page 4", "pages 4 and 6", "pages 3, 4 and 9". */
export function pagesPhrase(pages: readonly number[]): string {
  if (pages.length === 1) return `page ${pages[0]}`;
  return `pages ${pages.slice(0, -1).join(', ')} and ${pages.at(-1)}`;
}

/** Bold only: italics become plain text; footnote numbers (never in easy read) are left out. */
function easyInlines(inlines: readonly Inline[]): Inline[] {
  return inlines.flatMap((inline): Inline[] => {
    if (inline.type === 'text') return [inline.italic ? { type: 'text', value: inline.value, ...(inline.bold ? { bold: true } : {}) } : inline];
    if (inline.type === 'link') return [{ ...inline, children: easyInlines(inline.children) }];
    if (inline.type === 'note-ref') return [];
    return [inline];
  });
}

class EasyReadWriter extends TaggedPdfWriter {
  readonly headingPages: Record<string, number> = {};
  readonly rowPages: Record<string, number> = {};
  readonly hardWordPages: Record<string, number[]> = {};
  readonly warnings: string[] = [];
  contentsPageCount = 0;
  private readonly body: InlineStyle;
  private readonly pictures = new Map<string, unknown>();
  private readonly outline = new Outline(this.doc, PAGE.width);
  private readonly images: Map<string, NormalisedImage>;
  private readonly assumed: Assumptions;

  constructor(model: DocumentModel, images: Map<string, NormalisedImage>, assumed: Assumptions) {
    super(model, { top: MARGIN.top, leading: LEADING, underlineLinks: false });
    this.images = images;
    this.assumed = assumed;
    this.body = { ...BODY, pageOf: (target) => this.pageOf(target), onPage: (phrase, page) => this.words.t('documents.on-page', { phrase, page }) };
  }

  /** Where a heading or row is: from this layout once it is placed, else from the previous one. */
  pageOf(id: string): number {
    return this.headingPages[id] ?? this.rowPages[id] ?? this.assumed.pages?.get(id) ?? PLACEHOLDER_PAGE;
  }

  get pageNumber(): number {
    return this.pageIndex + 1;
  }

  private atPageTop(): boolean {
    return this.y <= MARGIN.top + 0.01;
  }

  layout(inlines: readonly Inline[], width: number, style: InlineStyle = this.body): Line[] {
    return layoutInlines(easyInlines(inlines), width, style, this.measure);
  }

  /** Lines drawn one under the other from this.y, tagged under one element. */
  lines(lines: readonly Line[], x: number, style: InlineStyle, tag: string): void {
    this.within(tag, {}, (element) => {
      for (const line of lines) {
        this.drawLine(line, x, style, element, tag);
        this.y += this.lineHeight(style);
      }
    });
  }

  // ---- headings ----

  headingStyle(level: Heading['level']): InlineStyle {
    return { ...this.body, font: 'bold', size: HEADING_SIZE[level] };
  }

  headingLines(block: Heading, width = CONTENT_WIDTH): Line[] {
    return layoutInlines([{ type: 'text', value: block.text }], width, this.headingStyle(block.level), this.measure);
  }

  spaceBefore(level: Heading['level']): number {
    return level === 2 ? 18 : 10;
  }

  spaceAfter(level: Heading['level']): number {
    return level <= 2 ? 14 : 8;
  }

  headingHeight(block: Heading): number {
    const size = HEADING_SIZE[block.level];
    return this.spaceBefore(block.level) + this.headingLines(block).length * size * HEADING_LEADING + this.spaceAfter(block.level);
  }

  heading(block: Heading): void {
    const size = HEADING_SIZE[block.level];
    if (!this.atPageTop()) this.y += this.spaceBefore(block.level);
    if (block.id) {
      this.headingPages[block.id] = this.pageNumber;
      this.doc.addNamedDestination(block.id, 'XYZ', MARGIN.left, this.y, null);
    }
    this.outline.add(block.text, block.level, this.y);
    const style = this.headingStyle(block.level);
    const tag = `H${block.level}`;
    this.within(tag, {}, (element) => {
      for (const line of this.headingLines(block)) {
        // Heading lines are spaced at 1.3, their text centred in the line as body text is in its 1.5.
        this.drawLine(line, MARGIN.left, style, element, tag, this.y + ((HEADING_LEADING - 1.22) * size) / 2);
        this.y += size * HEADING_LEADING;
      }
    });
    this.y += this.spaceAfter(block.level);
  }

  // ---- rows ----

  /** From the top of a row to the top of its picture: the picture's top is level with the capitals of the first line. */
  get pictureOffset(): number {
    const size = this.body.size;
    return this.textTop(0, this.body) + (FONT_METRICS.ascent - FONT_METRICS.capHeight) * size;
  }

  /** The size a picture is drawn at and where the text beside it starts: square pictures in the standard square, others larger. */
  pictureBox(picture: ImageRef): { width: number; height: number; textX: number; textWidth: number } {
    const normalised = this.images.get(picture.source);
    if (!normalised) throw new Error(`picture ${picture.source} was not prepared`);
    if (normalised.width === normalised.height) return { width: PICTURE, height: PICTURE, textX: TEXT_X, textWidth: TEXT_WIDTH };
    const width = LARGE_PICTURE_WIDTH;
    const textX = MARGIN.left + width + GUTTER;
    return { width, height: (width * normalised.height) / normalised.width, textX, textWidth: PAGE.width - MARGIN.right - textX };
  }

  rowLayout(block: Row): { sentences: Line[][]; height: number } {
    const box = this.pictureBox(block.picture);
    const sentences = block.sentences.map((sentence) => this.layout(sentence, box.textWidth));
    const lh = this.lineHeight(this.body);
    const textHeight = sentences.reduce((sum, lines) => sum + lines.length * lh, 0) + SENTENCE_GAP * (sentences.length - 1);
    return { sentences, height: Math.max(textHeight, this.pictureOffset + box.height) };
  }

  picture(picture: ImageRef): unknown {
    let image = this.pictures.get(picture.source);
    if (!image) {
      const normalised = this.images.get(picture.source);
      if (!normalised) throw new Error(`picture ${picture.source} was not prepared`);
      // Opened once per document, so a picture used by many rows is embedded once.
      image = (this.doc as unknown as { openImage(data: Buffer): unknown }).openImage(normalised.data);
      this.pictures.set(picture.source, image);
    }
    return image;
  }

  /** A picture at the left margin, its top level with the capitals of the first line from `start`, tagged as a Figure with its alt text. */
  drawPicture(picture: ImageRef, alt: string, start: number): void {
    const x = MARGIN.left;
    const top = start + this.pictureOffset;
    const box = this.pictureBox(picture);
    const image = this.picture(picture);
    this.within('Figure', { alt, bbox: [x, top, x + box.width, top + box.height], placement: 'Block' }, (figure) => {
      this.content(figure, 'Figure', () => this.doc.image(image as string, x, top, { width: box.width, height: box.height }));
    });
  }

  row(block: Row): void {
    const { sentences, height } = this.rowLayout(block);
    const room = BOTTOM - MARGIN.top;
    if (this.y + height > BOTTOM && !this.atPageTop()) this.newPage();
    if (height > room) this.warnings.push(`a row starting "${sentences[0]?.[0]?.segments.map((s) => (s.kind === 'text' ? s.text : '')).join('').trim()}" is taller than a page: split it into two rows`);
    this.rowPages[block.id] = this.pageNumber;
    const start = this.y;
    const lh = this.lineHeight(this.body);
    const { textX } = this.pictureBox(block.picture);
    this.within('Div', {}, () => {
      this.drawPicture(block.picture, block.alt, start);
      sentences.forEach((lines, index) => {
        if (index > 0) this.y += SENTENCE_GAP;
        // Only a row taller than a page breaks, and then between sentences.
        if (this.y + lines.length * lh > BOTTOM && !this.atPageTop()) this.newPage();
        this.lines(lines, textX, this.body, 'P');
      });
    });
    this.y = Math.max(this.y, start + height) + ROW_GAP;
  }

  // ---- the hard-words list ----

  hardWordItem(item: HardWords['items'][number]): { term: Line[]; sentences: Line[][]; height: number } {
    const lh = this.lineHeight(this.body);
    const pages = [...new Set(item.usedIn.map((id) => this.pageOf(id)))].sort((a, b) => a - b);
    const { textWidth, height: pictureHeight } = this.pictureBox(item.picture);
    const sentences = [...item.sentences, ...(pages.length ? [[{ type: 'text', value: this.words.t('documents.hard-word-pages', { count: pages.length, pages: listOf(pages.map(String), this.words.lang) }) } as Inline]] : [])].map((s) => this.layout(s, textWidth));
    const term = this.layout([{ type: 'text', value: item.term, bold: true }], textWidth);
    const textHeight = term.length * lh + sentences.reduce((sum, lines) => sum + lines.length * lh, 0) + SENTENCE_GAP * sentences.length;
    return { term, sentences, height: Math.max(textHeight, this.pictureOffset + pictureHeight) };
  }

  hardWords(block: HardWords): void {
    this.within('L', {}, () => {
      for (const item of block.items) {
        const { term, sentences, height } = this.hardWordItem(item);
        if (this.y + height > BOTTOM && !this.atPageTop()) this.newPage();
        this.hardWordPages[item.id] = [...new Set(item.usedIn.map((id) => this.pageOf(id)))].sort((a, b) => a - b);
        this.doc.addNamedDestination(item.id, 'XYZ', MARGIN.left, this.y, null);
        // The word and its meaning beside its picture, as in the rows (rule 11).
        const start = this.y;
        const { textX } = this.pictureBox(item.picture);
        this.within('LI', {}, () => {
          this.lines(term, textX, this.body, 'Lbl');
          this.within('LBody', {}, () => {
            this.drawPicture(item.picture, item.alt, start);
            for (const lines of sentences) {
              this.y += SENTENCE_GAP;
              this.lines(lines, textX, this.body, 'P');
            }
          });
        });
        this.y = Math.max(this.y, start + height) + ITEM_GAP;
      }
    });
  }

  // ---- blocks ----

  /** The height that must fit under a heading: the next heading's, and the first row or list entry. */
  keepHeight(blocks: readonly Block[], from: number): number {
    const block = blocks[from];
    if (!block) return 0;
    switch (block.type) {
      case 'heading':
        return this.headingHeight(block) + this.keepHeight(blocks, from + 1);
      case 'row': {
        // The row that introduces the hard-words list stays with its first word.
        const list = blocks[from + 1];
        const first = list?.type === 'hard-words' ? list.items[0] : undefined;
        return this.rowLayout(block).height + (first ? ROW_GAP + this.hardWordItem(first).height : 0);
      }
      case 'hard-words':
        return block.items[0] ? this.hardWordItem(block.items[0]).height : 0;
      case 'paragraph':
        return this.layout(block.inlines, CONTENT_WIDTH).length * this.lineHeight(this.body);
      default:
        return 2 * this.lineHeight(this.body);
    }
  }

  blocks(blocks: readonly Block[]): void {
    blocks.forEach((block, index) => {
      if (block.type === 'heading') {
        if (this.y + this.headingHeight(block) + this.keepHeight(blocks, index + 1) > BOTTOM && !this.atPageTop()) this.newPage();
      } else if (block.type === 'row' && blocks[index + 1]?.type === 'hard-words') {
        if (this.y + this.keepHeight(blocks, index) > BOTTOM && !this.atPageTop()) this.newPage();
      }
      this.block(block);
    });
  }

  block(block: Block): void {
    switch (block.type) {
      case 'heading':
        return this.heading(block);
      case 'row':
        return this.row(block);
      case 'hard-words':
        return this.hardWords(block);
      case 'paragraph': {
        const lines = this.layout(block.inlines, CONTENT_WIDTH);
        if (this.y + lines.length * this.lineHeight(this.body) > BOTTOM && !this.atPageTop()) this.newPage();
        this.lines(lines, MARGIN.left, this.body, 'P');
        this.y += ITEM_GAP;
        return;
      }
      default:
        // The easy-read model is made of headings, rows and the hard-words list (src/document/easy-read-document.ts).
        throw new Error(`an easy-read document cannot show a "${block.type}" block`);
    }
  }

  // ---- cover, contents, credits, page furniture ----

  cover(): void {
    this.newPage();
    this.artifact(() => this.doc.rect(0, 0, PAGE.width, 18).fill(DECORATION.band));
    this.within('Sect', {}, () => {
      this.y = 110;
      this.heading({ type: 'heading', level: 1, id: 'title', text: this.model.title, inContents: false });
      this.y += 24;
      this.blocks(this.model.cover);
      const publisher = this.layout([{ type: 'text', value: this.model.author, bold: true }], CONTENT_WIDTH);
      const height = publisher.length * this.lineHeight(this.body);
      this.y = Math.max(this.y + 24, BOTTOM - height);
      this.artifact(() => this.doc.moveTo(MARGIN.left, this.y - 12).lineTo(PAGE.width - MARGIN.right, this.y - 12).lineWidth(1).stroke(DECORATION.band));
      this.lines(publisher, MARGIN.left, this.body, 'P');
    });
  }

  /** Lays out the contents now (pages reserved), fills in page numbers once every heading is placed. */
  contents(): () => void {
    this.newPage();
    const first = this.pageIndex;
    this.heading({ type: 'heading', level: 2, id: 'contents', text: this.words.t('documents.contents'), inContents: false });
    const numberWidth = this.measure('888', 'regular', this.body.size);
    const fill = layOutContents(
      this,
      contentsOf(this.model.body).filter((e) => e.level === 2),
      {
        left: MARGIN.left,
        width: CONTENT_WIDTH,
        bottom: BOTTOM,
        numberRoom: numberWidth + 24,
        style: () => this.body,
        indent: () => 0,
        spaceBefore: () => 0,
        spaceAfter: 10,
        leader: { gap: 8, lineWidth: 1, dash: 1.5, space: 4, colour: EASY_READ_COLOURS.text },
      },
      this.headingPages,
    );
    this.contentsPageCount = this.pageIndex - first + 1;
    return fill;
  }

  /** Copyright, licence and picture credits: at the foot of the last page, or on a page of their own. */
  credits(): void {
    const lh = this.lineHeight(SMALLEST);
    const paragraphs = this.model.credits.flatMap((block) => (block.type === 'paragraph' ? [this.layout(block.inlines, CONTENT_WIDTH, SMALLEST)] : []));
    const height = paragraphs.reduce((sum, lines) => sum + lines.length * lh, 0) + SENTENCE_GAP * 2 * (paragraphs.length - 1);
    if (this.y + 24 + height > BOTTOM) this.newPage();
    else this.y = BOTTOM - height;
    this.artifact(() => this.doc.moveTo(MARGIN.left, this.y - 14).lineTo(PAGE.width - MARGIN.right, this.y - 14).lineWidth(1).stroke(DECORATION.rule));
    this.within('Sect', {}, () => {
      paragraphs.forEach((lines, index) => {
        if (index > 0) this.y += SENTENCE_GAP * 2;
        this.lines(lines, MARGIN.left, SMALLEST, 'P');
      });
    });
  }

  /** "Page N of M" at the foot of every page but the cover, always in the same place (rule 15). */
  pageFurniture(): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      if (index === 0) continue;
      this.doc.switchToPage(index);
      this.artifact(() => {
        const label = this.words.t('documents.page-of', { page: index + 1, pages: count });
        const width = this.measure(label, 'regular', SMALLEST.size);
        this.doc.font('regular').fontSize(SMALLEST.size).fillColor(EASY_READ_COLOURS.text).text(label, PAGE.width - MARGIN.right - width, PAGE.height - 56, { lineBreak: false });
      }, 'Pagination');
    }
  }

  render(): void {
    this.cover();
    const fillContents = this.assumed.contents ? this.contents() : () => {};
    this.newPage();
    // Each top-level section is a Sect, so the structure tree reads like the contents.
    for (const section of sectionsOf(this.model.body)) this.within('Sect', {}, () => this.blocks(section));
    this.credits();
    fillContents();
    this.pageFurniture();
    this.root.end();
  }

  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** Every page number the layout printed or relied on, by heading and row id. */
  pages(): Map<string, number> {
    return new Map([...Object.entries(this.headingPages), ...Object.entries(this.rowPages)]);
  }
}

const samePages = (a: Map<string, number>, b: Map<string, number>) => a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);

export async function renderEasyReadPdf(model: DocumentModel): Promise<RenderedEasyReadPdf> {
  if (model.kind !== 'easy-read') throw new Error('renderEasyReadPdf draws easy-read documents; use renderDocumentPdf for a full report');
  const images = new Map<string, NormalisedImage>();
  for (const image of model.images) images.set(image.source, await normaliseImage(image));

  // Lay out, then again with the pages found, until the pages printed are the pages found.
  const assumed: Assumptions = { pages: undefined, contents: true };
  let writer: EasyReadWriter | undefined;
  let stable = false;
  for (let pass = 1; pass <= MAX_PASSES && !stable; pass++) {
    writer = new EasyReadWriter(model, images, assumed);
    writer.render();
    const found = writer.pages();
    stable = assumed.pages !== undefined && samePages(found, assumed.pages);
    if (pass === 1 && writer.pageCount - writer.contentsPageCount <= EASY_READ_CONTENTS_AFTER) {
      // Short enough without contents: everything after the contents moves up by its pages.
      const shift = writer.contentsPageCount;
      assumed.contents = false;
      assumed.pages = new Map([...found].map(([id, page]) => [id, page > 1 ? page - shift : page]));
      stable = false;
    } else {
      assumed.pages = found;
    }
  }
  const final = writer!;
  const warnings = [...final.warnings];
  if (!stable) warnings.push(`the page numbers in the easy-read PDF did not settle after ${MAX_PASSES} layouts: check the hard words list's page numbers`);
  if (final.pageCount > EASY_READ_MAX_PAGES) {
    warnings.push(`the easy-read PDF has ${final.pageCount} pages: an easy-read document should have at most about ${EASY_READ_MAX_PAGES} (fewer rows, or shorter sentences)`);
  }
  const pageCount = final.pageCount;
  const bytes = await final.finish();
  return { bytes, pageCount, headingPages: { ...final.headingPages }, rowPages: { ...final.rowPages }, hardWordPages: { ...final.hardWordPages }, warnings };
}
