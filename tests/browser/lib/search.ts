/**
 * Search through the site's Pagefind index: by the search page's own box, as a person would, and
 * through Pagefind's JavaScript API, which reads the same index files the page does.
 */
import type { Page } from 'playwright-core';
import { allowCompiledFunctions } from '../../support/browser.ts';

/** Result links in main that lead to pages of the site (paths), in page order. */
async function resultLinks(page: Page): Promise<string[]> {
  await allowCompiledFunctions(page);
  return page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    return [...main.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .filter((a) => !a.closest('nav, .govuk-breadcrumbs') && a.checkVisibility())
      .map((a) => new URL(a.href, location.href))
      .filter((u) => u.origin === location.origin)
      .map((u) => u.pathname);
  });
}

/** Types a word into the search page's box and returns the result links once one matches `expect`. */
export async function searchWithPage(page: Page, url: string, word: string, expect: RegExp, timeout = 10_000): Promise<{ found: boolean; links: string[]; box: string }> {
  await page.goto(url, { waitUntil: 'load' });
  const box = page.locator('main input[type="search"], main [role="searchbox"], main input[type="text"], input[type="search"]').filter({ visible: true }).first();
  await box.waitFor({ state: 'visible', timeout });
  const described = await box.evaluate((el) => el.outerHTML.slice(0, 160));
  await box.click();
  await box.pressSequentially(word, { delay: 20 });
  const wait = async (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const links = await resultLinks(page);
      if (links.some((l) => expect.test(l))) return links;
      await page.waitForTimeout(200);
    }
    return undefined;
  };
  let links = await wait(timeout / 2);
  if (!links) {
    // A search form without live results: submit it.
    await box.press('Enter');
    await page.waitForLoadState('load');
    links = await wait(timeout / 2);
  }
  return { found: !!links, links: links ?? (await resultLinks(page)), box: described };
}

/**
 * The addresses Pagefind's API gives for a word, loaded in a page of the site (for its language),
 * over the index's shards (their bundles' addresses, "/pagefind/0/"…) merged as the search page merges them.
 */
export async function searchWithApi(page: Page, url: string, word: string, bundles: string[]): Promise<string[]> {
  await page.goto(url, { waitUntil: 'load' });
  // A string, not a function: the test runner rewrites import() in functions it compiles.
  const script = `(async (term, bundles) => {
    const pagefind = await import(location.origin + bundles[0] + 'pagefind.js');
    if (pagefind.init) await pagefind.init();
    for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(bundle);
    const search = await pagefind.search(term);
    const data = await Promise.all(search.results.map((r) => r.data()));
    return data.map((d) => new URL(d.url, location.href).pathname);
  })(${JSON.stringify(word)}, ${JSON.stringify(bundles)})`;
  return page.evaluate(script) as Promise<string[]>;
}
