/**
 * Every page of the built site in a real browser (Debian's chromium through playwright-core), from
 * the shared sample build (tests/support/shared-site.ts):
 *
 * - every page loads with status 200, an h1 and no console errors or failed requests;
 * - every page type passes axe-core's WCAG 2.2 AA rules and a few best practices (no text of
 *   undecided contrast), reflows at 1280, 768 and 320 px (no sideways page scroll, tables keep their
 *   row headers in view, the inspections list shows every rating) and can be used with the keyboard
 *   alone (every control reached, focus always visible, a working skip link).
 *
 * (The filters, search, links and leaks of hidden reports are tests/browser/site.test.ts's.)
 *
 * Page types are discovered from what the build produced (sitemap and index.html files, one page
 * per route pattern), so pages added later are covered without changing this file. Each page is
 * opened once, and a page that stands for its type is checked then and there with axe, at the reflow
 * widths and with the Tab walk (in that order, each leaving the page as it found it), and the skip
 * link from the walk's first stop. Two pages at a time, each in a browser context of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, checkedPageType, discoverPages, launchBrowser, serveDirectory, type SitePages, type StaticServer } from '../support/browser.ts';
import { checkSkipLink, tabThrough, type KeyboardResult } from './lib/keyboard.ts';
import { sharedSite } from '../support/shared-site.ts';

let dist = '';
/** Whether the site has the file this address asks for. */
const servedFile = (address: string) => {
  const file = path.join(dist, decodeURIComponent(new URL(address).pathname));
  return fs.existsSync(file) && fs.statSync(file).isFile();
};

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** A few of axe's best practices, cheap to run: landmarks of the same name, a box named only by its title, headings. */
const BEST_PRACTICES = ['landmark-unique', 'label-title-only', 'landmark-one-main', 'page-has-heading-one', 'heading-order'];
/** An address no page has, to see the 404 page as a visitor would. */
const MISSING = '/no-such-page-for-the-browser-tests/';
/**
 * Pages checked at the same time, each in its own browser context (a renderer process of its own).
 * Two: on two cores each renderer added costs CPU (three took a quarter more CPU than one for the
 * same pages) that the other test files running meanwhile need, for little less time.
 */
const AT_ONCE = 2;

/**
 * Text whose colour contrast axe-core cannot judge however it is drawn: text in an SVG chart (over
 * the chart's own shapes, or a lone digit) and table cells scrolled wholly or partly out of sight in
 * their wrapper, past the window's right edge. Any other undecided contrast fails the test.
 */
async function beyondAxe(page: Page, nodes: readonly { target: readonly unknown[] }[]): Promise<boolean[]> {
  const selectors = nodes.map(({ target }) => (target.length === 1 && typeof target[0] === 'string' ? target[0] : ''));
  // One call for all of a page's nodes: a round trip each would add seconds.
  return page.evaluate(
    (list) =>
      list.map((selector) => {
        const el = selector ? document.querySelector(selector) : null;
        return el !== null && (el.closest('svg') !== null || el.getBoundingClientRect().right > document.documentElement.clientWidth);
      }),
    selectors,
  );
}

const note = (message: string) => console.warn(`[browser tests] ${message}`);

/** The widths every page type is seen at: a desktop, a tablet and the narrowest phone (WCAG 1.4.10). */
const REFLOW_WIDTHS = [1280, 768, 320] as const;

/**
 * Runs in the page: what keeps it from reflowing at the window's width. The page must not scroll
 * sideways; a table wrapper that scrolls must keep each row's header in view when scrolled to its
 * end; with `ratingsShown`, every row of the inspections table must show its rating on screen.
 * And what a reader would see as broken at that width:
 * - a word of an h1 or h2 split across two lines (each word, measured by a Range, must be one box);
 * - the service navigation taking more than three rows, or (below the tablet width, where its items
 *   sit close) a link smaller than a 24 × 24 px tap target (WCAG 2.5.8), or the current section unmarked;
 * - a table stacked on a narrow screen whose caption is narrower than the stack, or whose cells do
 *   not fit the window;
 * - the standards by number (ratings pages) run together: two on one line in the same column.
 */
