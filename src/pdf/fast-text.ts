/**
 * Drawing one run of text on one line, as pdfkit's `text(s, x, y, { lineBreak: false })` does and
 * with the same content-stream bytes, without its per-call costs: pdfkit shapes and encodes the
 * whole string again on every call (and measures it twice more), although a report draws the same
 * words hundreds of times. Here each word's encoded glyphs are kept per document and font (the
 * glyph ids belong to the document's font subset, so they cannot outlive the document) and joined
 * into the `[<hex> kern …] TJ` operator pdfkit would write.
 *
 * Only the case the writers use is handled (left-aligned, no word or character spacing, no
 * wrapping, one line); a glyph drawn off its baseline (an OpenType mark offset) falls back to pdfkit.
 */

/** The parts of pdfkit's document and embedded font this reads: pdfkit 0.20's internals. */
interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface GlyphRun {
  glyphs: Glyph[];
  positions: { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[];
}
interface EmbeddedFont {
  id: string;
  ascender: number;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: { includeGlyph(id: number): number };
  ref(): unknown;
  /** One word shaped (with the space after it): the shaping cache, shared by every document (writer.ts). */
  layoutCached(word: string): GlyphRun;
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

/**
 * One word's glyphs as pdfkit groups them, in this document: runs of glyph ids in hex, each closed
 * by a kerning adjustment. `closed` is the runs up to the word's last adjustment as written
 * ("0012> -15 <0034> 20": its first "<" left out, for the open run of the words before joins it),
 * empty when no glyph is kerned; `open` the glyphs after it, in hex. Null when a glyph is drawn off
 * its baseline (a mark offset), which pdfkit positions on its own.
 */
type WordGlyphs = { closed: string; open: string } | null;

/**
 * One word as shaped, the same in every document: its glyphs, and after each the kerning
 * adjustment that closes a run there (as written), or null. Null for a word with an offset glyph.
 */
type WordShape = { glyphs: Glyph[]; adjusts: (string | null)[] } | null;
const shapesByFont = new WeakMap<object, Map<string, WordShape>>();

function shapeOf(font: EmbeddedFont & { font: object }, word: string): WordShape {
  let shapes = shapesByFont.get(font.font);
  if (!shapes) shapesByFont.set(font.font, (shapes = new Map()));
  let shape = shapes.get(word);
  if (shape !== undefined) return shape;
  const { glyphs, positions } = font.layoutCached(word);
  const adjusts: (string | null)[] = [];
  shape = { glyphs, adjusts };
  for (const position of positions) {
    if (position.xOffset || position.yOffset) {
      shape = null;
      break;
    }
    const adjust = position.xAdvance - position.advanceWidth;
    adjusts.push(adjust !== 0 ? String(number(-adjust)) : null);
  }
  shapes.set(word, shape);
  return shape;
}

/** Per document and font: its words' glyphs, each glyph's id in hex in the document's subset, its strings' operators. */
interface FontUse {
  words: Map<string, WordGlyphs>;
  hexes: (string | undefined)[];
  operators: Map<string, string | null>;
}
const uses = new WeakMap<EmbeddedFont, FontUse>();

function useOf(font: EmbeddedFont): FontUse {
  let use = uses.get(font);
  if (!use) uses.set(font, (use = { words: new Map(), hexes: [], operators: new Map() }));
  return use;
}

/**
 * A word's glyphs in this document, as pdfkit's encode would give them: the word's shape is shared
 * by every document (shaped once, its adjustments written once); each glyph is added to the
 * document's font subset the first time the document uses it, in the order pdfkit would (with its
 * width and the text it stands for), and its subset id kept in hex.
 */
function wordGlyphs(font: EmbeddedFont, use: FontUse, word: string): WordGlyphs {
  let glyphs = use.words.get(word);
  if (glyphs !== undefined) return glyphs;
  const shape = shapeOf(font as EmbeddedFont & { font: object }, word);
  if (!shape) {
    use.words.set(word, null);
    return null;
  }
  const closed: string[] = [];
  let run = '';
  const { glyphs: shaped, adjusts } = shape;
  const hexes = use.hexes;
  for (let i = 0; i < adjusts.length; i++) {
    const glyph = shaped[i]!;
    let hex = hexes[glyph.id];
    if (hex === undefined) {
      const gid = font.subset.includeGlyph(glyph.id);
      font.widths[gid] ??= glyph.advanceWidth * font.scale;
      font.unicode[gid] ??= glyph.codePoints;
      hex = hexes[glyph.id] = `0000${gid.toString(16)}`.slice(-4);
    }
    run += hex;
    const adjust = adjusts[i];
    if (adjust !== null) {
      closed.push(closed.length ? `<${run}> ${adjust}` : `${run}> ${adjust}`);
      run = '';
    }
  }
  // Joined into one flat string: the document keeps it, and a string made by adding piece to piece holds every piece.
  glyphs = { closed: closed.join(' '), open: run };
  use.words.set(word, glyphs);
  return glyphs;
}

/**
 * A string's text-showing operator, `[<hex> kern …] TJ`, as pdfkit's _fragment writes it: pdfkit
 * shapes a string word by word (each word with the space after it), so the words are encoded once
 * per document and joined. Null when a glyph is offset.
 */
function textOperator(font: EmbeddedFont, text: string): string | null {
  const use = useOf(font);
  let operator = use.operators.get(text);
  if (operator !== undefined) return operator;
  // The operator's parts, joined once at the end into one flat string (added one by one, they would
  // make a string of dozens of small pieces, which the page and this cache hold until the document
  // ends); and the glyphs of the run still open.
  const parts = ['['];
  let open = '';
  let last = 0;
  const length = text.length;
  // Words end after each space or tab, as pdfkit cuts them; the last may end the string.
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && i !== length - 1) continue;
    const glyphs = wordGlyphs(font, use, last === 0 && i === length - 1 ? text : text.slice(last, i + 1));
    last = i + 1;
    if (!glyphs) {
      use.operators.set(text, null);
      return null;
    }
    if (glyphs.closed) {
      // The open run of the words before joins the first closed run of this one.
      parts.push(parts.length > 1 ? ' <' : '<', open, glyphs.closed);
      open = glyphs.open;
    } else open += glyphs.open;
  }
  if (open) parts.push(parts.length > 1 ? ' <' : '<', open, '> 0');
  parts.push('] TJ');
  operator = parts.length > 2 ? parts.join('') : '';
  // Whole strings that come again (headers, labels, table headings) are kept too.
  use.operators.set(text, operator);
  return operator;
}

/**
 * Draws `text` at (x, y) (pdfkit's y: the top of the line box) in the document's current font, size
 * and fill colour. `width` is the text's advance (for the document's x afterwards, as pdfkit sets
 * it), `underlineWidth` where an underline stops.
 */
export function drawTextRun(document: unknown, text: string, x: number, y: number, width: number, underlineWidth?: number): void {
  const doc = document as PdfkitDocument;
  const encoded = text.includes('\n') ? null : textOperator(doc._font, text);
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
  const { page, _font: font, _fontSize: size } = doc;
  const baseline = page.height - y - (font.ascender / 1000) * size;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  // pdfkit's save(), flip, BT … ET, restore(), as one addition (each operator on its own line, as
  // pdfkit writes them); the graphics state saved and restored here, so pdfkit's own stack is untouched.
  doc.addContent(`q\n1 0 0 -1 0 ${number(page.height)} cm\nBT\n1 0 0 1 ${number(x)} ${number(baseline)} Tm\n/${font.id} ${number(size)} Tf\n${encoded ? `${encoded}\n` : ''}ET\nQ`);
  doc.x += width;
}
