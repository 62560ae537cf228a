/** The checked project model for pages: loaded once per build, public inspections and thematic reports only. */
import { loadProject } from '../check/load-project.ts';
import { formatReport } from '../check/diagnostics.ts';
import { buildDateFrom, isPublic, type Inspection, type Project, type Thematic } from '../model/project.ts';

let cached: { project: Project; buildDate: string } | undefined;

export function siteModel(): { project: Project; buildDate: string; inspections: Inspection[]; thematics: Thematic[] } {
  if (!cached) {
    const { project, diagnostics, filesChecked } = loadProject(process.cwd());
    if (diagnostics.some((d) => d.severity === 'error')) {
      // Shown in the dev server's error overlay in the same words as `npm run check`.
      throw new Error(`The content has problems:\n${formatReport(diagnostics, filesChecked)}`);
    }
    cached = { project, buildDate: buildDateFrom(process.env) };
  }
  const { project, buildDate } = cached;
  const inspections = project.inspections
    .filter((inspection) => isPublic(inspection, buildDate))
    .sort((a, b) => (a.source.published === b.source.published ? a.slug.localeCompare(b.slug) : a.source.published < b.source.published ? 1 : -1));
  // Thematic reports follow the same rule as inspections: no drafts, nothing before its date or embargo.
  const thematics = project.thematics
    .filter((thematic) => isPublic(thematic, buildDate))
    .sort((a, b) => (a.source.published === b.source.published ? a.slug.localeCompare(b.slug) : a.source.published < b.source.published ? 1 : -1));
  return { project, buildDate, inspections, thematics };
}
