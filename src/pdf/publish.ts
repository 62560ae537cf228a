/**
 * Writes every PDF of a build into its output folder, drawing only what the cache does not hold:
 * a document whose key is stored is copied from the cache; the others are drawn by the worker pool,
 * on every core, stored, and written. What comes back is what the pages say of each PDF (pages,
 * size, pictures), so no page ever draws or reads a PDF.
 *
 * Documents are made one at a time as the pool asks for work, and at most a few wait at any
 * moment, so a build of a thousand reports never holds a thousand document models or PDFs. A
 * document whose inputs hash is in the index (input-index.ts) is not made at all.
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
  /** Told each time a PDF is written (drawn or from the cache), with how many are written so far: for the build's progress line. */
  onWritten?: (written: number) => void;
  /** Where each written PDF's facts go, as it is written (the result's `facts`): a new map unless given. */
  facts?: Map<string, PdfFacts>;
}

export async function publishPdfs(entries: Iterable<PdfToPublish>, outDir: string, options: PublishOptions = {}): Promise<PublishedPdfs> {
  const cacheDir = options.cacheDir ?? pdfCacheDir();
  const cache = pdfCacheEnabled();
  const facts = options.facts ?? new Map<string, PdfFacts>();
  const result: PublishedPdfs = { facts, drawn: 0, fromCache: 0, byInputs: 0 };
  let pool: PdfPool | undefined;
  const inFlight = new Set<Promise<void>>();
  const drawingByKey = new Map<string, Promise<void>>();
  let failure: Error | undefined;

  const write = (name: string, bytes: Uint8Array | string, fact: PdfFacts) => {
    const file = path.join(outDir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (typeof bytes === 'string') linkOrCopy(bytes, file);
    else fs.writeFileSync(file, bytes);
    facts.set(name, fact);
    options.onWritten?.(facts.size);
  };
  /** A PDF stored under this key, copied into the output; false when the cache does not hold it. */
  const fromCache = (name: string, key: string, images: ImageRef[]): boolean => {
    const stored = cache ? readCachedPdfFacts(key, cacheDir) : undefined;
    if (!stored) return false;
    write(name, stored.file, { pageCount: stored.pageCount, size: stored.size, images, warnings: stored.warnings ?? [] });
    result.fromCache++;
    return true;
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
      const { document, key } = whileProcessing(entry.name, () => {
        const made = entry.document();
        return { document: made, key: cache ? pdfCacheKey(entry.kind, made) : undefined };
      });
      const remember = () => {
        if (key && entry.inputs) rememberInputs(entry.inputs, key, document, cacheDir);
      };
      // The same document twice in one build (two identical tables, say): drawn once, then copied.
      const drawing = key ? drawingByKey.get(key) : undefined;
      if (drawing) {
        await drawing;
        if (failure) break;
      }
      if (key && fromCache(entry.name, key, document.images)) {
        remember();
        continue;
      }
      pool ??= new PdfPool({ size: options.poolSize ?? os.availableParallelism() });
      result.drawn++;
      const job: Promise<void> = pool.render(entry.kind, document).then(
        (rendered) => {
          if (key) writeCachedPdf(key, rendered, cacheDir);
          remember();
          const warnings = 'warnings' in rendered ? rendered.warnings : [];
          write(entry.name, rendered.bytes, { pageCount: rendered.pageCount, size: rendered.bytes.length, images: document.images, warnings });
        },
        (error: unknown) => {
          failure ??= new Error(`${entry.name}: the PDF could not be drawn: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        },
      );
      inFlight.add(job);
      if (key) drawingByKey.set(key, job);
      void job.finally(() => inFlight.delete(job));
      if (inFlight.size >= pool.size * WAITING_PER_WORKER) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
  } finally {
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
