/**
 * The easy-read page on a 320 px screen (or 400% zoom), in chromium, from the shared sample build:
 * every picture stays on the left of its sentences (rule 11), smaller, rather than above them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser, serveDirectory, type StaticServer } from '../support/browser.ts';
import { sharedSite } from '../support/shared-site.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== undefined)('the easy-read page at 320 px', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const site = await sharedSite();
    server = await serveDirectory(site.dist);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps each picture on the left of its sentences, about 64 px wide; the rating scale above its sentences', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`${server.origin}/inspections/dudley-2019/easy-read/`);
    // Each row and hard word: its picture's box and its text's box.
    const boxes = await page.evaluate(() => {
      const box = (el: Element | null) => {
        const r = el!.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
      };
      const rows = [...document.querySelectorAll('.app-easy-row')].map((row) => ({ id: row.id, large: row.classList.contains('app-easy-row--large'), picture: box(row.querySelector('img')), text: box(row.querySelector('.app-easy-row__text')) }));
      const words = [...document.querySelectorAll('.app-hard-word')].map((word) => ({ id: word.querySelector('dt')!.id, large: false, picture: box(word.querySelector('img')), text: box(word.querySelector('dt')) }));
      return { rows, words, pageWidth: document.documentElement.scrollWidth };
    });
    await page.close();
    expect(boxes.pageWidth).toBeLessThanOrEqual(320);
    expect(boxes.rows.length).toBeGreaterThan(10);
    expect(boxes.words.length).toBeGreaterThan(0);
    expect(boxes.rows.filter((r) => r.large)).toHaveLength(1);
    for (const { id, large, picture, text } of [...boxes.rows, ...boxes.words]) {
      if (large) {
        // Its words need the width: above the sentences, as wide as it can be.
        expect(picture.bottom, id).toBeLessThanOrEqual(text.top + 1);
        expect(picture.width, id).toBeGreaterThan(180);
        continue;
      }
      expect(picture.right, `${id}: picture left of its text`).toBeLessThanOrEqual(text.left);
      expect(Math.min(picture.bottom, text.bottom) - Math.max(picture.top, text.top), `${id}: picture beside its text`).toBeGreaterThan(0);
      expect(picture.width, id).toBeGreaterThanOrEqual(56);
      expect(picture.width, id).toBeLessThanOrEqual(72);
    }
  });
});
