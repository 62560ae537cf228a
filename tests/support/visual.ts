/**
 * Visual snapshots (tests/visual): PNGs of chosen PDF pages and of each page type at three widths,
 * kept in tests/visual/snapshots/ and compared pixel by pixel on every run; `UPDATE=1` writes them
 * instead. Every run also writes a contact sheet of all of them, .visual/index.html (gitignored),
 * with the new image and a diff image beside each snapshot that changed.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pixelmatch from 'pixelmatch';
import sharp from 'sharp';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { browserSkipReason } from './browser.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
export const SNAPSHOT_DIR = path.join(ROOT, 'tests/visual/snapshots');
export const SHEET_DIR = path.join(ROOT, '.visual');
export const UPDATE_COMMAND = 'UPDATE=1 npx vitest run tests/visual';

/**
 * pixelmatch's own threshold, per pixel (0–1, in YIQ colour distance): 0.1, its default, tells an
 * antialiased edge drawn a shade lighter from a real change of colour.
 */
export const PIXEL_THRESHOLD = 0.1;
/**
 * The share of an image's pixels that may differ before a snapshot counts as changed: 1 in 100,000
 * (0.001%: 25 pixels of a 1280 × 2000 page, 2 of a PDF page). The same build renders to the same
 * pixels here and on CI (the same Debian packages, fonts and sharp), so an unchanged page differs in
 * no pixel at all; the few allowed absorb a stray antialiased pixel on another CPU. The test's own
 * check measures what a real change costs: a heading moved down 1 px differs in about 270 pixels,
 * one letter of a paragraph in about 130. (0.1% would have let both through.)
 */
export const MAX_DIFF_SHARE = 1 / 100_000;

export const inCi = () => process.env.CI === 'true' || process.env.CI === '1';
export const updating = () => process.env.UPDATE === '1' || process.env.UPDATE === 'true';

/** Why the visual snapshots cannot be taken here, or undefined when they can (never skipped on CI). */
export function visualSkipReason(): string | undefined {
  const browser = browserSkipReason();
  if (browser) return `visual snapshots skipped: ${browser}`;
  if (inCi()) return undefined;
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    const reason = 'visual snapshots skipped: no pdftoppm (install the Debian package "poppler-utils", as .ci/run does)';
    console.warn(reason);
    return reason;
  }
  return undefined;
}

/**
 * The same picture, made small for the repository: quantised to a palette of at most 256 colours
 * without dithering (pages and PDF pages are flat colours and antialiased text, so a palette loses
 * next to nothing) at the strongest compression: about half the size of a lossless PNG. libimagequant
 * is deterministic, so the same screenshot always gives the same bytes.
 */
export async function compactPng(png: Buffer): Promise<Buffer> {
  return sharp(png).png({ palette: true, colours: 256, dither: 0, effort: 1, compressionLevel: 9 }).toBuffer();
}

