/**
 * The built site in a real browser (Debian's chromium through playwright-core) and the whole of
 * dist/ on disk, from the shared sample build (tests/support/shared-site.ts), whose project copy has
 * hidden reports planted in it (a draft, an embargoed report and a published one dated after the
 * build date, each with a marker word in its service name, lead inspector and narrative):
 *
 * - (every page loading, and axe-core, reflow and the keyboard on every page type, are
 *   tests/browser/every-page.test.ts's);
 * - the filters of the inspections list and the ratings pages show the reports the data says,
 *   with JavaScript and without; search finds the Dudley report;
 * - no internal link or asset in dist/ is broken;
 * - nothing of a draft, an embargoed report or a report dated after the build date reaches any
 *   file of the public build.
 *
 * Page types are discovered from what the build produced (sitemap and index.html files, one page
 * per route pattern), so pages added later are covered without changing this file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { isPublic } from '../../src/model/project.ts';
import { browserSkipReason, discoverPages, launchBrowser, serveDirectory, type SitePages, type StaticServer } from '../support/browser.ts';
import { checkFilters, inspectionFacts, type InspectionFacts } from './lib/filters.ts';
import { findWord, findWords, type Leak } from './lib/leak-check.ts';
import { checkLinks, siteOriginOf } from './lib/link-check.ts';
import { searchWithApi, searchWithPage } from './lib/search.ts';
import { MARKER, MARKER_CORE, PLANTED } from '../support/planted.ts';
import { BUILD_DATE, sharedPreview, sharedSite, type SharedSite } from '../support/shared-site.ts';

/** An address no page has, to see the 404 page as a visitor would. */
const MISSING = '/no-such-page-for-the-browser-tests/';

let site: SharedSite;
let pages: SitePages;
let distLeaks: Promise<{ leaks: Map<string, Leak[]>; filesSearched: number; pdfsRead: number }> | undefined;
/** Where the hidden reports' marker and a public word are in dist/: one reading of every file for both. */
const leaksInDist = () => (distLeaks ??= findWords(site.dist, [MARKER_CORE, 'dudley']));

const note = (message: string) => console.warn(`[browser tests] ${message}`);

beforeAll(async () => {
  // The drafts preview build is waited for only by the one test that reads it, the last of this file.
  site = await sharedSite();
  pages = discoverPages(site.dist, path.join(site.project, 'src/pages'));
  note(`the shared test site (its public build took ${site.seconds.toFixed(1)} s): ${pages.all.length} pages, ${pages.byPattern.size} page types: ${[...pages.byPattern.keys()].join(' ')}`);
  const listed = new Set(pages.inSitemap);
  const unlisted = pages.inSitemap.length ? pages.all.filter((p) => !listed.has(p)) : [];
  if (unlisted.length) note(`pages not in dist/sitemap.xml (tested all the same): ${unlisted.join(' ')}`);
}, 600_000);

