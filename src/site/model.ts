/**
 * The checked project model for pages: loaded once per build, public inspections and thematic
 * reports only. A preview build (`npm run preview:drafts`, which sets INCLUDE_DRAFTS=1) and the
 * author's live preview (`npm run dev`) include drafts and embargoed reports too; every page and PDF
 * then says "DRAFT – NOT FOR PUBLICATION". `npm run build` always sets INCLUDE_DRAFTS=0.
 */
import { loadProject } from '../check/load-project.ts';
import { formatReport } from '../check/diagnostics.ts';
import { buildDateFrom, isPublic, type Inspection, type Project, type Thematic } from '../model/project.ts';
import { bumpContentVersion, contentVersion } from './content-version.ts';

/** Printed on every page and drawn on every PDF page of a build that includes drafts. */
export const DRAFT_NOTICE = 'DRAFT – NOT FOR PUBLICATION';

/** Whether this build includes drafts, embargoed reports and reports dated after the build date. */
export function includesDrafts(): boolean {
  return process.env.INCLUDE_DRAFTS === '1';
}

/** The watermark for the PDFs of this build: the draft notice in a preview, none in public output. */
export function draftWatermark(): string | undefined {
  return includesDrafts() ? DRAFT_NOTICE : undefined;
}

type Loaded = { version: number; root: string; buildDate: string } & ({ project: Project; error?: undefined } | { project?: undefined; error: Error });

/**
 * The loaded project lives on globalThis, under a registered symbol, not in a module variable:
 * `npm run build` checks the content, then runs Astro's build in the same process, and Astro loads
 * this file again as a separate module instance. Sharing the build's own checked project means a
 * build reads and checks every file once, not twice (at 1,000 inspections that is about 35 s).
 */
const SHARED = Symbol.for('inspection-reports.site-model');
type Holder = { [SHARED]?: Loaded };
const holder = globalThis as Holder;

const resetListeners = new Set<() => void>();
/** The content version this module instance's caches were built from. */
let seenVersion: number | undefined;

/** Called when the content changed (dev server): caches built from the model register here to be emptied. */
export function onSiteModelReset(listener: () => void): void {
  resetListeners.add(listener);
}

/**
 * Forgets the loaded project and everything built from it, in every module instance of this
 * process: the next page reads the content again. The dev server calls this when content changes.
 */
export function resetSiteModel(): void {
  bumpContentVersion();
}

function load(): Loaded & { project: Project } {
  const version = contentVersion();
  const root = process.cwd();
  // Each module instance empties its own caches once per content version.
  if (seenVersion !== undefined && seenVersion !== version) for (const listener of resetListeners) listener();
  seenVersion = version;
  let cached = holder[SHARED];
  if (cached && (cached.version !== version || cached.root !== root)) cached = undefined;
  if (!cached) {
    const buildDate = buildDateFrom(process.env);
    const { project, diagnostics, filesChecked } = loadProject(root);
    cached = diagnostics.some((d) => d.severity === 'error')
      ? // Shown in the dev server's error overlay in the same words as `npm run check`.
        { version, root, buildDate, error: new Error(`The content has problems:\n${formatReport(diagnostics, filesChecked)}`) }
      : { version, root, buildDate, project };
    holder[SHARED] = cached;
  }
  if (cached.error) throw cached.error;
  return cached as Loaded & { project: Project };
}

/**
 * Gives the site model a project already loaded and checked (the build's own check), so neither the
 * PDF phase nor Astro's pages read and check every file a second time.
 */
export function primeSiteModel(project: Project): void {
  holder[SHARED] = { version: contentVersion(), root: process.cwd(), buildDate: buildDateFrom(process.env), project };
}

const newestFirst = <T extends { slug: string; source: { published: string } }>(a: T, b: T) =>
  a.source.published === b.source.published ? a.slug.localeCompare(b.slug) : a.source.published < b.source.published ? 1 : -1;

type SiteModel = { project: Project; buildDate: string; inspections: Inspection[]; thematics: Thematic[] };
/** The last site model made, and what it was made from: pages ask for it thousands of times. */
let lastModel: { from: Loaded; drafts: boolean; model: SiteModel } | undefined;

export function siteModel(): SiteModel {
  const loaded = load();
  const drafts = includesDrafts();
  if (lastModel?.from === loaded && lastModel.drafts === drafts) return lastModel.model;
  const { project, buildDate } = loaded;
  const shown = (report: Inspection | Thematic) => drafts || isPublic(report, buildDate);
  const inspections = project.inspections.filter(shown).sort(newestFirst);
  // Thematic reports follow the same rule as inspections: no drafts, nothing before its date or embargo.
  const thematics = project.thematics.filter(shown).sort(newestFirst);
  const model = { project, buildDate, inspections, thematics };
  lastModel = { from: loaded, drafts, model };
  return model;
}
