/** The recommendations tracker of the public thematic reports, built once per build: document, PDF and CSV. */
import type { DocumentModel } from '../document/blocks.ts';
import { trackerCsv, trackerDocument } from '../document/tracker-document.ts';
import { renderDocumentPdf, type RenderedPdf } from '../pdf/render-document.ts';
import { siteModel } from './model.ts';

interface Tracker {
  document: DocumentModel;
  pdf: Promise<RenderedPdf>;
  csv: string;
}

let tracker: Tracker | undefined;

/** The PDF is rendered once and shared by the page (size, pages) and the file. */
export function trackerFor(): Tracker {
  if (!tracker) {
    // siteModel() leaves out drafts, embargoed reports and those dated after the build date.
    const { project, thematics, buildDate } = siteModel();
    const document = trackerDocument(project, thematics, { buildDate });
    tracker = { document, pdf: renderDocumentPdf(document), csv: trackerCsv(thematics) };
  }
  return tracker;
}
