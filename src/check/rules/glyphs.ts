/**
 * Every character of the content must have a glyph in the PDF fonts: a missing one would print as a
 * blank (EASY-READ.md: Welsh ŵ and ŷ are the known case). Checked on the files as written, so the
 * message points at the character.
 */
import { createRequire } from 'node:module';
import type { DiagnosticList } from '../diagnostics.ts';
import { FONT_FILES } from '../../fonts.ts';

interface Font {
  hasGlyphForCodePoint(codePoint: number): boolean;
  familyName: string;
}

const require = createRequire(import.meta.url);
let fonts: Font[] | undefined;

function pdfFonts(): Font[] {
  // The regular and bold faces carry the same characters as their italics.
  fonts ??= [FONT_FILES.regular, FONT_FILES.bold].map((file) => (require('fontkit') as { openSync(path: string): Font }).openSync(file));
  return fonts;
}

/** Whether the PDF fonts draw a character, by code point: asked of the fonts once per character. */
const drawn = new Map<number, boolean>();
function fontsDraw(codePoint: number): boolean {
  let known = drawn.get(codePoint);
  if (known === undefined) drawn.set(codePoint, (known = pdfFonts().every((font) => font.hasGlyphForCodePoint(codePoint))));
  return known;
}

/** Characters past plain ASCII, the only ones a font can lack (each code point whole). */
const BEYOND_ASCII = /[^\u0000-\u007e]/u;

export function checkGlyphs(files: readonly { file: string; text: string }[], diagnostics: DiagnosticList): void {
  for (const { file, text } of files) {
    if (!/\.(ya?ml|mdx|md)$/.test(file)) continue;
    // Most files are plain ASCII: nothing to look up.
    if (!BEYOND_ASCII.test(text)) continue;
    const reported = new Set<string>();
    text.split('\n').forEach((line, index) => {
      if (!BEYOND_ASCII.test(line)) return;
      // YAML comments are never printed.
      if (/\.ya?ml$/.test(file) && /^\s*#/.test(line)) return;
      // The column counts UTF-16 units, as editors do: the match's index, plus one.
      for (const match of line.matchAll(/[^\u0000-\u007e]/gu)) {
        const char = match[0];
        const codePoint = char.codePointAt(0)!;
        if (!reported.has(char) && !/\s/u.test(char) && !fontsDraw(codePoint)) {
          reported.add(char);
          const name = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
          diagnostics.error(file, { line: index + 1, column: match.index + 1 }, 'missing-glyph', `"${char}" (${name}) is not in the PDF font, so it would print as a blank`, 'use another character (a plain quote or dash), or write the word out');
        }
      }
    });
  }
}
