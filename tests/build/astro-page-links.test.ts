/**
 * Astro's cache of built pages linked, not copied (src/build/astro-page-links.ts): its two methods
 * replaced on Astro's own class, a restored page the cache's file, a cache entry the page Astro
 * wrote, and never a file written in place, so a published page never changes under a later build.
 * (That the real build links its pages is tests/build/build.test.ts's.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkAstroCachedPages } from '../../src/build/astro-page-links.ts';
import { portableAstroPageCache } from '../../src/build/astro-portable-cache.ts';
import { handedOver, handOver, type BuildHandoff, type PageKeySource } from '../../src/site/handoff.ts';

interface Settings {
  config: { cacheDir: URL; outDir: URL };
}
interface Cache {
  restoreOutputFile(settings: Settings, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: Settings, outputFile: string, body: string): Promise<void>;
}
/** One build's cache, as Astro's build makes and uses it (astro/dist/core/build/incremental.js). */
interface BuildCache extends Cache {
  canSkip(routeComponent: string, pathname: string, dependencyHash: string, cacheKey: string): boolean;
  record(routeComponent: string, dependencyHash: string, pathname: string, cacheKey: string, outputFile: string): void;
  writeManifest(settings: Settings): void;
}
interface BuildCacheClass {
  prototype: Cache;
  load(settings: Settings, configHash: string, lockfileHash: string, keyDigest: string): BuildCache;
}
const astroCache = async () => ((await import(new URL('./core/build/incremental.js', import.meta.resolve('astro')).href)) as { IncrementalBuildCache: BuildCacheClass }).IncrementalBuildCache;
const ROUTE = 'src/pages/inspections/[slug]/index.astro';

let root: string;
let settings: Settings;
let cache: Cache;
const folderUrl = (folder: string) => pathToFileURL(`${path.join(root, folder)}/`);
const inode = (file: string) => fs.statSync(path.join(root, file)).ino;
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'astro-page-links-'));
  settings = { config: { cacheDir: folderUrl('cache'), outDir: folderUrl('out') } };
  expect(await linkAstroCachedPages(), 'Astro’s incremental build cache has the methods replaced').toBe(true);
  // Astro's own class, as its build loads it: the replaced methods are on its prototype.
  const { IncrementalBuildCache } = (await import(new URL('./core/build/incremental.js', import.meta.resolve('astro')).href)) as { IncrementalBuildCache: { prototype: Cache } };
  cache = IncrementalBuildCache.prototype;
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('Astro’s cache of built pages, linked', () => {
  it('stores a page Astro has just written as a link to it, and replaces an older entry without writing into it', async () => {
    fs.mkdirSync(path.join(root, 'out/inspections/a'), { recursive: true });
    fs.writeFileSync(path.join(root, 'out/inspections/a/index.html'), 'first');
    await cache.writeOutputFile(settings, 'inspections/a/index.html', 'first');
    expect(inode('cache/dist/inspections/a/index.html')).toBe(inode('out/inspections/a/index.html'));

    // The next build writes into a new output folder; the earlier one stays published as it was.
    fs.renameSync(path.join(root, 'out'), path.join(root, 'published'));
    fs.mkdirSync(path.join(root, 'out/inspections/a'), { recursive: true });
    fs.writeFileSync(path.join(root, 'out/inspections/a/index.html'), 'second');
    await cache.writeOutputFile(settings, 'inspections/a/index.html', 'second');
    expect(read('cache/dist/inspections/a/index.html')).toBe('second');
    expect(read('published/inspections/a/index.html')).toBe('first');
    expect(fs.readdirSync(path.join(root, 'cache/dist/inspections/a'))).toEqual(['index.html']);
  });

  it('restores a cached page as a link to the cache’s file, and says so; a page not in the cache is left to Astro', async () => {
    fs.mkdirSync(path.join(root, 'cache/dist/inspections/b'), { recursive: true });
    fs.writeFileSync(path.join(root, 'cache/dist/inspections/b/index.html'), 'cached');
    const destination = new URL('inspections/b/index.html', settings.config.outDir);
    expect(await cache.restoreOutputFile(settings, 'inspections/b/index.html', destination)).toBe(true);
    expect(read('out/inspections/b/index.html')).toBe('cached');
    expect(inode('out/inspections/b/index.html')).toBe(inode('cache/dist/inspections/b/index.html'));

    expect(await cache.restoreOutputFile(settings, 'inspections/c/index.html', new URL('inspections/c/index.html', settings.config.outDir))).toBe(false);
    expect(fs.existsSync(path.join(root, 'out/inspections/c/index.html'))).toBe(false);
  });

  it('replaces the methods once, however often it is asked', async () => {
    const restore = cache.restoreOutputFile;
    expect(await linkAstroCachedPages()).toBe(true);
    expect(cache.restoreOutputFile).toBe(restore);
  });
});

