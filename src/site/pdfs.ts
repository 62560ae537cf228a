/**
 * Every PDF a build publishes, as document models: what `npm run build` draws beforehand, on every
 * core, into the PDF cache (src/pdf/cache.ts), so the pages find each PDF there. The lists follow
 * the pages' getStaticPaths: a report and (when written) an easy-read version per public inspection,
 * an easy-read version per public thematic report, the ratings tables (all and per year), each
 * public annual report and its ratings annex, and the recommendations tracker.
 */
import type { DocumentModel } from '../document/blocks.ts';
import { pdfKindOf, type PdfKind } from '../pdf/cache.ts';
import { annualReportFor, publicAnnualReports } from './annual-reports.ts';
import { siteModel } from './model.ts';
import { ratingsFor, ratingsYears } from './ratings.ts';
import { easyReadFor, easyReadSlugs, reportFor } from './reports.ts';
import { trackerFor } from './tracker.ts';

export interface PdfDocument {
  /** Which file, for messages: such as "inspections/dudley-2019/report.pdf". */
  name: string;
  kind: PdfKind;
  document: DocumentModel;
}

export function allPdfDocuments(): PdfDocument[] {
  const documents: { name: string; document: DocumentModel }[] = [];
  for (const inspection of siteModel().inspections) documents.push({ name: `inspections/${inspection.slug}/report.pdf`, document: reportFor(inspection.slug).document });
  for (const slug of easyReadSlugs('inspection')) documents.push({ name: `inspections/${slug}/easy-read.pdf`, document: easyReadFor('inspection', slug).document });
  for (const slug of easyReadSlugs('thematic')) documents.push({ name: `thematic/${slug}/easy-read.pdf`, document: easyReadFor('thematic', slug).document });
  documents.push({ name: 'ratings/ratings.pdf', document: ratingsFor().document });
  for (const year of ratingsYears()) documents.push({ name: `ratings/${year}/ratings.pdf`, document: ratingsFor(year).document });
  for (const report of publicAnnualReports()) {
    const built = annualReportFor(report.year);
    documents.push({ name: `annual-reports/${report.year}/report.pdf`, document: built.document });
    documents.push({ name: `annual-reports/${report.year}/ratings.pdf`, document: built.ratingsDocument });
  }
  documents.push({ name: 'recommendations-tracker/tracker.pdf', document: trackerFor().document });
  return documents.map((entry) => ({ ...entry, kind: pdfKindOf(entry.document) }));
}
