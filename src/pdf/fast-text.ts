/**
 * Drawing one run of text on one line, as pdfkit's `text(s, x, y, { lineBreak: false })` does and
 * with the same content-stream bytes, without its per-call costs: pdfkit shapes and encodes the
 * whole string again on every call (and measures it twice more), although a report draws the same
 * words hundreds of times. Here each string's encoded glyphs (the `[<hex> kern …] TJ` operand) are
 * kept per document and font: the glyph ids belong to the document's font subset, so the cache
 * cannot outlive the document.
 *
 * Only the case the writers use is handled (left-aligned, no word or character spacing, no
 * wrapping, one line); a glyph drawn off its baseline (an OpenType mark offset) falls back to pdfkit.
 */

/** The parts of pdfkit's document and embedded font this reads: pdfkit 0.20's internals. */
interface EmbeddedFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
}
interface PdfkitDocument {
  _font: EmbeddedFont;
  _fontSize: number;
  _fillColor?: unknown[];
  x: number;
  y: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): PdfkitDocument;
  save(): PdfkitDocument;
  restore(): PdfkitDocument;
  transform(m11: number, m12: number, m21: number, m22: number, dx: number, dy: number): PdfkitDocument;
  strokeColor(...color: unknown[]): PdfkitDocument;
  lineWidth(width: number): PdfkitDocument;
  moveTo(x: number, y: number): PdfkitDocument;
  lineTo(x: number, y: number): PdfkitDocument;
  stroke(): PdfkitDocument;
  currentLineHeight(includeGap?: boolean): number;
  text(text: string, x: number, y: number, options: object): PdfkitDocument;
}

/** pdfkit's number format in content streams. */
const number = (n: number) => Math.round(n * 1e6) / 1e6;

/** A string's text-showing operator (its glyphs in the subset, with kerning), or null when a glyph is offset. */
type Encoded = string | null;
const encodedByFont = new WeakMap<EmbeddedFont, Map<string, Encoded>>();

function encodeOnce(font: EmbeddedFont, text: string): Encoded {
  let cache = encodedByFont.get(font);
  if (!cache) {
    cache = new Map();
    encodedByFont.set(font, cache);
  }
  let encoded = cache.get(text);
  if (encoded !== undefined) return encoded;
  // The same grouping as pdfkit's _fragment: glyphs run together until one is kerned.
  const [glyphs, positions] = font.encode(text);
  const commands: string[] = [];
  let last = 0;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
      commands.push(`<${glyphs.slice(last, cur).join('')}> ${number(-advance)}`);
    }
    last = cur;
  };
  encoded = '';
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i]!;
    if (position.xOffset || position.yOffset) {
      encoded = null;
      break;
    }
    if (position.xAdvance - position.advanceWidth !== 0) addSegment(i + 1);
  }
  if (encoded !== null) {
    addSegment(positions.length);
    encoded = commands.length ? `[${commands.join(' ')}] TJ` : '';
  }
  cache.set(text, encoded);
  return encoded;
}

/**
 * Draws `text` at (x, y) (pdfkit's y: the top of the line box) in the document's current font, size
 * and fill colour. `width` is the text's advance (for the document's x afterwards, as pdfkit sets
 * it), `underlineWidth` where an underline stops.
 */
export function drawTextRun(document: unknown, text: string, x: number, y: number, width: number, underlineWidth?: number): void {
  const doc = document as PdfkitDocument;
  const encoded = text.includes('\n') ? null : encodeOnce(doc._font, text);
  if (encoded === null) {
    doc.text(text, x, y, { lineBreak: false, ...(underlineWidth !== undefined ? { underline: true, textWidth: underlineWidth } : {}) });
    return;
  }
  doc.x = x;
  doc.y = y;
  if (text.length === 0) return;
  if (underlineWidth !== undefined) {
    doc.save();
    doc.strokeColor(...(doc._fillColor ?? []));
    const lineWidth = doc._fontSize < 10 ? 0.5 : Math.floor(doc._fontSize / 10);
    doc.lineWidth(lineWidth);
    const lineY = y + doc.currentLineHeight() - lineWidth;
    doc.moveTo(x, lineY);
    doc.lineTo(x + underlineWidth, lineY);
    doc.stroke();
    doc.restore();
  }
  doc.save();
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  const baseline = doc.page.height - y - (doc._font.ascender / 1000) * doc._fontSize;
  if (doc.page.fonts[doc._font.id] == null) doc.page.fonts[doc._font.id] = doc._font.ref();
  doc.addContent('BT');
  doc.addContent(`1 0 0 1 ${number(x)} ${number(baseline)} Tm`);
  doc.addContent(`/${doc._font.id} ${number(doc._fontSize)} Tf`);
  if (encoded) doc.addContent(encoded);
  doc.addContent('ET');
  doc.restore();
  doc.x += width;
}
