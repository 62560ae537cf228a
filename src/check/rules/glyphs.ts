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

export function checkGlyphs(files: readonly { file: string; text: string }[], diagnostics: DiagnosticList): void {
  for (const { file, text } of files) {
    if (!/\.(ya?ml|mdx|md)$/.test(file)) continue;
    const reported = new Set<string>();
    text.split('\n').forEach((line, index) => {
      // YAML comments are never printed.
      if (/\.ya?ml$/.test(file) && /^\s*#/.test(line)) return;
      let column = 1;
      for (const char of line) {
        const codePoint = char.codePointAt(0)!;
        if (codePoint > 0x7e && !reported.has(char) && !/\s/u.test(char) && !pdfFonts().every((font) => font.hasGlyphForCodePoint(codePoint))) {
          reported.add(char);
          const name = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
          diagnostics.error(file, { line: index + 1, column }, 'missing-glyph', `"${char}" (${name}) is not in the PDF font, so it would print as a blank`, 'use another character (a plain quote or dash), or write the word out');
        }
        column += char.length;
      }
    });
  }
}
