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

type Loaded = { version: number; buildDate: string } & ({ project: Project; error?: undefined } | { project?: undefined; error: Error });

let cached: Loaded | undefined;
const resetListeners = new Set<() => void>();

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
  if (cached && cached.version !== version) {
    cached = undefined;
    for (const listener of resetListeners) listener();
  }
  if (!cached) {
    const buildDate = buildDateFrom(process.env);
    const { project, diagnostics, filesChecked } = loadProject(process.cwd());
    cached = diagnostics.some((d) => d.severity === 'error')
      ? // Shown in the dev server's error overlay in the same words as `npm run check`.
        { version, buildDate, error: new Error(`The content has problems:\n${formatReport(diagnostics, filesChecked)}`) }
      : { version, buildDate, project };
  }
  if (cached.error) throw cached.error;
  return cached as Loaded & { project: Project };
}

/**
 * Gives the site model a project already loaded and checked (the build's own check), so the build
 * does not read and check every file a second time before drawing the PDFs.
 */
export function primeSiteModel(project: Project): void {
  cached = { version: contentVersion(), buildDate: buildDateFrom(process.env), project };
}

const newestFirst = <T extends { slug: string; source: { published: string } }>(a: T, b: T) =>
  a.source.published === b.source.published ? a.slug.localeCompare(b.slug) : a.source.published < b.source.published ? 1 : -1;

export function siteModel(): { project: Project; buildDate: string; inspections: Inspection[]; thematics: Thematic[] } {
  const { project, buildDate } = load();
  const shown = (report: Inspection | Thematic) => includesDrafts() || isPublic(report, buildDate);
  const inspections = project.inspections.filter(shown).sort(newestFirst);
  // Thematic reports follow the same rule as inspections: no drafts, nothing before its date or embargo.
  const thematics = project.thematics.filter(shown).sort(newestFirst);
  return { project, buildDate, inspections, thematics };
}
