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

interface Settings {
  config: { cacheDir: URL; outDir: URL };
}
interface Cache {
  restoreOutputFile(settings: Settings, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: Settings, outputFile: string, body: string): Promise<void>;
}

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
