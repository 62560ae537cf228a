/**
 * Visual snapshots of every output of the shared sample build (tests/support/shared-site.ts):
 *
 * - one page of each page type (discovered from the build, so new page types are covered), at 320,
 *   768 and 1280 CSS px wide, the first 3000 px of the whole page;
 * - for each kind of PDF, its first page, its first page with a figure or table, and its last page;
 *
 * each compared with its PNG in tests/visual/snapshots/ (tests/support/visual.ts says how). Run with
 * `UPDATE=1` to write the snapshots instead; either way .visual/index.html shows them all.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowCompiledFunctions, checkedPageType, discoverPages, filesUnder, groupByRoute, launchBrowser, routePatterns, serveDirectory, type StaticServer } from '../support/browser.ts';
import { PLANTED, PLANTED_THEMATICS, TRACKER_THEMATICS } from '../support/planted.ts';
import { sharedSite, type SharedSite } from '../support/shared-site.ts';
import {
  checkSnapshot,
  clearSheet,
  compareImages,
  pdfPagesToShow,
  renderPdfPage,
  snapshotName,
  SNAPSHOT_DIR,
  staleSnapshots,
  updating,
  visualSkipReason,
  writeContactSheet,
  type SnapshotEntry,
} from '../support/visual.ts';

const WIDTHS = [320, 768, 1280];
/** Only the top of a long page: the files stay small, and layout faults show near the top as well. */
const MAX_HEIGHT = 2000;
/** An address no page has, for the 404 page. */
const MISSING = '/no-such-page-for-the-visual-tests/';

/**
 * Anything that could differ from one run to the next: carets, animations and transitions, smooth
 * scrolling. (The build date is fixed by SOURCE_DATE_EPOCH, and no page shows the time of viewing.)
 */
const STEADY_CSS = `*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; scroll-behavior: auto !important; }`;

/** Reports planted in the sample build for other tests (hidden ones, and one of awkward text). */
const PLANTED_SLUGS = new Set([...PLANTED.map((p) => p.slug), ...Object.values(PLANTED_THEMATICS), ...Object.values(TRACKER_THEMATICS)]);

const typical = (address: string) => !address.split('/').some((segment) => PLANTED_SLUGS.has(segment));

const skipReason = visualSkipReason();
const entries: SnapshotEntry[] = [];
/** The tests that went through all their images: stale snapshots are removed only when both did. */
const finished = new Set<string>();

