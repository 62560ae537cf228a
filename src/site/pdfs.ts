/**
 * Every PDF a build publishes: what `npm run build` draws beforehand, on every core, into the PDF
 * cache (src/pdf/cache.ts), so the pages find each PDF there. The list follows the pages'
 * getStaticPaths: a report and (when written) an easy-read version per public inspection, an
 * easy-read version per public thematic report, the ratings tables (all and per year), each public
 * annual report and its ratings annex, and the recommendations tracker. Document models are made
 * one at a time, when the PDF phase reaches them, and not at all for a report whose files did not
 * change since the PDF was drawn (src/site/pdf-inputs.ts).
 */
import path from 'node:path';
import type { ImageRef } from '../document/blocks.ts';
import { pdfKindOf } from '../pdf/cache.ts';
import type { PdfToPrepare } from '../pdf/prepare.ts';
import { annualReportFor, publicAnnualReports } from './annual-reports.ts';
import { siteModel } from './model.ts';
import { ratingsFor, ratingsYears } from './ratings.ts';
import { reportInputs } from './pdf-inputs.ts';
import { easyReadFor, easyReadPdfName, easyReadSlugs, rememberedPdfKey, rememberPdfKey, reportFor, reportPdfName } from './reports.ts';
import { trackerFor } from './tracker.ts';

export function* allPdfDocuments(): Generator<PdfToPrepare> {
  const { inspections, thematics } = siteModel();
  const known = (name: string) => ({ key: () => rememberedPdfKey(name), onKey: (key: string, images?: ImageRef[]) => rememberPdfKey(name, key, images) });
  for (const inspection of inspections) {
    const name = reportPdfName(inspection.slug);
    const inputs = reportInputs('report', path.dirname(inspection.narrativeFile));
    yield { name, kind: 'report', inputs, document: () => reportFor(inspection.slug).document, ...known(name) };
  }
  const folders = new Map([...inspections, ...thematics].map((report) => [report.easyRead?.file, report.easyRead && path.dirname(report.easyRead.file)]));
  for (const kind of ['inspection', 'thematic'] as const) {
    for (const slug of easyReadSlugs(kind)) {
      const name = easyReadPdfName(kind, slug);
      const folder = folders.get(easyReadFor(kind, slug).file)!;
      yield { name, kind: 'easy-read', inputs: reportInputs('easy-read', folder), document: () => easyReadFor(kind, slug).document, ...known(name) };
    }
  }
  const others = [
    { name: 'ratings/ratings.pdf', document: () => ratingsFor().document },
    ...ratingsYears().map((year) => ({ name: `ratings/${year}/ratings.pdf`, document: () => ratingsFor(year).document })),
    ...publicAnnualReports().flatMap((report) => [
      { name: `annual-reports/${report.year}/report.pdf`, document: () => annualReportFor(report.year).document },
      { name: `annual-reports/${report.year}/ratings.pdf`, document: () => annualReportFor(report.year).ratingsDocument },
    ]),
    { name: 'recommendations-tracker/tracker.pdf', document: () => trackerFor().document },
  ];
  for (const other of others) {
    const document = other.document();
    yield { name: other.name, kind: pdfKindOf(document), document };
  }
}
