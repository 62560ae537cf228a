/**
 * What `npm run build` hands to Astro's pages: the site it checked and the PDFs it writes. The build
 * (src/build/pipeline.ts) checks the content, then draws the PDFs while Astro builds the pages in
 * the same process; Astro loads the pages' modules as separate module instances, so the hand-over
 * is the one value the build puts on globalThis, under a registered symbol, before Astro starts.
 * Under `npm run dev` there is none.
 *
 * The PDFs are still being drawn while pages are rendered: which PDFs the build writes is known from
 * the start, and each page waits only for the facts of the PDFs it names.
 */
import type { ImageRef } from '../document/blocks.ts';
import type { PdfFacts } from '../pdf/publish.ts';
import type { Site } from './site.ts';

export type { PdfFacts };

export interface BuildHandoff {
  site: Site;
  /** The PDFs the build writes into its output, by their path there (such as "inspections/x/report.pdf"). */
  pdfs: PdfHandover;
  /** The pages' cache keys for Astro's incremental build (made by page-keys.ts). */
  pageKeys?: PageKeySource;
}

/** The PDFs a build writes: which (known before any is written), and each one's facts once they are known. */
export interface PdfHandover {
  /** Whether the build writes this PDF. */
  has(name: string): boolean;
  /** Its pages, size and pictures, once it is written; rejected if the build cannot write every PDF. */
  facts(name: string): Promise<PdfFacts>;
  /** Its pictures, known before it is drawn (once its document is made, or found by its unchanged files). */
  images(name: string): Promise<ImageRef[]>;
}

/** Cache keys of pages (src/site/page-keys.ts): of every report's metadata, of one report's folder, of several reports' folders. */
export interface PageKeySource {
  site(): string;
  report(folder: string): string;
  reports(folders: Iterable<string>): string;
  picture(id: string): string;
  code(): string;
}

const HANDOFF = Symbol.for('inspection-reports.build-handoff');
const holder = globalThis as { [HANDOFF]?: BuildHandoff };

export function handOver(handoff: BuildHandoff): void {
  holder[HANDOFF] = handoff;
}

export function handedOver(): BuildHandoff | undefined {
  return holder[HANDOFF];
}