describe('Astro’s cache of built pages, from build to build', () => {
  /** A build's cache: loaded as Astro loads it, with the same configuration every time. */
  const build = async () => (await astroCache()).load(settings, 'config', 'lockfile', 'key');
  /** A page rendered and stored as a build stores it: written into the output, then into the cache. */
  const render = async (cache: BuildCache, dependencyHash: string, cacheKey: string, body: string) => {
    fs.mkdirSync(path.join(root, 'out/inspections/a'), { recursive: true });
    fs.rmSync(path.join(root, 'out/inspections/a/index.html'), { force: true });
    fs.writeFileSync(path.join(root, 'out/inspections/a/index.html'), body);
    await cache.writeOutputFile(settings, 'inspections/a/index.html', body);
    cache.record(ROUTE, dependencyHash, '/inspections/a/', cacheKey, 'inspections/a/index.html');
  };

  it('never keeps a page under the key of an earlier one when a build stops after storing it', async () => {
    const first = await build();
    await render(first, 'code', 'narrative 1', 'the narrative as it was');
    first.writeManifest(settings);
    expect((await build()).canSkip(ROUTE, '/inspections/a/', 'code', 'narrative 1')).toBe(true);

    // The narrative edited, the page rendered and stored, and the build killed before it lists its pages.
    const stopped = await build();
    expect(stopped.canSkip(ROUTE, '/inspections/a/', 'code', 'narrative 2')).toBe(false);
    await render(stopped, 'code', 'narrative 2', 'the narrative edited');
    // The edit put back: the stored page is the edited one, so the page must be rendered again.
    const next = await build();
    expect(next.canSkip(ROUTE, '/inspections/a/', 'code', 'narrative 1')).toBe(false);
    expect(read('cache/dist/inspections/a/index.html')).toBe('the narrative edited');
  });

  it('keeps pages of a project built in another folder, judging its code by content (src/build/astro-portable-cache.ts)', async () => {
    expect(await portableAstroPageCache(), 'Astro’s incremental build cache has the methods replaced').toBe(true);
    expect(await portableAstroPageCache()).toBe(true);
    const before = handedOver();
    const withCode = (code: string) => handOver({ ...before, pageKeys: { site: () => 's', report: () => 'r', reports: () => 'rs', picture: () => 'p', code: () => code } satisfies PageKeySource } as BuildHandoff);
    try {
      withCode('the code');
      const first = await build();
      // Astro's own hash names the modules by their absolute paths: another folder, another hash.
      await render(first, 'hash of /home/a/project/src/pages/…', 'narrative 1', 'page');
      first.writeManifest(settings);
      expect((await build()).canSkip(ROUTE, '/inspections/a/', 'hash of /ci/checkout/src/pages/…', 'narrative 1')).toBe(true);
      withCode('the code changed');
      expect((await build()).canSkip(ROUTE, '/inspections/a/', 'hash of /home/a/project/src/pages/…', 'narrative 1')).toBe(false);
      // With no build's hand-over (the live preview), Astro's own hash.
      handOver(undefined as unknown as BuildHandoff);
      expect((await build()).canSkip(ROUTE, '/inspections/a/', 'hash of /ci/checkout/src/pages/…', 'narrative 1')).toBe(false);
    } finally {
      handOver(before as BuildHandoff);
    }
  });
});

