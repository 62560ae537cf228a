/** The recommendations tracker of a site's thematic reports: the document (page and PDF) and the CSV. */
import type { DocumentModel } from '../document/blocks.ts';
import { trackerCsv, trackerDocument } from '../document/tracker-document.ts';
import { oncePerSite, type Site } from './site.ts';
import { paths } from './paths.ts';

export const TRACKER_PDF = 'recommendations-tracker/tracker.pdf';

export function trackerFor(site: Site): { document: DocumentModel; csv: string } {
  return oncePerSite(site, 'tracker', () => {
    const document = trackerDocument(site.project, site.thematics, { buildDate: site.buildDate, fullReport: (t) => (t.narrative ? paths.thematicReport(t.slug) : undefined) });
    return { document: site.watermark ? { ...document, watermark: site.watermark } : document, csv: trackerCsv(site.thematics) };
  });
}
