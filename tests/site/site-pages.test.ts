/**
 * The site around the reports, on the shared sample build (tests/support/shared-site.ts, planted.ts):
 * every kind of page, the filter pages, a service's reinspection against its original, the
 * methodology written from the framework files, the feed and sitemap, the search index; drafts,
 * embargoed and future reports nowhere in dist/, and the private preview build that has them all,
 * marked as drafts on every page and every PDF page, without touching dist/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { messagesIn } from '../support/messages.ts';
import zlib from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseMessage, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { parse as parseYaml } from 'yaml';
import { loadProject } from '../../src/check/load-project.ts';
import { reportTitle } from '../../src/document/report-document.ts';
import { languagesOf, projectIn } from '../../src/model/translations.ts';
import { hasFeedDate } from '../../src/site/feeds.ts';
import { isPublic, type Inspection, type Project, type Thematic } from '../../src/model/project.ts';
import type { Framework } from '../../src/model/schemas/framework.ts';
import { FACETS, facetOf, facetTitle, facetValues } from '../../src/site/listing.ts';
import { bandRanges, frameworksInUse } from '../../src/site/methodology.ts';
import { DEFAULT_SITE_URL } from '../../src/site/site-url.ts';
import { MARKERS, PLANTED, PLANTED_THEMATICS } from '../support/planted.ts';
import { pdfText } from '../support/pdf-text.ts';
import { epochOf, runTool, snapshotTree } from '../support/project-copy.ts';
import { BUILD_DATE, hashTree, sharedPreview, unplannedStderr } from '../support/shared-site.ts';

const buildDate = BUILD_DATE;
const DRAFT_NOTICE = 'DRAFT – NOT FOR PUBLICATION';
const DRAFT_NOTICE_CY = "DRAFFT – NID I'W GYHOEDDI";

let project: string;
let dist: Map<string, Buffer>;
let preview: Map<string, Buffer>;
let distBeforePreview: Record<string, string>;
let model: Project;
let inspections: Inspection[];
let thematics: Thematic[];

const html = (files: Map<string, Buffer>, file: string): Root => {
  const bytes = files.get(file);
  if (!bytes) throw new Error(`${file} was not built`);
  return fromHtml(bytes.toString('utf8'));
};
const textOf = (node: Root | Element): string =>
  node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
/** A table row's cells, each squashed, joined by a space. */
const rowText = (row: Element) => selectAll('th, td', row).map((cell) => squash(textOf(cell))).join(' ');
const slugsIn = (page: Root, table = '#inspections') => selectAll(`${table} tbody tr`, page).map((row) => String(row.properties.dataSlug));
const newestFirst = (a: { slug: string; source: { published: string } }, b: { slug: string; source: { published: string } }) =>
  a.source.published === b.source.published ? a.slug.localeCompare(b.slug) : a.source.published < b.source.published ? 1 : -1;

/** A file's text as search engines or readers would get it: Pagefind's index files are gzip-compressed. */
const readable = (file: string, bytes: Buffer): string => (/^pagefind\/.*\.pf_/.test(file) ? zlib.gunzipSync(bytes).toString('utf8') : bytes.toString('utf8'));
/** A page's record in the search index: each shard of the index (pagefind/<shard>/) has one per page it holds. */
const isFragment = (file: string) => /^pagefind\/\d+\/fragment\//.test(file);

/** Each page's text, with whether each piece is page furniture (an artifact), as pdfjs reads it. */
async function pdfPages(bytes: Buffer): Promise<{ text: string; artifactText: string }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: { text: string; artifactText: string }[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const content = await (await doc.getPage(number)).getTextContent({ includeMarkedContent: true });
    const open: string[] = [];
    let text = '';
    let artifactText = '';
    for (const item of content.items as Array<Record<string, unknown>>) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(String(item.tag));
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string') {
        text += item.str;
        if (open.includes('Artifact')) artifactText += item.str;
      }
    }
    pages.push({ text, artifactText });
  }
  await doc.destroy();
  return pages;
}

beforeAll(async () => {
  const shared = await sharedPreview();
  project = shared.project;
  const check = runTool(project, 'src/check/cli.ts', [], { SOURCE_DATE_EPOCH: epochOf(buildDate) });
  expect(check.status, check.stdout + check.stderr).toBe(0);
  expect(unplannedStderr(shared.stderr)).toBe('');
  expect(unplannedStderr(shared.previewRun.stderr)).toBe('');
  dist = snapshotTree(shared.dist);
  preview = snapshotTree(shared.preview);
  distBeforePreview = shared.distHashes;
  model = loadProject(project).project;
  inspections = model.inspections.filter((i) => isPublic(i, buildDate)).sort(newestFirst);
  thematics = model.thematics.filter((t) => isPublic(t, buildDate)).sort(newestFirst);
}, 600_000);

