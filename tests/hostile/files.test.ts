/**
 * Hostile and broken files (issue 13): a content file can never make the tool read a file outside
 * the project, and every picture is checked by `npm run check` (format, size, SVG rule, decoded,
 * pixel limit) before a build could meet it. Each attack is planted in a temp copy of
 * tests/fixtures/valid (links cannot be kept in git) and must give an error at the line naming it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, loadProject, type LoadResult } from '../../src/check/load-project.ts';
import type { Diagnostic } from '../../src/check/diagnostics.ts';
import { normaliseImage } from '../../src/document/images.ts';
import { resolveNamedFile } from '../../src/source/content-path.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(repo, 'tests/fixtures/hostile/files');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-files-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

/** A project in the temp folder: the valid fixture and the repository's templates (for easy-read). */
function project(name: string): string {
  const root = path.join(temp, name);
  fs.cpSync(path.join(repo, 'tests/fixtures/valid'), root, { recursive: true });
  fs.cpSync(path.join(repo, 'templates'), path.join(root, 'templates'), { recursive: true });
  return root;
}

/** A real PNG outside every project: what a link or a "../" path would try to publish. */
const outside = path.join(temp, 'secret.png');

/** A 1 × 1 PNG whose header says it is width × height pixels (CRC fixed), so sharp reads the claim without the pixels. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer();
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

const slug = 'content/inspections/eastbrook-2023';
/** Each picture line added to report.mdx: the path written, and what the message must say. */
const pictures: { url: string; says: string }[] = [
  { url: './images/secret-link.png', says: 'outside the content folder (through ".." or a link)' },
  { url: '../../../../secret.png', says: 'outside the content folder' },
  { url: '/etc/passwd.png', says: "a path from the top of the computer's disk" },
  { url: './images/garbage.png', says: 'is named .png but is not a PNG picture' },
  { url: './images/truncated.png', says: 'cannot be read: the file is damaged' },
  { url: './images/huge.png', says: '30000 × 30000 pixels (900 megapixels), more than the 40 megapixels' },
  { url: './images/too-big.png', says: 'more than the 20 MB a picture may be' },
  { url: './images/animation.gif', says: 'is a .gif file: reports show PNG, JPEG, WebP and SVG pictures' },
  { url: './images/script.svg', says: 'cannot be published: it has a <script>, which runs code' },
  { url: './images/onload.svg', says: 'it has an onload attribute, which runs code' },
  { url: './images/external-href.svg', says: 'it refers to "file:///etc/passwd" outside the drawing' },
  { url: './images/foreign-object.svg', says: 'it has a <foreignObject>' },
  { url: './images/doctype-entity.svg', says: 'it has a <!DOCTYPE>, which can declare entities' },
  { url: './images/css-import.svg', says: 'its <style> refers to something outside the drawing' },
];

