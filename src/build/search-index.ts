/**
 * Pagefind's index of the built pages, in shards (src/site/search-shards.ts): each shard a Pagefind
 * bundle of its own in pagefind/<shard>/, which the search page merges in the reader's browser.
 *
 * Pagefind keeps a whole index in memory until it is written, so the shards are filled one after
 * another, at most two at a time (one per core), and each is deleted from Pagefind once written:
 * the build's memory is a shard's, whatever the size of the site. Pagefind's index is a function of
 * the pages it was given and their order, so each shard is given its pages one at a time in name
 * order: the same pages make the same files, however the shards' work interleaves.
 *
 * Each shard has a key, the hash of its pages' addresses and bytes (and Pagefind's version). After
 * an edit, a shard whose key is the one its files in the earlier output were made from is linked
 * from there; only the shards whose pages changed are indexed again, from scratch (a shard is a few
 * seconds' work: feeding Pagefind the earlier pages while the site was built saved less than it cost).
 *
 * A page's hash is read again only when its file is not the one the earlier index read: an
 * unchanged page is the same file in both outputs, hard-linked from Astro's cache
 * (src/build/astro-page-links.ts), so its device, inode, size and modification time say it is
 * unchanged (as git and make trust them); reading every page took half a second at a thousand reports.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { langOfFile, shardFolder, shardOf, type SearchShards } from '../site/search-shards.ts';

/**
 * The folders of the pages marked data-pagefind-body (reports, easy-read versions, thematic pages,
 * annual reports, the recommendations tracker, and every Welsh page): the lists, ratings tables,
 * data and feeds are not indexed. tests/site/site-pages.test.ts checks that every page marked for
 * search is indexed.
 */
const SEARCHABLE = ['inspections', 'thematic', 'annual-reports', 'cy', 'recommendations-tracker'];
/** Pagefind indexes only the pages with this mark once any page has it: the others are never sent. */
const BODY_MARK = 'data-pagefind-body';
/** Shards filled at once: Pagefind's work on one shard is on one core at a time. */
const AT_ONCE = 2;

/** A shard's pages: each page's address in the site and the hash of its bytes, in name order. */
type Pages = Map<string, string>;

type Pagefind = typeof import('pagefind');

