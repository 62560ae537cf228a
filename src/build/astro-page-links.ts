/**
 * Astro's incremental build (experimental.incrementalBuild) puts each unchanged page into the output
 * by copying it from its cache (.cache/astro/dist/). After a one-report edit of a thousand reports
 * that is about 11,600 files and 400 MB copied: 1.6 CPU-seconds of the kernel's, and the build's
 * main thread stalled on the disk meanwhile (Astro's test of whether each page is already in the
 * output took 1.7 s beside the copies, 0.1 s alone). A hard link gives the same file for nothing,
 * as the PDFs are published from their cache (src/pdf/publish.ts).
 *
 * A page Astro renders is written twice, into the output and into its cache: the cache's entry is a
 * link to the output's file too, which in a cold build of a thousand reports saves writing the same
 * 400 MB again.
 *
 * A linked page is then one file in two places, so neither may ever be written in place: Astro's
 * output folder is always a new one (src/build/cli.ts swaps it in whole), and a cache entry is
 * replaced by renaming a new link over it, leaving the published page it was linked to as it was.
 * Astro has no option for either, so its cache's two methods are replaced on its class; where a
 * later Astro no longer has them, the build goes on with Astro's own copies, and
 * tests/build/astro-page-links.test.ts fails.
 *
 * A build that replaces a cache entry and then stops (killed, or failing) before Astro writes its
 * new list of entries would leave the old list naming the new page under the old key: an edit put
 * back would then publish the edited page. So the first entry a build replaces removes the old list
 * first (Astro read it when the build began): after a build that stopped, every page is rendered again.
 */
import fs from 'node:fs';

interface AstroSettings {
  config: { cacheDir: URL; outDir: URL };
}

interface IncrementalCache {
  restoreOutputFile(settings: AstroSettings, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: AstroSettings, outputFile: string, body: Uint8Array | string): Promise<void>;
}

const LINKED = Symbol.for('inspection-reports.astro-page-links');

/** Where Astro's cache keeps a page it built (astro/dist/core/build/incremental.js: its cacheDir's dist/). */
const cachedFile = (settings: AstroSettings, outputFile: string) => new URL(outputFile, new URL('dist/', settings.config.cacheDir));

/** Where Astro's cache keeps its list of entries (astro/dist/core/build/incremental.js). */
const manifestOf = (settings: AstroSettings) => new URL('incremental-build.json', settings.config.cacheDir);

/** The builds' caches (one per build) that have replaced an entry, and so have removed the old list. */
const replacing = new WeakSet<object>();

/** Folders made so far, so that each page's folder is made once. */
const madeFolders = new Set<string>();
function makeFolderOf(file: URL): void {
  const folder = new URL('./', file).href;
  if (madeFolders.has(folder)) return;
  fs.mkdirSync(new URL(folder), { recursive: true });
  madeFolders.add(folder);
}

/**
 * The prototype of Astro's incremental build cache (astro/dist/core/build/incremental.js), whose
 * methods this file and astro-portable-cache.ts replace; undefined where a later Astro moved it.
 */
export async function astroBuildCachePrototype<T extends object>(): Promise<T | undefined> {
  const module = (await import(new URL('./core/build/incremental.js', import.meta.resolve('astro')).href).catch(() => ({}))) as { IncrementalBuildCache?: { prototype: T } };
  return module.IncrementalBuildCache?.prototype;
}

/**
 * Makes Astro's incremental build link its cached pages into the output instead of copying them,
 * and write its cache by rename. True when Astro's cache has the methods this replaces (and so now
 * links); false when it does not, and builds as before. Once per process.
 */
export async function linkAstroCachedPages(): Promise<boolean> {
  const cache = await astroBuildCachePrototype<IncrementalCache & { [LINKED]?: true }>();
  if (!cache || typeof cache.restoreOutputFile !== 'function' || typeof cache.writeOutputFile !== 'function') return false;
  if (cache[LINKED]) return true;
  // Synchronous: a link is a few microseconds' work, and Astro restores four pages at a time, so
  // each waiting on the thread pool twice (folder, link) left the build idle 2.5 s of 3 after an edit.
  cache.restoreOutputFile = async (settings, outputFile, destination) => {
    const from = cachedFile(settings, outputFile);
    makeFolderOf(destination);
    try {
      fs.linkSync(from, destination);
    } catch (error) {
      // Not in the cache: Astro renders the page.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      // A cache on another disk, or a file system without hard links: copied, as Astro does.
      await fs.promises.copyFile(from, destination);
    }
    return true;
  };
  // Astro has just written the page into the output (generate.js): the cache's copy is that file,
  // linked under a new name and renamed over the old entry, which stays as it was wherever it is linked.
  cache.writeOutputFile = async function (this: object, settings, outputFile, body) {
    if (!replacing.has(this)) {
      fs.rmSync(manifestOf(settings), { force: true });
      replacing.add(this);
    }
    const to = cachedFile(settings, outputFile);
    makeFolderOf(to);
    const temporary = new URL(`${to.href}.${process.pid}.part`);
    fs.rmSync(temporary, { force: true });
    const written = new URL(outputFile, settings.config.outDir);
    try {
      fs.linkSync(written, temporary);
    } catch {
      await fs.promises.writeFile(temporary, body);
    }
    fs.renameSync(temporary, to);
  };
  cache[LINKED] = true;
  return true;
}
