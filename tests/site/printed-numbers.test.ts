/**
 * Every number a reader sees is written as a person would write it: no computed fraction printed
 * with all its digits ("14.666666666666666 out of 36"). Read from the shared build's pages (their
 * visible text, not attributes such as a table's sort keys) and PDFs (pdftotext), so a figure
 * added anywhere later is covered.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedPreview } from '../support/shared-site.ts';

/** A decimal with three or more digits after the point: more precision than any published figure has. */
const OVERLONG = /\d\.\d{3,}/g;

let dist = '';
beforeAll(async () => {
  ({ dist } = await sharedPreview());
}, 300_000);

const filesIn = (ending: string) => fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ending) && !f.startsWith('pagefind/'));

function overlong(text: string): string[] {
  return [...text.matchAll(OVERLONG)].map((m) => text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 10).replace(/\s+/g, ' '));
}

describe('numbers as a reader sees them', () => {
  it('finds the fault it looks for', () => {
    expect(overlong('a score of 11 out of 27 (14.666666666666666 out of 36)')).toHaveLength(1);
    expect(overlong('88% of 24 cases, 1.5 times, version 2.1.1')).toEqual([]);
  });

  it('prints no overlong decimal on any page', () => {
    const found = filesIn('.html').flatMap((file) => {
      const tree = fromHtml(fs.readFileSync(path.join(dist, file), 'utf8'));
      return overlong(toString(tree)).map((at) => `${file}: …${at}…`);
    });
    expect(found).toEqual([]);
  });

  it('prints no overlong decimal in any PDF', () => {
    const found = filesIn('.pdf').flatMap((file) => overlong(execFileSync('pdftotext', [path.join(dist, file), '-'], { encoding: 'utf8' })).map((at) => `${file}: …${at}…`));
    expect(found).toEqual([]);
  });
});
