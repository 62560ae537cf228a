/**
 * Pagefind's index of the built pages, made so that a build after a small edit does not parse the
 * whole site again.
 *
 * Pagefind keeps every page it has parsed in the order it was added, and a page added again under
 * the same address replaces the earlier one in its place; its index is a function of that list
 * alone. So the index is always made the same way: the searchable pages (see SEARCHABLE), one at a
 * time in name order. A cold build does that over the new pages. A build over an earlier one starts
 * while the site is still being built, over the earlier build's pages in dist/ (`warm`), and when
 * the new pages are written only those whose bytes differ are added again; the list Pagefind holds
 * is then exactly the one a cold run would make, and so are the files it writes. When the new
 * pages are not the same addresses (a report added or taken down), the warm list is dropped and
 * the index is made afresh. When no page changed at all, the earlier index is taken as it is.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The folders of the pages marked data-pagefind-body (reports, easy-read versions, thematic pages,
 * annual reports, the recommendations tracker, and every Welsh page): the lists, ratings tables,
 * data and feeds are not indexed. tests/site/site-pages.test.ts checks that every page marked for
 * search is indexed.
 */
const SEARCHABLE = ['inspections', 'thematic', 'annual-reports', 'cy', 'recommendations-tracker'];
/** Pagefind indexes only the pages with this mark once any page has it: the others are never sent. */
const BODY_MARK = 'data-pagefind-body';

/** What one index was made from: each page's address in the site and the hash of its bytes, in name order. */
type Pages = Map<string, string>;

type Pagefind = typeof import('pagefind');
type PagefindIndex = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;

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

/** A searchable page's bytes, or undefined when Pagefind would leave it out (no data-pagefind-body). */
async function pageBytes(site: string, file: string): Promise<Buffer | undefined> {
  const bytes = await fs.promises.readFile(path.join(site, file));
  return bytes.includes(BODY_MARK) ? bytes : undefined;
}

async function add(index: PagefindIndex, file: string, bytes: Buffer): Promise<void> {
  const added = await index.addHTMLFile({ sourcePath: file, content: bytes.toString('utf8') });
  if (added.errors.length) throw new Error(`Pagefind: ${file}: ${added.errors.join('; ')}`);
}

/** A Pagefind index being filled with a site's pages, one at a time in name order. */
export class SearchIndex {
  /** The pages added so far, by address, with the hash of the bytes added. */
  readonly pages: Pages = new Map();
  /** Settles when every page of `site` is added. */
  readonly filled: Promise<void>;

  private constructor(
    private readonly pagefind: Pagefind,
    private readonly index: PagefindIndex,
    /** The site whose pages were added first (the earlier build's, for a warm index). */
    readonly site: string,
  ) {
    this.filled = this.addAll();
    // Awaited by whoever finishes the index, where a failure is reported.
    this.filled.catch(() => {});
  }

  /** Starts an index of `site`'s searchable pages; `filled` settles when all are added. */
  static async open(site: string): Promise<SearchIndex> {
    const pagefind = await import('pagefind');
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    return new SearchIndex(pagefind, index, site);
  }

  private async addAll(): Promise<void> {
    for (const file of searchableFiles(this.site)) {
      const bytes = await pageBytes(this.site, file);
      if (!bytes) continue;
      await add(this.index, file, bytes);
      this.pages.set(file, hashOf(bytes));
    }
  }

  /**
   * Brings the index to `site`'s pages: each page whose bytes differ from what was added is added
   * again (in place, under the same address). Returns false, changing nothing, when `site` has not
   * the same searchable pages (addresses) as were added: the order would then not be a cold run's.
   */
  async update(site: string): Promise<{ same: boolean; changed: number }> {
    await this.filled;
    const now: [string, Buffer][] = [];
    for (const file of searchableFiles(site)) {
      const bytes = await pageBytes(site, file);
      if (bytes) now.push([file, bytes]);
    }
    if (now.length !== this.pages.size || now.some(([file]) => !this.pages.has(file))) return { same: false, changed: 0 };
    let changed = 0;
    for (const [file, bytes] of now) {
      const hash = hashOf(bytes);
      if (this.pages.get(file) === hash) continue;
      await add(this.index, file, bytes);
      this.pages.set(file, hash);
      changed++;
    }
    return { same: true, changed };
  }

  async write(outputPath: string): Promise<void> {
    await this.filled;
    const written = await this.index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  }

  /** Stops Pagefind (its own process). */
  async close(): Promise<void> {
    await this.pagefind.close();
  }
}

/** The key of an index: Pagefind's version and the pages it was made from. */
export function indexKey(pages: Pages, pagefindVersion: string): string {
  const hash = createHash('sha256').update(`search-index-1\u0000${pagefindVersion}\u0000`);
  for (const [file, pageHash] of pages) hash.update(`${file}\u0000${pageHash}\u0000`);
  return hash.digest('hex');
}
