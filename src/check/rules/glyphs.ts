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

/** A character the fonts lack, where it is first written in a file. */
interface MissingGlyph {
  line: number;
  column: number;
  char: string;
}

/** Each character the fonts lack, once per file, at its first place in the file. */
function missingGlyphs(file: string, text: string): MissingGlyph[] {
  const found: MissingGlyph[] = [];
  // Most files are plain ASCII: nothing to look up.
  if (!BEYOND_ASCII.test(text)) return found;
  const reported = new Set<string>();
  text.split('\n').forEach((line, index) => {
    if (!BEYOND_ASCII.test(line)) return;
    // YAML comments are never printed.
    if (/\.ya?ml$/.test(file) && /^\s*#/.test(line)) return;
    // The column counts UTF-16 units, as editors do: the match's index, plus one.
    for (const match of line.matchAll(/[^\u0000-\u007e]/gu)) {
      const char = match[0];
      if (!reported.has(char) && !/\s/u.test(char) && !fontsDraw(char.codePointAt(0)!)) {
        reported.add(char);
        found.push({ line: index + 1, column: match.index + 1, char });
      }
    }
  });
  return found;
}

/**
 * What each file object was found to hold: the live preview's check hands on the same objects for
 * the folders an edit did not touch (src/check/live-memo.ts), which are then not read again (their
 * reading took 1.4 s of each edit at 10,000 reports).
 */
const foundIn = new WeakMap<object, MissingGlyph[]>();

export function checkGlyphs(files: readonly { readonly file: string; readonly text: string }[], diagnostics: DiagnosticList): void {
  for (const entry of files) {
    if (!/\.(ya?ml|mdx|md)$/.test(entry.file)) continue;
    let found = foundIn.get(entry);
    if (!found) foundIn.set(entry, (found = missingGlyphs(entry.file, entry.text)));
    for (const { line, column, char } of found) {
      const name = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      diagnostics.error(entry.file, { line, column }, 'missing-glyph', `"${char}" (${name}) is not in the PDF font, so it would print as a blank`, 'use another character (a plain quote or dash), or write the word out');
    }
  }
}