describe('the site around the reports', () => {
  it('has every kind of page', () => {
    const services = [...new Set(inspections.map((i) => i.service.slug))];
    const pages = [
      'index.html',
      '404.html',
      'inspections/index.html',
      ...FACETS.map((facet) => `inspections/${facet.id}/${facetValues(inspections, facet.id)[0]!.value}/index.html`),
      'services/index.html',
      ...services.map((service) => `services/${service}/index.html`),
      'thematic/index.html',
      ...thematics.map((t) => `thematic/${t.slug}/index.html`),
      'glossary/index.html',
      'methodology/index.html',
      'accessibility/index.html',
      'search/index.html',
      'feed.xml',
      'sitemap.xml',
      'robots.txt',
      'pagefind/0/pagefind-ui.js',
      'pagefind/0/pagefind-ui.css',
    ];
    for (const page of pages) expect([...dist.keys()], page).toContain(page);
    // A service whose only inspection is a draft or embargoed has no page.
    expect([...dist.keys()].filter((file) => /^services\/(saltmarsh|aberwyn)\//.test(file))).toEqual([]);
  });

  it('gives every page a title, description, canonical URL, Open Graph tags, the navigation and the licence notice', () => {
    for (const file of [...dist.keys()].filter((f) => f.endsWith('.html'))) {
      const page = html(dist, file);
      const title = textOf(select('title', page)!);
      // Welsh pages: their language's words and navigation ('the Welsh and English pages' below).
      if (file.startsWith('cy/')) continue;
      expect(title, file).toMatch(/ – HMI Probation$/);
      expect(select('meta[name="description"]', page)?.properties.content, file).toBeTruthy();
      expect(select('meta[property="og:title"]', page)?.properties.content, file).toBe(title.replace(/ – HMI Probation$/, ''));
      expect(select('a.govuk-skip-link[href="#main-content"]', page), file).toBeTruthy();
      const nav = selectAll('.govuk-service-navigation a', page).map((a) => [textOf(a), a.properties.href]);
      expect(nav, file).toEqual([
        ['Inspections', '/inspections/'],
        ['Ratings', '/ratings/'],
        ['Annual reports', '/annual-reports/'],
        ['Thematic reports', '/thematic/'],
        ['Glossary', '/glossary/'],
        ['How we rate', '/methodology/'],
        ['Search', '/search/'],
      ]);
      expect(textOf(select('footer', page)!), file).toContain('Open Government Licence v3.0');
      expect(select('.app-draft-banner', page), file).toBeUndefined();
      expect(select('meta[name="robots"]', page), file).toBeUndefined();
      if (file === '404.html') {
        expect(select('link[rel="canonical"]', page)).toBeUndefined();
        continue;
      }
      const canonical = new URL(`/${file.replace(/index\.html$/, '')}`, DEFAULT_SITE_URL).href;
      expect(select('link[rel="canonical"]', page)?.properties.href, file).toBe(canonical);
      expect(select('meta[property="og:url"]', page)?.properties.content, file).toBe(canonical);
    }
    expect(textOf(select('title', html(dist, 'glossary/index.html'))!)).toBe('Glossary – HMI Probation');
  });

  it('lists the latest reports and the ratings at a glance on the home page', () => {
    const home = html(dist, 'index.html');
    const latest = selectAll('.app-report-list__title a', home).map((a) => a.properties.href);
    // A historic record known only by its year is in no feed: an entry needs a day (Western Bay 2018).
    const expected = [...inspections.filter((i) => !/^\d{4}$/.test(i.source.published)).map((i) => ({ slug: i.slug, source: i.source, href: `/inspections/${i.slug}/` })), ...thematics.map((t) => ({ slug: t.slug, source: t.source, href: `/thematic/${t.slug}/` }))]
      .sort(newestFirst)
      .slice(0, 6)
      .map((r) => r.href);
    expect(latest).toEqual(expected);
    // Each overall rating as a word and a symbol, with how many inspections have it, linking to its filter page.
    for (const { value, label, count } of facetValues(inspections, 'rating')) {
      const row = selectAll('table tbody tr', home).find((tr) => select(`a[href="/inspections/rating/${value}/"]`, tr));
      expect(row, value).toBeTruthy();
      expect(rowText(row!)).toBe(`${label} ${count}`);
      expect(select('svg.app-rating__symbol', row!)).toBeTruthy();
    }
  });

  it('lists every public inspection, and on each filter page exactly those with that value', () => {
    expect(slugsIn(html(dist, 'inspections/index.html'))).toEqual(inspections.map((i) => i.slug));
    let pages = 0;
    for (const facet of FACETS) {
      for (const { value } of facetValues(inspections, facet.id)) {
        const page = html(dist, `inspections/${facet.id}/${value}/index.html`);
        expect(slugsIn(page), `${facet.id}/${value}`).toEqual(inspections.filter((i) => facetOf(i, facet.id).value === value).map((i) => i.slug));
        expect(select(`.app-filters a[aria-current="page"][href="/inspections/${facet.id}/${value}/"]`, page), `${facet.id}/${value}`).toBeTruthy();
        // One title, read as English, in <title>, h1 and the breadcrumb's current page.
        const title = facetTitle(inspections, facet.id, value, model.messages.en)!;
        expect([textOf(select('title', page)!), textOf(select('h1', page)!), textOf(select('.govuk-breadcrumbs [aria-current="page"]', page)!)], `${facet.id}/${value}`).toEqual([`${title} – HMI Probation`, title, title]);
        pages++;
      }
    }
    expect(pages).toBeGreaterThanOrEqual(10);
    // Without JavaScript the filters are links; the form that combines them is hidden until the page's script shows it.
    const list = html(dist, 'inspections/index.html');
    expect(select('#filter-form', list)?.properties.hidden).toBe(true);
    expect(selectAll('#filter-links a', list).length).toBe(FACETS.reduce((n, f) => n + facetValues(inspections, f.id).length, 0));
    // The rows carry what the script filters on.
    const row = select('#inspections tbody tr[data-slug="northmoor-2024"]', list)!;
    expect([row.properties.dataRating, row.properties.dataNation, row.properties.dataYear, row.properties.dataKind]).toEqual(['good', 'england', '2024', 'joint-reinspection']);
  });

  it('shows a service’s inspections over time and its reinspection against the original (Northmoor: 4 out of 36, then 22)', () => {
    const page = html(dist, 'services/northmoor/index.html');
    expect(slugsIn(page)).toEqual(['northmoor-2024', 'northmoor-2022']);
    const original = inspections.find((i) => i.slug === 'northmoor-2022')!;
    const reinspection = inspections.find((i) => i.slug === 'northmoor-2024')!;
    expect([original.rating.composite.score, reinspection.rating.composite.score]).toEqual([4, 22]);
    const compare = select('.app-compare', page)!;
    const row = (name: string) => selectAll('tbody tr', compare).find((tr) => squash(textOf(select('th', tr)!)) === name)!;
    expect(selectAll('td', row('Score')).map((td) => squash(textOf(td)))).toEqual(['4 out of 36', '22 out of 36']);
    expect(selectAll('td', row('Overall rating')).map((td) => squash(textOf(td)))).toEqual(['Inadequate', 'Good']);
    expect(selectAll('td svg.app-rating__symbol', row('Overall rating'))).toHaveLength(2);
    // Every standard of both inspections, with both awarded ratings.
    for (const standard of reinspection.rating.standards) {
      const before = original.rating.standards.find((s) => s.id === standard.id)!;
      const cells = selectAll('td', row(`${standard.id} ${standard.name}`)).map((td) => squash(textOf(td)));
      expect(cells[0]!.replace(/\*$/, ''), standard.id).toBe(facetLabel(original, before.awarded));
      expect(cells[1]!.replace(/\*$/, ''), standard.id).toBe(facetLabel(reinspection, standard.awarded));
    }
    expect(squash(textOf(compare))).toContain('The overall rating went from Inadequate to Good, and the score from 4 out of 36 to 22 out of 36.');
  });

  it('writes the methodology from the framework files: bands, minimum sample, professional judgement, composite bands, limiting judgements, standards and key questions', () => {
    const page = html(dist, 'methodology/index.html');
    const text = squash(textOf(select('main', page)!));
    const shown = frameworksInUse(model.frameworks, buildDate);
    expect(shown.map((f) => f.id)).toEqual(['planted-2026', 'youth-2021', 'youth-2018']);
    expect(selectAll('main h2', page).map((h) => textOf(h)).filter((t) => t !== 'Contents')).toEqual(shown.map((f) => f.name));
    expect(text).not.toContain('Planted standards not yet in use');
    for (const framework of shown) {
      const section = frameworkSection(page, framework);
      const tables = selectAll('table', section).map((table) => selectAll('tbody tr', table).map(rowText));
      expect(tables[1], framework.id).toEqual(
        bandRanges(framework, framework.caseSample.bands, { unit: '%', whole: true, top: 100 }, model.messages.en).map(({ rating, range }) => `${label(framework, rating)} ${range}`),
      );
      expect(tables[2], framework.id).toEqual(
        bandRanges(framework, framework.composite.bands, { unit: '', whole: !framework.composite.scaleWhenNotRated, top: 36 }, model.messages.en).map(({ rating, range }) => `${label(framework, rating)} ${range}`),
      );
      const sectionText = squash(textOf(section));
      expect(sectionText).toContain(`fewer than ${framework.caseSample.minimumSample} cases`);
      expect(sectionText).toContain(`up to ${framework.professionalJudgement.maxBandsFromComputed} step above or below`);
      for (const limit of framework.limitingJudgements) expect(sectionText).toContain(limit.explanation);
      for (const domain of framework.domains) {
        for (const standard of domain.standards) {
          expect(sectionText).toContain(standard.statement);
          for (const question of standard.keyQuestions) expect(sectionText).toContain(`${question.id} ${question.text}`);
        }
      }
    }
    // The planted framework's own numbers, which no hand-written text could know.
    const rows = (framework: Framework) => selectAll('tbody tr', frameworkSection(page, framework)).map(rowText);
    expect(rows(shown[0]!)).toEqual(expect.arrayContaining(['Outstanding 83% to 100%', 'Good 67% to 82%', 'Requires improvement 50% to 66%', 'Good 20 or more, but less than 31']));
    expect(squash(textOf(frameworkSection(page, shown[0]!)))).toContain('fewer than 7 cases');
    expect(rows(shown[1]!)).toEqual(expect.arrayContaining(['Outstanding 80% to 100%', 'Good 65% to 79%', 'Requires improvement 50% to 64%', 'Inadequate less than 50%', 'Outstanding 31 to 36']));
  });

  it('publishes an Atom feed of exactly the public reports, newest first, dated by publication', () => {
    const feed = dist.get('feed.xml')!.toString('utf8');
    const entries = [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
    // A historic record known only by its year is in no feed: an entry needs a day (Western Bay 2018).
    const expected = [...inspections.filter((i) => !/^\d{4}$/.test(i.source.published)).map((i) => ({ slug: i.slug, source: i.source, url: `${DEFAULT_SITE_URL}inspections/${i.slug}/` })), ...thematics.map((t) => ({ slug: t.slug, source: t.source, url: `${DEFAULT_SITE_URL}thematic/${t.slug}/` }))].sort(
      (a, b) => (a.source.published === b.source.published ? a.url.localeCompare(b.url) : a.source.published < b.source.published ? 1 : -1),
    );
    expect(entries.map((e) => /<id>(.*?)<\/id>/.exec(e)![1])).toEqual(expected.map((r) => r.url));
    // Each entry is updated when its report was last corrected, else when it was published.
    const updated = (r: (typeof expected)[number]) => r.source.corrections.at(-1)?.date ?? r.source.published;
    expect(entries.map((e) => /<updated>(.*?)<\/updated>/.exec(e)![1])).toEqual(expected.map((r) => `${updated(r)}T00:00:00Z`));
    // The feed's own date is its newest report's or correction's, not the time of the build.
    expect(/<feed[\s\S]*?<updated>(.*?)<\/updated>/.exec(feed)![1]).toBe(`${expected.map(updated).sort().at(-1)}T00:00:00Z`);
    expect(feed).toContain('<rights>© Crown copyright. Available under the Open Government Licence v3.0');
  });

  it('lists every public page in the sitemap, and nothing else', () => {
    const sitemap = dist.get('sitemap.xml')!.toString('utf8');
    const locs = [...sitemap.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]!);
    expect(new Set(locs).size).toBe(locs.length);
    const pagesInSitemap = locs.map((loc) => `${new URL(loc).pathname.slice(1)}index.html`).sort();
    const htmlPages = [...dist.keys()].filter((file) => file.endsWith('.html') && file !== '404.html').sort();
    expect(pagesInSitemap).toEqual(htmlPages);
    for (const inspection of inspections) expect(sitemap).toContain(`<loc>${DEFAULT_SITE_URL}inspections/${inspection.slug}/</loc><lastmod>${inspection.source.corrections.at(-1)?.date ?? inspection.source.published}</lastmod>`);
  });

  it('indexes the public reports for search, with kind, overall rating and year filters', () => {
    const fragments = [...dist].filter(([file]) => isFragment(file)).map(([file, bytes]) => JSON.parse(readable(file, bytes).replace(/^pagefind_dcd/, '')));
    const byUrl = new Map(fragments.map((f: { url: string; filters: Record<string, string[]> }) => [f.url, f.filters]));
    for (const inspection of inspections) {
      expect(byUrl.get(`/inspections/${inspection.slug}/`), inspection.slug).toEqual({
        Kind: [inspection.source.partners.length || inspection.source.joint ? (inspection.source.reinspectionOf ? 'Joint reinspection' : 'Joint inspection') : inspection.source.reinspectionOf ? 'Reinspection' : 'Inspection'],
        Rating: [facetOf(inspection, 'rating').label],
        Year: [inspection.source.published.slice(0, 4)],
        // A historic record is found by search like a full report, under a version of its own.
        Version: [inspection.historic ? 'Historic record' : 'Full report'],
      });
    }
    for (const thematic of thematics) expect(byUrl.get(`/thematic/${thematic.slug}/`)?.Kind, thematic.slug).toEqual(['Thematic inspection']);
    // Lists, filter pages and the site's own pages are not search results.
    for (const url of ['/', '/inspections/', '/inspections/rating/good/', '/glossary/', '/search/']) expect(byUrl.has(url), url).toBe(false);
  });

  it('indexes every page marked for search, though Pagefind reads only the folders that have them', () => {
    const indexed = new Set([...dist].filter(([file]) => isFragment(file)).map(([file, bytes]) => (JSON.parse(readable(file, bytes).replace(/^pagefind_dcd/, '')) as { url: string }).url));
    const marked = [...dist].filter(([file, bytes]) => file.endsWith('.html') && bytes.includes('data-pagefind-body')).map(([file]) => `/${file.replace(/index\.html$/, '')}`);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.filter((url) => !indexed.has(url))).toEqual([]);
  });
});

describe('drafts, embargoed reports and reports dated after the build date', () => {
  const hidden = () => model.inspections.filter((i) => !isPublic(i, buildDate));

  it('are in no file of dist/: no page, PDF, data row, search entry, sitemap or feed entry', async () => {
    expect(hidden().map((i) => i.slug).sort()).toEqual(['aberwyn-2026', 'saltmarsh-2026', ...PLANTED.map((p) => p.slug)].sort());
    const words = [...Object.values(MARKERS), ...hidden().map((i) => i.slug), ...Object.values(PLANTED_THEMATICS), 'Saltmarsh and Fenby Youth Justice Service'].map((w) => w.toLowerCase());
    for (const [file, bytes] of dist) {
      // A PDF's text, metadata, outline and links as the leak check reads them (read once for both files).
      const text = (file.endsWith('.pdf') ? await pdfText(bytes) : readable(file, bytes)).toLowerCase();
      for (const word of words) expect(text.includes(word), `${word} in ${file}`).toBe(false);
    }
    // The search index holds words, so a planted word would be there if its page had been indexed.
    const index = [...dist].filter(([file]) => file.startsWith('pagefind/') && file.includes('.pf_')).map(([file, bytes]) => readable(file, bytes)).join('\n');
    expect(index.toLowerCase()).toContain('resettlement');
  }, 120_000);

  it('are all in the private preview build, with the draft notice on every page and every PDF page, and dist/ is not touched', async () => {
    const files = [...preview.keys()];
    for (const page of ['inspections/saltmarsh-2026/index.html', 'inspections/saltmarsh-2026/report.pdf', 'inspections/aberwyn-2026/index.html', 'services/saltmarsh/index.html', `thematic/${PLANTED_THEMATICS.draft}/index.html`, `thematic/${PLANTED_THEMATICS.future}/index.html`]) {
      expect(files, page).toContain(page);
    }
    const previewText = [...preview].filter(([file]) => !file.endsWith('.pdf') && !file.endsWith('.png') && !file.endsWith('.ttf')).map(([file, bytes]) => readable(file, bytes)).join('\n');
    for (const marker of Object.values(MARKERS)) expect(previewText, marker).toContain(marker);
    const previewIndex = [...preview].filter(([file]) => file.startsWith('pagefind/') && file.includes('.pf_')).map(([file, bytes]) => readable(file, bytes)).join('\n');
    expect(previewIndex.toLowerCase()).toContain(MARKERS.draft.toLowerCase());
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const page = html(preview, file);
      // A Welsh page says it in Welsh.
      const notice = file.startsWith('cy/') ? DRAFT_NOTICE_CY : DRAFT_NOTICE;
      expect(squash(textOf(select('.app-draft-banner', page) ?? { type: 'root', children: [] })), file).toContain(notice);
      expect(select('meta[name="robots"]', page)?.properties.content, file).toBe('noindex, nofollow');
      expect(textOf(select('title', page)!), file).toMatch(new RegExp(`^${notice}: `));
    }
    expect(preview.get('robots.txt')!.toString('utf8')).toContain('Disallow: /');
    // dist/ is exactly as the public build left it.
    expect(hashTree(path.join(project, 'dist'))).toEqual(distBeforePreview);
    // The public build's PDFs carry no watermark.
    for (const file of [...dist.keys()].filter((f) => f.endsWith('.pdf')).slice(0, 3)) {
      expect(await pdfText(dist.get(file)!), file).not.toContain(DRAFT_NOTICE);
    }
    // Every page of every PDF of the preview has the watermark, as page furniture (an artifact).
    // A PDF is drawn with it when its document model has `watermark: draftWatermark()` (src/site/model.ts).
    // Not the earlier versions of corrected reports (report-v1.pdf…): the files kept as they were published, copied unchanged.
    const pdfs = files.filter((f) => f.endsWith('.pdf') && !/\/report-v\d+\.pdf$/.test(f));
    expect(pdfs.filter((f) => f.startsWith('inspections/saltmarsh-2026/'))).toEqual(['inspections/saltmarsh-2026/report.pdf']);
    const unmarked: string[] = [];
    for (const file of pdfs) {
      const pages = await pdfPages(preview.get(file)!);
      pages.forEach((page, index) => {
        // A Welsh PDF (cy/…) carries the notice in Welsh.
        const notice = file.startsWith('cy/') ? messagesIn('cy').t('documents.draft-watermark') : DRAFT_NOTICE;
        if (!page.artifactText.includes(notice)) unmarked.push(`${file} page ${index + 1}`);
      });
    }
    expect(unmarked).toEqual([]);
  }, 240_000);
});

