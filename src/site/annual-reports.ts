/** A site's annual reports: each one's document, and the ratings table of its inspections (its annex in full). */
import type { DocumentModel } from '../document/blocks.ts';
import { annualReportDocument } from '../document/annual-report-document.ts';
import { annualReportContext } from '../document/annual-report-figures.ts';
import { ratingsDocument } from '../document/ratings-document.ts';
import type { AnnualReport } from '../model/project.ts';
import { oncePerSite, type Site } from './site.ts';

export interface AnnualReportEdition {
  report: AnnualReport;
  document: DocumentModel;
  /** The ratings table of the report's inspections (every standard), as a landscape PDF. */
  ratingsDocument: DocumentModel;
}

export const annualReportPdfName = (year: string) => `annual-reports/${year}/report.pdf`;
export const annualRatingsPdfName = (year: string) => `annual-reports/${year}/ratings.pdf`;

export function annualReportFor(site: Site, year: string): AnnualReportEdition {
  return oncePerSite(site, `annual-report:${year}`, () => {
    const report = site.annualReports.find((r) => r.year === year);
    if (!report) throw new Error(`no public annual report for ${year}`);
    const context = annualReportContext(site.project, report);
    const watermark = site.watermark ? { watermark: site.watermark } : {};
    return {
      report,
      document: { ...annualReportDocument(site.project, report), ...watermark },
      ratingsDocument: { ...ratingsDocument(site.project, context.inspections, { period: report.source.period, buildDate: report.source.published }), ...watermark },
    };
  });
}
