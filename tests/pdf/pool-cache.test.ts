/**
 * The PDF worker pool and the PDF cache (issue 7): a PDF drawn by a worker, drawn in this thread,
 * and read back from the cache are the same bytes; the cache key changes with a word of the model,
 * a picture's bytes and the code version, and stays the same for an unchanged model.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../src/document/blocks.ts';
import { loadProject } from '../../src/check/load-project.ts';
import { reportDocument } from '../../src/document/report-document.ts';
import { easyReadDocument } from '../../src/document/easy-read-document.ts';
import { cachedPdf, codeVersion, codeVersionOf, pdfCacheKey, readCachedPdf, renderPdfInThread, writeCachedPdf } from '../../src/pdf/cache.ts';
import { keyForInputs, rememberInputs } from '../../src/pdf/input-index.ts';
import { PdfPool } from '../../src/pdf/pool.ts';
import { publishPdfs } from '../../src/pdf/publish.ts';

const root = path.resolve(import.meta.dirname, '../..');
let report: DocumentModel;
let easyRead: DocumentModel;
let temp: string;

beforeAll(() => {
  const { project } = loadProject(root);
  const inspection = project.inspections.find((i) => i.slug === 'dudley-2019')!;
  report = reportDocument(project, inspection);
  const withEasyRead = project.inspections.find((i) => i.easyRead)!;
  easyRead = easyReadDocument(project, { kind: 'inspection', inspection: withEasyRead }, root).document;
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-cache-test-'));
});
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

describe('the PDF worker pool', () => {
  it('draws a report and an easy-read document byte for byte as this thread does, on worker threads, warmed up first as a build does', async () => {
    // One worker, which draws both: a second would only cost its start.
    const pool = new PdfPool({ size: 1 });
    // As the build does while the content is checked: a worker loads the renderers and fonts; not a drawing.
    pool.warmUp();
    try {
      const [pooledReport, pooledEasyRead] = await Promise.all([pool.render('report', report), pool.render('easy-read', easyRead)]);
      expect(pool.completed).toBe(2);
      const localReport = await renderPdfInThread('report', report);
      const localEasyRead = await renderPdfInThread('easy-read', easyRead);
      expect(pooledReport.bytes.length).toBeGreaterThan(10_000);
      expect(same(pooledReport.bytes, localReport.bytes)).toBe(true);
      expect(same(pooledEasyRead.bytes, localEasyRead.bytes)).toBe(true);
      expect(pooledReport.pageCount).toBe(localReport.pageCount);
      expect(pooledReport.headingPages).toEqual(localReport.headingPages);
      const { bytes: _a, ...pooledMeta } = pooledEasyRead;
      const { bytes: _b, ...localMeta } = localEasyRead;
      expect(pooledMeta).toEqual(localMeta);
    } finally {
      await pool.close();
    }
  });

  it('passes a renderer error back to the caller', async () => {
    const pool = new PdfPool({ size: 1 });
    try {
      await expect(pool.render('easy-read', report)).rejects.toThrow(/renderEasyReadPdf draws easy-read documents/);
    } finally {
      await pool.close();
    }
  });
});

describe('the PDF cache', () => {
  it('gives back the same bytes and results as a fresh render, writes them into the output, and an unchanged model hits the cache', async () => {
    const cacheDir = path.join(temp, 'cache');
    const fresh = await renderPdfInThread('easy-read', easyRead);
    const first = await publishPdfs([{ name: 'a/easy-read.pdf', kind: 'easy-read', document: () => easyRead }], path.join(temp, 'out-1'), { cacheDir, poolSize: 1 });
    expect(first).toMatchObject({ drawn: 1, fromCache: 0 });
    expect(first.facts.get('a/easy-read.pdf')).toEqual({ pageCount: fresh.pageCount, size: fresh.bytes.length, images: easyRead.images, warnings: fresh.warnings });
    // The same model built again (a new object, same content) is found, and copied into the output.
    const again = structuredClone(easyRead);
    expect(pdfCacheKey('easy-read', again)).toBe(pdfCacheKey('easy-read', easyRead));
    const second = await publishPdfs([{ name: 'a/easy-read.pdf', kind: 'easy-read', document: () => again }], path.join(temp, 'out-2'), { cacheDir, poolSize: 1 });
    expect(second).toMatchObject({ drawn: 0, fromCache: 1 });
    expect(second.facts).toEqual(first.facts);
    for (const out of ['out-1', 'out-2']) expect(same(fs.readFileSync(path.join(temp, out, 'a/easy-read.pdf')), fresh.bytes)).toBe(true);
    const cached = readCachedPdf<'easy-read'>(pdfCacheKey('easy-read', again), cacheDir)!;
    expect(same(cached.bytes, fresh.bytes)).toBe(true);
    const { bytes: _a, ...cachedMeta } = cached;
    const { bytes: _b, ...freshMeta } = fresh;
    expect(cachedMeta).toEqual(freshMeta);
  });

  it('draws a document that a build publishes twice once, and writes both files, each PDF’s pictures told before any is drawn', async () => {
    const cacheDir = path.join(temp, 'twice');
    const out = path.join(temp, 'out-twice');
    const told: string[] = [];
    const published = await publishPdfs(
      ['a', 'b'].map((folder) => ({ name: `${folder}/easy-read.pdf`, kind: 'easy-read' as const, document: () => structuredClone(easyRead) })),
      out,
      {
        cacheDir,
        poolSize: 1,
        onImages: (name, images) => told.push(`pictures of ${name}: ${images.length}`),
        onWritten: (name, facts, written) => told.push(`${name} written, ${facts.pageCount} pages, ${written} so far`),
      },
    );
    expect(published).toMatchObject({ drawn: 1, fromCache: 1 });
    const { pageCount } = published.facts.get('a/easy-read.pdf')!;
    expect(told).toEqual([
      `pictures of a/easy-read.pdf: ${easyRead.images.length}`,
      `pictures of b/easy-read.pdf: ${easyRead.images.length}`,
      `a/easy-read.pdf written, ${pageCount} pages, 1 so far`,
      `b/easy-read.pdf written, ${pageCount} pages, 2 so far`,
    ]);
    expect(same(fs.readFileSync(path.join(out, 'a/easy-read.pdf')), fs.readFileSync(path.join(out, 'b/easy-read.pdf')))).toBe(true);
  });

  it('reads a stored report through cachedPdf without drawing it', async () => {
    const previous = process.env.PDF_CACHE_DIR;
    process.env.PDF_CACHE_DIR = path.join(temp, 'through');
    try {
      const fresh = await renderPdfInThread('report', report);
      writeCachedPdf(pdfCacheKey('report', report), fresh);
      const read = await cachedPdf('report', report, () => Promise.reject(new Error('drawn, though it was in the cache')));
      expect(same(read.bytes, fresh.bytes)).toBe(true);
      expect(read.headingPages).toEqual(fresh.headingPages);
    } finally {
      if (previous === undefined) delete process.env.PDF_CACHE_DIR;
      else process.env.PDF_CACHE_DIR = previous;
    }
  });

  it('changes the key when one word of the model changes', () => {
    const edited = structuredClone(report);
    edited.title = `${edited.title} revised`;
    expect(pdfCacheKey('report', edited)).not.toBe(pdfCacheKey('report', report));
    const bodyEdit = structuredClone(report);
    const json = JSON.stringify(bodyEdit.body).replace('"value":"', '"value":"Newly ');
    bodyEdit.body = JSON.parse(json) as DocumentModel['body'];
    expect(pdfCacheKey('report', bodyEdit)).not.toBe(pdfCacheKey('report', report));
    // The renderer is part of the key too.
    expect(pdfCacheKey('easy-read', report)).not.toBe(pdfCacheKey('report', report));
  });

  it("changes the key when a picture file's bytes change", () => {
    const picture = path.join(temp, 'picture.svg');
    fs.writeFileSync(picture, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#1d70b8"/></svg>');
    const model: DocumentModel = { ...report, images: [{ source: picture, name: 'picture.png' }] };
    const before = pdfCacheKey('report', model);
    expect(pdfCacheKey('report', model)).toBe(before);
    fs.writeFileSync(picture, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#d4351c"/><!-- red --></svg>');
    expect(pdfCacheKey('report', model)).not.toBe(before);
    // A drawn picture (SVG text) is hashed as its text.
    const drawn: DocumentModel = { ...report, images: [{ source: 'scale', name: 'scale.png', svg: '<svg/>' }] };
    const redrawn: DocumentModel = { ...report, images: [{ source: 'scale', name: 'scale.png', svg: '<svg></svg>' }] };
    expect(pdfCacheKey('report', drawn)).not.toBe(pdfCacheKey('report', redrawn));
  });

  it('gives a project copied to another folder the same keys, and its index names the copy’s own pictures', () => {
    // Two copies of a project, each with its picture in its own folder (under a folder named after
    // the project, as a report's images are); the model names the picture by its absolute path.
    const copies = ['first', 'elsewhere/second'].map((name) => path.join(temp, 'moved', name));
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#1d70b8"/></svg>';
    for (const copy of copies) {
      fs.mkdirSync(path.join(copy, 'content/images'), { recursive: true });
      fs.writeFileSync(path.join(copy, 'content/images/team.svg'), svg);
    }
    // And one picture both copies share from outside them, as a package's picture (OpenMoji's) is.
    const shared = path.join(temp, 'moved', 'package-pictures', 'star.svg');
    fs.mkdirSync(path.dirname(shared), { recursive: true });
    fs.writeFileSync(shared, svg);
    const modelIn = (copy: string): DocumentModel => {
      const image = { source: path.join(copy, 'content/images/team.svg'), name: 'team.png' };
      const star = { source: shared, name: 'star.png' };
      return { ...report, images: [image, star], body: [...report.body, { type: 'figure', image, alt: 'The team', caption: 'The team' }, { type: 'figure', image: star, alt: 'A star' }] };
    };
    const version = codeVersion();
    const cacheDir = path.join(temp, 'moved-cache');
    const inputs = 'inputs-of-the-moved-report';
    const working = process.cwd();
    const keys: string[] = [];
    try {
      process.chdir(copies[0]!);
      keys.push(pdfCacheKey('report', modelIn(copies[0]!), version));
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(path.join(cacheDir, `${keys[0]}.json`), '{}');
      rememberInputs(inputs, keys[0]!, modelIn(copies[0]!).images, cacheDir);
      process.chdir(copies[1]!);
      keys.push(pdfCacheKey('report', modelIn(copies[1]!), version));
      // The copy's own picture, not the first folder's, though that one is still there.
      expect(keyForInputs(inputs, cacheDir)).toEqual({ key: keys[0], images: modelIn(copies[1]!).images });
      fs.writeFileSync(path.join(copies[1]!, 'content/images/team.svg'), svg.replace('#1d70b8', '#d4351c'));
      expect(keyForInputs(inputs, cacheDir), 'the copy’s picture changed').toBeUndefined();
      expect(pdfCacheKey('report', modelIn(copies[1]!), version)).not.toBe(keys[0]);
    } finally {
      process.chdir(working);
    }
    expect(keys[1]).toBe(keys[0]);
  });

  it('changes the key when the code version changes, and the code version follows the code', () => {
    expect(pdfCacheKey('report', report, 'code-a')).not.toBe(pdfCacheKey('report', report, 'code-b'));
    expect(pdfCacheKey('report', report)).toBe(pdfCacheKey('report', report, codeVersion()));
    const code = path.join(temp, 'project');
    fs.mkdirSync(path.join(code, 'src/pdf'), { recursive: true });
    fs.writeFileSync(path.join(code, 'package.json'), '{}');
    fs.writeFileSync(path.join(code, 'src/pdf/render.ts'), 'export const size = 11;\n');
    const first = codeVersionOf(code);
    expect(codeVersionOf(code)).toBe(first);
    fs.writeFileSync(path.join(code, 'src/pdf/render.ts'), 'export const size = 12;\n');
    expect(codeVersionOf(code)).not.toBe(first);
  });
});