function label(framework: Framework, rating: string): string {
  return framework.ratingScale.find((level) => level.id === rating)?.label ?? framework.notRatedLabel;
}

function facetLabel(inspection: Inspection, rating: string): string {
  return label(inspection.framework, rating);
}

/** The elements of the methodology page from a framework's heading to the next framework's. */
function frameworkSection(page: Root, framework: Framework): Root {
  const main = select('.app-report', page)!;
  const children = main.children.filter((c): c is Element => c.type === 'element');
  const start = children.findIndex((c) => c.tagName === 'h2' && textOf(c) === framework.name);
  const end = children.findIndex((c, i) => i > start && c.tagName === 'h2');
  return { type: 'root', children: children.slice(start, end === -1 ? undefined : end) };
}

describe('the Welsh and English pages', () => {
  const pages = () => [...dist.keys()].filter((file) => file.endsWith('.html'));
  const welshPages = () => pages().filter((file) => file.startsWith('cy/'));
  /** A page's file from its address on the site: "/cy/inspections/" → "cy/inspections/index.html". */
  const fileOf = (href: string) => `${new URL(href, DEFAULT_SITE_URL).pathname.slice(1)}index.html`;
  const alternatesOf = (page: Root) => Object.fromEntries(selectAll('link[rel="alternate"][hreflang]', page).map((link) => [String(link.properties.hrefLang), String(link.properties.href)]));

  it('gives every page the language of its folder: Welsh under cy/, English elsewhere', () => {
    expect(welshPages().length).toBeGreaterThan(20);
    for (const file of pages()) {
      const page = html(dist, file);
      const welsh = file.startsWith('cy/');
      expect(select('html', page)?.properties.lang, file).toBe(welsh ? 'cy' : 'en-GB');
      expect(select('meta[property="og:locale"]', page)?.properties.content, file).toBe(welsh ? 'cy_GB' : 'en_GB');
    }
    // A Welsh page for each page of the design that has one, the Welsh service's reports included.
    const welshService = inspections.find((i) => i.service.nation === 'Wales' && !i.historic && i.easyRead)!;
    for (const file of ['cy/index.html', 'cy/inspections/index.html', `cy/inspections/${welshService.slug}/index.html`, `cy/inspections/${welshService.slug}/easy-read/index.html`, 'cy/services/index.html', `cy/services/${welshService.service.slug}/index.html`, 'cy/thematic/index.html', 'cy/search/index.html', 'cy/accessibility/index.html', 'cy/methodology/index.html', 'cy/glossary/index.html'])
      expect(dist.has(file), file).toBe(true);
    // Only reports published in Welsh: no English service's report has a Welsh page.
    for (const inspection of inspections.filter((i) => i.service.nation === 'England')) expect(dist.has(`cy/inspections/${inspection.slug}/index.html`), inspection.slug).toBe(false);
    // Pages only in English are not made in Welsh.
    for (const folder of ['cy/ratings/', 'cy/annual-reports/', 'cy/recommendations-tracker/', 'cy/data/']) expect([...dist.keys()].some((file) => file.startsWith(folder)), folder).toBe(false);
  });

  it('pairs every page that exists in both languages with hreflang alternates both ways and x-default English, and a language switch to its pair', () => {
    let pairs = 0;
    for (const file of pages().filter((f) => f !== '404.html')) {
      const page = html(dist, file);
      const alternates = alternatesOf(page);
      const welsh = file.startsWith('cy/');
      const other = welsh ? file.slice('cy/'.length) : `cy/${file}`;
      const switcher = select('.app-language-switch a', page);
      if (!dist.has(other)) {
        expect(alternates, `${file}: no ${other}, so no alternates`).toEqual({});
        expect(switcher, file).toBeUndefined();
        continue;
      }
      pairs++;
      expect(Object.keys(alternates).sort(), file).toEqual(['cy', 'en-GB', 'x-default']);
      expect(fileOf(alternates['en-GB']!), file).toBe(welsh ? other : file);
      expect(fileOf(alternates.cy!), file).toBe(welsh ? file : other);
      expect(alternates['x-default'], file).toBe(alternates['en-GB']);
      // The pair's own alternates point back.
      expect(alternatesOf(html(dist, other)), file).toEqual(alternates);
      expect(select('meta[property="og:locale:alternate"]', page)?.properties.content, file).toBe(welsh ? 'en_GB' : 'cy_GB');
      // The switch: the other language's page, named in its own language and marked as such.
      expect(switcher, file).toBeTruthy();
      expect(fileOf(String(switcher!.properties.href)), file).toBe(other);
      expect([textOf(switcher!), switcher!.properties.lang, switcher!.properties.hrefLang], file).toEqual(welsh ? ['English', 'en-GB', 'en-GB'] : ['Cymraeg', 'cy', 'cy']);
      expect(textOf(select('.app-language-switch [aria-current="true"]', page)!), file).toBe(welsh ? 'Cymraeg' : 'English');
    }
    expect(pairs).toBe(2 * welshPages().length);
  });

  it('links every Welsh page to Welsh pages where they exist, and lists only Welsh pages in its navigation', () => {
    const welshAddresses = new Set(welshPages().map((file) => `/${file.replace(/index\.html$/, '')}`));
    for (const file of welshPages()) {
      const page = html(dist, file);
      expect(selectAll('.govuk-service-navigation a', page).map((a) => [textOf(a), a.properties.href]), file).toEqual([
        ['Arolygiadau', '/cy/inspections/'],
        ['Adroddiadau thematig', '/cy/thematic/'],
        ['Geirfa', '/cy/glossary/'],
        ['Sut rydym yn graddio', '/cy/methodology/'],
        ['Chwilio', '/cy/search/'],
      ]);
      for (const link of selectAll('a[href^="/"]', page)) {
        const href = String(link.properties.href).split('#')[0]!;
        if (link.properties.lang || !href.endsWith('/')) continue;
        // An English page is linked only when there is no Welsh one.
        if (!href.startsWith('/cy/')) expect(welshAddresses.has(`/cy${href}`), `${file} links to ${href}`).toBe(false);
        else expect(welshAddresses.has(href), `${file} links to ${href}`).toBe(true);
      }
    }
  });

  it('writes no English interface words on a Welsh page: no English message that differs from its Welsh one, outside the authors’ text', () => {
    // Every literal piece of every English message whose Welsh message differs (plural and select
    // branches and tags included), from the message files themselves.
    const catalogue = (lang: string) => {
      const flat = new Map<string, string>();
      const walk = (value: unknown, at: string) => {
        if (typeof value === 'string') flat.set(at, value);
        else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, at ? `${at}.${key}` : key);
      };
      for (const file of fs.readdirSync(path.join(project, 'templates/messages', lang))) walk(parseYaml(fs.readFileSync(path.join(project, 'templates/messages', lang, file), 'utf8')), file.replace(/\.yaml$/, ''));
      return flat;
    };
    const english = catalogue('en');
    const welsh = catalogue('cy');
    const literals = (elements: MessageFormatElement[]): string[] =>
      elements.flatMap((element) => {
        if (element.type === TYPE.literal) return [element.value];
        if (element.type === TYPE.plural || element.type === TYPE.select) return Object.values(element.options).flatMap((option) => literals(option.value));
        if (element.type === TYPE.tag) return literals(element.children);
        return [];
      });
    const piecesOf = (text: string) => literals(parseMessage(text, { ignoreTag: false })).map((literal) => literal.trim().replace(/^[\s,.:;()–-]+|[\s,.:;()–-]+$/g, ''));
    // A piece both languages write ("PDF", "Atom") is not English.
    const inWelsh = new Set([...welsh.values()].flatMap(piecesOf));
    const englishWords = new Set<string>();
    for (const [key, text] of english) {
      if (welsh.get(key) === text) continue;
      // Words, not punctuation or a lone letter.
      for (const piece of piecesOf(text)) if (/\p{L}{3}/u.test(piece) && !inWelsh.has(piece)) englishWords.add(piece);
    }
    expect(englishWords.size).toBeGreaterThan(100);
    // The authors' text (still English where the content has no Welsh yet) and the pages that draw a
    // report's document (the document renderers' words) are not the site's: they are taken out first.
    const authors = [
      ...model.services.flatMap((s) => [s.name, s.shortName, s.region, s.policeForceArea]),
      ...model.frameworks.flatMap((f) => [f.name, f.notRatedLabel, ...f.ratingScale.map((r) => r.label), ...f.domains.flatMap((d) => [d.name, ...d.standards.map((st) => st.name)])]),
      ...thematics.flatMap((t) => [t.source.title, t.source.summary]),
      // A report's title is written from its document template (templates/documents): the authors' too.
      ...inspections.map((i) => reportTitle(i, model.messages.en)),
      // The frameworks' own words on the methodology page: statements, key questions, limiting judgements.
      ...model.frameworks.flatMap((f) => [
        f.professionalJudgement.footnote,
        ...f.limitingJudgements.map((l) => l.explanation),
        ...f.domains.flatMap((d) => d.standards.flatMap((st) => [st.statement, ...st.keyQuestions.map((q) => `${q.id} ${q.text}`)])),
      ]),
      ...model.glossary.flatMap((g) => [g.term, g.definition, ...g.aliases]),
      model.publisher.name,
      model.publisher.shortName,
      model.publisher.licence.name,
      model.publisher.alternativeFormats,
      ...model.publisher.address,
    ].filter((text): text is string => typeof text === 'string' && text.length > 0).sort((a, b) => b.length - a.length);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found: string[] = [];
    for (const file of welshPages()) {
      const page = html(dist, file);
      const drawn = select('.app-cover, .app-easy-read', page) ? ['header', '.govuk-service-navigation', '.govuk-breadcrumbs', '.app-download', '.app-easy-read-link', '.app-easy-read__download', '.app-easy-read__full', 'footer'] : ['body'];
      let text = drawn.flatMap((selector) => selectAll(selector, page)).map((element) => squash(textOf(element))).join(' | ');
      for (const author of authors) text = text.split(author).join(' | ');
      for (const words of englishWords) if (new RegExp(`(?<![\\p{L}])${escape(words)}(?![\\p{L}])`, 'u').test(text)) found.push(`${file}: "${words}"`);
    }
    expect(found).toEqual([]);
  });

  it('shows authors’ words in Welsh on a Welsh page: no English service, framework, rating, glossary or publisher words whose Welsh differs', () => {
    // The same texts of the project read in English and in Welsh (src/model/translations.ts).
    const textsOf = (project: Project) => [
      ...project.services.flatMap((s) => [s.name, s.region, s.policeForceArea]),
      ...project.frameworks.flatMap((f) => [f.name, f.notRatedLabel, f.unclearLabel, ...f.ratingScale.map((r) => r.label), ...f.domains.flatMap((d) => [d.name, ...d.standards.flatMap((st) => [st.name, st.statement])])]),
      ...project.glossary.flatMap((g) => [g.term, g.definition]),
      project.publisher.name,
    ];
    const welsh = new Set(textsOf(projectIn(model, 'cy')));
    // Long enough to be sure it is the author's English, not a word both languages share.
    const english = [...new Set(textsOf(model))].filter((text) => !welsh.has(text) && text.length > 6);
    expect(english.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of welshPages()) {
      const text = squash(textOf(select('body', html(dist, file))!));
      for (const words of english) if (text.includes(words)) found.push(`${file}: "${words}"`);
    }
    expect(found).toEqual([]);
  });

  it('publishes a Welsh feed and a Welsh feed for each service published in Welsh, entries in Welsh, and lists both languages in the sitemap with their alternates', () => {
    const feed = dist.get('cy/feed.xml')!.toString('utf8');
    expect(feed).toMatch(/<feed [^>]*xml:lang="cy"/);
    expect(feed).toContain('<title>Adroddiadau arolygu – AEF Prawf</title>');
    // Every report published in Welsh, but a historic record dated by its year alone (an entry needs a day).
    const welshReports = inspections.filter((i) => i.service.nation === 'Wales' && hasFeedDate(i));
    const welshThematics = thematics.filter((t) => languagesOf(t).includes('cy'));
    const ids = [...feed.matchAll(/<entry>[\s\S]*?<id>(.*?)<\/id>/g)].map((m) => m[1]!);
    expect(ids.sort()).toEqual([...welshReports.map((i) => `${DEFAULT_SITE_URL}cy/inspections/${i.slug}/`), ...welshThematics.map((t) => `${DEFAULT_SITE_URL}cy/thematic/${t.slug}/`)].sort());
    expect(feed).toMatch(/<summary>Gradd gyffredinol: /);
    expect(feed).not.toContain('Overall rating');
    for (const service of new Set(welshReports.map((i) => i.service.slug))) expect(dist.get(`cy/services/${service}/feed.xml`)?.toString('utf8'), service).toMatch(/xml:lang="cy"/);
    expect(dist.get('feed.xml')!.toString('utf8')).toMatch(/<feed [^>]*xml:lang="en-GB"/);
    const sitemap = dist.get('sitemap.xml')!.toString('utf8');
    for (const file of welshPages()) {
      const welshUrl = new URL(`/${file.replace(/index\.html$/, '')}`, DEFAULT_SITE_URL).href;
      const englishUrl = welshUrl.replace(`${DEFAULT_SITE_URL}cy/`, DEFAULT_SITE_URL);
      const alternates = `<xhtml:link rel="alternate" hreflang="en-GB" href="${englishUrl}"/><xhtml:link rel="alternate" hreflang="cy" href="${welshUrl}"/><xhtml:link rel="alternate" hreflang="x-default" href="${englishUrl}"/>`;
      // Each of the pair lists both, itself included, as search engines ask.
      expect(sitemap, file).toContain(`<loc>${welshUrl}</loc>`);
      expect(sitemap.split(alternates).length - 1, file).toBe(2);
    }
  });

  it('indexes each language apart for search: Welsh pages in the Welsh index with Welsh filters, English pages in the English one', () => {
    // Each shard's languages and their pages, added up.
    const entries = [...dist].filter(([file]) => /^pagefind\/\d+\/pagefind-entry\.json$/.test(file)).map(([, bytes]) => JSON.parse(bytes.toString('utf8')) as { languages: Record<string, { page_count: number }> });
    const entry = { languages: {} as Record<string, { page_count: number }> };
    for (const { languages } of entries) for (const [lang, { page_count }] of Object.entries(languages)) entry.languages[lang] = { page_count: (entry.languages[lang]?.page_count ?? 0) + page_count };
    expect(Object.keys(entry.languages).sort()).toEqual(['cy', 'en-gb']);
    const fragments = [...dist].filter(([file]) => isFragment(file)).map(([file, bytes]) => JSON.parse(readable(file, bytes).replace(/^pagefind_dcd/, '')) as { url: string; language?: string; filters: Record<string, string[]> });
    const welsh = fragments.filter((f) => f.url.startsWith('/cy/'));
    expect(welsh.length).toBe(entry.languages.cy!.page_count);
    expect(fragments.length - welsh.length).toBe(entry.languages['en-gb']!.page_count);
    for (const fragment of welsh) {
      expect(Object.keys(fragment.filters).sort(), fragment.url).toEqual(expect.arrayContaining(['Blwyddyn', 'Fersiwn', 'Math']));
      expect(Object.keys(fragment.filters), fragment.url).not.toContain('Kind');
    }
    // The Welsh search page reads the Welsh index (its <html lang>) and gives Pagefind Welsh words.
    const search = html(dist, 'cy/search/index.html');
    expect(select('html', search)?.properties.lang).toBe('cy');
    expect(JSON.parse(String(select('#search', search)!.properties.dataTranslations))).toMatchObject({ placeholder: 'Chwilio', filters_label: 'Hidlyddion' });
    // Each search page merges the shards holding pages in its language, all of them, and loads Pagefind from the first.
    for (const [page, language] of [['search/index.html', 'en-gb'], ['cy/search/index.html', 'cy']] as const) {
      const bundles = JSON.parse(String(select('#search', html(dist, page))!.properties.dataBundles)) as string[];
      const holding = [...dist].filter(([file, bytes]) => /^pagefind\/\d+\/pagefind-entry\.json$/.test(file) && language in (JSON.parse(bytes.toString('utf8')) as { languages: object }).languages);
      expect(new Set(bundles), page).toEqual(new Set(holding.map(([file]) => `/${file.replace(/pagefind-entry\.json$/, '')}`)));
      expect(select('script[src$="pagefind-ui.js"]', html(dist, page))?.properties.src, page).toBe(`${bundles[0]}pagefind-ui.js`);
    }
  });
});

