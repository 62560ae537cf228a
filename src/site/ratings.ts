/**
 * The ratings table of the public inspections, built once per build: for all of them and for each
 * year of fieldwork, the page's table, the landscape PDF; and the open data (CSV and JSON) of all.
 */
import type { Block, DocumentModel } from '../document/blocks.ts';
import { ratingsDocument } from '../document/ratings-document.ts';
import { ratingsCsv, ratingsJson, ratingsOrder, ratingsRecords, ratingsTable, type RatingsRecords } from '../document/ratings-table.ts';
import { inPeriod, type Period } from '../model/aggregates.ts';
import type { Inspection } from '../model/project.ts';
import type { RenderedPdf } from '../pdf/render-document.ts';
import { cachedDocumentPdf } from '../pdf/cache.ts';
import { draftWatermark, onSiteModelReset, siteModel } from './model.ts';

export interface RatingsEdition {
  /** The year of fieldwork, or undefined for every public inspection. */
  year?: string;
  period?: Period;
  inspections: Inspection[];
  table: Extract<Block, { type: 'table' }>;
  document: DocumentModel;
  pdf: Promise<RenderedPdf>;
}

const editions = new Map<string, RatingsEdition>();
let data: { records: RatingsRecords; csv: string; json: string } | undefined;
// The live preview rebuilds the model when content changes: forget what was built from the old one.
onSiteModelReset(() => {
  editions.clear();
  data = undefined;
});

/** The years of fieldwork of the public inspections, newest first: one ratings page each. */
export function ratingsYears(): string[] {
  return [...new Set(siteModel().inspections.map((i) => i.source.fieldwork.start.slice(0, 4)))].sort().reverse();
}

/** The table, document and PDF of one year of fieldwork, or of every public inspection. */
export function ratingsFor(year?: string): RatingsEdition {
  const key = year ?? 'all';
  let edition = editions.get(key);
  if (!edition) {
    // siteModel() leaves out drafts, embargoed reports and those dated after the build date.
    const { project, inspections: all, buildDate } = siteModel();
    const period = year ? { from: `${year}-01-01`, to: `${year}-12-31` } : undefined;
    const inspections = ratingsOrder(period ? inPeriod(all, period) : all);
    const caption = period ? `Ratings of the inspections whose fieldwork started in ${year}, newest first` : 'Ratings of every published inspection, newest first';
    const watermark = draftWatermark();
    const document = { ...ratingsDocument(project, inspections, { ...(period ? { period } : {}), buildDate }), ...(watermark ? { watermark } : {}) };
    let pdf: Promise<RenderedPdf> | undefined;
    edition = {
      ...(year ? { year } : {}),
      ...(period ? { period } : {}),
      inspections,
      table: ratingsTable(inspections, { caption, href: (slug) => `/inspections/${slug}/` }),
      document,
      // Started when first asked for, through the PDF cache (which `npm run build` fills beforehand).
      get pdf() {
        return (pdf ??= cachedDocumentPdf(document));
      },
    };
    editions.set(key, edition);
  }
  return edition;
}

/** The open data of every public inspection: the same records as CSV and as JSON. */
export function ratingsData(): { records: RatingsRecords; csv: string; json: string } {
  if (!data) {
    const records = ratingsRecords(siteModel().inspections);
    data = { records, csv: ratingsCsv(records), json: ratingsJson(records) };
  }
  return data;
}