describe.skipIf(skipReason !== undefined)('visual snapshots', () => {
  let site: SharedSite;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let devtools: CDPSession;

  beforeAll(async () => {
    clearSheet();
    site = await sharedSite();
    server = await serveDirectory(site.dist);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: WIDTHS[0]!, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    page = await context.newPage();
    devtools = await context.newCDPSession(page);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (entries.length) {
      let stale = staleSnapshots(entries);
      if (updating() && finished.size === 2) {
        for (const file of stale) fs.rmSync(path.join(SNAPSHOT_DIR, file));
        if (stale.length) console.warn(`[visual] removed snapshots no image matched: ${stale.join(', ')}`);
        stale = [];
      }
      const sheet = writeContactSheet(entries, stale);
      const changed = entries.filter((e) => e.status !== 'same').length;
      console.warn(`[visual] contact sheet: ${path.relative(process.cwd(), sheet)} (${entries.length} images, ${changed} not the same as their snapshot)`);
      if (stale.length) console.warn(`[visual] snapshots no image matched (remove them): ${stale.join(', ')}`);
    }
  });

  /** A steady picture of the page at an address: fonts loaded, images decoded, nothing moving. */
  async function screenshot(address: string, width: number): Promise<Buffer> {
    await open(address, width);
    return capture();
  }

  async function open(address: string, width: number): Promise<void> {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${server.origin}${address}`, { waitUntil: 'load' });
    await allowCompiledFunctions(page);
    // A constructed style sheet: the pages' Content-Security-Policy (style-src 'self') refuses a <style> tag.
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, STEADY_CSS);
  }

  /**
   * The page as it is now, from the top: the whole width, at most MAX_HEIGHT px of its height. Just
   * after loading it waits for images, fonts and two frames; after a resize, for any font the new
   * layout asks for and one frame.
   */
  async function capture({ loaded = true } = {}): Promise<Buffer> {
    const { width, height } = loaded
      ? await page.evaluate(async () => {
          for (const image of document.images) image.loading = 'eager';
          await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
          await document.fonts.ready;
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          return { width: window.innerWidth, height: document.documentElement.scrollHeight };
        })
      : await page.evaluate(async () => {
          await document.fonts.ready;
          await new Promise((resolve) => requestAnimationFrame(resolve));
          return { width: window.innerWidth, height: document.documentElement.scrollHeight };
        });
    // The window made as tall as the picture, so that everything in it is painted as on screen:
    // captured beyond the window, a sticky column (the ratings table's) was at times not painted.
    const clipped = Math.min(height, MAX_HEIGHT);
    await page.setViewportSize({ width, height: clipped });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    // Chromium's own capture, told to encode fast (the PNG is decoded and compacted here anyway):
    // the same pixels as playwright's page.screenshot in two thirds of the time.
    const { data } = await devtools.send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width, height: clipped, scale: 1 }, captureBeyondViewport: false, optimizeForSpeed: true });
    await page.setViewportSize({ width, height: 800 });
    return Buffer.from(data, 'base64');
  }

  it('(the comparison itself) passes the same page drawn twice and fails a heading moved by one pixel and one letter changed in a paragraph', async () => {
    const start = Date.now();
    const first = await screenshot('/', 1280);
    const again = await screenshot('/', 1280);
    expect((await compareImages(first, again)).differing, 'the same page drawn twice').toBe(0);

    await page.evaluate(() => {
      document.querySelector('h1')!.style.transform = 'translateY(1px)';
    });
    const shifted = await capture();
    const shift = await compareImages(first, shifted);
    expect(shift.changed, `a heading moved down 1 px: ${shift.differing} pixels differ, ${shift.allowed} allowed`).toBe(true);

    await page.evaluate(() => {
      document.querySelector('h1')!.style.transform = '';
      const paragraph = document.querySelector('main p')!;
      const text = [...paragraph.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim().length > 1)!;
      // One letter swapped for one of about the same width, so nothing after it moves.
      text.textContent = text.textContent!.replace(/[a-z]/, (letter) => (letter === 'o' ? 'a' : 'o'));
    });
    const lettered = await capture();
    const letter = await compareImages(first, lettered);
    expect(letter.changed, `one letter of the first paragraph changed: ${letter.differing} pixels differ, ${letter.allowed} allowed`).toBe(true);
    console.warn(`[visual] the comparison's own check: a 1 px shift of the heading differs in ${shift.differing} pixels, one letter in ${letter.differing}; ${letter.allowed} allowed (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  });

  it('draws each page type at 320, 768 and 1280 px as its snapshots show', async () => {
    const start = Date.now();
    const { all, notFoundPage } = discoverPages(site.dist);
    // Each page type's first page in sorted order (the choice stays put when pages change size),
    // leaving out the odd reports planted for other tests where the type has a real one.
    const types = [...groupByRoute(all, path.join(site.project, 'src/pages'))].filter(([pattern]) => checkedPageType(pattern)).map(([pattern, members]) => {
      const sorted = [...members].sort();
      return { pattern, address: sorted.find(typical) ?? sorted[0]! };
    });
    if (notFoundPage) types.push({ pattern: '/404/', address: MISSING });
    expect(types.length, 'page types found in the sample build').toBeGreaterThan(5);
    let shooting = 0;
    // Each picture is compared (sharp and pixelmatch) while chromium draws the next one.
    const checks: Promise<SnapshotEntry>[] = [];
    for (const { pattern, address } of types) {
      for (const [index, width] of WIDTHS.entries()) {
        const shot = Date.now();
        // Loaded once at the narrowest width, then widened, as a window is: a third of the page loads.
        if (index === 0) await open(address, width);
        else await page.setViewportSize({ width, height: 800 });
        const png = await capture({ loaded: index === 0 });
        shooting += Date.now() - shot;
        const check = checkSnapshot(png, {
          group: `Page ${pattern}${pattern === address ? '' : ` (${address})`}`,
          label: `${width} px`,
          file: snapshotName('web', pattern, `${width}`),
          source: address,
        });
        // Its error, if any, is thrown by Promise.all below, not reported as unhandled meanwhile.
        check.catch(() => undefined);
        checks.push(check);
      }
    }
    const checked = await Promise.all(checks);
    entries.push(...checked);
    const failures = checked.flatMap((entry) => entry.failure ?? []);
    finished.add('pages');
    console.warn(`[visual] ${types.length} page types × ${WIDTHS.length} widths in ${((Date.now() - start) / 1000).toFixed(1)} s (${(shooting / 1000).toFixed(1)} s of it in the browser)`);
    expect(failures).toEqual([]);
  }, 120_000);

  it('draws the first page, the first figure or table and the last page of each kind of PDF as its snapshots show', async () => {
    const start = Date.now();
    const pdfs = filesUnder(site.dist).filter((f) => f.endsWith('.pdf')).map((f) => `/${f}/`);
    // Kinds of PDF by where they sit (/inspections/*/report.pdf/, /ratings/*/ratings.pdf/…), each one's first in sorted order.
    const kinds = [...routePatterns(pdfs)].map(([pattern, members]) => {
      const sorted = [...members].sort();
      return { pattern: pattern.slice(0, -1), file: (sorted.find(typical) ?? sorted[0]!).slice(1, -1) };
    });
    expect(kinds.length, 'kinds of PDF in the sample build').toBeGreaterThan(3);
    const pages = await Promise.all(kinds.map(async ({ pattern, file }) => ({ pattern, file, ...(await pdfPagesToShow(path.join(site.dist, file))) })));
    // pdftoppm for every chosen page at once: one process each, a fraction of a second apiece.
    const checked = await Promise.all(
      pages.flatMap(({ pattern, file, pageCount, picks }) =>
        picks.map(async ({ page: number, why }) =>
          checkSnapshot(await renderPdfPage(path.join(site.dist, file), number), {
            group: `PDF ${pattern} (${file})`,
            label: `page ${number} of ${pageCount} (${why})`,
            file: snapshotName('pdf', pattern, why.replace(/ /g, '-')),
            source: `/${file}#page=${number}`,
          }),
        ),
      ),
    );
    entries.push(...checked);
    const failures = checked.flatMap((entry) => entry.failure ?? []);
    finished.add('pdfs');
    console.warn(`[visual] ${kinds.length} kinds of PDF in ${((Date.now() - start) / 1000).toFixed(1)} s`);
    expect(failures).toEqual([]);
  }, 120_000);
});
