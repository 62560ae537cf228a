/**
 * Writes every PDF of a build into its output folder, drawing only what the cache does not hold:
 * a document whose key is stored is copied from the cache; the others are drawn by the worker pool,
 * on every core, stored, and written. What comes back is what the pages say of each PDF (pages,
 * size, pictures), so no page ever draws or reads a PDF.
 *
 * Every PDF is planned first, in order, ahead of the drawing: its document made, its pictures told
 * (the pages that publish them need not wait for the drawing), and written at once when the cache
 * holds it. A document whose inputs hash is in the index (input-index.ts) is not made at all. Those
 * to draw wait without their models, which are made again when their turn comes (a few
 * milliseconds each), so a build of a thousand reports never holds a thousand models or PDFs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentModel, ImageRef } from '../document/blocks.ts';
import { pdfCacheDir, pdfCacheEnabled, pdfCacheKey, readCachedPdfFacts, writeCachedPdf, type PdfKind } from './cache.ts';
import { keyForInputs, rememberInputs } from './input-index.ts';
import { PdfPool } from './pool.ts';
import { whileProcessing } from '../check/tool-failure.ts';

export interface PdfToPublish {
  /** Its path in the output folder, such as "inspections/dudley-2019/report.pdf"; also names it in messages. */
  name: string;
  kind: PdfKind;
  /** Makes the document model, when its turn comes. */
  document: () => DocumentModel;
  /** A hash of the files the document is made from (src/pdf/input-index.ts): known inputs need no model. */
  inputs?: string;
}

/** What a page says of a PDF the build wrote. */
export interface PdfFacts {
  pageCount: number;
  /** In bytes. */
  size: number;
  /** The document's pictures, which the pages publish beside it. */
  images: ImageRef[];
  /** Layout warnings of the renderer (easy-read versions), for the author. */
  warnings: string[];
}

export interface PublishedPdfs {
  facts: Map<string, PdfFacts>;
  drawn: number;
  fromCache: number;
  /** Of those from the cache, how many were found by their inputs alone, without making their model. */
  byInputs: number;
}

/** How many documents wait for a worker at most, per worker: enough to keep every worker busy. */
const WAITING_PER_WORKER = 2;

export interface PublishOptions {
  cacheDir?: string;
  poolSize?: number;
  /** Workers already started (warming up while the content was checked): used, and stopped at the end, instead of a pool of poolSize. */
  pool?: PdfPool;
  /** Told of each PDF's pictures as soon as they are known: before it is drawn, so the pages that publish them need not wait for the drawing. */
  onImages?: (name: string, images: ImageRef[]) => void;
  /** Told each time a PDF is written (drawn or from the cache), with its facts and how many are written so far. */
  onWritten?: (name: string, facts: PdfFacts, written: number) => void;
}

/** A PDF to draw: its document is made again when its turn comes, so no model is held while it waits. */
interface ToDraw {
  entry: PdfToPublish;
  key: string | undefined;
}

