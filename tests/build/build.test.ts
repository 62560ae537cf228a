/** `npm run build`: checks first, publishes only what is public, same bytes twice, never half-publishes. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, epochOf, runTool, snapshotTree } from '../support/project-copy.ts';
import { BUILD_DATE, sharedPreview, unplannedStderr, type SharedPreview } from '../support/shared-site.ts';
import { loadProject } from '../../src/check/load-project.ts';
import { buildDateFrom, isPublic } from '../../src/model/project.ts';
import { siteOf } from '../../src/site/site.ts';
import { projectIn } from '../../src/model/translations.ts';
import { publishedInspection } from '../../src/model/publish.ts';
import { FACETS, facetValues } from '../../src/site/listing.ts';
import { hasServiceFeed } from '../../src/site/feeds.ts';
import { sitePdfs } from '../../src/site/site-pdfs.ts';
// Astro's own order of routes (not exported by its package, so imported by file): the order a build starts them in.
import { routeComparator } from '../../node_modules/astro/dist/core/routing/priority.js';
import { getParts } from '../../node_modules/astro/dist/core/routing/parts.js';

const buildDate = BUILD_DATE;
/** The shared sample build (tests/support/shared-site.ts): its project copy and what it wrote into dist/. */
let shared: SharedPreview;
let first: Map<string, Buffer>;
/** A copy of the shared project, dist/ and PDF cache included, to build again and to break. */
let project: string;

beforeAll(async () => {
  shared = await sharedPreview(); // both shared builds done, so the copy's PDF cache is whole
  expect(unplannedStderr(shared.stderr)).toBe('');
  first = snapshotTree(shared.dist);
  project = copyProject({ from: shared.project });
}, 600_000);

afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('writes the index page, the data file, a page and PDF per public inspection, the easy-read versions, the recommendations tracker, the site’s pages, feed, sitemap and search index, and nothing else', () => {
    const { project: model } = loadProject(shared.project);
    const publicInspections = model.inspections.filter((i) => isPublic(i, buildDate));
    const slugs = publicInspections.map((i) => i.slug);
    // Easy-read versions of public reports: a page and a PDF each, for inspections and thematic reports.
    const easyRead = [
      ...publicInspections.filter((i) => i.easyRead).map((i) => `inspections/${i.slug}`),
      ...model.thematics.filter((t) => t.easyRead && isPublic(t, buildDate)).map((t) => `thematic/${t.slug}`),
    ];
    const expected = [
      'index.html',
      'data/inspections.json',
      'recommendations-tracker/index.html',
      'recommendations-tracker/tracker.pdf',
      'data/recommendations-tracker.csv',
      // The ratings table of all public inspections and of each year of fieldwork (page and PDF), and its open data.
      'ratings/index.html',
      'ratings/ratings.pdf',
      'data/ratings.csv',
      'data/ratings.json',
      // Key-question results and the data dictionary of every data file.
      'data/key-questions.csv',
      'data/key-questions.json',
      'data/index.html',
      // A feed per inspected service and one for the series of thematic reports.
      // A service whose only reports are dated by their year alone has no feed (an Atom entry needs a day).
      ...[...new Set(publicInspections.map((i) => i.service.slug))].filter((service) => hasServiceFeed(publicInspections, service)).map((service) => `services/${service}/feed.xml`),
      'thematic/feed.xml',
      ...[...new Set(publicInspections.map((i) => i.source.fieldwork.start.slice(0, 4)))].flatMap((year) => [`ratings/${year}/index.html`, `ratings/${year}/ratings.pdf`]),
      // The annual reports: their list, and per public report its page, its PDF and the ratings of its inspections in full (landscape PDF).
      'annual-reports/index.html',
      ...model.annualReports.filter((r) => isPublic(r, buildDate)).flatMap((r) => ['index.html', 'report.pdf', 'ratings.pdf'].map((file) => `annual-reports/${r.year}/${file}`)),
      // A historic record has a page and no PDF: it was published before this tool.
      ...publicInspections.flatMap((i) => [`inspections/${i.slug}/index.html`, ...(i.historic ? [] : [`inspections/${i.slug}/report.pdf`])]),
      // A corrected report's PDF as it was before each correction, at its versioned address.
      ...publicInspections.flatMap((i) => i.source.corrections.map((_correction, index) => `inspections/${i.slug}/report-v${index + 1}.pdf`)),
      ...model.thematics.filter((t) => t.narrative && isPublic(t, buildDate)).flatMap((t) => t.source.corrections.map((_correction, index) => `thematic/${t.slug}/report-v${index + 1}.pdf`)),
      ...easyRead.flatMap((folder) => [`${folder}/easy-read/index.html`, `${folder}/easy-read.pdf`]),
      // The site around the reports: lists and their filter pages, a page per inspected service and per
      // thematic report, glossary, methodology, accessibility, search, 404; the feed, sitemap and robots.txt; the site's icons.
      ...['404.html', 'feed.xml', 'sitemap.xml', 'robots.txt', 'pagefind/0/pagefind-ui.js', 'pagefind/0/pagefind-entry.json'],
      ...['favicon.svg', 'favicon-32.png', 'apple-touch-icon.png'],
      ...['inspections', 'services', 'thematic', 'glossary', 'methodology', 'accessibility', 'search'].map((page) => `${page}/index.html`),
      ...FACETS.flatMap((facet) => facetValues(publicInspections, facet.id).map(({ value }) => `inspections/${facet.id}/${value}/index.html`)),
      ...[...new Set(publicInspections.map((i) => i.service.slug))].map((service) => `services/${service}/index.html`),
      ...model.thematics.filter((t) => isPublic(t, buildDate)).map((t) => `thematic/${t.slug}/index.html`),
      // A thematic report with a full report (report.mdx): its page and its PDF beside the summary page.
      ...model.thematics.filter((t) => t.narrative && isPublic(t, buildDate)).flatMap((t) => [`thematic/${t.slug}/report/index.html`, `thematic/${t.slug}/report.pdf`]),
    ];
    const files = [...first.keys()];
    for (const file of expected) expect(files).toContain(file);
    // Besides those: the stylesheet, the scripts of the search, inspections and ratings pages, the easy-read font, the pictures of public reports and of their easy-read versions, and the search index (Pagefind).
    const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const extra = new RegExp(
      `^(pagefind/.+|_astro/[^/]+\\.(css|ttf|js)|inspections/(${slugs.join('|')})/images/[^/]+\\.(png|jpg)|(${easyRead.map(escape).join('|') || '-'})/easy-read/images/[^/]+\\.png)$`,
    );
    // Welsh outputs (under cy/) are the Welsh twins of English ones, for what is published in Welsh.
    const english = (file: string) => file.replace(/^cy\//, '');
    expect(files.filter((file) => !expected.includes(english(file)) && !extra.test(english(file)))).toEqual([]);
    const welshProject = projectIn(model, 'cy');
    const welshReports = welshProject.inspections.filter((i) => isPublic(i, buildDate)).map((i) => `cy/inspections/${i.slug}/index.html`);
    expect(welshReports.length).toBeGreaterThan(0);
    expect(files.filter((file) => /^cy\/inspections\/[^/]+\/index\.html$/.test(file)).sort()).toEqual(welshReports.sort());
    const welshPdfs = welshProject.inspections.filter((i) => isPublic(i, buildDate) && !i.historic).map((i) => `cy/inspections/${i.slug}/report.pdf`);
    for (const pdf of welshPdfs) expect(files).toContain(pdf);
    expect(files.filter((file) => file.startsWith('_astro/') && file.endsWith('.css'))).toHaveLength(1);
    expect(files.filter((file) => file.startsWith('_astro/') && file.endsWith('.ttf'))).toHaveLength(2);
  });

  it('stores each page it builds in Astro’s cache as the published file itself, linked, not written twice (src/build/astro-page-links.ts)', () => {
    const cacheDist = path.join(shared.project, '.cache/astro/dist');
    const pages = [...first.keys()].filter((file) => file.endsWith('.html'));
    const cached = pages.filter((file) => fs.existsSync(path.join(cacheDist, file)));
    // Every page with a cache key (src/site/page-keys.ts): nearly all of them.
    expect(cached.length).toBeGreaterThan(pages.length * 0.8);
    const inode = (file: string) => fs.statSync(file).ino;
    expect(cached.filter((file) => inode(path.join(shared.dist, file)) !== inode(path.join(cacheDist, file)))).toEqual([]);
  });

  it('publishes exactly the public inspections, with the computed figures of the model', () => {
    const { project: model } = loadProject(shared.project);
    const expected = model.inspections.filter((i) => isPublic(i, buildDate));
    const data = JSON.parse(first.get('data/inspections.json')!.toString('utf8'));
    expect(data.inspections.map((i: { slug: string }) => i.slug).sort()).toEqual(expected.map((i) => i.slug).sort());
    for (const inspection of expected) {
      expect(data.inspections.find((i: { slug: string }) => i.slug === inspection.slug)).toEqual(JSON.parse(JSON.stringify(publishedInspection(inspection, model.messages.en))));
    }
    const dudley = data.inspections.find((i: { slug: string }) => i.slug === 'dudley-2019');
    expect(dudley.composite).toEqual({ score: 15, maximum: 36, fullMaximum: 36 });
    expect(dudley.overall.label).toBe('Requires improvement');
    expect(dudley.standards.find((s: { id: string }) => s.id === '2.4').keyQuestions[2]).toEqual({ id: '2.4.3', yes: 8, relevant: 17, percent: 47 });
  });

  it('draws the PDFs in the order Astro builds the pages that name them, so a page seldom waits for a PDF far back in the queue', () => {
    const { project: model } = loadProject(shared.project);
    const pdfs = [...sitePdfs(siteOf(model, { buildDate, drafts: false }))].map((pdf) => pdf.name);
    // Astro's incremental cache lists the pages it built, by route. Astro renders several pages at
    // once (pipeline.ts), so pages, and even routes, are listed in the order they finished, which
    // varies: the routes are put in the order Astro starts them, by its own comparator, and the PDFs
    // are compared route by route. The PDF a page names: its report's (inspections/x/ →
    // inspections/x/report.pdf), its easy-read version's, its year's ratings.
    const built = JSON.parse(fs.readFileSync(path.join(shared.project, '.cache/astro/incremental-build.json'), 'utf8')) as { routes: Record<string, { paths: Record<string, unknown> }> };
    const routes = Object.entries(built.routes).sort(([a], [b]) => routeComparator(astroRoute(a), astroRoute(b)));
    const routePdfs = routes.map(([, route]) => {
      const pages = Object.keys(route.paths).map((page) => page.replace(/^\/|\/$/g, ''));
      return new Set(pages.flatMap((page) => [`${page}.pdf`, `${page}/report.pdf`, `${page}/ratings.pdf`].filter((name) => pdfs.includes(name))));
    });
    const routeOf = (name: string) => routePdfs.findIndex((names) => names.has(name));
    const drawnRoutes = pdfs.map(routeOf).filter((route) => route >= 0);
    expect(drawnRoutes.length).toBeGreaterThan(20);
    expect(new Set(drawnRoutes).size).toBeGreaterThan(3);
    // Each route's PDFs are drawn together, and the routes in the order Astro builds them.
    expect(drawnRoutes).toEqual([...drawnRoutes].sort((a, b) => a - b));
  });

  it('leaves drafts and embargoed reports out of every file, and no case record leaves the content', () => {
    const { project: model } = loadProject(shared.project);
    const hidden = model.inspections.filter((i) => !isPublic(i, buildDate));
    expect(hidden.map((i) => i.slug)).toEqual(expect.arrayContaining(['aberwyn-2026', 'saltmarsh-2026']));
    expect([...new Set(hidden.map((i) => i.source.status))].sort()).toEqual(['draft', 'embargoed', 'published']);
    for (const [file, bytes] of first) {
      const text = bytes.toString('utf8');
      for (const inspection of hidden) expect(text.includes(inspection.slug), `${inspection.slug} in ${file}`).toBe(false);
      expect(text.includes('looked_after'), file).toBe(false);
    }
  });

  it('ends by listing every report it left out and why: drafts, embargoes and later publication dates', () => {
    const { project: model } = loadProject(shared.project);
    const hidden = [
      ...model.inspections.filter((i) => !isPublic(i, buildDate)).map((i) => path.posix.dirname(i.narrativeFile)),
      ...model.thematics.filter((t) => !isPublic(t, buildDate)).map((t) => path.posix.dirname(t.file)),
      ...model.annualReports.filter((r) => !isPublic(r, buildDate)).map((r) => r.file),
    ];
    const lines = shared.stdout.trimEnd().split('\n');
    const built = lines.findIndex((line) => line.startsWith('Built dist/'));
    const tail = lines.slice(built + 1);
    expect(built, shared.stdout).toBeGreaterThanOrEqual(0);
    // One line per hidden report, each naming its folder, and nothing after them.
    expect(tail.map((line) => /^Not published: (\S+)/.exec(line)?.[1]).sort()).toEqual(hidden.sort());
    expect(tail).toContain('Not published: content/inspections/zyxwvutsmarker-2026 (a draft: set status: published in inspection.yaml to publish it; it will then appear from its published date, 2026-12-08)');
    expect(tail).toContain('Not published: content/inspections/zyxwvutsmarker-2027 (embargoed until 2099-06-01; the build date is 2026-11-23)');
    expect(tail).toContain('Not published: content/inspections/zyxwvutsmarker-2028 (its published date, 2099-06-01, is after the build date, 2026-11-23)');
    expect(tail).toContain('Not published: content/annual-reports/2025.mdx (a draft: set status: published in its front matter to publish it)');
    // The preview names the same reports as shown there only.
    const preview = shared.previewRun.stdout.trimEnd().split('\n');
    expect(preview.slice(preview.findIndex((line) => line.startsWith('Built preview/')) + 1)).toEqual(tail.map((line) => line.replace(/^Not published: /, 'In this preview only, not published: ')));
  });

  // "The same bytes when built again" is tests/build/incremental.test.ts’s whole rebuild, compared with this build.

  it('shows an embargoed report once the build date reaches its embargo (the date a build takes from SOURCE_DATE_EPOCH)', () => {
    expect(buildDateFrom({ SOURCE_DATE_EPOCH: epochOf('2027-02-04') })).toBe('2027-02-04');
    const { project: model } = loadProject(shared.project);
    const slugsOn = (date: string) => siteOf(model, { buildDate: date, drafts: false }).inspections.map((i) => i.slug);
    expect(slugsOn(buildDate)).not.toContain('aberwyn-2026');
    expect(slugsOn('2027-02-03')).not.toContain('aberwyn-2026');
    expect(slugsOn('2027-02-04')).toContain('aberwyn-2026');
    expect(slugsOn('2027-02-04')).not.toContain('saltmarsh-2026'); // the draft stays out
  });

  it('stops on a content error with the checker’s messages and leaves dist/ untouched', () => {
    const before = snapshotTree(path.join(project, 'dist'));
    const yamlPath = path.join(project, 'content/inspections/dudley-2019/inspection.yaml');
    const original = fs.readFileSync(yamlPath, 'utf8');
    fs.writeFileSync(yamlPath, original.replace('framework: youth-2018', 'framework: youth-2081'));
    try {
      const failed = runTool(project, 'src/build/cli.ts', [], { SOURCE_DATE_EPOCH: epochOf(buildDate) });
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(/^content\/inspections\/dudley-2019\/inspection\.yaml:\d+:\d+ {2}error {2}unknown-framework {2}framework "youth-2081"/m);
      expect(failed.stderr).toContain('dist/ was not changed');
      expect(failed.stderr).not.toMatch(/\n\s+at /);
      const after = snapshotTree(path.join(project, 'dist'));
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true);
    } finally {
      fs.writeFileSync(yamlPath, original);
    }
  }, 120_000);
});

/** The part of Astro's route data its comparator reads, for a page file such as "src/pages/[...lang]/thematic/[slug]/index.astro" (as Astro's create-manifest.js makes it). */
function astroRoute(component: string) {
  const file = component.replace(/^src\/pages\//, '');
  const names = file.split('/');
  const basename = names.pop()!;
  const withoutExtension = basename.slice(0, basename.lastIndexOf('.'));
  const segments = [...names, ...(withoutExtension === 'index' ? [] : [withoutExtension])].map((name) => getParts(name, component));
  return { segments, type: basename.endsWith('.astro') ? 'page' : 'endpoint', route: `/${[...names, ...(withoutExtension === 'index' ? [] : [withoutExtension])].join('/')}` } as never;
}
