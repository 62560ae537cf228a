/**
 * What `npm run build` hands to Astro's pages: the site it checked and the PDFs it wrote. The build
 * (src/build/pipeline.ts) checks the content and draws every PDF first, then runs Astro's build in
 * the same process; Astro loads the pages' modules as separate module instances, so the hand-over
 * is the one value the build puts on globalThis, under a registered symbol, before Astro starts,
 * and never changes while Astro runs. Under `npm run dev` there is none.
 */
import type { PdfFacts } from '../pdf/publish.ts';
import type { Site } from './site.ts';

export type { PdfFacts };

export interface BuildHandoff {
  site: Site;
  /** Every PDF the build wrote into its output, by its path there (such as "inspections/x/report.pdf"). */
  pdfs: ReadonlyMap<string, PdfFacts>;
  /** The pages' cache keys for Astro's incremental build (made by page-keys.ts). */
  pageKeys?: PageKeySource;
}

/** Cache keys of pages (src/site/page-keys.ts): of every report's metadata, of one report's folder, of several reports' folders. */
export interface PageKeySource {
  site(): string;
  report(folder: string): string;
  reports(folders: Iterable<string>): string;
}

const HANDOFF = Symbol.for('inspection-reports.build-handoff');
const holder = globalThis as { [HANDOFF]?: BuildHandoff };

export function handOver(handoff: BuildHandoff): void {
  holder[HANDOFF] = handoff;
}

export function handedOver(): BuildHandoff | undefined {
  return holder[HANDOFF];
}
