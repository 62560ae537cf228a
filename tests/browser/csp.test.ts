/**
 * The pages that run scripts (search, the inspections filters, the ratings table's sorting), in
 * Chromium, under their own Content Security Policy: each does its work and the browser reports no
 * violation. A test that the detector works plants an inline script, which the policy must stop.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser, serveDirectory, type StaticServer } from '../support/browser.ts';
import { sharedSite } from '../support/shared-site.ts';
import { searchWithPage } from './lib/search.ts';

const skip = browserSkipReason();
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (skip) return;
  const { dist } = await sharedSite();
  server = await serveDirectory(dist);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page opened with every policy violation the browser reports collected. */
async function openWatched(path: string): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
  return { page, violations };
}

describe.skipIf(skip)('the Content Security Policy in the browser', () => {
  it('lets search work with no violation', async () => {
    const { page, violations } = await openWatched('/search/');
    const { found } = await searchWithPage(page, `${server.origin}/search/`, 'education', /^\/inspections\//, 20_000);
    expect(found).toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);

  it('lets the inspections filters and the ratings table’s script run with no violation', async () => {
    // Each page's filter form is hidden until its script runs and shows it.
    for (const [path, form] of [['/inspections/', '#filter-form'], ['/ratings/', 'form[data-ratings-filters]']] as const) {
      const { page, violations } = await openWatched(path);
      await page.locator(form).waitFor({ state: 'visible', timeout: 10_000 });
      expect(violations, path).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it('reports a planted inline script as a violation, so the checks above can fail', async () => {
    const { page, violations } = await openWatched('/');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.plantedScriptRan = true';
      document.body.append(script);
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate('window.plantedScriptRan === true')).toBe(false);
    expect(violations.length).toBeGreaterThan(0);
    await page.close();
  }, 60_000);
});
