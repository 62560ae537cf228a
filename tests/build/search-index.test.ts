/**
 * The search index in shards (src/build/search-index.ts): after an edit, only the edited page's
 * shard is indexed again, the others are linked from the earlier output, and the files are exactly
 * those of an index made afresh from the new pages. On the shared sample build's pages
 * (tests/support/shared-site.ts), copied, in four shards (the sample is small enough for one); no
 * build of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchableFiles, writeSearchIndex } from '../../src/build/search-index.ts';
import { langOfFile, shardFolder, shardOf, type SearchShards } from '../../src/site/search-shards.ts';
import type { Lang } from '../../src/model/language.ts';
import { snapshotTree } from '../support/project-copy.ts';
import { sharedSite } from '../support/shared-site.ts';

const NEW_WORD = 'zebracrossings';
const COUNT = 4;
let work: string;
let edited: string;
let plan: SearchShards;

/** The searchable pages of `from` copied under `to`. */
function copyPages(from: string, to: string): void {
  for (const file of searchableFiles(from)) {
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(path.join(from, file), path.join(to, file));
  }
}

/** The addresses of the pages in a shard's bundle, from its fragments (one per page). */
function urlsIn(bundle: string, word = ''): string[] {
  const folder = path.join(bundle, 'fragment');
  return fs
    .readdirSync(folder)
    .map((name) => zlib.gunzipSync(fs.readFileSync(path.join(folder, name))).toString('utf8'))
    .filter((text) => text.includes(word))
    .map((text) => (JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string }).url);
}

beforeAll(async () => {
  const earlier = (await sharedSite()).dist;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'));
  copyPages(earlier, path.join(work, 'before'));
  copyPages(earlier, path.join(work, 'after'));
  // The shards the search page would list for these pages in four shards.
  const marked = searchableFiles(earlier).filter((file) => fs.readFileSync(path.join(earlier, file), 'utf8').includes('data-pagefind-body'));
  const byLang: Record<Lang, number[]> = { en: [], cy: [] };
  for (const file of marked) byLang[langOfFile(file)].push(shardOf(file, COUNT));
  plan = { count: COUNT, byLang: { en: [...new Set(byLang.en)].sort(), cy: [...new Set(byLang.cy)].sort() } };
  // The new build: one report's page edited inside its searchable part.
  edited = marked.find((file) => /^inspections\/[^/]+\/index\.html$/.test(file))!;
  const page = path.join(work, 'after', edited);
  const html = fs.readFileSync(page, 'utf8');
  const paragraphEnd = html.indexOf('</p>', html.indexOf('data-pagefind-body'));
  fs.writeFileSync(page, `${html.slice(0, paragraphEnd)} The service now teaches road safety at ${NEW_WORD}.${html.slice(paragraphEnd)}`);
}, 600_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the search index in shards', () => {
  it('indexes each report’s pages in one shard, and after an edit only that shard, writing what a fresh index would', async () => {
    const before = path.join(work, 'before');
    const cold = await writeSearchIndex(before, plan);
    expect(cold).toMatchObject({ indexed: COUNT, linked: 0 });
    // Every page of a report (its page, easy-read version, Welsh pages) is in its report's shard.
    for (let shard = 0; shard < COUNT; shard++) {
      for (const url of urlsIn(path.join(before, shardFolder(shard)))) expect(shardOf(`${url.slice(1)}index.html`, COUNT), url).toBe(shard);
    }
    expect(plan.byLang.cy.length).toBeGreaterThan(0);
    expect(plan.byLang.cy.length).toBeLessThan(COUNT);

    const after = path.join(work, 'after');
    const incremental = await writeSearchIndex(after, plan, { site: before, keys: cold.keys });
    expect(incremental).toMatchObject({ indexed: 1, linked: COUNT - 1 });
    const shard = shardOf(edited, COUNT);
    expect(Object.keys(cold.keys).filter((n) => cold.keys[n] !== incremental.keys[n])).toEqual([String(shard)]);
    // The new word is in the edited page's record alone; the earlier index has it nowhere.
    expect(urlsIn(path.join(after, shardFolder(shard)), NEW_WORD)).toEqual([`/${edited.replace(/index\.html$/, '')}`]);
    expect(urlsIn(path.join(before, shardFolder(shard)), NEW_WORD)).toEqual([]);

    // A fresh index of the same pages writes the same files.
    const fresh = path.join(work, 'fresh');
    copyPages(after, fresh);
    await writeSearchIndex(fresh, plan);
    const freshFiles = snapshotTree(path.join(fresh, 'pagefind'));
    const incrementalFiles = snapshotTree(path.join(after, 'pagefind'));
    expect([...incrementalFiles.keys()].sort()).toEqual([...freshFiles.keys()].sort());
    for (const [file, bytes] of freshFiles) expect(incrementalFiles.get(file)!.equals(bytes), file).toBe(true);
  }, 120_000);

  it('reads again only the pages that are not the very files the earlier index read, as after a build whose unchanged pages are linked', async () => {
    const first = path.join(work, 'stamped');
    copyPages(path.join(work, 'before'), first);
    const pages = searchableFiles(first);
    const made = await writeSearchIndex(first, plan);
    expect(made.read).toBe(pages.length);
    // The next output: every page the same file, linked (as Astro's cached pages are), one page written anew.
    const next = (name: string, rewritten?: string) => {
      const folder = path.join(work, name);
      for (const file of pages) {
        fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        if (file === rewritten) fs.writeFileSync(path.join(folder, file), fs.readFileSync(path.join(first, file)));
        else fs.linkSync(path.join(first, file), path.join(folder, file));
      }
      return folder;
    };
    const unchanged = await writeSearchIndex(next('linked'), plan, { site: first, keys: made.keys, stamps: made.stamps });
    expect(unchanged).toMatchObject({ read: 0, indexed: 0, linked: COUNT });
    expect(unchanged.stamps).toEqual(made.stamps);
    // The same bytes in a new file: read again, and (its hash the same) its shard still linked.
    const rewritten = await writeSearchIndex(next('rewritten', edited), plan, { site: first, keys: made.keys, stamps: made.stamps });
    expect(rewritten).toMatchObject({ read: 1, indexed: 0, linked: COUNT });
    expect(rewritten.stamps[edited]![0]).not.toBe(made.stamps[edited]![0]);
    expect(rewritten.stamps[edited]![1]).toBe(made.stamps[edited]![1]);
  }, 120_000);

  it('refuses pages that are not in the shards the search page lists', async () => {
    const shard = shardOf(edited, COUNT);
    const without = { ...plan, byLang: { ...plan.byLang, en: plan.byLang.en.filter((n) => n !== shard) } };
    await expect(writeSearchIndex(path.join(work, 'after'), without)).rejects.toThrow(`${edited} (shard ${shard}, not among en's)`);
  });
});
