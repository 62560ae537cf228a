/**
 * A disk cache of rendered PDFs, so a rebuild draws again only the documents whose inputs changed.
 *
 * The key is a SHA-256 of everything that goes into a document: the renderer (full report or easy
 * read), the document model as JSON (plain data, built deterministically, so the same content gives
 * the same JSON), the bytes of every picture it references (the author's file, or the SVG text of a
 * drawn one), the font files, and the code version (the files that draw PDFs and the versions of
 * pdfkit, fontkit, svg-to-pdfkit and sharp). Entries live in `.cache/pdf/<key>.pdf` with
 * `<key>.json` beside it (page count, heading pages and the rest of the renderer's result).
 *
 * Rendering is deterministic (the same input always gives the same bytes), so a cached PDF is
 * byte for byte the PDF a fresh render would give.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DocumentModel } from '../document/blocks.ts';
import { renderEasyReadPdf, type RenderedEasyReadPdf } from './easy-read-pdf.ts';
import { renderDocumentPdf, type RenderedPdf } from './render-document.ts';
import { FONT_FILES } from '../fonts.ts';

export type PdfKind = 'report' | 'easy-read';
export type RenderedOf<K extends PdfKind> = K extends 'easy-read' ? RenderedEasyReadPdf : RenderedPdf;

/** The renderer a document model needs: easy-read documents have their own layout. */
export function pdfKindOf(model: DocumentModel): PdfKind {
  return model.kind === 'easy-read' ? 'easy-read' : 'report';
}

/** Draws a document in this thread, with the renderer of its kind. */
export function renderPdfInThread<K extends PdfKind>(kind: K, model: DocumentModel): Promise<RenderedOf<K>> {
  return (kind === 'easy-read' ? renderEasyReadPdf(model) : renderDocumentPdf(model)) as Promise<RenderedOf<K>>;
}

const sha256 = (...parts: (string | Uint8Array)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
};

/** The files (relative to the project root) whose code draws PDFs: a change to any of them changes every key. */
export const CODE_PATHS = ['src/pdf', 'src/charts', 'src/model/url-policy.ts', 'src/document/images.ts', 'src/document/blocks.ts', 'src/document/rating-symbols.ts', 'src/document/words.ts', 'src/document/phrases.ts', 'src/model/messages.ts'];
/** Packages whose version changes the bytes of a PDF. */
const CODE_PACKAGES = ['pdfkit', 'parse-entities', 'fontkit', 'svg-to-pdfkit', 'sharp', '@expo-google-fonts/atkinson-hyperlegible-next'];

function filesUnder(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  if (!fs.statSync(file).isDirectory()) return [file];
  return fs
    .readdirSync(file)
    .sort()
    .flatMap((name) => filesUnder(path.join(file, name)));
}

/**
 * The code version from the given files and package versions: a hash of each file's path and
 * bytes, each package's version, and the font files' bytes. Exposed with its inputs for tests.
 */
export function codeVersionOf(root: string, codePaths: readonly string[] = CODE_PATHS): string {
  const hash = createHash('sha256');
  for (const file of codePaths.flatMap((p) => filesUnder(path.join(root, p)))) {
    hash.update(path.relative(root, file).split(path.sep).join('/')).update('\u0000').update(fs.readFileSync(file)).update('\u0000');
  }
  const require = createRequire(path.join(root, 'package.json'));
  for (const name of CODE_PACKAGES) {
    let version = 'missing';
    try {
      version = (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
    } catch {
      // A package that cannot be found leaves "missing" in the hash.
    }
    hash.update(`${name}@${version}\u0000`);
  }
  for (const [name, file] of Object.entries(FONT_FILES)) hash.update(`${name}\u0000`).update(fs.readFileSync(file)).update('\u0000');
  return hash.digest('hex');
}

let processCodeVersion: string | undefined;
/** The code version of this process's project (the working directory), computed once per process. */
export function codeVersion(): string {
  return (processCodeVersion ??= codeVersionOf(process.cwd()));
}

/** Picture hashes (also used by input-index.ts), remembered while the file's size and modification time stay the same. */
const pictureHashes = new Map<string, { stamp: string; hash: string }>();

export function pictureHash(source: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    // A picture that cannot be read fails in the renderer, with its own message; never a cache hit.
    return `unreadable:${Math.random()}`;
  }
  const stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  const known = pictureHashes.get(source);
  if (known?.stamp === stamp) return known.hash;
  const hash = sha256(fs.readFileSync(source));
  pictureHashes.set(source, { stamp, hash });
  return hash;
}

/**
 * A picture's file as the cache stores it: a file of the project (under the working directory)
 * relative to it, so that the cache of a project copied or moved to another folder still fits it.
 * An absolute path in a key missed every document with a picture after a move, and an index entry
 * read there would have named the old folder's file. A file outside the project (a package's
 * picture) keeps its absolute path, which a moved project still shares.
 */
