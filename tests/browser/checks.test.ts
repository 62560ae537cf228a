/**
 * The checks the browser tests rely on, tried on small made-up sites: they must find what they
 * look for, or a passing site test would mean nothing. No browser is needed here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, discoverPages, groupByRoute, routePatterns, serveDirectory } from '../support/browser.ts';
import { expectedFor, type InspectionFacts } from './lib/filters.ts';
import { findWord } from './lib/leak-check.ts';
import { checkLinks } from './lib/link-check.ts';

let root: string;

const pdfWith = (text: string) =>
  new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument({ compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-checks-'));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('page discovery', () => {
  it('takes the route files of src/pages as page types, the most specific route winning', () => {
    const pages = path.join(root, 'routes/src/pages');
    for (const file of ['index.astro', 'inspections/index.astro', 'inspections/[slug]/index.astro', 'inspections/[slug]/easy-read/index.astro', 'inspections/[facet]/[value]/index.astro', 'docs/[...path].astro', '_partial.astro']) {
      fs.mkdirSync(path.dirname(path.join(pages, file)), { recursive: true });
      fs.writeFileSync(path.join(pages, file), '');
    }
    const groups = groupByRoute(['/', '/inspections/', '/inspections/dudley-2019/', '/inspections/dudley-2019/easy-read/', '/inspections/nation/wales/', '/docs/a/b/', '/docs/c/', '/orphan/'], pages);
    expect(Object.fromEntries(groups)).toEqual({
      '/': ['/'],
      '/docs/[...path]/': ['/docs/a/b/', '/docs/c/'],
      '/inspections/': ['/inspections/'],
      '/inspections/[facet]/[value]/': ['/inspections/nation/wales/'],
      '/inspections/[slug]/': ['/inspections/dudley-2019/'],
      '/inspections/[slug]/easy-read/': ['/inspections/dudley-2019/easy-read/'],
      '/orphan/': ['/orphan/'],
    });
  });

  it('groups paths by shape when there are no route files', () => {
    const groups = routePatterns(['/', '/glossary/', '/inspections/dudley-2019/', '/inspections/eastbrook-2023/', '/inspections/dudley-2019/easy-read/', '/ratings/2024/', '/about/privacy/', '/about/cookies/']);
    expect([...groups.keys()].sort()).toEqual(['/', '/about/cookies/', '/about/privacy/', '/glossary/', '/inspections/*/', '/inspections/*/easy-read/', '/ratings/*/']);
  });

  it('reads pages from the sitemap and from index.html files, one representative per type', () => {
    const dist = path.join(root, 'discover');
    const html = (body = '') => `<!doctype html><html lang="en"><title>t</title><h1>t</h1>${body}`;
    fs.mkdirSync(path.join(dist, 'a/b'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), html());
    fs.writeFileSync(path.join(dist, 'a/index.html'), html());
    fs.writeFileSync(path.join(dist, 'a/b/index.html'), html());
    fs.writeFileSync(path.join(dist, '404.html'), html());
    fs.writeFileSync(path.join(dist, 'sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>https://site.example/</loc></url><url><loc>https://site.example/a/</loc></url></urlset>');
    const found = discoverPages(dist);
    expect(found.all).toEqual(['/', '/a/', '/a/b/']);
    expect(found.inSitemap).toEqual(['/', '/a/']);
    expect(found.siteOrigin).toBe('https://site.example');
    expect(found.notFoundPage).toBe(path.join(dist, '404.html'));
  });
});

describe('the link check', () => {
  it('finds missing pages, assets, fragments and stylesheet files, and passes good ones', () => {
    const dist = path.join(root, 'links');
    const files: Record<string, string> = {
      'index.html': `<!doctype html><link rel="stylesheet" href="/s.css"><a href="/a/">ok</a><a href="/a/#here">ok</a><a href="a/#gone">bad fragment</a>
        <a href="/missing/">bad</a><img src="/img/x.png" alt=""><img srcset="/img/x.png 1x, /img/y.png 2x" alt=""><a href="#top">ok</a><a href="#self">ok</a><p id="self"></p>
        <a href="https://site.example/a/">ok</a><a href="https://site.example/nope/">bad</a><a href="https://elsewhere.example/nope/">external</a><a href="mailto:x@example.org">mail</a>`,
      'a/index.html': '<!doctype html><h2 id="here">Here</h2><a href="../index.html">ok</a><a href="report.pdf">bad</a>',
      's.css': '@font-face{src:url(/fonts/f.woff2)} .x{background:url("img/x.png")}',
      'img/x.png': 'png',
      '404.html': '<!doctype html><a href="/">ok</a><a href="a/">relative</a>',
      'sitemap.xml': '<urlset><url><loc>https://site.example/a/</loc></url><url><loc>https://site.example/gone/</loc></url></urlset>',
    };
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
      fs.writeFileSync(path.join(dist, file), content);
    }
    const { broken } = checkLinks(dist, 'https://site.example');
    expect(broken.map((b) => `${b.file} ${b.ref}`).sort()).toEqual(
      ['404.html a/', 'a/index.html report.pdf', 'index.html /img/y.png', 'index.html /missing/', 'index.html a/#gone', 'index.html https://site.example/nope/', 's.css /fonts/f.woff2', 'sitemap.xml https://site.example/gone/'].sort(),
    );
  });
});

