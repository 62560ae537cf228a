/**
 * The site the pages show. In `npm run build` it is the site the build checked and handed over
 * (handoff.ts): pages never read or check content themselves. Under `npm run dev`, the inspectors'
 * live preview, there is no hand-over: the content is read and checked here, once per module
 * instance. When content changes, the dev server (src/build/live-content.ts) has the pages'
 * modules loaded afresh, so the next page reads the edited content.
 *
 * The live preview includes drafts and embargoed reports (INCLUDE_DRAFTS=1, which live-content.ts
 * sets unless told otherwise); every page and PDF then says "DRAFT – NOT FOR PUBLICATION".
 */
import { loadProject, loadProjectParsingAhead, type LoadResult } from '../check/load-project.ts';
import { LiveMemo } from '../check/live-memo.ts';
import { parseNarrativesAhead } from '../check/markdown-workers.ts';
import { formatReport } from '../check/diagnostics.ts';
import { buildDateFrom } from '../model/project.ts';
import { handedOver } from './handoff.ts';
import { siteOf, type Site } from './site.ts';

let checked: LoadResult | undefined;
let live: Site | Error | undefined;

/**
 * The dev server's check of the content, once per module instance. The pages and the preview's
 * problems page (src/build/preview-problems.ts, which the dev server asks before any page) share
 * it, so an edit is checked once.
 */
export function liveCheck(): LoadResult {
  checked ??= checkLive(process.cwd(), memo);
  return checked;
}

/**
 * One check of the live preview. The first (its memo empty) has nothing to reuse: the narratives
 * the check's cache lacks (all of them after a change of the tool) are parsed on the other cores
 * meanwhile, as the build's check does (at 10,000 reports that first check took minutes on one
 * core). Later checks reuse the memo for the folders an edit did not touch.
 */
export function checkLive(root: string, memo: LiveMemo, parseAhead: typeof parseNarrativesAhead = parseNarrativesAhead): LoadResult {
  return memo.checked + memo.reused === 0 ? loadProjectParsingAhead(root, { memo }, parseAhead).result : loadProject(root, { memo });
}

/** What the last check found, reused for the folders an edit did not touch (src/check/live-memo.ts). */
const memo = new LiveMemo();

/**
 * The dev server's word that a content file was saved (src/build/live-content.ts): the next page
 * checks the content again, reusing what did not change, and makes the site afresh.
 */
export function contentChanged(): void {
  checked = undefined;
  live = undefined;
}

function liveSite(): Site {
  if (!live) {
    const { project, diagnostics, filesChecked } = liveCheck();
    live = diagnostics.some((d) => d.severity === 'error')
      ? contentProblems(formatReport(diagnostics, filesChecked))
      : siteOf(project, { buildDate: buildDateFrom(process.env), drafts: process.env.INCLUDE_DRAFTS === '1' });
  }
  if (live instanceof Error) throw live;
  return live;
}

/**
 * The content's problems, in the words of `npm run check`, should a page be asked for although the
 * content has errors (the dev server's problems page, src/build/preview-problems.ts, normally answers
 * first). Without a stack: it is the content that is wrong, not the code, and Astro shows the stack
 * of any error that has one.
 */
function contentProblems(report: string): Error {
  const error = new Error(`The content has problems:\n${report}`);
  error.stack = '';
  return error;
}

export function siteModel(): Site {
  const handoff = handedOver();
  if (handoff) return handoff.site;
  // The build's pages are rendered only once the build has handed its checked site over (src/build/pipeline.ts).
  if (process.env.BUILD_STAGE === 'site') throw new Error('a page asked for the site before the build handed it over');
  return liveSite();
}

/** Whether this build includes drafts, embargoed reports and reports dated after the build date. */
export function includesDrafts(): boolean {
  return siteModel().drafts;
}
