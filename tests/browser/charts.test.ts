/**
 * Charts and drawings on the pages of the shared sample build, in a real browser at 320, 768 and
 * 1280 px: every visible chart text is drawn at 12 CSS px or more, each chart shows exactly one of
 * its two layouts (so screen readers meet it once), and an author's drawing too wide for the
 * screen keeps its width in a focusable, labelled region that scrolls, never widening the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, filesUnder, launchBrowser, serveDirectory, type StaticServer } from '../support/browser.ts';
import { sharedPreview } from '../support/shared-site.ts';

const WIDTHS = [320, 768, 1280];
let browser: Browser;
let server: StaticServer;
let chartPages: string[] = [];
let diagramPages: string[] = [];

beforeAll(async () => {
  const site = await sharedPreview();
  const pages = filesUnder(site.dist).filter((file) => file.endsWith('index.html')).map((file) => path.join(site.dist, file));
  const urlOf = (file: string) => `/${path.relative(site.dist, path.dirname(file)).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/');
  chartPages = pages.filter((file) => fs.readFileSync(file, 'utf8').includes('class="app-chart ')).map(urlOf);
  diagramPages = pages.filter((file) => fs.readFileSync(file, 'utf8').includes('app-figure__diagram')).map(urlOf);
  server = await serveDirectory(site.dist);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(browserSkipReason())('charts and drawings in the browser', () => {
  it('draws every visible chart text at 12 CSS px or more, one layout per chart, at 320, 768 and 1280 px', async () => {
    expect(chartPages.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    const problems: string[] = [];
    for (const url of chartPages) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        if (width === WIDTHS[0]) await page.goto(`${server.origin}${url}`);
        const charts = await page.evaluate(() =>
          [...document.querySelectorAll('figure.app-chart-figure')].map((figure) => {
            const shown = [...figure.querySelectorAll<SVGSVGElement>('svg.app-chart')].filter((svg) => getComputedStyle(svg).display !== 'none');
            const sizes = shown.flatMap((svg) => {
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              return [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
            });
            return { id: figure.id, shown: shown.length, smallest: Math.min(...sizes), texts: sizes.length };
          }),
        );
        for (const chart of charts) {
          if (chart.shown !== 1) problems.push(`${url} at ${width} px: ${chart.id} shows ${chart.shown} layouts`);
          if (chart.texts === 0 || chart.smallest < 12) problems.push(`${url} at ${width} px: ${chart.id}'s smallest text is ${chart.smallest.toFixed(1)} px`);
        }
        expect(charts.length, url).toBeGreaterThan(0);
      }
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it("keeps an author's drawing at its readable width in a focusable, labelled region that scrolls at 320 px", async () => {
    expect(diagramPages.length).toBeGreaterThan(0);
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    for (const url of diagramPages) {
      await page.goto(`${server.origin}${url}`);
      const found = await page.evaluate(() => ({
        pageWidth: document.documentElement.scrollWidth,
        drawings: [...document.querySelectorAll<HTMLImageElement>('.app-figure__diagram')].map((img) => {
          const region = img.closest<HTMLElement>('.app-figure__scroll')!;
          const minimum = Number(/app-diagram--min-(\d+)/.exec(img.className)?.[1]);
          return { width: img.getBoundingClientRect().width, minimum, scrolls: region.scrollWidth > region.clientWidth, tabIndex: region.tabIndex, label: region.getAttribute('aria-label'), cue: (img.closest('figure')!.querySelector('.app-figure__cue') as HTMLElement).innerText };
        }),
      }));
      expect(found.pageWidth, url).toBeLessThanOrEqual(320);
      for (const drawing of found.drawings) {
        expect(drawing.width).toBeGreaterThanOrEqual(drawing.minimum);
        expect(drawing.scrolls).toBe(true);
        expect(drawing.tabIndex).toBe(0);
        expect(drawing.label).toMatch(/^Diagram: /);
        expect(drawing.cue).toMatch(/scroll it sideways/);
      }
    }
    await page.close();
  });
});
