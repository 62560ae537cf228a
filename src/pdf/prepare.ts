/**
 * Fills the PDF cache with every document a build publishes before the pages are built: documents
 * whose key is already stored are left alone; the others are drawn by the worker pool, on every
 * core, and stored. The pages then read each PDF from the cache.
 *
 * Documents are made one at a time as the pool asks for work, and at most a few are waiting at any
 * moment, so a build of a thousand reports never holds a thousand document models or PDFs. A
 * document whose inputs hash is in the index (input-index.ts) is not made at all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentModel, ImageRef } from '../document/blocks.ts';
import { pdfCacheDir, pdfCacheKey, writeCachedPdf, type PdfKind } from './cache.ts';
import { keyForInputs, rememberInputs } from './input-index.ts';
import { PdfPool } from './pool.ts';

export interface PreparedPdfs {
  rendered: number;
  fromCache: number;
  /** Of those from the cache, how many were found by their inputs alone, without making their model. */
  byInputs: number;
  /** Whether the documents drawn were drawn by worker threads (false: in the main thread). */
  workers: boolean;
}

export interface PdfToPrepare {
  /** Which file, for messages: such as "inspections/dudley-2019/report.pdf". */
  name: string;
  kind: PdfKind;
  /** The document model, or a function that makes it when its turn comes. */
  document: DocumentModel | (() => DocumentModel);
  /** The cache key when the caller already computed it for this model. */
  key?: (document: DocumentModel) => string | undefined;
  /** A hash of the files the document is made from (src/pdf/input-index.ts): known inputs need no model. */
  inputs?: string;
  /** Told the document's cache key once it is known, and its pictures when the model was not made. */
  onKey?: (key: string, images?: ImageRef[]) => void;
}

/** How many documents wait for a worker at most, per worker: enough to keep every worker busy. */
const WAITING_PER_WORKER = 2;

export async function preparePdfs(entries: Iterable<PdfToPrepare>, dir: string = pdfCacheDir(), poolSize: number = os.availableParallelism()): Promise<PreparedPdfs> {
  const keys = new Set<string>();
  let pool: PdfPool | undefined;
  let rendered = 0;
  let byInputs = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: Error | undefined;
  try {
    for (const entry of entries) {
      if (failure) break;
      const known = entry.inputs ? keyForInputs(entry.inputs, dir) : undefined;
      if (known) {
        entry.onKey?.(known.key, known.images);
        if (!keys.has(known.key)) byInputs++;
        keys.add(known.key);
        continue;
      }
      const document = typeof entry.document === 'function' ? entry.document() : entry.document;
      const key = entry.key?.(document) ?? pdfCacheKey(entry.kind, document);
      entry.onKey?.(key);
      const remember = () => {
        if (entry.inputs) rememberInputs(entry.inputs, key, document, dir);
      };
      if (keys.has(key)) continue;
      keys.add(key);
      if (fs.existsSync(path.join(dir, `${key}.json`))) {
        remember();
        continue;
      }
      pool ??= new PdfPool({ size: poolSize });
      rendered++;
      const job: Promise<void> = pool.render(entry.kind, document).then(
        (result) => {
          writeCachedPdf(key, result, dir);
          remember();
        },
        (error: unknown) => {
          failure ??= new Error(`${entry.name}: the PDF could not be drawn: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        },
      );
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
      if (inFlight.size >= pool.size * WAITING_PER_WORKER) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
  } finally {
    await pool?.close();
  }
  return { rendered, fromCache: keys.size - rendered, byInputs, workers: pool?.usesWorkers ?? false };
}