function reflowProblems({ ratingsShown }: { ratingsShown: boolean }): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) problems.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
  const name = (el: Element) => (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
  for (const wrapper of Array.from(document.querySelectorAll<HTMLElement>('.app-table-wrapper--wide'))) {
    if (wrapper.scrollWidth <= wrapper.clientWidth || wrapper.offsetParent === null) continue;
    wrapper.scrollLeft = wrapper.scrollWidth;
    const box = wrapper.getBoundingClientRect();
    for (const th of Array.from(wrapper.querySelectorAll<HTMLElement>('tbody tr > th:first-child'))) {
      const cell = th.getBoundingClientRect();
      if (cell.left < box.left - 1 || cell.right > box.right + 1) problems.push(`row header "${name(th)}" of the table "${wrapper.getAttribute('aria-label')}" scrolls out of view`);
    }
    wrapper.scrollLeft = 0;
  }
  const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
  for (const heading of Array.from(document.querySelectorAll('h1, h2')).filter(visible)) {
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.govuk-visually-hidden')) continue;
      // A break after a hyphen ("Tŷ-" / "gwyn") is where a compound may break: each part is a word here.
      for (const word of (node.textContent ?? '').matchAll(/[^\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (Array.from(range.getClientRects()).filter((r) => r.width > 0).length > 1) problems.push(`the ${heading.tagName.toLowerCase()} "${name(heading)}" breaks the word "${word[0]}" across lines`);
      }
    }
  }
  const narrow = root.clientWidth < 641;
  const links = Array.from(document.querySelectorAll<HTMLElement>('.govuk-service-navigation__link'));
  const navRows = new Set(links.map((link) => Math.round(link.getBoundingClientRect().top))).size;
  if (navRows > 3) problems.push(`the navigation takes ${navRows} rows`);
  for (const link of narrow ? links : []) {
    const box = link.getBoundingClientRect();
    if (box.width < 24 || box.height < 24) problems.push(`the navigation link "${name(link)}" is ${box.width.toFixed(0)} × ${box.height.toFixed(0)} px, under 24 × 24`);
  }
  for (const active of Array.from(document.querySelectorAll('.govuk-service-navigation__item--active'))) {
    const style = getComputedStyle(active);
    if (parseFloat(style.borderBottomWidth) + parseFloat(style.borderLeftWidth) < 3) problems.push(`the current section "${name(active)}" is not marked in the navigation`);
  }
  for (const wrapper of Array.from(document.querySelectorAll<HTMLElement>('.app-table--stack-narrow')).filter(visible)) {
    const table = wrapper.querySelector('table');
    if (!table || getComputedStyle(table).display === 'table') continue;
    const label = wrapper.getAttribute('aria-label') ?? name(wrapper);
    const caption = table.querySelector('caption');
    if (caption && visible(caption) && !caption.classList.contains('govuk-visually-hidden') && caption.getBoundingClientRect().width < table.getBoundingClientRect().width - 1) problems.push(`the stacked table "${label}" has a caption ${caption.getBoundingClientRect().width.toFixed(0)} px wide in a ${table.getBoundingClientRect().width.toFixed(0)} px stack`);
    const cut = Array.from(table.querySelectorAll('tbody th, tbody td')).find((cell) => cell.getBoundingClientRect().right > root.clientWidth + 1);
    if (cut) problems.push(`the stacked table "${label}" has a cell beyond the window: "${name(cut)}"`);
  }
  for (const list of Array.from(document.querySelectorAll<HTMLElement>('.app-ratings-abbreviations')).filter(visible)) {
    // Two items on one line are in different columns, so at least a column's width apart.
    const columnWidth = parseFloat(getComputedStyle(list).columnWidth) || list.clientWidth;
    const items = Array.from(list.children).map((item) => item.getBoundingClientRect());
    if (items.some((a, i) => items.some((b, j) => j > i && Math.abs(a.top - b.top) < 2 && Math.abs(a.left - b.left) < columnWidth - 1))) problems.push('the standards by number run together on a line');
  }
  if (ratingsShown) {
    const rows = Array.from(document.querySelectorAll<HTMLElement>('#inspections tbody tr')).filter((row) => !row.hidden);
    if (!rows.length) problems.push('no rows in the inspections table');
    for (const row of rows) {
      const rating = row.querySelector<HTMLElement>('.app-rating');
      const place = rating?.getBoundingClientRect();
      const shown = rating !== null && rating.checkVisibility({ visibilityProperty: true }) && place!.width > 0 && place!.left >= 0 && place!.right <= root.clientWidth;
      if (!shown) problems.push(`the rating of "${name(row.querySelector('th') ?? row)}" is not on screen`);
    }
  }
  return problems;
}

/** What one page type showed: axe's findings, the reflow problems at each width, the Tab walk and the skip link. */
interface PageTypeResult {
  label: string;
  /** The page type's order among pageTypes(), for reports in a steady order. */
  order: number;
  violations: string[];
  undecidedContrast: string[];
  unjudgeable: number;
  incomplete: number;
  tooWide: string[];
  reflowMs: number;
  keyboard: KeyboardResult;
  skipLink: string[];
}

/** axe-core on the page as loaded: its violations, written out, and the texts of undecided contrast. */
async function axeFindings(page: Page, label: string): Promise<Pick<PageTypeResult, 'violations' | 'undecidedContrast' | 'unjudgeable' | 'incomplete'>> {
  // Legacy mode runs axe in the page itself; the default opens a blank page per run to gather the
  // results of every frame (the pages have no frames), which cost about a second a page type.
  // Only violations and undecided results are read: axe then describes one node of each passed or
  // inapplicable rule rather than every one (a selector and HTML for each of 10,000 nodes on the
  // data page), half its time, with the same violations and undecided results.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(WCAG_TAGS)
    .options({ rules: Object.fromEntries(BEST_PRACTICES.map((rule) => [rule, { enabled: true }])), resultTypes: ['violations', 'incomplete'] })
    .analyze();
  const undecided = results.incomplete.find((r) => r.id === 'color-contrast')?.nodes ?? [];
  const beyond = await beyondAxe(page, undecided);
  const undecidedContrast: string[] = [];
  let unjudgeable = 0;
  for (const [i, node] of undecided.entries()) {
    if (beyond[i]) unjudgeable++;
    else undecidedContrast.push(`${label}: ${node.target.join(' ')} – ${node.any.map((c) => c.message).join('; ')}\n      ${node.html.slice(0, 200)}`);
  }
  const violations = results.violations.map((violation) =>
    [
      `${label}: ${violation.id} (${violation.impact}) ${violation.help} – ${violation.helpUrl}`,
      ...violation.nodes.slice(0, 8).map((node) => `    ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n      ${(node.failureSummary ?? '').replace(/\n\s*/g, ' ')}`),
      ...(violation.nodes.length > 8 ? [`    … and ${violation.nodes.length - 8} more`] : []),
    ].join('\n'),
  );
  return { violations, undecidedContrast, unjudgeable, incomplete: results.incomplete.length };
}

let site: Awaited<ReturnType<typeof sharedSite>>;
let pages: SitePages;

beforeAll(async () => {
  site = await sharedSite();
  pages = discoverPages(site.dist, path.join(site.project, 'src/pages'));
  dist = site.dist;
}, 600_000);

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== undefined)('every page in chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  const url = (p: string) => `${server.origin}${p}`;
  /** One page per type, and the 404 page (shown for a missing address) when the build has one. */
  const pageTypes = () => [...pages.byPattern.entries()].filter(([pattern]) => checkedPageType(pattern)).map(([pattern, p]) => ({ label: pattern === p ? p : `${pattern} (${p})`, path: p })).concat(pages.notFoundPage ? [{ label: '404 page', path: MISSING }] : []);

  beforeAll(async () => {
    server = await serveDirectory(site.dist);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  interface Survey {
    /** Problems loading pages: status, h1, console errors and failed requests. */
    loading: string[];
    types: PageTypeResult[];
  }
  let survey: Promise<Survey> | undefined;
  /** Every page opened once, and every page type checked, for all the tests below: AT_ONCE pages at a time. */
  function surveyed(): Promise<Survey> {
    survey ??= (async () => {
      const types = new Map(pageTypes().map((type, order) => [type.path, { ...type, order }]));
      // The 404 page is not among the pages (its address is any missing one): checked by type only.
      const queue = [...pages.all, ...(types.has(MISSING) ? [MISSING] : [])];
      const loading: string[] = [];
      const results: PageTypeResult[] = [];
      const lane = async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
        const own = await context.newPage();
        let errors: string[] = [];
        // Every page names its icon (src/site/favicon.ts): a missing one shows here as a failed request.
        own.on('console', (message) => {
          if (message.type() !== 'error') return;
          const from = message.location().url;
          errors.push(`console: ${message.text()}${from ? ` (${from.replace(server.origin, '')})` : ''}`);
        });
        own.on('pageerror', (error) => errors.push(`script error: ${error.message}`));
        // A favicon request the browser itself aborts as the next page loads is not a failure (seen on a
        // different page each run, more often with the Welsh pages' 28 more loads); a missing icon is a 404, reported below.
        // Each request with the page it was made for: a request of the page before (its search script
        // starting a worker once idle, say) that ends aborted because the next page is opened is no failure.
        let opened = 0;
        const openedFor = new WeakMap<object, number>();
        own.on('request', (request) => openedFor.set(request, opened));
        own.on('requestfailed', (request) => {
          if (request.failure()?.errorText === 'net::ERR_ABORTED' && /\/favicon[^/]*$/.test(new URL(request.url()).pathname)) return;
          if (request.failure()?.errorText === 'net::ERR_ABORTED' && (openedFor.get(request) ?? opened) < opened) return;
          // A worker's script (Pagefind's) may be asked for after the page settled and be cut off by the
          // next page: aborted, not missing (a missing file answers 404, reported below), so not the site's fault.
          if (request.failure()?.errorText === 'net::ERR_ABORTED' && servedFile(request.url())) return;
          errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
        });
        own.on('response', (response) => {
          if (response.status() >= 400 && response.request().resourceType() !== 'document') errors.push(`${response.status()} for ${response.url()}`);
        });
        // Requests still going after the load event (the search script fetching its index, say): the
        // next page is opened only once they have ended, or the browser would abort them.
        const pending = new Set<unknown>();
        own.on('request', (request) => pending.add(request));
        own.on('requestfinished', (request) => pending.delete(request));
        own.on('requestfailed', (request) => pending.delete(request));
        const settled = async () => {
          const until = Date.now() + 10_000;
          do await own.waitForTimeout(50);
          while (pending.size > 0 && Date.now() < until);
        };
        try {
          for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
            errors = [];
            opened++;
            const response = await own.goto(url(p), { waitUntil: 'load' });
            if (p !== MISSING) {
              if (response?.status() !== 200) loading.push(`${p}: status ${response?.status()}`);
              // Read by evaluate: a locator loads Playwright's selector engine into every page, a third of a page's CPU.
              const h1 = await own.evaluate(() => Array.from(document.querySelectorAll('h1'), (h) => h.innerText));
              if (!h1.some((t) => t.trim() !== '')) loading.push(`${p}: no h1 with text`);
            }
            await settled();
            const type = types.get(p);
            if (type) results.push(await checkPageType(own, type.label, type.order, url(p)));
            // (The browser reports the 404 page's own status as a console error.)
            if (p !== MISSING) for (const error of errors) loading.push(`${p}: ${error}`);
          }
        } finally {
          await context.close();
        }
      };
      await Promise.all(Array.from({ length: AT_ONCE }, lane));
      return { loading: loading.sort(), types: results.sort((a, b) => a.order - b.order) };
    })();
    return survey;
  }

  /** The checks of a page type, on its page as just loaded. */
  async function checkPageType(own: Page, label: string, order: number, address: string): Promise<PageTypeResult> {
    const found = await axeFindings(own, label);
    // The same page at 1280, 768 and 320 CSS px (WCAG 1.4.10 reflow): no sideways page scroll, only a
    // table's own wrapper may scroll, keeping its first column in view; the inspections list shows
    // every rating on screen.
    const tooWide: string[] = [];
    const started = performance.now();
    for (const width of REFLOW_WIDTHS) {
      if (width !== 1280) await own.setViewportSize({ width, height: 800 });
      for (const problem of await own.evaluate(reflowProblems, { ratingsShown: new URL(address).pathname === '/inspections/' })) tooWide.push(`${label} at ${width} px: ${problem}`);
    }
    const reflowMs = performance.now() - started;
    await own.setViewportSize({ width: 1280, height: 800 });
    const keyboard = await tabThrough(own);
    // The skip link as the walk's first stop: the focus moved on, but the page need not be opened again.
    const skipLink = (await checkSkipLink(own, keyboard)).problems.map((problem) => `${label}: ${problem}`);
    return { label, order, ...found, tooWide, reflowMs, keyboard, skipLink };
  }

  it('(the keyboard check itself) finds controls without visible focus, positive tabindex and a skip link that goes nowhere', async () => {
    await page.setContent(`<!doctype html><html lang="en"><head><style>
        a:focus { outline: 3px solid #fd0; }
        .plain:focus { outline: none; }
        .shadow:focus { outline: none; box-shadow: 0 0 0 3px #0b0c0c; }
        .box input { opacity: 0; position: absolute; }
        .box input + label::before { content: ""; display: inline-block; width: 20px; height: 20px; border: 2px solid; }
        .box input:focus + label::before { outline: 3px solid #fd0; }
        .card { display: inline-block; padding: 2px; }
        .card:focus-within { outline: 3px solid #0b0c0c; }
        .card a:focus { outline: none; }
      </style></head><body>
      <a href="#nowhere">Skip to main content</a>
      <main id="main"><h1>Test</h1>
        <a href="/one">Styled link</a>
        <a class="plain" href="/two">Plain link</a>
        <button class="shadow">Shadow button</button>
        <div class="box"><input type="checkbox" id="c"><label for="c">Tick</label></div>
        <div class="card"><p><a href="/three">Card link</a></p></div>
        <a href="/hidden" style="display:none">Hidden</a>
        <span tabindex="-1">Not a stop</span>
        <span tabindex="2">Jumps the queue</span>
      </main></body></html>`);
    const result = await tabThrough(page);
    expect(result.candidates.some((c) => c.description.includes('Hidden'))).toBe(false);
    expect(result.stops.map((s) => /"([^"]*)"$/.exec(s.description)?.[1] ?? s.description)).toEqual(['Jumps the queue', 'Skip to main content', 'Styled link', 'Plain link', 'Shadow button', '<input#c>', 'Card link']);
    expect(result.unreachable).toEqual([]);
    expect(result.stops.find((s) => s.description.includes('Card link'))?.how).toBe('pixels');
    expect(result.noVisibleFocus).toEqual(['<a.plain href="/two"> "Plain link": no change in outline, shadow, background, colour, underline or border']);
    expect(result.positiveTabindex).toHaveLength(1);
    // Each of the pages below in a new document, as a visitor opens it: setContent alone reuses the
    // document, and the browser keeps its starting point for Tab from the page before.
    const freshPage = async (html: string) => {
      await page.goto('about:blank');
      await page.setContent(html);
    };
    const nowhere = '<!doctype html><html lang="en"><body><a href="#nowhere">Skip to main content</a><main id="main"><a href="/x">x</a></main></body></html>';
    await freshPage(nowhere);
    expect(await checkSkipLink(page)).toEqual({ problems: ['the skip link points to #nowhere, which is not in the page'] });
    // The same, from a Tab walk of the page as loaded: its first stop, focused again after the walk moved on.
    await freshPage(nowhere);
    expect(await checkSkipLink(page, await tabThrough(page))).toEqual({ problems: ['the skip link points to #nowhere, which is not in the page'] });
    await freshPage('<!doctype html><html lang="en"><body><a href="#main" class="skip">Skip to main content</a><main id="main"><h1>x</h1><a href="/x">x</a></main><footer><a href="/y">y</a></footer></body></html>');
    const walk = await tabThrough(page);
    expect(walk.stops.map((stop) => stop.description)).toEqual(['<a.skip href="#main"> "Skip to main content"', '<a href="/x"> "x"', '<a href="/y"> "y"']);
    expect(await checkSkipLink(page, walk)).toEqual({ problems: [] });
    await freshPage('<!doctype html><html lang="en"><body><a href="/home">Home</a><a href="#main">Skip to main content</a><main id="main"><a href="/x">x</a></main></body></html>');
    expect(await checkSkipLink(page, await tabThrough(page))).toEqual({ problems: ['the first Tab stop is not a skip link: <a href="/home"> "Home"'] });
  });

  it('loads every page with status 200, an h1 and no console errors or failed requests', async () => {
    const { loading } = await surveyed();
    expect(pages.all.length).toBeGreaterThan(5);
    expect(loading).toEqual([]);
  }, 600_000);

  it('has no axe-core violation (WCAG 2.2 AA and best practices) or undecided text contrast on any page type, and every page reflows at 1280, 768 and 320 px', async () => {
    const results = (await surveyed()).types;
    const report = results.flatMap((r) => r.violations);
    const contrast = results.flatMap((r) => r.undecidedContrast);
    const tooWide = results.flatMap((r) => r.tooWide);
    const sum = (of: (r: PageTypeResult) => number) => results.reduce((total, r) => total + of(r), 0);
    if (report.length) console.error(`axe-core violations (WCAG 2.2 AA and best practices):\n${report.join('\n')}`);
    note(`axe-core: ${results.length} page types, ${report.length} violations, ${sum((r) => r.incomplete)} results needing review, ${sum((r) => r.unjudgeable)} texts whose contrast axe cannot judge (chart text, table columns scrolled out of sight); the reflow checks took ${(sum((r) => r.reflowMs) / 1000).toFixed(1)} s`);
    expect(results.length).toBeGreaterThan(5);
    expect(report, report.join('\n')).toEqual([]);
    expect(contrast, 'text whose colour contrast axe-core could not decide').toEqual([]);
    expect(tooWide, 'pages that do not reflow at 1280, 768 and 320 px').toEqual([]);
  }, 300_000);

  it('reaches every control of every page type with Tab, with a visible focus indicator at every stop', async () => {
    const problems: string[] = [];
    let stops = 0;
    for (const { label, keyboard: result } of (await surveyed()).types) {
      stops += result.stops.length;
      if (result.candidates.length > 0 && result.stops.length === 0) problems.push(`${label}: Tab focuses nothing`);
      for (const what of result.unreachable) problems.push(`${label}: not reachable with Tab: ${what}`);
      for (const what of result.noVisibleFocus) problems.push(`${label}: no visible focus: ${what}`);
      for (const what of result.positiveTabindex) problems.push(`${label}: positive tabindex changes the focus order: ${what}`);
    }
    const byPixels = (await surveyed()).types.reduce((total, { keyboard }) => total + keyboard.stops.filter((stop) => stop.how === 'pixels').length, 0);
    note(`keyboard: ${stops} focus stops over ${pageTypes().length} page types, ${byPixels} of them seen focused by their pixels (no style changed)`);
    expect(problems).toEqual([]);
  }, 600_000);

  it('has a skip link as the first Tab stop of every page type, moving on to the main content', async () => {
    const problems = (await surveyed()).types.flatMap((r) => r.skipLink);
    expect(problems).toEqual([]);
  }, 300_000);
});
