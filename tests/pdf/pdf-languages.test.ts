/**
 * The language of every PDF of the sample build, read from the shared build (nothing is built
 * again): /Lang says the language of its folder (cy/… is Welsh, the rest English), and a Welsh PDF
 * report has its own title and cover, every Welsh PDF Welsh page furniture ("Tudalen 2 o 22") and, on its cover, none of the English
 * words the tool writes (author text may still be English until the sample content has Welsh).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_KEYS } from '../../src/model/message-keys.ts';
import { messagesIn } from '../support/messages.ts';
import { sharedSite } from '../support/shared-site.ts';

let dist = '';
let pdfs: string[] = [];

beforeAll(async () => {
  ({ dist } = await sharedSite());
  pdfs = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).sort();
}, 300_000);

/** pdfkit writes the catalogue uncompressed: its /Lang (…) entry. */
const langOf = (file: string) => /\/Lang \(([^)]*)\)/.exec(fs.readFileSync(path.join(dist, file), 'latin1'))?.[1];
const titleOf = (file: string) => /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', [path.join(dist, file)], { encoding: 'utf8' }))?.[1];
const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), path.join(dist, file), '-'], { encoding: 'utf8' });

/**
 * The literal words of the English messages the documents use whose Welsh differs: each message's
 * text between its placeholders, long enough to mean something ("of", "to" are everywhere).
 */
function englishWords(): string[] {
  const en = messagesIn('en');
  const cy = messagesIn('cy');
  const keys = [...MESSAGE_KEYS].filter((key) => /^(report|documents|easy-read)\./.test(key));
  return keys
    .filter((key) => en.texts([key])[key] !== cy.texts([key])[key])
    .flatMap((key) => en.texts([key])[key]!.split(/\{[^{}]*\}|[{}#]/))
    .map((words) => words.trim())
    .filter((words) => words.length >= 10);
}

describe('the language of every PDF', () => {
  it('is the language of its folder: cy/ Welsh, the rest English', () => {
    expect(pdfs.some((file) => file.startsWith(`cy${path.sep}`)), 'some Welsh PDF').toBe(true);
    expect(pdfs.map((file) => [file, langOf(file)])).toEqual(pdfs.map((file) => [file, file.startsWith(`cy${path.sep}`) ? 'cy' : 'en-GB']));
  });

  it('a Welsh PDF has its own title, Welsh furniture and no English tool words on its cover', () => {
    const welsh = pdfs.filter((file) => file.startsWith(`cy${path.sep}`));
    const words = englishWords();
    expect(words.length).toBeGreaterThan(20);
    for (const file of welsh) {
      const english = file.slice(3);
      expect(pdfs, `${file} has an English version`).toContain(english);
      const cover = pageText(file, 1);
      // A full report's title and cover are the tool's words; an easy-read version's are its template's
      // (author text, Welsh once the templates have their Welsh values).
      if (file.endsWith('report.pdf')) {
        expect(titleOf(file), file).not.toBe(titleOf(english));
        expect(cover, file).not.toBe(pageText(english, 1));
        expect(words.filter((w) => cover.replace(/\s+/g, ' ').includes(w)), file).toEqual([]);
      }
      const second = pageText(file, 2);
      expect(second, file).toMatch(/Tudalen 2 o \d+/);
      expect(second, file).not.toMatch(/Page \d+ of \d+|^Contents$/m);
    }
  });
});
