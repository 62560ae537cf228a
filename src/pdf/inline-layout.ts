/**
 * Breaks inline content into lines for the PDF: left-aligned, never hyphenated, words kept whole
 * (a word longer than the line is the only thing ever split). Pure apart from the measuring function.
 */
import type { Inline, RatingSymbol } from '../document/blocks.ts';
import type { FontName } from '../fonts.ts';
import { isSafeLink } from '../model/url-policy.ts';

export interface RunStyle {
  font: FontName;
  size: number;
  colour: string;
  /** External URL or internal destination ("#id"). */
  link?: string;
  /** Raise above the baseline (footnote numbers). */
  rise?: number;
}

/** A piece of one line: text in one style, or a rating symbol. */
export type Segment =
  | { kind: 'text'; text: string; style: RunStyle; x: number; width: number }
  | { kind: 'symbol'; symbol: RatingSymbol; style: RunStyle; x: number; width: number };

export interface Line {
  segments: Segment[];
  width: number;
}

export type Measure = (text: string, font: FontName, size: number) => number;

export interface InlineStyle {
  font: FontName;
  size: number;
  colour: string;
  linkColour: string;
  /** Where a section reference points, once the layout knows it ("14"). */
  pageOf?: (target: string) => number | undefined;
  /** "the hard words list on page 7", in the document's language. */
  onPage?: (phrase: string, page: number) => string;
  /** Links and section references in bold (easy read: bold and colour, never underlined). */
  boldLinks?: boolean;
}

interface Piece {
  kind: 'text' | 'symbol' | 'break';
  text: string;
  symbol?: RatingSymbol;
  style: RunStyle;
}

function fontFor(base: FontName, bold?: boolean, italic?: boolean): FontName {
  const isBold = bold || base === 'bold' || base === 'boldItalic';
  const isItalic = italic || base === 'italic' || base === 'boldItalic';
  return isBold ? (isItalic ? 'boldItalic' : 'bold') : isItalic ? 'italic' : 'regular';
}

function piecesOf(inlines: readonly Inline[], base: InlineStyle, link?: string): Piece[] {
  const style = (font: FontName, extra: Partial<RunStyle> = {}): RunStyle => ({ font: (link || extra.link) && base.boldLinks ? fontFor(font, true) : font, size: base.size, colour: link ? base.linkColour : base.colour, ...(link ? { link } : {}), ...extra });
  return inlines.flatMap((inline): Piece[] => {
    switch (inline.type) {
      case 'text':
        return [{ kind: 'text', text: inline.value, style: style(fontFor(base.font, inline.bold, inline.italic)) }];
      case 'link':
        // An address the link policy refuses gets no annotation: its words stay, as text.
        return piecesOf(inline.children, base, isSafeLink(inline.url) ? inline.url : undefined);
      case 'rating':
        // The symbol and the word stay together: joined by a no-break space.
        return [
          { kind: 'symbol', text: '', symbol: inline.symbol, style: style(base.font) },
          { kind: 'text', text: `\u00a0${inline.label}${inline.mark}`, style: style(fontFor(base.font, true)) },
        ];
      case 'note-ref':
        return [{ kind: 'text', text: String(inline.number), style: { font: base.font, size: base.size * 0.65, colour: base.linkColour, link: `#${inline.noteId}`, rise: base.size * 0.35 } }];
      case 'break':
        return [{ kind: 'break', text: '', style: style(base.font) }];
      case 'section-ref': {
        const page = base.pageOf?.(inline.target);
        return [{ kind: 'text', text: page ? (base.onPage?.(inline.phrase, page) ?? `${inline.phrase} on page ${page}`) : inline.phrase, style: style(base.font, { link: `#${inline.target}`, colour: base.linkColour }) }];
      }
    }
  });
}

const sameStyle = (a: RunStyle, b: RunStyle) => a.font === b.font && a.size === b.size && a.colour === b.colour && a.link === b.link && a.rise === b.rise;