export function storedPicturePath(source: string): string {
  if (!path.isAbsolute(source)) return source;
  const relative = path.relative(process.cwd(), source);
  return relative.startsWith('..') || path.isAbsolute(relative) ? source : relative.split(path.sep).join('/');
}
/** A picture as the cache stores it: its file (not a drawing's SVG) named by storedPicturePath. */
export const storedImage = <T extends { source: string; svg?: string }>(image: T): T => (image.svg === undefined ? { ...image, source: storedPicturePath(image.source) } : image);
/** The picture's file in this project, from its stored path. */
export const picturePathOf = (stored: string): string => path.resolve(process.cwd(), stored);

/** A model's JSON with its pictures' files (an ImageRef's `source`, in `images` and in the blocks) as storedPicturePath gives them. */
function keyJson(model: DocumentModel): string {
  return JSON.stringify(model, function (this: Record<string, unknown>, key, value: unknown) {
    return key === 'source' && typeof value === 'string' && typeof this.name === 'string' && this.svg === undefined ? storedPicturePath(value) : value;
  });
}

/** The cache key of a document: see the top of this file. */
export function pdfCacheKey(kind: PdfKind, model: DocumentModel, version: string = codeVersion()): string {
  const pictures = model.images.map((image) => (image.svg !== undefined ? `svg:${sha256(image.svg)}` : `file:${pictureHash(image.source)}`));
  return sha256('pdf-cache-1', kind, version, keyJson(model), pictures.join('\n'));
}

/** Where the cache lives: `.cache/pdf` in the project (the working directory), or PDF_CACHE_DIR. */
export function pdfCacheDir(): string {
  return process.env.PDF_CACHE_DIR ?? path.join(process.cwd(), '.cache', 'pdf');
}

/** Whether the cache is used: PDF_CACHE=0 turns it off (every PDF rendered, nothing stored). */
export function pdfCacheEnabled(): boolean {
  return process.env.PDF_CACHE !== '0';
}

/** What the cache holds for a key, without reading the PDF: where it is, its size and the renderer's result. */
export function readCachedPdfFacts(key: string, dir: string = pdfCacheDir()): { file: string; size: number; pageCount: number; warnings?: string[] } | undefined {
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, `${key}.json`), 'utf8')) as { size: number; pageCount: number; warnings?: string[] };
    const file = path.join(dir, `${key}.pdf`);
    // A damaged entry (its PDF missing or of another size) counts as missing.
    return fs.statSync(file).size === meta.size ? { ...meta, file } : undefined;
  } catch {
    return undefined;
  }
}

/** The cached result of a key, or undefined. A damaged entry counts as missing. */
export function readCachedPdf<K extends PdfKind>(key: string, dir: string = pdfCacheDir()): RenderedOf<K> | undefined {
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, `${key}.json`), 'utf8')) as Omit<RenderedOf<K>, 'bytes'> & { size: number };
    const bytes = fs.readFileSync(path.join(dir, `${key}.pdf`));
    if (bytes.length !== meta.size) return undefined;
    const { size: _size, ...rest } = meta;
    return { ...rest, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) } as unknown as RenderedOf<K>;
  } catch {
    return undefined;
  }
}

/** Stores a result; written to temporary names and renamed, so a reader never sees half an entry. */
export function writeCachedPdf(key: string, rendered: RenderedPdf | RenderedEasyReadPdf, dir: string = pdfCacheDir()): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const { bytes, ...meta } = rendered;
    const temporary = `.${process.pid}-${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(path.join(dir, `${key}.pdf${temporary}`), bytes);
    fs.renameSync(path.join(dir, `${key}.pdf${temporary}`), path.join(dir, `${key}.pdf`));
    // The JSON last: an entry counts only once its JSON (with the PDF's size) is there.
    fs.writeFileSync(path.join(dir, `${key}.json${temporary}`), JSON.stringify({ ...meta, size: bytes.length }));
    fs.renameSync(path.join(dir, `${key}.json${temporary}`), path.join(dir, `${key}.json`));
  } catch (error) {
    // A cache that cannot be written only costs time.
    warnOnce(`PDF cache not written (${error instanceof Error ? error.message : String(error)}); PDFs are rendered every time.`);
  }
}

let warned = false;
function warnOnce(message: string): void {
  if (!warned) process.stderr.write(`${message}\n`);
  warned = true;
}

/**
 * A document's PDF through the cache: read when its key is stored, else drawn (in this thread, or
 * by `render` such as the worker pool) and stored.
 */
export async function cachedPdf<K extends PdfKind>(
  kind: K,
  model: DocumentModel,
  render: (kind: K, model: DocumentModel) => Promise<RenderedOf<K>> = renderPdfInThread,
): Promise<RenderedOf<K>> {
  if (!pdfCacheEnabled()) return render(kind, model);
  const key = pdfCacheKey(kind, model);
  const stored = readCachedPdf<K>(key);
  if (stored) return stored;
  const rendered = await render(kind, model);
  writeCachedPdf(key, rendered);
  return rendered;
}
