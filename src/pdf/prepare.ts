/**
 * Fills the PDF cache with every document a build publishes before the pages are built: documents
 * whose key is already stored are left alone; the others are drawn by the worker pool, on every
 * core, and stored. The pages then read each PDF from the cache.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentModel } from '../document/blocks.ts';
import { pdfCacheDir, pdfCacheKey, writeCachedPdf, type PdfKind } from './cache.ts';
import { PdfPool } from './pool.ts';

export interface PreparedPdfs {
  rendered: number;
  fromCache: number;
  /** Whether the documents drawn were drawn by worker threads (false: in the main thread). */
  workers: boolean;
}

export async function preparePdfs(documents: readonly { name: string; kind: PdfKind; document: DocumentModel }[], dir: string = pdfCacheDir()): Promise<PreparedPdfs> {
  const keys = new Set<string>();
  const missing: { name: string; kind: PdfKind; document: DocumentModel; key: string }[] = [];
  for (const entry of documents) {
    const key = pdfCacheKey(entry.kind, entry.document);
    if (keys.has(key)) continue;
    keys.add(key);
    if (!fs.existsSync(path.join(dir, `${key}.json`))) missing.push({ ...entry, key });
  }
  if (!missing.length) return { rendered: 0, fromCache: keys.size, workers: false };
  const pool = new PdfPool({ size: Math.min(missing.length, (await import('node:os')).availableParallelism()) });
  try {
    await Promise.all(
      missing.map(async (entry) => {
        try {
          writeCachedPdf(entry.key, await pool.render(entry.kind, entry.document), dir);
        } catch (error) {
          throw new Error(`${entry.name}: the PDF could not be drawn: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      }),
    );
  } finally {
    await pool.close();
  }
  return { rendered: missing.length, fromCache: keys.size - missing.length, workers: pool.usesWorkers };
}
