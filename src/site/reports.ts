/** Each public inspection's report, built once per build: its document model and its PDF. */
import type { Inspection } from '../model/project.ts';
import type { DocumentModel } from '../document/blocks.ts';
import { reportDocument } from '../document/report-document.ts';
import { renderDocumentPdf, type RenderedPdf } from '../pdf/render-document.ts';
import { siteModel } from './model.ts';

interface Report {
  inspection: Inspection;
  document: DocumentModel;
  pdf: Promise<RenderedPdf>;
}

const reports = new Map<string, Report>();

/** The report of a public inspection; the PDF is rendered once and shared by the page (size, pages) and the file. */
export function reportFor(slug: string): Report {
  let report = reports.get(slug);
  if (!report) {
    const { project, inspections } = siteModel();
    const inspection = inspections.find((i) => i.slug === slug);
    if (!inspection) throw new Error(`no public inspection "${slug}"`);
    const document = reportDocument(project, inspection);
    report = { inspection, document, pdf: renderDocumentPdf(document) };
    reports.set(slug, report);
  }
  return report;
}
