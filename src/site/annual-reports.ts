/** The public annual reports, each built once per build: its document model and its PDF. */
import type { DocumentModel } from '../document/blocks.ts';
import { annualReportDocument } from '../document/annual-report-document.ts';
import { annualReportContext } from '../document/annual-report-figures.ts';
import { ratingsDocument } from '../document/ratings-document.ts';
import { isPublic, type AnnualReport } from '../model/project.ts';
import type { RenderedPdf } from '../pdf/render-document.ts';
import { cachedDocumentPdf } from '../pdf/cache.ts';
import { draftWatermark, includesDrafts, onSiteModelReset, siteModel } from './model.ts';

interface Built {
  report: AnnualReport;
  document: DocumentModel;
  pdf: Promise<RenderedPdf>;
  /** The ratings table of the report's inspections (every standard): its annex in full. */
  ratingsDocument: DocumentModel;
  /** The ratings table of the report's inspections (every standard), as a landscape PDF: its annex in full. */
  ratingsPdf: Promise<RenderedPdf>;
}

const built = new Map<string, Built>();
onSiteModelReset(() => built.clear());

/** The annual reports this build publishes, newest year first: no drafts, none before its date (a preview build shows them all). */
export function publicAnnualReports(): AnnualReport[] {
  const { project, buildDate } = siteModel();
  return project.annualReports.filter((report) => includesDrafts() || isPublic(report, buildDate)).sort((a, b) => b.year.localeCompare(a.year));
}

/** The annual report of a year; its PDF is rendered once and shared by the page (size, pages) and the file. */
export function annualReportFor(year: string): Built {
  // First, so that edited content (dev server) empties the cache before it is read.
  const { project } = siteModel();
  let entry = built.get(year);
  if (!entry) {
    const report = publicAnnualReports().find((r) => r.year === year);
    if (!report) throw new Error(`no public annual report for ${year}`);
    const watermark = draftWatermark();
    const document: DocumentModel = { ...annualReportDocument(project, report), ...(watermark ? { watermark } : {}) };
    const context = annualReportContext(project, report);
    const ratings: DocumentModel = { ...ratingsDocument(project, context.inspections, { period: report.source.period, buildDate: report.source.published }), ...(watermark ? { watermark } : {}) };
    // Both started when first asked for, through the PDF cache (which `npm run build` fills beforehand).
    let pdf: Promise<RenderedPdf> | undefined;
    let ratingsPdf: Promise<RenderedPdf> | undefined;
    entry = {
      report,
      document,
      ratingsDocument: ratings,
      get pdf() {
        return (pdf ??= cachedDocumentPdf(document));
      },
      get ratingsPdf() {
        return (ratingsPdf ??= cachedDocumentPdf(ratings));
      },
    };
    built.set(year, entry);
  }
  return entry;
}
