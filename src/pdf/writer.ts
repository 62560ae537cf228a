/**
 * What every PDF of the tool shares: an accessible pdfkit document (PDF 1.7, tagged, PDF/UA
 * identification, language, title shown, embedded OFL fonts, a creation date from the content so
 * the same input gives the same bytes), and a writer base class with the tagging helpers
 * (structure elements, marked content, artifacts), text measuring and the drawing of laid-out
 * lines, links included (a Link element with its annotation as an object reference).
 * The full report (render-document.ts) and the easy-read version (easy-read-pdf.ts) extend it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { DocumentModel, RatingSymbol } from '../document/blocks.ts';
import { ratingSymbolPaths } from '../document/rating-symbols.ts';
import { FONT_FILES, type FontName } from '../fonts.ts';
import { isSafeLink } from '../model/url-policy.ts';
import type { InlineStyle, Line } from './inline-layout.ts';
import { COLOURS } from '../visual-system.ts';
import type { Messages } from '../model/messages.ts';
import { wordsOf } from '../document/words.ts';
import { drawTextRun } from './fast-text.ts';
import { patchStreamWriting } from './stream-writing.ts';

const require = createRequire(import.meta.url);

/** Font metrics of Atkinson Hyperlegible Next, in em: pdfkit puts the baseline `ASCENT` below the y it is given. */
export const FONT_METRICS = { ascent: 0.984, capHeight: 0.668 } as const;

/** A4 portrait, in points. */
export const PAGE = { width: 595.28, height: 841.89 };

/** The page size of a document's orientation: A4 portrait, or A4 turned on its side. */
/**
 * A corrected document's revision in the info dictionary: the last correction's day as its
 * modification date, and "Revision" (a key of our own, as PDF allows) its version number.
 */
function revisionInfo(model: DocumentModel): { ModDate?: Date; Revision?: string } {
  if (!model.revision) return {};
  return { ModDate: new Date(`${model.revision.date}T00:00:00Z`), Revision: `${model.revision.number} (corrected ${model.revision.date})` };
}

export function pageOf(orientation: DocumentModel['orientation']): { width: number; height: number } {
  return orientation === 'landscape' ? { width: PAGE.height, height: PAGE.width } : PAGE;
}

export type Struct = PDFKit.PDFStructureElement;

/**
 * A rehearsal's stand-in for every structure element: a real one would be written into the
 * rehearsal's file as it ends, which is never read.
 */
export const REHEARSAL_ELEMENT = { add: () => REHEARSAL_ELEMENT, end: () => {}, dictionary: { data: {} } } as unknown as Struct;
export type Doc = PDFKit.PDFDocument;

export interface WriterSettings {
  /** Where text starts on a new page. */
  top: number;
  /** Line height as a multiple of the font size. */
  leading: number;
  /** Whether links are underlined as well as coloured. */
  underlineLinks: boolean;
}

/** Shaped words per font, kept across documents (see shareShaping). */
const sharedShaping = new Map<string, Record<string, unknown>>();

/**
 * The fonts, parsed once per process and given to every document (pdfkit accepts a fontkit font in
 * place of a file). A font file given by path is parsed again for each document; and since shaped
 * words are shared across documents, each word shaped by a document's own font kept that whole
 * font alive: about half a megabyte more held for every report drawn.
 */
const parsedFonts = new Map<FontName, unknown>();
export function parsedFont(name: FontName): unknown {
  let font = parsedFonts.get(name);
  if (!font) {
    const { create } = require('fontkit') as { create(buffer: Buffer): unknown };
    font = withGlyphsByCodePoints(create(fs.readFileSync(FONT_FILES[name])) as FontkitFont);
    rememberSubsetGlyphs(font as FontkitFont);
    parsedFonts.set(name, font);
  }
  return font;
}

interface FontkitGlyph {
  codePoints: number[];
  advanceWidth: number;
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
  _getMetrics(): { leftBearing: number };
}
interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null;
  createSubset(): unknown;
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
}

