/**
 * A PDF worker thread of the pool (pool.ts): draws the document model it is given, with the same
 * renderers as the main thread, and gives back the bytes and the renderer's result. Pictures are
 * normalised here too (sharp works in worker threads).
 */
import type { DocumentModel } from '../document/blocks.ts';
import { renderPdfInThread, type PdfKind } from './cache.ts';
import { parsedFont } from './writer.ts';
import { FONT_FILES, type FontName } from '../fonts.ts';

export interface PdfJob {
  kind: PdfKind;
  model: DocumentModel;
}

/** Nothing to draw yet: the worker loads the renderers (this module's imports) and parses the fonts (pool.ts, warmUp). */
export interface WarmUp {
  warmUp: true;
}

export default function drawPdf(job: PdfJob | WarmUp): ReturnType<typeof renderPdfInThread<PdfKind>> | undefined {
  if ('warmUp' in job) {
    for (const name of Object.keys(FONT_FILES) as FontName[]) parsedFont(name);
    return undefined;
  }
  return renderPdfInThread(job.kind, job.model);
}
