/**
 * Text that extracts as written: a PDF's words, as pdftotext and as its structure tree give them,
 * checked against the words of the document model it was drawn from.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { inlineText, type DocumentModel, type Inline } from '../../src/document/blocks.ts';
import { structureText } from './pdf.ts';

/** What the PDF writers add themselves: list marks, the contents titles, "Rating:", page furniture. */
const RENDERER_WORDS = ['•', '–', 'Contents', 'List of figures and tables', 'Rating:', 'rating:', 'Page 1 of 2', 'Figure', 'Table', 'You can find this word on page pages and'];
const INLINE_TYPES = new Set(['text', 'link', 'rating', 'note-ref', 'break', 'section-ref']);
const wordsOf = (text: string) => text.split(/[\s\u00a0]+/).filter(Boolean);

/** Every word the model holds anywhere (texts, labels, alt texts), and the words of its running text. */
function modelWords(model: DocumentModel): { all: Set<string>; running: { withPages: string[]; withoutPages: string[] } } {
  const all = new Set<string>();
  const running = { withPages: [] as string[], withoutPages: [] as string[] };
  const visit = (value: unknown, inInlines: boolean): void => {
    if (typeof value === 'string') wordsOf(value).forEach((w) => all.add(w));
    else if (Array.isArray(value)) {
      // Inline content as it reads run on: a link's words with the text around them, a note's number after its word.
      const inlines = value.length > 0 && value.every((v) => INLINE_TYPES.has((v as { type?: string })?.type ?? ''));
      if (inlines) {
        // A section reference is drawn with its page where the renderer knows it ("… on page 9", a
        // number told apart below), and as its phrase alone where it does not (a report's cover note).
        const drawn = (page: string) => wordsOf(inlineText((value as Inline[]).map((i): Inline => (i.type === 'section-ref' ? { type: 'text', value: `${i.phrase}${page}` } : i))).replace(/\[(\d+)\]/g, '$1'));
        [...drawn(' on page 0'), ...drawn('')].forEach((w) => all.add(w));
        if (!inInlines) {
          running.withPages.push(...drawn(' on page 0'));
          running.withoutPages.push(...drawn(''));
        }
      }
      value.forEach((v) => visit(v, inInlines || inlines));
    } else if (value && typeof value === 'object') Object.values(value).forEach((v) => visit(v, inInlines));
  };
  visit(model, false);
  return { all, running };
}

/** The PDF's text by pdftotext, or undefined (with a warning) where poppler is not installed outside CI. */
export function pdftotext(bytes: Uint8Array): string | undefined {
  if (spawnSync('pdftotext', ['-v']).error) {
    if (process.env.CI === 'true') throw new Error('pdftotext (poppler-utils) is missing in CI');
    console.warn('skipped: pdftotext (poppler-utils) is not installed on this machine, so text extraction by it is not tested');
    return undefined;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdftotext-'));
  try {
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, bytes);
    return spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Each extracted word is one of the model's words (or a number: page numbers, counts), so no two
 * words ran together; and every word of the model's running text is there, so none was lost.
 */
export async function expectTextAsWritten(bytes: Uint8Array, model: DocumentModel): Promise<void> {
  const { all, running } = modelWords(model);
  RENDERER_WORDS.forEach((phrase) => wordsOf(phrase).forEach((w) => all.add(w)));
  // An author's SVG drawing is drawn as vectors with its words as text: they are words of the document too.
  for (const image of model.images) {
    if (image.svg !== undefined || !image.source.endsWith('.svg')) continue;
    for (const [, words] of fs.readFileSync(image.source, 'utf8').matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)) wordsOf(words!).forEach((w) => all.add(w));
  }
  // A number ("3,", "48%"), a numbered label ("3:"), a word that ends a figure's alt text ("fieldwork.")
  // or a piece of a word too long for its column is no joined word.
  const isNumber = (word: string) => /^\(?[\d.]+%?\)?[:,]?$/.test(word);
  const known = (word: string) => all.has(word) || all.has(word.replace(/\.$/, '')) || isNumber(word) || [...all].some((w) => w.includes(word));
  const texts: [string, string][] = [['structure tree', await structureText(bytes)]];
  const byPoppler = pdftotext(bytes);
  if (byPoppler !== undefined) texts.push(['pdftotext', byPoppler]);
  for (const [by, text] of texts) {
    const words = wordsOf(text);
    expect(words.filter((w) => !known(w)), `words ${by} runs together`).toEqual([]);
    const found = new Set(words);
    // pdftotext may set a raised note number apart from its word ("needs. 1"): the word is still there.
    const lost = (words: string[]) => words.filter((w) => !isNumber(w) && !found.has(w) && !found.has(w.replace(/(\D)\d+$/, '$1')));
    // Section references read one way throughout a document: with their pages, or (a report's cover note) without.
    const [withPages, withoutPages] = [lost(running.withPages), lost(running.withoutPages)];
    expect(withPages.length <= withoutPages.length ? withPages : withoutPages, `words ${by} loses`).toEqual([]);
  }
}