describe('the leak check', () => {
  it('finds a word in paths, plain and UTF-16 bytes, gzip data and PDF text, in any case', async () => {
    const dist = path.join(root, 'leaks');
    fs.mkdirSync(path.join(dist, 'secretword-2026'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'secretword-2026/x.txt'), 'nothing');
    fs.writeFileSync(path.join(dist, 'plain.html'), '<p>The SecretWord service</p>');
    fs.writeFileSync(path.join(dist, 'utf16.bin'), Buffer.from('SECRETWORD', 'utf16le'));
    fs.writeFileSync(path.join(dist, 'index.pf_fragment'), zlib.gzipSync(Buffer.from('pagefind_dcd{"content":"secretword"}')));
    fs.writeFileSync(path.join(dist, 'report.pdf'), await pdfWith('A report about the Secretword service.'));
    fs.writeFileSync(path.join(dist, 'clean.pdf'), await pdfWith('A report about another service.'));
    fs.writeFileSync(path.join(dist, 'clean.txt'), 'secret word, split');
    const { leaks } = await findWord(dist, 'secretword');
    const found = new Set(leaks.map((l) => `${l.file} ${l.where}`));
    expect(found).toContain('secretword-2026/x.txt file path');
    expect(found).toContain('plain.html bytes');
    expect(found).toContain('utf16.bin bytes');
    expect(found).toContain('index.pf_fragment gzip content');
    expect(found).toContain('report.pdf PDF text, metadata or outline');
    expect([...found].filter((f) => f.startsWith('clean'))).toEqual([]);
  });
});

describe('the expected results of a filter', () => {
  const facts: InspectionFacts[] = [
    { slug: 'a-2024', facets: { rating: 'good', ratingLabel: 'Good', nation: 'Wales', year: '2024', kind: 'inspection', region: 'North Wales', framework: 'y', service: 'a' } },
    { slug: 'b-2023', facets: { rating: 'requires-improvement', ratingLabel: 'Requires improvement', nation: 'England', year: '2023', kind: 'joint', region: 'London', framework: 'y', service: 'b' } },
    { slug: 'c-2024', facets: { rating: 'good', ratingLabel: 'Good', nation: 'England', year: '2024', kind: 'reinspection', region: 'London', framework: 'y', service: 'c' } },
  ];
  const shown = ['a-2024', 'b-2023', 'c-2024'];

  it('matches values, labels with counts and address segments to the data', () => {
    expect(expectedFor(facts, shown, ['good', 'Good (2)'], 'rating')).toEqual({ facet: 'rating', slugs: ['a-2024', 'c-2024'] });
    expect(expectedFor(facts, shown, ['', 'Requires improvement (1)'])).toEqual({ facet: 'rating', slugs: ['b-2023'] });
    expect(expectedFor(facts, shown, ['wales'], 'nation')).toEqual({ facet: 'nation', slugs: ['a-2024'] });
    expect(expectedFor(facts, shown, ['2024'])).toEqual({ facet: 'year', slugs: ['a-2024', 'c-2024'] });
    expect(expectedFor(facts, shown, ['Joint inspection'], 'kind')).toEqual({ facet: 'kind', slugs: ['b-2023'] });
    expect(expectedFor(facts, ['b-2023'], ['england'], 'nation')).toEqual({ facet: 'nation', slugs: ['b-2023'] });
    expect(expectedFor(facts, shown, ['scotland'], 'nation')).toBeUndefined();
  });
});

describe('the static server', () => {
  it('serves files with their types, folders by index.html, and 404.html with status 404', async () => {
    const dist = path.join(root, 'served');
    fs.mkdirSync(path.join(dist, 'a'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'a/index.html'), '<h1>A</h1>');
    fs.writeFileSync(path.join(dist, '404.html'), '<h1>Not found</h1>');
    fs.writeFileSync(path.join(dist, 'x.wasm'), 'w');
    const server = await serveDirectory(dist);
    try {
      const a = await fetch(`${server.origin}/a/`);
      expect([a.status, a.headers.get('content-type'), await a.text()]).toEqual([200, 'text/html; charset=utf-8', '<h1>A</h1>']);
      const redirect = await fetch(`${server.origin}/a`, { redirect: 'manual' });
      expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/a/']);
      const missing = await fetch(`${server.origin}/nope/`);
      expect([missing.status, await missing.text()]).toEqual([404, '<h1>Not found</h1>']);
      expect((await fetch(`${server.origin}/x.wasm`)).headers.get('content-type')).toBe('application/wasm');
      expect((await fetch(`${server.origin}/..%2f..%2fetc/passwd`)).status).toBe(404);
    } finally {
      await server.close();
    }
    expect(contentTypeOf('a.pf_fragment')).toBe('application/octet-stream');
  });
});
