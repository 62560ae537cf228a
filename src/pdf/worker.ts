/**
 * A PDF worker thread of the pool (pool.ts): draws the document model it is given, with the same
 * renderers as the main thread, and gives back the bytes and the renderer's result. Pictures are
 * normalised here too (sharp works in worker threads).
 */
import type { DocumentModel } from '../document/blocks.ts';
import { renderPdfInThread, type PdfKind } from './cache.ts';

export interface PdfJob {
  kind: PdfKind;
  model: DocumentModel;
}

export default function drawPdf({ kind, model }: PdfJob): ReturnType<typeof renderPdfInThread<PdfKind>> {
  return renderPdfInThread(kind, model);
}