async function rgba(png: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export interface Difference {
  width: number;
  height: number;
  /** Set when the sizes differ: then nothing is compared. */
  sizeChanged?: { from: string; to: string };
  differing: number;
  allowed: number;
  changed: boolean;
  /** A PNG with the differing pixels in red over a faded copy, when the sizes match. */
  diffPng?: Buffer;
}

/** Compares two PNGs: changed when their sizes differ or more than MAX_DIFF_SHARE of the pixels do. */
export async function compareImages(before: Buffer, after: Buffer): Promise<Difference> {
  const [a, b] = await Promise.all([rgba(before), rgba(after)]);
  if (a.width !== b.width || a.height !== b.height) {
    return { width: b.width, height: b.height, sizeChanged: { from: `${a.width}×${a.height}`, to: `${b.width}×${b.height}` }, differing: 0, allowed: 0, changed: true };
  }
  const diff = Buffer.alloc(a.data.length);
  const differing = pixelmatch(a.data, b.data, diff, a.width, a.height, { threshold: PIXEL_THRESHOLD });
  const allowed = Math.floor(a.width * a.height * MAX_DIFF_SHARE);
  const diffPng = differing ? await sharp(diff, { raw: { width: a.width, height: a.height, channels: 4 } }).png({ compressionLevel: 9 }).toBuffer() : undefined;
  return { width: a.width, height: a.height, differing, allowed, changed: differing > allowed, ...(diffPng ? { diffPng } : {}) };
}

export type SnapshotStatus = 'same' | 'changed' | 'new' | 'updated' | 'missing';

export interface SnapshotEntry {
  /** The output the image belongs to: a page type or a kind of PDF (the contact sheet's sections). */
  group: string;
  /** What the image shows within its group: "320 px", "page 1 of 12 (first)". */
  label: string;
  /** The snapshot's file name in tests/visual/snapshots/. */
  file: string;
  /** Where the picture came from: a page address or a PDF file of the sample build. */
  source: string;
  width: number;
  height: number;
  status: SnapshotStatus;
  /** Paths under .visual/ of the new image and the diff, when it changed. */
  actual?: string;
  diff?: string;
  note?: string;
  /** Why the test fails for this image, if it does. */
  failure?: string;
}

/**
 * Checks one image against its snapshot (or writes the snapshot with UPDATE=1) and says what it
 * found. Nothing is thrown: the caller collects the failures of all images and fails once.
 */
export async function checkSnapshot(png: Buffer, entry: Omit<SnapshotEntry, 'status' | 'width' | 'height'>): Promise<SnapshotEntry> {
  const snapshot = path.join(SNAPSHOT_DIR, entry.file);
  const stored = fs.existsSync(snapshot) ? fs.readFileSync(snapshot) : undefined;
  if (stored && !updating()) {
    // The quick way first: the screenshot as taken against the snapshot. The palette's rounding is
    // far below pixelmatch's threshold, so an unchanged picture matches without being compacted.
    const quick = await compareImages(stored, png);
    if (!quick.changed) return { ...entry, width: quick.width, height: quick.height, status: 'same', ...(quick.differing ? { note: `${quick.differing} pixels differ (${quick.allowed} allowed)` } : {}) };
  }
  const image = await compactPng(png);
  const { width, height } = await sharp(image).metadata();
  const result: SnapshotEntry = { ...entry, width: width!, height: height!, status: 'same' };
  const keep = (folder: 'new' | 'diff', bytes: Buffer) => {
    const file = path.join(SHEET_DIR, folder, entry.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    return path.relative(ROOT, file);
  };
  if (!stored) {
    if (inCi() && !updating()) {
      result.status = 'missing';
      result.actual = keep('new', image);
      result.failure = `${entry.file}: no snapshot in tests/visual/snapshots/ (the image it would be is ${result.actual}). Run \`${UPDATE_COMMAND}\` and commit the snapshots.`;
      return result;
    }
    fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
    fs.writeFileSync(snapshot, image);
    result.status = 'new';
    if (!updating()) console.warn(`[visual] new snapshot written: tests/visual/snapshots/${entry.file} (commit it)`);
    return result;
  }
  const difference = await compareImages(stored, image);
  if (updating()) {
    // Rewritten only when the picture changed, so an update leaves unchanged files (and git) alone.
    if (difference.differing || difference.sizeChanged) {
      fs.writeFileSync(snapshot, image);
      result.status = 'updated';
    }
    return result;
  }
  if (difference.differing) result.note = `${difference.differing} pixels differ (${difference.allowed} allowed)`;
  if (!difference.changed) return result;
  result.status = 'changed';
  result.actual = keep('new', image);
  if (difference.diffPng) result.diff = keep('diff', difference.diffPng);
  const what = difference.sizeChanged
    ? `its size changed from ${difference.sizeChanged.from} to ${difference.sizeChanged.to}`
    : `${difference.differing} of its ${difference.width * difference.height} pixels differ (${difference.allowed} allowed); diff: ${result.diff}`;
  result.failure = `${entry.file} (${entry.source}) no longer looks like its snapshot: ${what}; new image: ${result.actual}. If the change is meant, run \`${UPDATE_COMMAND}\` and commit the snapshots.`;
  return result;
}

/** Snapshot files that no image of this run matched: a page type or PDF that is gone. */
export function staleSnapshots(entries: readonly SnapshotEntry[]): string[] {
  const made = new Set(entries.map((e) => e.file));
  return fs.existsSync(SNAPSHOT_DIR) ? fs.readdirSync(SNAPSHOT_DIR).filter((f) => f.endsWith('.png') && !made.has(f)).sort() : [];
}

/** Empties .visual/ of the images of an earlier run, so the contact sheet shows only this one. */
export function clearSheet(): void {
  fs.rmSync(SHEET_DIR, { recursive: true, force: true });
  fs.mkdirSync(SHEET_DIR, { recursive: true });
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A path relative to the sheet, as a URL that works from disk (file names have braces and tildes). */
const href = (fromRoot: string) => path.relative(SHEET_DIR, path.join(ROOT, fromRoot)).split(path.sep).map(encodeURIComponent).join('/');

/** Writes .visual/index.html: every image by output, with its name, size and status. */
export function writeContactSheet(entries: readonly SnapshotEntry[], stale: readonly string[]): string {
  const groups = new Map<string, SnapshotEntry[]>();
  for (const entry of entries) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  const counts = new Map<SnapshotStatus, number>();
  for (const entry of entries) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
  const summary = [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
  const figure = (e: SnapshotEntry) => {
    const snapshot = path.relative(ROOT, path.join(SNAPSHOT_DIR, e.file));
    // Web pages at half size, so the three widths sit side by side in their true proportions.
    const scale = e.file.startsWith('web') ? 0.5 : 1;
    const picture = (file: string, caption: string) =>
      `<div class="picture"><a href="${href(file)}"><img src="${href(file)}" alt="${escape(`${caption}: ${e.group}, ${e.label}`)}" width="${Math.round(e.width * scale)}" loading="lazy"></a><span>${caption}</span></div>`;
    const pictures = [e.status === 'missing' ? picture(e.actual!, 'new (no snapshot)') : picture(snapshot, e.status === 'changed' ? 'snapshot' : e.status === 'same' ? 'same as the snapshot' : `snapshot (${e.status})`)];
    if (e.status === 'changed' && e.actual) pictures.push(picture(e.actual, 'new'));
    if (e.diff) pictures.push(picture(e.diff, 'diff (red: pixels that differ)'));
    return `<figure class="${e.status}"><div class="pictures">${pictures.join('')}</div><figcaption><strong>${escape(e.label)}</strong> <span class="status">${e.status}</span><br><code>${escape(e.file)}</code><br>${e.width} × ${e.height} px · from <code>${escape(e.source)}</code>${e.note ? `<br>${escape(e.note)}` : ''}</figcaption></figure>`;
  };
  const sections = [...groups].map(([group, items]) => `<section><h2>${escape(group)}</h2><div class="row">${items.map(figure).join('\n')}</div></section>`);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Visual snapshots</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 1rem 2rem; color: #0b0c0c; }
.row { display: flex; gap: 1.5rem; align-items: flex-start; overflow-x: auto; padding-bottom: 1rem; }
figure { margin: 0; flex: none; }
.pictures { display: flex; gap: .75rem; align-items: flex-start; }
.picture span { display: block; font-size: 13px; color: #505a5f; }
figure img { display: block; height: auto; border: 1px solid #b1b4b6; margin-bottom: .25rem; }
figure.changed img, figure.missing img { border: 3px solid #d4351c; }
figure.new img, figure.updated img { border: 3px solid #1d70b8; }
.status { padding: 0 .4em; background: #f3f2f1; }
.changed .status, .missing .status { background: #d4351c; color: #fff; }
.new .status, .updated .status { background: #1d70b8; color: #fff; }
figcaption { max-width: 40rem; margin-top: .25rem; }
</style></head><body>
<h1>Visual snapshots</h1>
<p>${entries.length} images: ${escape(summary)}. Compared with pixelmatch (threshold ${PIXEL_THRESHOLD} per pixel; changed when more than ${MAX_DIFF_SHARE * 100}% of the pixels differ). Update them with <code>${UPDATE_COMMAND}</code>.</p>
${stale.length ? `<p><strong>Snapshots no image of this run matched</strong> (a page type or PDF that is gone; remove them or run the update): ${stale.map((s) => `<code>${escape(s)}</code>`).join(', ')}</p>` : ''}
${sections.join('\n')}
</body></html>
`;
  const file = path.join(SHEET_DIR, 'index.html');
  fs.mkdirSync(SHEET_DIR, { recursive: true });
  fs.writeFileSync(file, html);
  return file;
}

/** A file name for a snapshot: the route pattern's segments joined by "~" ("/inspections/[slug]/" is "inspections~[slug]"). */
export function snapshotName(prefix: string, pattern: string, suffix: string): string {
  const segments = pattern.split('/').filter(Boolean).map((s) => s.replace(/\*/g, '[any]').replace(/[^\w.\-[\]]/g, '_'));
  return `${[prefix, ...segments].join('~')}@${suffix}.png`;
}

export interface PdfPagePick {
  page: number;
  /** Why this page: first, first figure or table, last. */
  why: string;
}

/**
 * The pages worth a picture in a PDF: the first, the first after it with a figure or table in its
 * structure tree (a chart, a ratings table, an easy-read page of pictures), and the last; each once.
 */
export async function pdfPagesToShow(file: string): Promise<{ pageCount: number; picks: PdfPagePick[] }> {
  const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const hasFigureOrTable = (node: unknown): boolean => {
      const n = node as { role?: string; children?: unknown[] } | null;
      return n?.role === 'Figure' || n?.role === 'Table' || (n?.children ?? []).some(hasFigureOrTable);
    };
    let figure: number | undefined;
    for (let number = 2; number <= doc.numPages && figure === undefined; number++) {
      if (hasFigureOrTable(await (await doc.getPage(number)).getStructTree())) figure = number;
    }
    const picks: PdfPagePick[] = [{ page: 1, why: 'first' }];
    if (figure !== undefined) picks.push({ page: figure, why: 'first figure or table' });
    if (doc.numPages > 1 && doc.numPages !== figure) picks.push({ page: doc.numPages, why: 'last' });
    return { pageCount: doc.numPages, picks };
  } finally {
    await doc.destroy();
  }
}

/** One page of a PDF as a PNG, drawn by poppler's pdftoppm at 50 dpi. */
export async function renderPdfPage(file: string, page: number): Promise<Buffer> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'visual-pdf-')), 'page');
  try {
    await run('pdftoppm', ['-png', '-r', '50', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
    return fs.readFileSync(`${out}.png`);
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}