describe('the public build, with a draft, an embargoed and a future-dated report planted', () => {
  it('has the planted reports in its content, none of them public on the build date', () => {
    const { project, diagnostics } = loadProject(site.project);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const planted of PLANTED) {
      const inspection = project.inspections.find((i) => i.slug === planted.slug);
      expect(inspection, `${planted.slug} (${planted.status}) was not loaded`).toBeDefined();
      expect(inspection!.service.name).toContain(MARKER);
      expect(isPublic(inspection!, BUILD_DATE), `${planted.slug} should not be public`).toBe(false);
    }
    expect(project.inspections.filter((i) => i.source.status === 'draft').map((i) => i.slug)).toContain(PLANTED[0]!.slug);
    expect(project.inspections.filter((i) => i.source.status === 'embargoed').map((i) => i.slug)).toContain(PLANTED[1]!.slug);
  });

  it('has the marker of the hidden reports in no file of dist/: paths, bytes, compressed data, search index or PDF text', async () => {
    const { leaks: found, filesSearched, pdfsRead } = await leaksInDist();
    const leaks = found.get(MARKER_CORE)!;
    expect(filesSearched).toBeGreaterThan(10);
    expect(pdfsRead).toBeGreaterThan(0);
    expect(leaks.map((l) => `${l.file} (${l.where})`), `"${MARKER}" found in the public build`).toEqual([]);
    for (const { slug } of PLANTED) expect(fs.existsSync(path.join(site.dist, 'inspections', slug))).toBe(false);
    // The Welsh pages, feeds and search index (under cy/ and in pagefind/) are among the files searched above.
    expect(fs.existsSync(path.join(site.dist, 'cy/index.html'))).toBe(true);
    for (const { slug } of PLANTED) expect(fs.existsSync(path.join(site.dist, 'cy/inspections', slug))).toBe(false);
    const data = path.join(site.dist, 'data/inspections.json');
    if (fs.existsSync(data)) expect(inspectionFacts(JSON.parse(fs.readFileSync(data, 'utf8'))).map((f) => f.slug)).not.toContain(PLANTED[0]!.slug);
  }, 120_000);

  it('looks where a leak would be: a public word is found in PDF text and in the search index', async () => {
    const leaks = (await leaksInDist()).leaks.get('dudley')!;
    const places = leaks.map((l) => `${l.file} (${l.where})`);
    expect(places).toContain('inspections/dudley-2019/report.pdf (PDF text, metadata or outline)');
    expect(places).toContain('data/inspections.json (bytes)');
    // The key-question data and the per-service feed are searched like every other file.
    for (const file of ['data/key-questions.csv', 'data/key-questions.json', 'services/dudley/feed.xml']) expect(places).toContain(`${file} (bytes)`);
    if (fs.existsSync(path.join(site.dist, 'pagefind'))) {
      expect(leaks.some((l) => l.file.startsWith('pagefind/') && l.where === 'gzip content'), places.join('\n')).toBe(true);
    }
  }, 120_000);

  it('has no broken internal link, missing asset or missing fragment target in any file of dist/', () => {
    const origin = siteOriginOf(site.dist, pages.siteOrigin);
    const { broken, checked, files } = checkLinks(site.dist, origin);
    note(`link check: ${checked} internal references in ${files} files${origin ? ` (site address ${origin})` : ''}`);
    expect(checked).toBeGreaterThan(50);
    expect(broken.map((b) => `${b.file}: "${b.ref}" – ${b.problem}`)).toEqual([]);
  });
});

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== undefined)('the built site in chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let facts: InspectionFacts[];
  const url = (p: string) => `${server.origin}${p}`;

  beforeAll(async () => {
    server = await serveDirectory(site.dist);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    const data = path.join(site.dist, 'data/inspections.json');
    facts = fs.existsSync(data) ? inspectionFacts(JSON.parse(fs.readFileSync(data, 'utf8'))) : [];
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('(the filter check itself) finds a filter that shows the wrong reports', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'filter-check-'));
    const own = await serveDirectory(folder);
    try {
      const made: InspectionFacts[] = [
        { slug: 'a-2024', facets: { rating: 'good', ratingLabel: 'Good', nation: 'Wales', year: '2024', kind: 'inspection', region: '', framework: '', service: 'a' } },
        { slug: 'b-2023', facets: { rating: 'inadequate', ratingLabel: 'Inadequate', nation: 'England', year: '2023', kind: 'inspection', region: '', framework: '', service: 'b' } },
      ];
      fs.writeFileSync(
        path.join(folder, 'index.html'),
        `<!doctype html><html lang="en"><body><main><h1>List</h1>
          <form><label for="n">Nation</label><select id="n" name="nation"><option value="">All</option><option value="wales">Wales (1)</option><option value="england">England (1)</option></select><button>Apply</button></form>
          <table><tr data-nation="wales"><td><a href="/inspections/a-2024/">A</a></td></tr><tr data-nation="england"><td><a href="/inspections/b-2023/">B</a></td></tr></table>
          <script>
            document.querySelector('form').addEventListener('submit', (e) => {
              e.preventDefault();
              const v = document.querySelector('select').value;
              // The bug: England hides nothing.
              for (const row of document.querySelectorAll('tr')) row.hidden = v === 'wales' && row.dataset.nation !== v;
            });
          </script></main></body></html>`,
      );
      const result = await checkFilters(page, `${own.origin}/`, made);
      expect(result.baseline).toEqual(['a-2024', 'b-2023']);
      expect(result.tried.map((t) => t.option)).toEqual(['select "nation" = "All"', 'select "nation" = "Wales (1)"', 'select "nation" = "England (1)"']);
      expect(result.problems).toEqual([expect.stringContaining('select "nation" = "England (1)" [nation]') as unknown as string]);
      expect(result.problems[0]).toContain('should not show a-2024');
    } finally {
      await own.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('serves the 404 page, with status 404 and an h1, for an address that has no page', async (ctx) => {
    if (!pages.notFoundPage) return ctx.skip('no dist/404.html yet');
    const response = await page.goto(url(MISSING), { waitUntil: 'load' });
    expect(response?.status()).toBe(404);
    expect((await page.locator('h1').allInnerTexts()).join(' ').trim()).not.toBe('');
  });

  // One after another, each in a context of its own: run at the same time, the four took a tenth more CPU (a renderer
  // each) for no less time, with the other test files wanting the cores.
  describe.each([
    { label: 'the inspections list', path: '/inspections/', mustFilter: true },
    { label: 'the ratings table', path: '/ratings/', mustFilter: false },
  ])('filters of $label ($path)', ({ label, path: listPath, mustFilter }) => {
    for (const javaScript of [true, false]) {
      it(`show the reports the data says ${javaScript ? 'with' : 'without'} JavaScript`, async ({ expect, skip }) => {
        if (!fs.existsSync(path.join(site.dist, listPath, 'index.html'))) {
          note(`${listPath} does not exist yet: ${label} filter test skipped`);
          return skip(`${listPath} does not exist yet`);
        }
        expect(facts.length, 'dist/data/inspections.json lists the public inspections').toBeGreaterThan(0);
        const own = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 1280, height: 800 } });
        try {
          const listPage = await own.newPage();
          const result = await checkFilters(listPage, url(listPath), facts);
          if (listPath === '/inspections/') {
            expect(result.baseline, 'the unfiltered list shows every public inspection').toEqual(facts.map((f) => f.slug).sort());
          }
          if (!result.options.length) {
            if (mustFilter && javaScript) throw new Error(`${listPath} offers no filter (no select, checkbox, radio button or link to a filtered page in main)`);
            note(`${listPath} ${javaScript ? 'with' : 'without'} JavaScript offers no filters${javaScript ? '' : ' (the whole list is shown)'}`);
            return;
          }
          if (result.unmatched.length) note(`${listPath}: filters not matched to any field of dist/data/inspections.json, not checked: ${result.unmatched.join('; ')}`);
          note(`${listPath} ${javaScript ? 'with' : 'without'} JavaScript: ${result.tried.length} filters checked`);
          expect(result.tried.length, `no filter of ${listPath} could be matched to the data: ${result.unmatched.join('; ')}`).toBeGreaterThan(0);
          expect(result.problems).toEqual([]);
        } finally {
          await own.close();
        }
      }, 300_000);
    }
  });

  it('finds the Dudley report when "Dudley" is typed into the search page', async (ctx) => {
    if (!fs.existsSync(path.join(site.dist, 'search/index.html')) || !fs.existsSync(path.join(site.dist, 'pagefind'))) {
      note('no /search/ page or dist/pagefind yet: search test skipped');
      return ctx.skip('no /search/ page or Pagefind index yet');
    }
    const result = await searchWithPage(page, url('/search/'), 'Dudley', /^\/inspections\/dudley-2019\//);
    expect(result.found, `results for "Dudley" in ${result.box}: ${result.links.join(', ')}`).toBe(true);
  }, 120_000);

  it('finds public reports but none of the hidden ones through the Pagefind index', async (ctx) => {
    if (!fs.existsSync(path.join(site.dist, 'pagefind/0/pagefind.js'))) return ctx.skip('no Pagefind index yet');
    const at = fs.existsSync(path.join(site.dist, 'search/index.html')) ? '/search/' : '/';
    // Every shard of the index (pagefind/<shard>/).
    const bundles = fs.readdirSync(path.join(site.dist, 'pagefind')).map((shard) => `/pagefind/${shard}/`);
    expect(await searchWithApi(page, url(at), 'Dudley', bundles)).toContain('/inspections/dudley-2019/');
    expect(await searchWithApi(page, url(at), MARKER, bundles)).toEqual([]);
  }, 120_000);
});

// Last: the drafts preview build may still be building while the tests above run.
describe('the drafts preview build, with the same reports planted', () => {
  it('shows the planted reports in a drafts preview build, so the check above is not empty', async (ctx) => {
    const { preview } = await sharedPreview();
    if (!fs.existsSync(preview)) {
      note('no drafts preview build (`src/build/cli.ts --drafts` made no preview/): skipped');
      return ctx.skip('no drafts preview build yet');
    }
    // Each planted report's own folder is read (its pages and PDF), not the whole preview: the same
    // finding, without reading the PDFs of every other report again.
    for (const { slug } of PLANTED) {
      const folder = path.join(preview, 'inspections', slug);
      expect(fs.existsSync(folder), `${slug} in the preview`).toBe(true);
      const { leaks } = await findWord(folder, MARKER_CORE);
      expect(leaks.length, `${slug} in the preview`).toBeGreaterThan(0);
    }
  }, 600_000);
});