/** fontkit's TrueType subset, as it is filled: the glyphs asked for, and the tables being written. */
interface TrueTypeSubset {
  font: FontkitFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
}

/** A glyph as a subset copies it: its bytes in the font's glyf table, its components (a compound glyph) and metrics. */
interface SubsetGlyph {
  bytes: Uint8Array;
  components?: { glyphID: number; pos: number }[];
  advance: number;
  bearing: number;
}
const subsetGlyphs = new WeakMap<FontkitFont, Map<number, SubsetGlyph>>();

/**
 * fontkit's TrueType subsetting (pdfkit's, as each document ends) decodes every glyph it copies,
 * outline and all, only to learn whether it is a compound glyph and where its components are. Of a
 * font shared by every document, what it learns of each glyph is kept, and the subset gets the same
 * bytes (fontkit 2.0's _addGlyph, less the decoding). A variable font is left to fontkit.
 */
function rememberSubsetGlyphs(font: FontkitFont): void {
  const subset = Object.getPrototypeOf(font.createSubset()) as TrueTypeSubset;
  const addGlyph = subset._addGlyph;
  if (typeof addGlyph !== 'function' || font._variationProcessor) return;
  const glyphs = new Map<number, SubsetGlyph>();
  subsetGlyphs.set(font, glyphs);
  if (Object.hasOwn(subset, 'rememberingGlyphs')) return;
  Object.defineProperty(subset, 'rememberingGlyphs', { value: true });
  subset._addGlyph = function (this: TrueTypeSubset, id: number): number {
    const known = subsetGlyphs.get(this.font);
    if (!known) return addGlyph.call(this, id);
    let glyph = known.get(id);
    if (!glyph) {
      const fontGlyph = this.font.getGlyph(id)!;
      const outline = fontGlyph._decode();
      const start = this.font.loca.offsets[id]!;
      const stream = this.font._getTableStream('glyf');
      stream.pos += start;
      const bytes = stream.readBuffer(this.font.loca.offsets[id + 1]! - start);
      glyph = { bytes, advance: fontGlyph.advanceWidth, bearing: fontGlyph._getMetrics().leftBearing, ...(outline && outline.numberOfContours < 0 ? { components: outline.components! } : {}) };
      known.set(id, glyph);
    }
    let bytes = glyph.bytes;
    if (glyph.components) {
      // A compound glyph names its components by glyph id: their ids in the subset.
      bytes = new Uint8Array(bytes);
      const view = new DataView(bytes.buffer);
      for (const component of glyph.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}

/**
 * fontkit keeps one glyph object per glyph id, with the code points of the text that first asked
 * for it, and pdfkit writes a glyph's ToUnicode (what copying and screen readers get) from them.
 * With one font shared by every document of a process, a glyph first met with other or no code
 * points (a substitution, an insertion) would give every later document a wrong or missing
 * ToUnicode for it: a "." read as "&", depending on what was drawn before. So a glyph asked for with
 * other code points is a copy that carries them, made once.
 */
export function withGlyphsByCodePoints(font: FontkitFont): FontkitFont {
  const glyphOf = font.getGlyph.bind(font);
  const copies = new Map<string, FontkitGlyph>();
  font.getGlyph = (id, codePoints = []) => {
    const glyph = glyphOf(id, codePoints);
    if (!glyph || (glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i]))) return glyph;
    const key = `${id}:${codePoints.join(',')}`;
    let copy = copies.get(key);
    if (!copy) copies.set(key, (copy = Object.assign(Object.create(Object.getPrototypeOf(glyph)) as FontkitGlyph, glyph, { codePoints })));
    return copy;
  };
  return font;
}

/**
 * Shaping a word (OpenType substitutions and kerning) is most of the cost of a PDF, and pdfkit
 * caches it per document. The result depends only on the font file and the word, and pdfkit reads
 * only glyph ids, widths and code points from it, so one cache serves every document of a build.
 */
function shareShaping(doc: PDFKit.PDFDocument, name: string): void {
  doc.font(name);
  const font = (doc as unknown as { _font: { layoutCache?: Record<string, unknown> } })._font;
  if (!font.layoutCache) return;
  const shared = sharedShaping.get(name);
  if (shared) font.layoutCache = shared;
  else sharedShaping.set(name, font.layoutCache);
}

/**
 * Text widths by font and size: like shaping, a width depends only on the font file, the size and
 * the words, and the same words are measured again and again (each layout tried, each document).
 */
const sharedWidths = new Map<FontName, Map<number, Map<string, number>>>((Object.keys(FONT_FILES) as FontName[]).map((name) => [name, new Map()]));

export class TaggedPdfWriter {
  /** The tool's words the renderer writes, in the document's language. */
  get words(): Messages {
    return wordsOf(this.model);
  }

  readonly doc: Doc;
  /**
   * A rehearsal: the pages laid out (where everything goes, which page each part lands on) with
   * nothing drawn, to decide page breaks before the one real rendering. Its document is never ended.
   */
  protected dry = false;
  y: number;
  protected parent: Struct;
  protected readonly root: Struct;
  readonly model: DocumentModel;
  protected readonly settings: WriterSettings;

  constructor(model: DocumentModel, settings: WriterSettings) {
    this.model = model;
    this.settings = settings;
    this.y = settings.top;
    const date = new Date(`${model.date}T00:00:00Z`);
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      autoFirstPage: false,
      bufferPages: true,
      pdfVersion: '1.7',
      tagged: true,
      // @types/pdfkit lags pdfkit 0.20, which supports PDF/UA identification.
      subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
      lang: model.language,
      displayTitle: true,
      // No default font: pdfkit would parse Helvetica's metrics for every document, and no text uses it.
      font: null as unknown as string,
      // A creation date from the content (never the clock) also fixes pdfkit's document id.
      info: { Title: model.title, Author: model.author, Subject: model.subject, Keywords: model.keywords.join(', '), Creator: 'inspection-reports', Producer: 'inspection-reports (pdfkit)', CreationDate: date, ModDate: date, ...revisionInfo(model) },
    });
    patchStreamWriting(this.doc);
    this.collectWrites();
    this.trackFillColour();
    this.markContentQuickly();
    if (model.revision) {
      // The same revision in the XMP metadata, which pdfkit writes for PDF/UA: the version as xmpMM:VersionID.
      (this.doc as unknown as { appendXML(xml: string): void }).appendXML(
        `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"><xmp:ModifyDate>${model.revision.date}T00:00:00Z</xmp:ModifyDate><xmpMM:VersionID>${model.revision.number}</xmpMM:VersionID></rdf:Description>`,
      );
    }
    for (const name of Object.keys(FONT_FILES) as FontName[]) {
      // @types/pdfkit does not know that pdfkit 0.20 takes a fontkit font.
      this.doc.registerFont(name, parsedFont(name) as string);
      shareShaping(this.doc, name);
    }
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.parent = this.root;
  }

  /** The 0-based index of the page being drawn. */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** Text width, remembered across documents (see sharedWidths). */
  measure = (text: string, font: FontName, size: number): number => {
    let bySize = sharedWidths.get(font)!.get(size);
    if (!bySize) {
      bySize = new Map();
      sharedWidths.get(font)!.set(size, bySize);
    }
    let width = bySize.get(text);
    if (width === undefined) {
      // Measuring leaves the document's font as it was: what is drawn next must not depend on whether this width was remembered.
      const state = this.doc as unknown as Record<'_font' | '_fontSource' | '_fontFamily' | '_fontSize', unknown>;
      const { _font, _fontSource, _fontFamily, _fontSize } = state;
      width = this.doc.font(font).fontSize(size).widthOfString(text);
      Object.assign(state, { _font, _fontSource, _fontFamily, _fontSize });
      bySize.set(text, width);
    }
    return width;
  };

  newPage(): void {
    // Portrait pages are added exactly as before orientation existed, so their bytes do not change.
    this.doc.addPage(this.model.orientation === 'landscape' ? { size: 'A4', margin: 0, layout: 'landscape' } : { size: 'A4', margin: 0 });
    this.y = this.settings.top;
  }

  /** Adds a structure element under the current one; `fill` adds its content and children. */
  within(type: string, options: Record<string, unknown>, fill: (element: Struct) => void): Struct {
    if (this.dry) {
      fill(REHEARSAL_ELEMENT);
      return REHEARSAL_ELEMENT;
    }
    const element = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
    this.parent.add(element);
    const previous = this.parent;
    this.parent = element;
    try {
      fill(element);
    } finally {
      this.parent = previous;
    }
    element.end();
    return element;
  }

  /** Adds a structure element under the current one and leaves it open: its content comes later, and the caller ends it. */
  openElement(type: string): Struct {
    if (this.dry) return REHEARSAL_ELEMENT;
    const element = this.doc.struct(type);
    this.parent.add(element);
    return element;
  }

  /** Content drawn inside an element: marked with an MCID so readers know what it belongs to. */
  content(element: Struct, tag: string, draw: () => void): void {
    if (this.dry) return draw();
    const marked = this.doc.markStructureContent(tag);
    draw();
    this.doc.endMarkedContent();
    element.add(marked);
  }

  /** Decoration that carries no meaning: rules, bars, symbols beside their words, page furniture. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    if (this.dry) return draw();
    this.doc.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions);
    draw();
    this.doc.endMarkedContent();
  }

  lineHeight(style: InlineStyle): number {
    return style.size * this.settings.leading;
  }

  /** Where the text of a line whose box starts at `lineTop` is drawn (pdfkit's y for the text). */
  textTop(lineTop: number, style: InlineStyle): number {
    return lineTop + (this.lineHeight(style) - style.size * 1.22) / 2;
  }

  /** Draws one laid-out line with its top at this.y (or its text at `top`), its parts tagged under `element`. */
  drawLine(line: Line, x: number, style: InlineStyle, element: Struct, tag: string, top: number = this.textTop(this.y, style)): void {
    let i = 0;
    const segments = line.segments;
    while (i < segments.length) {
      const segment = segments[i]!;
      if (segment.kind === 'symbol') {
        const size = style.size * 0.82;
        this.drawSymbol(segment.symbol, x + segment.x + 0.5, top + style.size * 0.2, size);
        i++;
        continue;
      }
      if (segment.style.link) {
        const link = segment.style.link;
        const run = [segment];
        while (segments[i + run.length]?.kind === 'text' && segments[i + run.length]!.style.link === link) run.push(segments[i + run.length] as typeof segment);
        // A rehearsal draws no link (nor its annotation).
        if (this.dry) {
          i += run.length;
          continue;
        }
        this.within('Link', {}, (linkElement) => {
          this.content(linkElement, 'Link', () => run.forEach((s) => this.drawText(s.text, x + s.x, top, s.style, this.settings.underlineLinks && !s.style.rise)));
          const first = run[0]!;
          const last = run[run.length - 1]!;
          const width = last.x + last.width - first.x;
          const box = [x + first.x, top - 1, width, style.size * 1.3] as const;
          // PDF/UA: a link annotation carries a description of where it goes.
          const label = run.map((s) => s.text).join('').trim();
          const description = this.linkDescription(label, link);
          const options = { structParent: linkElement, Contents: new String(description) } as unknown as PDFKit.Mixins.AnnotationOption;
          if (link.startsWith('#')) this.doc.goTo(...box, link.slice(1), options);
          else if (isSafeLink(link)) this.doc.link(...box, link, options);
        });
        i += run.length;
        continue;
      }
      const run = [segment];
      while (segments[i + run.length]?.kind === 'text' && !segments[i + run.length]!.style.link) run.push(segments[i + run.length] as typeof segment);
      this.content(element, tag, () => run.forEach((s) => this.drawText(s.text, x + s.x, top, s.style, false)));
      i += run.length;
    }
  }

  /** What a link's annotation says it is: its words, and where it goes when that leaves the document. */
  linkDescription(label: string, link: string): string {
    return link.startsWith('#') ? (/^\d+$/.test(label) ? this.words.t('documents.note', { number: label }) : label) : `${label} (${link})`;
  }

  drawText(text: string, x: number, top: number, style: { font: FontName; size: number; colour: string; rise?: number }, underline: boolean): void {
    if (this.dry) return;
    this.doc.font(style.font).fontSize(style.size);
    this.textColour(style.colour);
    // An underline stops at the last letter, not under a space the text ends in.
    const underlineWidth = underline ? this.measure(text.trimEnd(), style.font, style.size) : undefined;
    // The run's width is not measured: it only moves the document's x, which nothing reads (every run is drawn at a given place).
    drawTextRun(this.doc, text, x, top - (style.rise ?? 0), 0, underlineWidth);
  }

  /** Draws text on one line in the current font and colour, which must be `font` at `size` (pdfkit's text(s, x, top, { lineBreak: false })). */
  drawTextRun(text: string, x: number, top: number, font: FontName, size: number): void {
    drawTextRun(this.doc, text, x, top, this.measure(text, font, size));
  }

  drawSymbol(symbol: RatingSymbol, x: number, top: number, size: number): void {
    if (this.dry) return;
    const shape = ratingSymbolPaths[symbol];
    this.artifact(() => {
      this.doc.save().translate(x, top).scale(size / 10);
      this.doc.path(shape.path).fill(shape.colour);
      this.doc.restore();
    });
  }

  /**
   * The document's watermark across every page, corner to corner, over the content in a light
   * colour so the text under it stays readable; page furniture (an artifact), so assistive
   * technology is not interrupted by it on every page.
   */
  drawWatermark(watermark: string): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      this.doc.switchToPage(index);
      const { width, height } = this.doc.page;
      const angle = (Math.atan2(height, width) * 180) / Math.PI;
      const size = Math.min(72, (0.8 * Math.hypot(width, height)) / this.measure(watermark, 'bold', 1));
      const textWidth = this.measure(watermark, 'bold', size);
      this.artifact(() => {
        this.doc.save().rotate(-angle, { origin: [width / 2, height / 2] }).fillOpacity(0.2);
        this.doc.font('bold').fontSize(size).fillColor(COLOURS.error).text(watermark, (width - textWidth) / 2, height / 2 - size * 0.6, { lineBreak: false });
        this.doc.restore();
      }, 'Pagination');
    }
  }

  /** Ends the document and returns its bytes. */
  async finish(): Promise<Uint8Array> {
    if (this.model.watermark) this.drawWatermark(this.model.watermark);
    // What pdfkit wrote before now (its header) comes through the stream; the rest of the file is
    // collected here as it is written, text turned into bytes in long runs rather than a line at a
    // time (the same bytes: pdfkit keeps each character's low byte, as latin1 does).
    const chunks: Uint8Array[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.end();
    await done;
    if (this.written.text) this.written.parts.push(Buffer.from(this.written.text, 'latin1'));
    return new Uint8Array(Buffer.concat([...chunks, ...this.written.parts]));
  }

  /** What the document wrote after its header: bytes, and text not yet turned into bytes. */
  private readonly written = { parts: [] as Uint8Array[], text: '' };

  /**
   * What pdfkit writes after its header (which comes through the stream), collected here as it is
   * written (objects are written as soon as they end, structure elements among them), text turned
   * into bytes in long runs rather than a line at a time (the same bytes: pdfkit keeps each
   * character's low byte, as latin1 does). A rehearsal's file is never read: nothing is kept, and
   * nothing is added to its pages' content.
   */
  private collectWrites(): void {
    const file = this.doc as unknown as { _write(data: string | Uint8Array): void; _offset: number; addContent(data: string): unknown };
    const written = this.written;
    file._write = (data) => {
      if (this.dry) {
        file._offset += data.length + (typeof data === 'string' ? 1 : 0);
        return;
      }
      if (typeof data === 'string') {
        written.text += `${data}\n`;
        file._offset += data.length + 1;
        // Turned into bytes a few kilobytes at a time, so the document does not hold thousands of small strings (see stream-writing.ts).
        if (written.text.length >= 4096) {
          written.parts.push(Buffer.from(written.text, 'latin1'));
          written.text = '';
        }
        return;
      }
      if (written.text) written.parts.push(Buffer.from(written.text, 'latin1'));
      written.text = '';
      written.parts.push(data);
      file._offset += data.length;
    };
    const addContent = file.addContent.bind(file);
    file.addContent = (data) => (this.dry ? file : addContent(data));
  }

  /**
   * The fill colour in force in the page's content where the next operator goes: a string colour
   * set by fillColor, per level of saved graphics state (q … Q); undefined when unknown (a new page,
   * a page gone back to, a colour that is not a plain string). Text in the colour already in force
   * is drawn without setting it again: most runs of text are in the colour of the run before.
   */
  private readonly fillColours: (string | undefined)[] = [undefined];

  private trackFillColour(): void {
    const doc = this.doc as unknown as Record<'fillColor' | 'save' | 'restore' | 'addPage' | 'switchToPage', (...args: unknown[]) => unknown>;
    const colours = this.fillColours;
    const { fillColor, save, restore, addPage, switchToPage } = doc;
    doc.fillColor = (colour, opacity) => {
      fillColor.call(doc, colour, opacity);
      colours[colours.length - 1] = typeof colour === 'string' ? colour : undefined;
      return doc;
    };
    doc.save = () => {
      colours.push(colours[colours.length - 1]);
      return save.call(doc);
    };
    doc.restore = () => {
      if (colours.length > 1) colours.pop();
      else colours[0] = undefined;
      return restore.call(doc);
    };
    doc.addPage = (...args) => {
      colours.length = 1;
      colours[0] = undefined;
      return addPage.apply(doc, args);
    };
    doc.switchToPage = (...args) => {
      colours.length = 1;
      colours[0] = undefined;
      return switchToPage.apply(doc, args);
    };
  }

  /**
   * Marked content for a structure element (`/P <</MCID 7>> BDC`, a thousand or more a report)
   * written directly, as pdfkit's markContent writes it, without its general dictionary
   * serialisation; any other marking (an artifact, a span's attributes, a marking opened inside
   * another) goes to pdfkit.
   */
  private markContentQuickly(): void {
    const doc = this.doc as unknown as { page: { markings: unknown[] }; markContent(tag: string, options?: Record<string, unknown> | null): unknown; addContent(data: string): unknown };
    const markContent = doc.markContent;
    doc.markContent = (tag, options = null) => {
      if (options && tag !== 'Artifact' && tag !== 'Span' && typeof options.mcid === 'number' && doc.page.markings.length === 0) {
        let only = true;
        for (const key in options) if (key !== 'mcid') only = false;
        if (only) {
          doc.page.markings.push({ tag, options });
          doc.addContent(`/${tag} <<\n/MCID ${options.mcid}\n>> BDC`);
          return doc;
        }
      }
      return markContent.call(doc, tag, options);
    };
  }

  /** Sets the fill colour for text, unless it is in force already (pdfkit's fillColor(colour) either way as far as the document's state goes). */
  private textColour(colour: string): void {
    if (this.fillColours[this.fillColours.length - 1] === colour) (this.doc as unknown as { _fillColor: unknown[] })._fillColor = [colour, undefined];
    else this.doc.fillColor(colour);
  }
}