/** Lays inline content out in lines no wider than `width`. */
export function layoutInlines(inlines: readonly Inline[], width: number, base: InlineStyle, measure: Measure): Line[] {
  // Words: runs of non-space characters, possibly spanning styles ("Good*," or "**bold**."), each
  // part measured once.
  type Part = { piece: Piece; text: string; width: number };
  type Word = { parts: Part[]; spaceBefore: boolean; forcedBreak?: boolean };
  const words: Word[] = [];
  let current: Word | undefined;
  let pendingSpace = false;
  const symbolWidth = base.size * 0.95;
  for (const piece of piecesOf(inlines, base)) {
    if (piece.kind === 'break') {
      words.push({ parts: [], spaceBefore: false, forcedBreak: true });
      current = undefined;
      pendingSpace = false;
      continue;
    }
    if (piece.kind === 'symbol') {
      current = { parts: [{ piece, text: '', width: symbolWidth }], spaceBefore: pendingSpace };
      words.push(current);
      pendingSpace = false;
      continue;
    }
    // Tokens between runs of spaces, found without splitting the text into an array first.
    const text = piece.text;
    let start = 0;
    while (start < text.length) {
      if (text.charCodeAt(start) === 32) {
        while (text.charCodeAt(start) === 32) start++;
        pendingSpace = true;
        current = undefined;
        continue;
      }
      let end = text.indexOf(' ', start);
      if (end === -1) end = text.length;
      const token = start === 0 && end === text.length ? text : text.slice(start, end);
      start = end;
      if (!current || pendingSpace) {
        current = { parts: [], spaceBefore: pendingSpace && words.length > 0 };
        words.push(current);
        pendingSpace = false;
      }
      current.parts.push({ piece, text: token, width: measure(token, piece.style.font, piece.style.size) });
    }
  }

  const spaceWidth = (style: RunStyle) => measure(' ', style.font, style.size);

  const lines: Line[] = [];
  let line: Line = { segments: [], width: 0 };
  const push = (part: { piece: Piece; text: string }, x: number, w: number) => {
    const last = line.segments[line.segments.length - 1];
    if (part.piece.kind === 'text' && last?.kind === 'text' && sameStyle(last.style, part.piece.style) && Math.abs(last.x + last.width - x) < 0.01) {
      last.text += part.text;
      last.width += w;
    } else if (part.piece.kind === 'symbol') {
      line.segments.push({ kind: 'symbol', symbol: part.piece.symbol!, style: part.piece.style, x, width: w });
    } else {
      line.segments.push({ kind: 'text', text: part.text, style: part.piece.style, x, width: w });
    }
    line.width = x + w;
  };
  const newLine = (betweenWords = true) => {
    // A line that ends between words ends in a space (drawn, not counted in its width), so text
    // read in order from the tagged content keeps the words either side of the break apart.
    const last = line.segments[line.segments.length - 1];
    if (betweenWords && last?.kind === 'text' && !last.text.endsWith(' ')) last.text += ' ';
    lines.push(line);
    line = { segments: [], width: 0 };
  };

  for (const word of words) {
    if (word.forcedBreak) {
      newLine();
      continue;
    }
    let wordWidth = 0;
    for (const part of word.parts) wordWidth += part.width;
    const first = word.parts[0]!;
    const space = word.spaceBefore && line.segments.length > 0 ? spaceWidth(first.piece.style) : 0;
    if (line.segments.length > 0 && line.width + space + wordWidth > width) newLine();
    let x = line.segments.length > 0 ? line.width + space : 0;
    let lead = '';
    if (line.segments.length > 0 && space > 0) {
      // A space is always a character, never only a gap, whatever the styles either side, so
      // extracted text reads with real spaces. It belongs to the text before it (in its width when
      // the style runs on); after a symbol, to the word after it.
      const last = line.segments[line.segments.length - 1]!;
      if (last.kind === 'text') {
        last.text += ' ';
        if (sameStyle(last.style, first.piece.style)) last.width += space;
      } else if (first.piece.kind === 'text') {
        lead = ' ';
        x -= space;
      }
    }
    for (let part of word.parts) {
      let w = part.width;
      if (lead) {
        w += space;
        part = { piece: part.piece, text: lead + part.text, width: w };
        lead = '';
      }
      if (part.piece.kind === 'text' && w > width) {
        // A word wider than the line (a long web address): split it where it must be.
        let rest = part.text;
        while (rest.length > 0) {
          let n = rest.length;
          while (n > 1 && x + measure(rest.slice(0, n), part.piece.style.font, part.piece.style.size) > width) n--;
          const chunk = rest.slice(0, n);
          const cw = measure(chunk, part.piece.style.font, part.piece.style.size);
          push({ piece: part.piece, text: chunk }, x, cw);
          rest = rest.slice(n);
          if (rest.length > 0) {
            newLine(false);
            x = 0;
          } else {
            x += cw;
          }
        }
        continue;
      }
      push(part, x, w);
      x += w;
    }
  }
  if (line.segments.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}
