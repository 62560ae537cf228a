/**
 * Every PDF a site publishes, by its path in the built site: a report and (when written) an
 * easy-read version per inspection, a full report (when written) and an easy-read version per
 * thematic report, the ratings tables
 * (all and per year), each annual report and its ratings annex, and the recommendations tracker.
 * `npm run build` draws and writes them all (src/pdf/publish.ts); the live preview draws one when
 * it is asked for. Document models are made only when their turn comes.
 */
import path from 'node:path';
import type { DocumentModel } from '../document/blocks.ts';
import type { PdfKind } from '../pdf/cache.ts';
import { annualRatingsPdfName, annualReportFor, annualReportPdfName } from './annual-reports.ts';
import { ratingsFor, ratingsPdfName, ratingsYears } from './ratings.ts';
import { easyReadOf, easyReadPdfName, reportDocumentOf, reportPdfName, thematicReportDocumentOf, thematicReportPdfName, thematicsWithReport, withEasyRead, type ReportKind } from './reports.ts';
import { siteIn, type Site } from './site.ts';
import { LANGUAGES, type Lang } from '../model/language.ts';
import { TRACKER_PDF, trackerFor } from './tracker.ts';

export interface SitePdf {
  /** Its path in the built site, such as "inspections/dudley-2019/report.pdf". */
  name: string;
  kind: PdfKind;
  /** The document's language: a Welsh PDF is made from the same files as its English one, so its inputs hash says which. */
  lang: Lang;
  /** For a report's documents, the report's folder (project-relative): the files it is made from. */
  folder?: string;
  /** For easy-read versions, the file the author wrote, which layout warnings name. */
  file?: string;
  document: () => DocumentModel;
}

/**
 * In the order Astro builds the pages that name them, so the PDF a page waits for is seldom far
 * back in the queue: Astro builds the routes with a static first folder (annual-reports/,
 * ratings/, recommendations-tracker/) before those under [...lang]/, a longer route before a
 * shorter one that starts the same (ratings/2024/ before ratings/), routes whose folders differ in
 * alphabetical order (inspections/<slug>/easy-read/ before inspections/<slug>/), and each route's
 * pages in every language in turn (English, then Welsh).
 */
export function* sitePdfs(site: Site): Generator<SitePdf> {
  for (const { year } of site.annualReports) {
    yield { name: annualReportPdfName(year), kind: 'report', lang: 'en', document: () => annualReportFor(site, year).document };
    yield { name: annualRatingsPdfName(year), kind: 'report', lang: 'en', document: () => annualReportFor(site, year).ratingsDocument };
  }
  for (const year of ratingsYears(site)) yield { name: ratingsPdfName(year), kind: 'report', lang: 'en', document: () => ratingsFor(site, year).document };
  yield { name: ratingsPdfName(), kind: 'report', lang: 'en', document: () => ratingsFor(site).document };
  yield { name: TRACKER_PDF, kind: 'report', lang: 'en', document: () => trackerFor(site).document };
  // The reports in every language they are published in (under cy/… in Welsh): the ratings tables,
  // annual reports and tracker are English only until their content has another language.
  const languages = LANGUAGES.map((lang) => (lang === site.project.lang ? site : siteIn(site, lang)));
  for (const kind of ['inspection', 'thematic'] as const) {
    for (const each of languages) yield* easyReadPdfs(each, kind);
    for (const each of languages) yield* reportPdfs(each, kind);
  }
}

/** The full reports of a kind of report in a site's language: an inspection's, or a thematic report's when it has one. */
function* reportPdfs(site: Site, kind: ReportKind): Generator<SitePdf> {
  const { lang } = site.project;
  if (kind === 'inspection') {
    for (const inspection of site.inspections) {
      // A historic record is published as a page that links to the original publication: no PDF of ours.
      if (inspection.historic) continue;
      const folder = path.dirname(inspection.narrativeFile);
      yield { name: reportPdfName(inspection.slug, lang), kind: 'report', lang, folder, document: () => reportDocumentOf(site, inspection) };
    }
  } else {
    for (const thematic of thematicsWithReport(site)) {
      yield { name: thematicReportPdfName(thematic.slug, lang), kind: 'report', lang, folder: path.dirname(thematic.file), document: () => thematicReportDocumentOf(site, thematic) };
    }
  }
}

/** The easy-read versions of a kind of report in a site's language. */
function* easyReadPdfs(site: Site, kind: ReportKind): Generator<SitePdf> {
  const { lang } = site.project;
  for (const report of withEasyRead(site, kind)) {
    const { file, folder, document } = easyReadOf(site, kind, report.slug);
    yield { name: easyReadPdfName(kind, report.slug, lang), kind: 'easy-read', lang, folder, file, document };
  }
}
