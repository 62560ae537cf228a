/**
 * The ratings table of a site's inspections: for all of them and for each year of fieldwork, the
 * page's table and the landscape PDF's document; and the open data (CSV and JSON) of all. Each in
 * the language of the site it is given (published in English only; the same code makes them in Welsh).
 */
import type { Block, DocumentModel } from '../document/blocks.ts';
import { ratingsDocument } from '../document/ratings-document.ts';
import { ratingsCsv, ratingsJson, ratingsOrder, ratingsRecords, ratingsTable, type RatingsRecords } from '../document/ratings-table.ts';
import { inPeriod, type Period } from '../model/aggregates.ts';
import type { Inspection } from '../model/project.ts';
import { oncePerSite, type Site } from './site.ts';
import { pathsIn } from './paths.ts';

export interface RatingsEdition {
  /** The year of fieldwork, or undefined for every public inspection. */
  year?: string;
  period?: Period;
  inspections: Inspection[];
  table: Extract<Block, { type: 'table' }>;
  document: DocumentModel;
}

/** The file name of a ratings table's PDF in the built site. */
export const ratingsPdfName = (year?: string) => (year ? `ratings/${year}/ratings.pdf` : 'ratings/ratings.pdf');

/** The years of fieldwork of the site's inspections, newest first: one ratings page each. */
export function ratingsYears(site: Site): string[] {
  return oncePerSite(site, 'ratings-years', () => [...new Set(site.inspections.map((i) => i.source.fieldwork.start.slice(0, 4)))].sort().reverse());
}

/** The table and document of one year of fieldwork, or of every inspection of the site. */
export function ratingsFor(site: Site, year?: string): RatingsEdition {
  return oncePerSite(site, `ratings:${year ?? 'all'}`, () => {
    const period = year ? { from: `${year}-01-01`, to: `${year}-12-31` } : undefined;
    const inspections = ratingsOrder(period ? inPeriod(site.inspections, period) : site.inspections);
    const m = site.project.messages[site.project.lang];
    const caption = year ? m.t('ratings.page.caption-year', { year }) : m.t('ratings.page.caption-all');
    const document = ratingsDocument(site.project, inspections, { ...(period ? { period } : {}), buildDate: site.buildDate });
    return {
      ...(year ? { year } : {}),
      ...(period ? { period } : {}),
      inspections,
      table: ratingsTable(inspections, { caption, messages: m, href: (slug) => pathsIn(site.project.lang).inspection(slug) }),
      document: site.watermark ? { ...document, watermark: site.watermark } : document,
    };
  });
}

/** The open data of every inspection of the site: the same records as CSV and as JSON. */
export function ratingsData(site: Site): { records: RatingsRecords; csv: string; json: string } {
  return oncePerSite(site, 'ratings-data', () => {
    const records = ratingsRecords(site.inspections, site.project.messages[site.project.lang]);
    return { records, csv: ratingsCsv(records), json: ratingsJson(records) };
  });
}
