/**
 * The easy-read pages, read from the shared sample build (tests/support/shared-site.ts): Dudley
 * 2019's easy-read version and the thematic sample's, their PDFs and pictures, the link from the full
 * report, and only public reports with an easy-read version getting pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import sharp from 'sharp';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/document/blocks.ts';
import { findTerms } from '../../src/model/glossary-terms.ts';
import type { GlossaryTerm } from '../../src/model/schemas/glossary.ts';
import { PLANTED_THEMATICS } from '../support/planted.ts';
import { BUILD_DATE, sharedSite } from '../support/shared-site.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const sample = path.join(repo, 'content/inspections/dudley-2019/easy-read.mdx');
const thematicSample = path.join(repo, 'content/thematic/out-of-court-disposals-2025/easy-read.mdx');

const textOf = (node: Root | Element): string =>
  node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
const attr = (node: Element | undefined, name: string) => node?.properties[name];
const classes = (node: Element | undefined) => (attr(node, 'className') as string[] | undefined) ?? [];

describe.skipIf(!fs.existsSync(sample))('the built easy-read pages', () => {
  const buildDate = BUILD_DATE;
  let project: string;
  let dist: string;
  let stderr: string;
  let page: Root;
  let main: Element;
  let model: { cover: Block[]; body: Block[]; title: string };
  let glossary: GlossaryTerm[];

  beforeAll(async () => {
    // The shared build has a draft thematic report with an easy-read version planted (planted.ts): it must get no pages at all.
    const shared = await sharedSite();
    project = shared.project;
    dist = shared.dist;
    stderr = shared.stderr;
    page = fromHtml(fs.readFileSync(path.join(dist, 'inspections/dudley-2019/easy-read/index.html'), 'utf8'));
    main = select('main', page)!;
    const { loadProject } = await import('../../src/check/load-project.ts');
    const { easyReadDocument } = await import('../../src/document/easy-read-document.ts');
    const loaded = loadProject(project);
    const inspection = loaded.project.inspections.find((i) => i.slug === 'dudley-2019')!;
    model = easyReadDocument(loaded.project, { kind: 'inspection', inspection }, project).document;
    glossary = loaded.project.glossary;
  }, 600_000);

  const rowsOf = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { type: 'row' }> => b.type === 'row');

  it('builds without easy-read layout warnings (such as more than 24 pages)', () => {
    expect(stderr).not.toContain('easy-read-layout');
  });

  it('is an English page with the easy-read title, breadcrumbs back to the full report and home', () => {
    expect(attr(select('html', page), 'lang')).toBe('en-GB');
    expect(textOf(select('title', page)!)).toContain(model.title);
    expect(squash(textOf(select('h1', main)!))).toBe(model.title);
    expect(selectAll('.govuk-breadcrumbs a', page).map((a) => attr(a, 'href'))).toEqual(['/', '../']);
    const full = selectAll('a', main).find((a) => squash(textOf(a)) === 'Read the full report');
    expect(attr(full, 'href')).toBe('../');
  });

  it('draws every row of the model: its picture with alt text, then one block per sentence', () => {
    const rows = [...rowsOf(model.cover), ...rowsOf(model.body)];
    const drawn = selectAll('.app-easy-row', main);
    expect(drawn.length).toBe(rows.length);
    for (const row of rows) {
      const element = select(`#${row.id}`, main)!;
      expect(classes(element), row.id).toContain('app-easy-row');
      // The picture comes first, so it sits on the left (or above on a narrow screen).
      const [first, second] = element.children.filter((c): c is Element => c.type === 'element');
      expect(first?.tagName, row.id).toBe('img');
      expect(attr(first, 'alt'), row.id).toBe(row.alt);
      expect(String(attr(first, 'alt')).trim()).not.toBe('');
      const sentences = selectAll('p.app-easy-row__sentence', second!);
      expect(sentences.length, row.id).toBe(row.sentences.length);
    }
  });

  it('shows hard words in bold, each a link to its entry in the hard-words list', () => {
    const list = model.body.find((b): b is Extract<Block, { type: 'hard-words' }> => b.type === 'hard-words')!;
    expect(list.items.length).toBeGreaterThan(0);
    const entries = selectAll('dl.app-hard-words dt', main).map((dt) => String(attr(dt, 'id')));
    expect(entries).toEqual(list.items.map((item) => item.id));
    for (const dt of selectAll('dl.app-hard-words dt', main)) expect(select('strong', dt), String(attr(dt, 'id'))).toBeDefined();
    const links = selectAll('.app-easy-row a[href^="#hard-word-"]', main);
    for (const item of list.items) expect(links.map((a) => String(attr(a, 'href'))), item.term).toContain(`#${item.id}`);
    for (const a of links) expect(select('strong', a), squash(textOf(a))).toBeDefined();
    // Every bold word in a sentence that the list explains is such a link.
    const linked = new Set(links.flatMap((a) => selectAll('strong', a)));
    const explained = new Set(list.items.map((item) => item.id));
    for (const strong of selectAll('.app-easy-row strong', main)) {
      const [hit] = findTerms(textOf(strong), glossary);
      if (hit && explained.has(`hard-word-${hit.term.id}`)) expect(linked.has(strong), `"${textOf(strong)}" is bold but not linked`).toBe(true);
    }
  });

  it('has a working target for every link within the page', () => {
    const ids = new Set(selectAll('[id]', page).map((node) => String(attr(node, 'id'))));
    const targets = selectAll('a[href^="#"]', page).map((a) => String(attr(a, 'href')).slice(1));
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.filter((id) => !ids.has(decodeURIComponent(id)))).toEqual([]);
    expect(targets).toContain('hard-words');
  });

  it('states the real page count and size of the easy-read PDF it links to', async () => {
    const link = selectAll('a', main).find((a) => squash(textOf(a)).startsWith('Download this easy read report'))!;
    expect(attr(link, 'href')).toBe('../easy-read.pdf');
    const bytes = fs.readFileSync(path.join(dist, 'inspections/dudley-2019/easy-read.pdf'));
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const match = /^Download this easy read report \(PDF, (\d+) pages?, (\d+) KB\)$/.exec(squash(textOf(link)));
    expect(match, squash(textOf(link))).not.toBeNull();
    expect(Number(match![1])).toBe(pdf.numPages);
    expect(Number(match![2])).toBe(Math.round(bytes.length / 1024));
    expect((await pdf.getMetadata()).info).toMatchObject({ Title: model.title, Language: 'en-GB' });
  });

  it('serves every picture it shows, at the width and height it states, as a square but for the rating scale', async () => {
    const folder = path.join(dist, 'inspections/dudley-2019/easy-read');
    const images = selectAll('main img', page);
    expect(images.length).toBeGreaterThan(5);
    for (const img of images) {
      const file = path.join(folder, String(attr(img, 'src')));
      expect(fs.existsSync(file), file).toBe(true);
      const meta = await sharp(file).metadata();
      expect([attr(img, 'width'), attr(img, 'height')]).toEqual([meta.width, meta.height]);
      // The rating scale has words on it: larger, and taller than wide.
      if (String(attr(img, 'src')).endsWith('rating-scale.png')) expect(meta.height!).toBeGreaterThan(meta.width!);
      else expect(meta.width).toBe(meta.height);
    }
  });

  it('is linked from the full report page, and only reports with an easy-read version link to one', () => {
    // Each report's folder (with its PDF), not the list's filter pages (rating/, year/…).
    for (const slug of fs.readdirSync(path.join(dist, 'inspections')).filter((slug) => fs.existsSync(path.join(dist, 'inspections', slug, 'report.pdf')))) {
      const html = fromHtml(fs.readFileSync(path.join(dist, 'inspections', slug, 'index.html'), 'utf8'));
      const link = selectAll('main a', html).find((a) => attr(a, 'href') === 'easy-read/');
      const hasEasyRead = fs.existsSync(path.join(dist, 'inspections', slug, 'easy-read/index.html'));
      expect(Boolean(link), slug).toBe(hasEasyRead);
      if (link) expect(squash(textOf(link))).toBe('Read the easy read version of this report');
    }
    expect(fs.existsSync(path.join(dist, 'inspections/dudley-2019/easy-read/index.html'))).toBe(true);
  });

  it('makes easy-read pages only for public reports that have an easy-read version', async () => {
    const { loadProject } = await import('../../src/check/load-project.ts');
    const { isPublic } = await import('../../src/model/project.ts');
    const { project: loaded } = loadProject(project);
    const inspections = fs.readdirSync(path.join(dist, 'inspections')).filter((slug) => fs.existsSync(path.join(dist, 'inspections', slug, 'easy-read/index.html')));
    expect(inspections.sort()).toEqual(loaded.inspections.filter((i) => i.easyRead && isPublic(i, buildDate)).map((i) => i.slug).sort());
    for (const slug of inspections) expect(fs.existsSync(path.join(dist, 'inspections', slug, 'easy-read.pdf')), slug).toBe(true);
    const thematicDir = path.join(dist, 'thematic');
    const thematics = fs.existsSync(thematicDir) ? fs.readdirSync(thematicDir).filter((slug) => fs.existsSync(path.join(thematicDir, slug, 'easy-read/index.html'))) : [];
    const publicThematics = loaded.thematics.filter((t) => t.easyRead && isPublic(t, buildDate)).map((t) => t.slug);
    expect(thematics.sort()).toEqual(publicThematics.sort());
    expect(loaded.thematics.find((t) => t.slug === PLANTED_THEMATICS.draft)?.easyRead).toBeTruthy();
    expect(fs.existsSync(path.join(thematicDir, PLANTED_THEMATICS.draft))).toBe(false);
  });

  it.skipIf(!fs.existsSync(thematicSample))('draws the thematic sample’s easy-read page, with its PDF and pictures, and a link to its full report (it has report.mdx)', () => {
    const folder = path.join(dist, 'thematic/out-of-court-disposals-2025');
    const html = fromHtml(fs.readFileSync(path.join(folder, 'easy-read/index.html'), 'utf8'));
    const thematicMain = select('main', html)!;
    expect(selectAll('.app-easy-row', thematicMain).length).toBeGreaterThan(5);
    expect(selectAll('.govuk-breadcrumbs a', html).map((a) => attr(a, 'href'))).toEqual(['/', '../report/']);
    expect(selectAll('a', thematicMain).filter((a) => squash(textOf(a)) === 'Read the full report').map((a) => attr(a, 'href'))).toEqual(['../report/']);
    expect(fs.readFileSync(path.join(folder, 'easy-read.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    for (const img of selectAll('img', thematicMain)) expect(fs.existsSync(path.join(folder, 'easy-read', String(attr(img, 'src')))), String(attr(img, 'src'))).toBe(true);
  });

  it('styles the page for easy read: 20px text or more, line spacing 1.5, rows that reflow at narrow widths', () => {
    const stylesheet = selectAll('link[rel="stylesheet"]', page).map((l) => String(attr(l, 'href')));
    expect(stylesheet.length).toBeGreaterThan(0);
    const css = stylesheet.map((href) => fs.readFileSync(path.join(dist, href), 'utf8')).join('\n');
    const rule = (selector: string) => {
      const match = new RegExp(`(?:^|})\\s*${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{([^}]*)\\}`).exec(css);
      return match?.[1] ?? '';
    };
    const easyRead = rule('.app-easy-read');
    expect(easyRead).toMatch(/font-size:\s*1\.25rem/);
    expect(easyRead).toMatch(/line-height:\s*1\.5/);
    expect(easyRead).toMatch(/font-family:\s*Atkinson Hyperlegible Next|font-family:\s*"Atkinson Hyperlegible Next"/);
    expect(rule('.app-easy-row')).toMatch(/display:\s*grid/);
    // At 30em (480 CSS pixels; 320 is 400% zoom of 1280) and below, the picture stays on the left, 4rem (64 px) wide (tests/browser/easy-read-narrow.test.ts looks at it).
    expect(css).toMatch(/@media\s*\(max-width:\s*30em\)\s*\{\s*\.app-easy-row\s*\{[^}]*grid-template-columns:\s*4rem minmax\(0,\s*1fr\)/);
    expect(css).toMatch(/@font-face\s*\{[^}]*Atkinson Hyperlegible Next[^}]*\.ttf/);
  });
});