export async function publishPdfs(entries: Iterable<PdfToPublish>, outDir: string, options: PublishOptions = {}): Promise<PublishedPdfs> {
  const cacheDir = options.cacheDir ?? pdfCacheDir();
  const cache = pdfCacheEnabled();
  const facts = new Map<string, PdfFacts>();
  const result: PublishedPdfs = { facts, drawn: 0, fromCache: 0, byInputs: 0 };
  const poolSize = options.pool?.size ?? options.poolSize ?? os.availableParallelism();
  let pool: PdfPool | undefined = options.pool;
  let failure: Error | undefined;

  const write = (name: string, bytes: Uint8Array | string, fact: PdfFacts) => {
    const file = path.join(outDir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (typeof bytes === 'string') linkOrCopy(bytes, file);
    else fs.writeFileSync(file, bytes);
    facts.set(name, fact);
    options.onWritten?.(name, fact, facts.size);
  };
  /** A PDF stored under this key, copied into the output; false when the cache does not hold it. */
  const fromCache = (name: string, key: string, images: ImageRef[]): boolean => {
    const stored = cache ? readCachedPdfFacts(key, cacheDir) : undefined;
    if (!stored) return false;
    write(name, stored.file, { pageCount: stored.pageCount, size: stored.size, images, warnings: stored.warnings ?? [] });
    result.fromCache++;
    return true;
  };
  const remember = (entry: PdfToPublish, key: string | undefined, images: ImageRef[]) => {
    if (key && entry.inputs) rememberInputs(entry.inputs, key, images, cacheDir);
  };

  // The plan runs ahead of the drawing: each PDF in the cache is written at once, and every PDF's
  // pictures are known early; the others wait in `toDraw`, in order, a few at a time on the workers.
  const toDraw: ToDraw[] = [];
  let next = 0;
  const inFlight = new Set<Promise<void>>();
  // The same document twice in one build (two identical tables, say): drawn once, then copied.
  const sameDocument = new Map<string, { entry: PdfToPublish; images: ImageRef[] }[]>();

  const draw = async ({ entry, key }: ToDraw): Promise<void> => {
    try {
      const document = whileProcessing(entry.name, entry.document);
      pool ??= new PdfPool({ size: poolSize });
      result.drawn++;
      const rendered = await pool.render(entry.kind, document).catch((error: unknown) => {
        throw new Error(`${entry.name}: the PDF could not be drawn: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
      if (key) writeCachedPdf(key, rendered, cacheDir);
      remember(entry, key, document.images);
      const warnings = 'warnings' in rendered ? rendered.warnings : [];
      write(entry.name, rendered.bytes, { pageCount: rendered.pageCount, size: rendered.bytes.length, images: document.images, warnings });
      for (const copy of (key && sameDocument.get(key)) || []) {
        if (fromCache(copy.entry.name, key!, copy.images)) remember(copy.entry, key, copy.images);
        else toDraw.push({ entry: copy.entry, key: undefined });
      }
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    }
  };
  const dispatch = () => {
    while (!failure && next < toDraw.length && inFlight.size < poolSize * WAITING_PER_WORKER) {
      const job = draw(toDraw[next++]!);
      inFlight.add(job);
      void job.finally(() => {
        inFlight.delete(job);
        dispatch();
      });
    }
  };

  try {
    for (const entry of entries) {
      if (failure) break;
      const known = cache && entry.inputs ? keyForInputs(entry.inputs, cacheDir) : undefined;
      if (known && fromCache(entry.name, known.key, known.images)) {
        result.byInputs++;
        continue;
      }
      // A failure making the document or its cache key names the PDF, as a failure drawing it does.
      const { images, key } = whileProcessing(entry.name, () => {
        const made = entry.document();
        return { images: made.images, key: cache ? pdfCacheKey(entry.kind, made) : undefined };
      });
      options.onImages?.(entry.name, images);
      if (key && sameDocument.has(key)) {
        sameDocument.get(key)!.push({ entry, images });
        continue;
      }
      if (key && fromCache(entry.name, key, images)) {
        remember(entry, key, images);
        continue;
      }
      if (key) sameDocument.set(key, []);
      toDraw.push({ entry, key });
      dispatch();
      // Lets the workers' results be written, and more work sent to them, while the plan goes on.
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (dispatch(); inFlight.size > 0; dispatch()) await Promise.race(inFlight);
    if (failure) throw failure;
  } finally {
    await Promise.all(inFlight);
    await pool?.close();
  }
  return result;
}

/**
 * A stored PDF put into the output as a hard link (no bytes copied: a thousand reports' PDFs are
 * most of the site), or copied where a link cannot be made (another file system). Safe because no
 * file is ever written in place: the cache writes a new file and renames it over the old name
 * (cache.ts), and each build writes a fresh output folder.
 */
function linkOrCopy(from: string, to: string): void {
  // Never over an existing file: copying onto a link would write into the file it shares.
  fs.rmSync(to, { force: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}