let root: string;
let result: LoadResult;
let firstLine: number;
const found = (file: string, line: number) => result.diagnostics.filter((d) => d.file === file && d.line === line);
const describeAll = (list: Diagnostic[]) => list.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`).join('\n');

beforeAll(async () => {
  await sharp({ create: { width: 2, height: 2, channels: 3, background: '#d4351c' } }).png().toFile(outside);
  root = project('pictures');
  const images = path.join(root, slug, 'images');
  fs.mkdirSync(images);
  fs.symlinkSync(outside, path.join(images, 'secret-link.png'));
  fs.copyFileSync(path.join(fixtures, 'garbage.png'), path.join(images, 'garbage.png'));
  fs.copyFileSync(path.join(fixtures, 'animation.gif'), path.join(images, 'animation.gif'));
  for (const name of fs.readdirSync(path.join(fixtures, 'svg'))) fs.copyFileSync(path.join(fixtures, 'svg', name), path.join(images, name));
  const whole = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#1d70b8' } }).png().toBuffer();
  fs.writeFileSync(path.join(images, 'truncated.png'), whole.subarray(0, whole.length - 30));
  fs.writeFileSync(path.join(images, 'huge.png'), await pngClaiming(30_000, 30_000));
  fs.writeFileSync(path.join(images, 'too-big.png'), Buffer.concat([whole, Buffer.alloc(21 * 1024 * 1024)]));
  await sharp({ create: { width: 4, height: 4, channels: 3, background: '#00703c' } }).png().toFile(path.join(images, 'fine.png'));

  const report = path.join(root, slug, 'report.mdx');
  const text = fs.readFileSync(report, 'utf8').replace(/\n*$/, '\n');
  firstLine = text.split('\n').length + 1;
  const added = [...pictures.map(({ url }) => url), './images/fine.png', './images/plain.svg'].map((url) => `![A picture](${url})\n`);
  fs.writeFileSync(report, `${text}\n${added.join('\n')}`);
  result = await checkProject(root);
});

describe('pictures named in report.mdx', () => {
  it('reports each hostile or broken picture at its line, in plain words', () => {
    pictures.forEach(({ url, says }, index) => {
      const here = found(`${slug}/report.mdx`, firstLine + index * 2);
      expect(here, `${url}\n${describeAll(result.diagnostics)}`).toHaveLength(1);
      expect(here[0]).toMatchObject({ column: 1, severity: 'error', rule: 'image' });
      expect(here[0]!.message).toContain(url);
      expect(here[0]!.message).toContain(says);
      expect(here[0]!.hint).toBeTruthy();
    });
  });

  it('accepts a plain PNG and an SVG with only internal references, and reports nothing else', () => {
    expect(describeAll(result.diagnostics.filter((d) => !(d.file === `${slug}/report.mdx` && d.line >= firstLine && d.line < firstLine + pictures.length * 2)))).toBe('');
  });

  it('never passes a file outside content/ on to be decoded or drawn', () => {
    const contentFolder = fs.realpathSync(path.join(root, 'content'));
    // Only the pictures that passed every check on their path and contents are decoded (and then published).
    expect(result.pictures.map((p) => p.url).sort()).toEqual(['./images/fine.png', './images/huge.png', './images/plain.svg', './images/truncated.png']);
    for (const picture of result.pictures) expect(fs.realpathSync(picture.source).startsWith(contentFolder + path.sep)).toBe(true);
  });

  it('leaves decoding to checkProject: loadProject alone does not find a damaged or huge picture', () => {
    const rules = loadProject(root).diagnostics.filter((d) => d.file === `${slug}/report.mdx`).map((d) => d.message);
    expect(rules.some((m) => m.includes('truncated.png'))).toBe(false);
    expect(rules.some((m) => m.includes('huge.png'))).toBe(false);
  });
});

describe('the renderers, if a picture ever reached them unchecked', () => {
  it('refuse a picture over the pixel limit instead of decoding it', async () => {
    await expect(normaliseImage({ source: path.join(root, slug, 'images/huge.png'), name: 'huge.png' })).rejects.toThrow(/pixel limit/);
  });
});

describe('the path resolver', () => {
  const folder = path.join(temp, 'pictures', slug);
  const content = path.join(temp, 'pictures', 'content');
  it('refuses absolute paths, "../" out of content/, and links out; finds what is inside', () => {
    expect(resolveNamedFile('/etc/passwd', folder, [content])).toEqual({ ok: false, problem: 'absolute' });
    expect(resolveNamedFile('C:\\Windows\\win.ini', folder, [content])).toEqual({ ok: false, problem: 'absolute' });
    expect(resolveNamedFile('../../../../secret.png', folder, [content])).toEqual({ ok: false, problem: 'outside' });
    expect(resolveNamedFile('../../../../nothing.png', folder, [content])).toEqual({ ok: false, problem: 'outside' });
    expect(resolveNamedFile('./images/secret-link.png', folder, [content])).toEqual({ ok: false, problem: 'outside' });
    expect(resolveNamedFile('./images/missing.png', folder, [content])).toEqual({ ok: false, problem: 'missing' });
    expect(resolveNamedFile('./images', folder, [content])).toEqual({ ok: false, problem: 'not-a-file' });
    expect(resolveNamedFile('images/fine.png', folder, [content])).toEqual({ ok: true, file: path.join(folder, 'images/fine.png') });
  });
});

describe('easy-read pictures', () => {
  it('reports a picture out of content/, by a link, "../" or an absolute path, and a damaged one, at the line naming it', async () => {
    const easy = project('easy-read');
    const folder = path.join(easy, slug);
    fs.mkdirSync(path.join(folder, 'pictures'));
    fs.symlinkSync(outside, path.join(folder, 'pictures/link.png'));
    fs.copyFileSync(path.join(fixtures, 'svg/script.svg'), path.join(folder, 'pictures/script.svg'));
    fs.writeFileSync(path.join(folder, 'pictures/huge.png'), await pngClaiming(30_000, 30_000));
    const rows = ['./pictures/link.png', '../../../../secret.png', '/etc/passwd.png', './pictures/script.svg', './pictures/huge.png'];
    const text = `## What this report is about\n\n${rows.map((url) => `![A picture](${url})\nWe are inspectors.\n`).join('\n')}`;
    fs.writeFileSync(path.join(folder, 'easy-read.mdx'), text);
    const { diagnostics, pictures } = await checkProject(easy);
    const said = diagnostics.filter((d) => d.rule === 'picture').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
    const file = `${slug}/easy-read.mdx`;
    expect(said).toEqual([
      `${file}:3:1 the picture "./pictures/link.png" is outside the content folder (through ".." or a link): only pictures kept in the content folder are published`,
      `${file}:6:1 the picture "../../../../secret.png" is outside the content folder (through ".." or a link): only pictures kept in the content folder are published`,
      `${file}:9:1 the picture "/etc/passwd.png" is written as a path from the top of the computer's disk: only pictures kept in the content folder are published`,
      `${file}:12:1 the SVG picture "./pictures/script.svg" cannot be published: it has a <script>, which runs code`,
      `${file}:15:1 the picture "./pictures/huge.png" is 30000 × 30000 pixels (900 megapixels), more than the 40 megapixels a picture may have`,
    ]);
    expect(pictures.map((p) => p.url)).toEqual(['./pictures/huge.png']);
  });
});

