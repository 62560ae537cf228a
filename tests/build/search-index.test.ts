/**
 * The search index after an edit (src/build/search-index.ts): Pagefind filled with the earlier
 * build's pages and then given only the pages that changed writes the same files as an index made
 * afresh from the new pages, and the changed page's new words are in it. On the shared sample
 * build's pages (tests/support/shared-site.ts), copied; no build of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex, searchableFiles } from '../../src/build/search-index.ts';
import { snapshotTree } from '../support/project-copy.ts';
import { sharedSite } from '../support/shared-site.ts';

const NEW_WORD = 'zebracrossings';
let earlier: string;
let work: string;
let edited: string;

/** The searchable pages of `from` copied under `to`. */
function copyPages(from: string, to: string): void {
  for (const file of searchableFiles(from)) {
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(path.join(from, file), path.join(to, file));
  }
}

/** The fragments (one per indexed page) whose text holds a word. */
function fragmentsWith(output: string, word: string): string[] {
  const folder = path.join(output, 'fragment');
  return fs.readdirSync(folder).filter((name) => zlib.gunzipSync(fs.readFileSync(path.join(folder, name))).toString('utf8').includes(word));
}

beforeAll(async () => {
  earlier = (await sharedSite()).dist;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'));
  // The new build: the earlier pages with one report's page edited inside its searchable part.
  copyPages(earlier, path.join(work, 'site'));
  edited = searchableFiles(earlier).find((file) => /^inspections\/[^/]+\/index\.html$/.test(file))!;
  const page = path.join(work, 'site', edited);
  const html = fs.readFileSync(page, 'utf8');
  const body = html.indexOf('data-pagefind-body');
  expect(body).toBeGreaterThan(-1);
  const paragraphEnd = html.indexOf('</p>', body);
  fs.writeFileSync(page, `${html.slice(0, paragraphEnd)} The service now teaches road safety at ${NEW_WORD}.${html.slice(paragraphEnd)}`);
}, 600_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the search index after an edit', () => {
  it('re-indexes only the changed page and writes the same files as a fresh index of the new pages', async () => {
    const site = path.join(work, 'site');
    const warm = await SearchIndex.open(earlier);
    try {
      // Another set of pages (one more) is refused, changing nothing: its order would not be a fresh index's.
      const more = path.join(work, 'more');
      copyPages(site, more);
      fs.cpSync(path.join(more, edited), path.join(more, edited.replace(/\/index\.html$/, '-copy/index.html')));
      expect(await warm.update(more)).toEqual({ same: false, changed: 0 });

      expect(await warm.update(site)).toEqual({ same: true, changed: 1 });
      await warm.write(path.join(work, 'warm'));
    } finally {
      await warm.close();
    }
    const fresh = await SearchIndex.open(site);
    try {
      await fresh.filled;
      await fresh.write(path.join(work, 'fresh'));
    } finally {
      await fresh.close();
    }

    const warmFiles = snapshotTree(path.join(work, 'warm'));
    const freshFiles = snapshotTree(path.join(work, 'fresh'));
    expect([...warmFiles.keys()].sort()).toEqual([...freshFiles.keys()].sort());
    for (const [file, bytes] of freshFiles) expect(warmFiles.get(file)!.equals(bytes), file).toBe(true);
    // The edited page's new word is indexed, in that page's fragment alone; the earlier build's index has it nowhere.
    const withWord = fragmentsWith(path.join(work, 'warm'), NEW_WORD);
    expect(withWord).toHaveLength(1);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(work, 'warm', 'fragment', withWord[0]!))).toString('utf8')).toContain(`"url":"/${edited.replace(/index\.html$/, '')}"`);
    expect(fragmentsWith(path.join(earlier, 'pagefind'), NEW_WORD)).toEqual([]);
  }, 120_000);
});
