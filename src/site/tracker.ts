/** The recommendations tracker of the public thematic reports, built once per build: document, PDF and CSV. */
import type { DocumentModel } from '../document/blocks.ts';
import { trackerCsv, trackerDocument } from '../document/tracker-document.ts';
import type { RenderedPdf } from '../pdf/render-document.ts';
import { cachedDocumentPdf } from '../pdf/cache.ts';
import { draftWatermark, onSiteModelReset, siteModel } from './model.ts';

interface Tracker {
  document: DocumentModel;
  pdf: Promise<RenderedPdf>;
  csv: string;
}

let tracker: Tracker | undefined;
onSiteModelReset(() => {
  tracker = undefined;
});

/** The PDF is rendered once and shared by the page (size, pages) and the file. */
export function trackerFor(): Tracker {
  // siteModel() leaves out drafts, embargoed reports and those dated after the build date; called
  // first, so that edited content (dev server) empties the cache before it is read.
  const { project, thematics, buildDate } = siteModel();
  if (!tracker) {
    const watermark = draftWatermark();
    const document: DocumentModel = { ...trackerDocument(project, thematics, { buildDate }), ...(watermark ? { watermark } : {}) };
    // Started when first asked for, through the PDF cache (which `npm run build` fills beforehand).
    let pdf: Promise<RenderedPdf> | undefined;
    tracker = {
      document,
      get pdf() {
        return (pdf ??= cachedDocumentPdf(document));
      },
      csv: trackerCsv(thematics),
    };
  }
  return tracker;
}