describe('content files and folders that are links out of the project', () => {
  it('refuses a cases.csv linked to a file elsewhere, and an inspection folder linked to a folder elsewhere', () => {
    const linked = project('linked');
    const cases = path.join(linked, slug, 'cases.csv');
    fs.rmSync(cases);
    fs.symlinkSync('/etc/passwd', cases);
    const elsewhere = path.join(temp, 'elsewhere-2024');
    fs.cpSync(path.join(linked, slug), elsewhere, { recursive: true });
    fs.symlinkSync(elsewhere, path.join(linked, 'content/inspections/elsewhere-2024'));
    const { diagnostics } = loadProject(linked);
    const outsideContent = diagnostics.filter((d) => d.rule === 'outside-content');
    expect(outsideContent.map((d) => `${d.file}:${d.line} ${d.severity}`).sort()).toEqual([`${slug}/cases.csv:1 error`, 'content/inspections/elsewhere-2024:1 error']);
    expect(outsideContent.find((d) => d.file.endsWith('cases.csv'))!.message).toContain('is a link to something outside content/ and templates/, so it is not read');
    // Nothing of /etc/passwd is read into any message.
    expect(JSON.stringify(diagnostics)).not.toContain('root:');
  });

  it('follows a link that stays inside content/', () => {
    const inside = project('inside');
    const cases = path.join(inside, slug, 'cases.csv');
    fs.renameSync(cases, path.join(inside, 'content/cases-kept-here.csv'));
    fs.symlinkSync('../../cases-kept-here.csv', cases);
    expect(loadProject(inside).diagnostics).toEqual([]);
  });
});