/** The HTML files of the searchable folders of a built site, relative to it, in name order. */
export function searchableFiles(site: string): string[] {
  const files: string[] = [];
  for (const top of SEARCHABLE) {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(site, top), { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith('.html')) files.push(`${top}/${name.split(path.sep).join('/')}`);
  }
  // Code-unit order, the same on every machine (not the locale's).
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Each searchable page an index was made from: the file it read (device, inode, size, modification
 * time) and the hash of its bytes, '' for a page Pagefind leaves out (no data-pagefind-body).
 */
export type PageStamps = Record<string, [stamp: string, hash: string]>;

/** Which file this is: a page written again, even with the same bytes, is another. */
async function fileStamp(file: string): Promise<string> {
  const stat = await fs.promises.stat(file, { bigint: true });
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
}

/** A searchable page's hash, '' when Pagefind would leave it out (no data-pagefind-body). */
async function pageHash(site: string, file: string): Promise<string> {
  const bytes = await fs.promises.readFile(path.join(site, file));
  return bytes.includes(BODY_MARK) ? hashOf(bytes) : '';
}

/**
 * The pages of each shard of a built site, by shard, and the stamps of the pages read (`earlier`:
 * those of an earlier index, whose hashes stand for the same files). Throws when they are not in
 * the shards `plan` says (the shards the search page merges): a language's search would then miss
 * pages, or load a shard that is not there.
 */
export async function pagesByShard(site: string, plan: SearchShards, earlier: PageStamps = {}): Promise<{ shards: Map<number, Pages>; stamps: PageStamps; read: number }> {
  const shards = new Map<number, Pages>();
  const stamps: PageStamps = {};
  let read = 0;
  const wrong: string[] = [];
  for (const file of searchableFiles(site)) {
    const stamp = await fileStamp(path.join(site, file));
    const known = earlier[file];
    let hash: string;
    if (known?.[0] === stamp) hash = known[1];
    else {
      hash = await pageHash(site, file);
      read += 1;
    }
    stamps[file] = [stamp, hash];
    if (!hash) continue;
    const shard = shardOf(file, plan.count);
    if (!plan.byLang[langOfFile(file)].includes(shard)) wrong.push(`${file} (shard ${shard}, not among ${langOfFile(file)}'s)`);
    if (!shards.has(shard)) shards.set(shard, new Map());
    shards.get(shard)!.set(file, hash);
  }
  for (const [lang, listed] of Object.entries(plan.byLang)) {
    for (const shard of listed) if (![...(shards.get(shard)?.keys() ?? [])].some((file) => langOfFile(file) === lang)) wrong.push(`shard ${shard} has no page in ${lang}`);
  }
  if (wrong.length) throw new Error(`The search index's shards are not the ones the search page lists: ${wrong.join('; ')}`);
  return { shards, stamps, read };
}

/** The key of a shard: Pagefind's version and the pages it is made from. */
export function shardKey(pages: Pages, pagefindVersion: string): string {
  const hash = createHash('sha256').update(`search-index-2\u0000${pagefindVersion}\u0000`);
  for (const [file, pageHash] of pages) hash.update(`${file}\u0000${pageHash}\u0000`);
  return hash.digest('hex');
}

/** The key of each shard's files, by shard. */
export type ShardKeys = Record<string, string>;

export interface Indexed {
  keys: ShardKeys;
  /** The pages the index was made from, for the next build's (pagesByShard). */
  stamps: PageStamps;
  /** Pages whose bytes were read (the others were known by their stamps). */
  read: number;
  /** The shards indexed (the others were linked from the earlier output). */
  indexed: number;
  linked: number;
  pages: number;
}

/**
 * Writes each shard of `site`'s pages into site/pagefind/<shard>/: linked from `earlier` (an earlier
 * output and the keys its shards were made from) when its key is the same, else indexed.
 */
export async function writeSearchIndex(site: string, plan: SearchShards, earlier?: { site: string; keys: ShardKeys; stamps?: PageStamps }): Promise<Indexed> {
  const version = pagefindVersion();
  const found = await pagesByShard(site, plan, earlier?.stamps);
  const shards = [...found.shards].sort(([a], [b]) => a - b);
  const keys: ShardKeys = {};
  const toIndex: [number, Pages][] = [];
  for (const [shard, pages] of shards) {
    const key = (keys[shard] = shardKey(pages, version));
    const from = earlier && path.join(earlier.site, shardFolder(shard));
    if (from && earlier.keys[shard] === key && fs.existsSync(from)) linkTree(from, path.join(site, shardFolder(shard)));
    else toIndex.push([shard, pages]);
  }
  if (toIndex.length) {
    const pagefind = await import('pagefind');
    try {
      const queue = [...toIndex];
      const fill = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await indexShard(pagefind, site, ...next);
      };
      await Promise.all(Array.from({ length: Math.min(AT_ONCE, queue.length) }, fill));
    } finally {
      await pagefind.close();
    }
  }
  return { keys, stamps: found.stamps, read: found.read, indexed: toIndex.length, linked: shards.length - toIndex.length, pages: shards.reduce((sum, [, pages]) => sum + pages.size, 0) };
}

/** One shard: its pages given to Pagefind in name order, written, and the index deleted from Pagefind's memory. */
async function indexShard(pagefind: Pagefind, site: string, shard: number, pages: Pages): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    for (const file of pages.keys()) {
      const content = await fs.promises.readFile(path.join(site, file), 'utf8');
      const added = await index.addHTMLFile({ sourcePath: file, content });
      if (added.errors.length) throw new Error(`Pagefind: ${file}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(site, shardFolder(shard)) });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
}

/** The installed Pagefind's version: part of every shard's key. */
function pagefindVersion(): string {
  const main = new URL(import.meta.resolve('pagefind'));
  return (JSON.parse(fs.readFileSync(new URL('../package.json', main), 'utf8')) as { version: string }).version;
}

/** Every file of `from` hard-linked at the same place under `to` (copied where links cannot be made). */
function linkTree(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.linkSync(source, target);
    } catch {
      fs.copyFileSync(source, target);
    }
  }
}
