/**
 * Searches every file of a build for a word: in file paths, in the raw bytes (as Latin-1, UTF-8,
 * UTF-16 both ways), inside gzip and zlib streams (Pagefind's index and fragments, PDF streams) and
 * in the text, metadata and outline of every PDF, read with pdf.js, since PDF text is stored as
 * glyph codes that no byte search can find.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { filesUnder } from '../../support/browser.ts';
import { pdfText } from '../../support/pdf-text.ts';

export interface Leak {
  file: string;
  where: string;
}

function encodings(word: string): Buffer[] {
  const lower = word.toLowerCase();
  const utf16be = Buffer.from(lower, 'utf16le').swap16();
  return [Buffer.from(lower, 'latin1'), Buffer.from(lower, 'utf16le'), utf16be];
}

/** Lower-cases ASCII letters only, so byte positions and non-text bytes stay as they are. */
function asciiLower(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < out.length; i++) {
    const byte = out[i]!;
    if (byte >= 0x41 && byte <= 0x5a) out[i] = byte + 0x20;
  }
  return out;
}

/** Streams inside a file that may hide text: a whole gzip file, and every zlib stream of a PDF. */
function inflatedParts(bytes: Buffer): { where: string; data: Buffer }[] {
  const parts: { where: string; data: Buffer }[] = [];
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      parts.push({ where: 'gzip content', data: zlib.gunzipSync(bytes) });
    } catch {
      /* not really gzip */
    }
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    let at = 0;
    let index = 0;
    while ((at = bytes.indexOf('stream', at, 'latin1')) !== -1) {
      let start = at + 'stream'.length;
      if (bytes[start] === 0x0d) start++;
      if (bytes[start] === 0x0a) start++;
      const end = bytes.indexOf('endstream', start, 'latin1');
      if (end === -1) break;
      if (bytes.subarray(at - 3, at).toString('latin1') !== 'end') {
        try {
          parts.push({ where: `PDF stream ${index}`, data: zlib.inflateSync(bytes.subarray(start, end)) });
        } catch {
          /* not a Flate stream */
        }
        index++;
      }
      at = end + 'endstream'.length;
    }
  }
  return parts;
}

/** Every place in a folder where a word appears, in any case. */
export async function findWord(root: string, word: string): Promise<{ leaks: Leak[]; filesSearched: number; pdfsRead: number }> {
  const { leaks, filesSearched, pdfsRead } = await findWords(root, [word]);
  return { leaks: leaks.get(word)!, filesSearched, pdfsRead };
}

/** Every place in a folder where each of some words appears, in any case: one reading of every file (and PDF) for all of them. */
export async function findWords(root: string, words: string[]): Promise<{ leaks: Map<string, Leak[]>; filesSearched: number; pdfsRead: number }> {
  const searches = words.map((word) => ({ word, needles: encodings(word), lowerWord: word.toLowerCase(), leaks: [] as Leak[] }));
  const files = filesUnder(root);
  let pdfsRead = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(root, file));
    const lowerBytes = asciiLower(bytes);
    const lowerText = bytes.toString('utf8').toLowerCase();
    const parts = inflatedParts(bytes).map((part) => ({ where: part.where, lower: asciiLower(part.data) }));
    const isPdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    if (isPdf) pdfsRead++;
    const pdf = isPdf ? (await pdfText(bytes)).toLowerCase() : '';
    for (const { needles, lowerWord, leaks } of searches) {
      if (file.toLowerCase().includes(lowerWord)) leaks.push({ file, where: 'file path' });
      if (needles.some((needle) => lowerBytes.includes(needle))) leaks.push({ file, where: 'bytes' });
      // Text in UTF-8 with the word's letters as they are (covers the case-insensitive search of non-ASCII context too).
      else if (lowerText.includes(lowerWord)) leaks.push({ file, where: 'text' });
      for (const part of parts) {
        if (needles.some((needle) => part.lower.includes(needle))) leaks.push({ file, where: part.where });
      }
      if (isPdf && pdf.includes(lowerWord)) leaks.push({ file, where: 'PDF text, metadata or outline' });
    }
  }
  return { leaks: new Map(searches.map(({ word, leaks }) => [word, leaks])), filesSearched: files.length, pdfsRead };
}
