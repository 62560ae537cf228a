/**
 * A PDF worker thread (see pool.ts): draws the document models it is sent, with the same renderers
 * as the main thread, and sends back the bytes and the renderer's result. Pictures are normalised
 * here too (sharp works in worker threads).
 */
import { parentPort } from 'node:worker_threads';
import type { DocumentModel } from '../document/blocks.ts';
import { renderPdfInThread, type PdfKind } from './cache.ts';

export interface PdfJob {
  id: number;
  kind: PdfKind;
  model: DocumentModel;
}

export type PdfJobResult = { id: number; ok: true; result: Awaited<ReturnType<typeof renderPdfInThread>> } | { id: number; ok: false; message: string; stack?: string };

if (!parentPort) throw new Error('src/pdf/worker.ts runs as a worker thread of src/pdf/pool.ts');
const port = parentPort;

port.on('message', (job: PdfJob) => {
  renderPdfInThread(job.kind, job.model).then(
    (result) => {
      // The bytes are moved, not copied: the worker keeps nothing of a finished document.
      const bytes = result.bytes.byteOffset === 0 && result.bytes.byteLength === result.bytes.buffer.byteLength ? result.bytes : result.bytes.slice();
      port.postMessage({ id: job.id, ok: true, result: { ...result, bytes } } satisfies PdfJobResult, [bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({ id: job.id, ok: false, message, ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) } satisfies PdfJobResult);
    },
  );
});
port.postMessage({ ready: true });
