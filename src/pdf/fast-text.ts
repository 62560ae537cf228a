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

/**
 * One word's glyphs as pdfkit groups them: runs of glyph ids in hex, each closed by a kerning
 * adjustment, the last run left open (null) when the word's last glyph is not kerned. Null when a
 * glyph is drawn off its baseline (a mark offset), which pdfkit positions on its own.
 */
type WordGlyphs = { hex: string; adjust: number | null }[] | null;
const wordsByFont = new WeakMap<EmbeddedFont, Map<string, WordGlyphs>>();
const operatorsByFont = new WeakMap<EmbeddedFont, Map<string, string>>();

function wordGlyphs(font: EmbeddedFont, cache: Map<string, WordGlyphs>, word: string): WordGlyphs {
  let glyphs = cache.get(word);
  if (glyphs !== undefined) return glyphs;
  // Encoding adds the word's glyphs to the document's font subset, in the order pdfkit would.
  const [hexes, positions] = font.encode(word);
  glyphs = [];
  let run = '';
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i]!;
    if (position.xOffset || position.yOffset) {
      glyphs = null;
      break;
    }
    run += hexes[i]!;
    const adjust = position.xAdvance - position.advanceWidth;
    if (adjust !== 0) {
      glyphs.push({ hex: run, adjust });
      run = '';
    }
  }
  if (glyphs && run) glyphs.push({ hex: run, adjust: null });
  cache.set(word, glyphs);
  return glyphs;
}

/**
 * A string's text-showing operator, `[<hex> kern …] TJ`, as pdfkit's _fragment writes it: pdfkit
 * shapes a string word by word (each word with the space after it), so the words are encoded once
 * per document and joined. Null when a glyph is offset.
 */
function textOperator(font: EmbeddedFont, text: string): string | null {
  let operators = operatorsByFont.get(font);
  if (!operators) {
    operators = new Map();
    operatorsByFont.set(font, operators);
  }
  let operator = operators.get(text);
  if (operator !== undefined) return operator;
  let cache = wordsByFont.get(font);
  if (!cache) {
    cache = new Map();
    wordsByFont.set(font, cache);
  }
  if (operator !== undefined) return operator;
  const commands: string[] = [];
  let open = '';
  let last = 0;
  const add = (word: string) => {
    const glyphs = wordGlyphs(font, cache, word);
    if (!glyphs) return false;
    for (const { hex, adjust } of glyphs) {
      open += hex;
      if (adjust !== null) {
        commands.push(`<${open}> ${number(-adjust)}`);
        open = '';
      }
    }
    return true;
  };
  // Words end after each space or tab, as pdfkit cuts them.
  const gap = text.includes('\t') ? /[ \t]/g : / /g;
  for (let match = gap.exec(text); match; match = gap.exec(text)) {
    if (!add(text.slice(last, match.index + 1))) return null;
    last = match.index + 1;
  }
  if (last < text.length && !add(text.slice(last))) return null;
  if (open) commands.push(`<${open}> 0`);
  operator = commands.length ? `[${commands.join(' ')}] TJ` : '';
  // Whole strings that come again (headers, labels, table headings) are kept too.
  operators.set(text, operator);
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
