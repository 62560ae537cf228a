/** Each public report, built once per build: its document model and its PDF; the same for easy-read versions. */
import type { Inspection } from '../model/project.ts';
import type { DocumentModel } from '../document/blocks.ts';
import { reportDocument } from '../document/report-document.ts';
import { easyReadDocument, type EasyReadSubject } from '../document/easy-read-document.ts';
import type { RenderedPdf } from '../pdf/render-document.ts';
import type { RenderedEasyReadPdf } from '../pdf/easy-read-pdf.ts';
import { cachedDocumentPdf, cachedEasyReadPdf } from '../pdf/cache.ts';
import { draftWatermark, onSiteModelReset, siteModel } from './model.ts';

interface Report {
  inspection: Inspection;
  document: DocumentModel;
  pdf: Promise<RenderedPdf>;
}

const reports = new Map<string, Report>();
const easyReads = new Map<string, EasyRead>();
// Content edited under `npm run dev`: every report is built again from the new model.
onSiteModelReset(() => {
  reports.clear();
  easyReads.clear();
});

/** The report of a public inspection; the PDF is rendered once and shared by the page (size, pages) and the file. */
export function reportFor(slug: string): Report {
  // First, so that edited content (dev server) empties the caches before they are read.
  const { project, inspections } = siteModel();
  let report = reports.get(slug);
  if (!report) {
    const inspection = inspections.find((i) => i.slug === slug);
    if (!inspection) throw new Error(`no public inspection "${slug}"`);
    const watermark = draftWatermark();
    const document: DocumentModel = { ...reportDocument(project, inspection), ...(watermark ? { watermark } : {}) };
    // Started when first asked for, through the PDF cache (which `npm run build` fills beforehand, using every core).
    let pdf: Promise<RenderedPdf> | undefined;
    report = {
      inspection,
      document,
      get pdf() {
        return (pdf ??= cachedDocumentPdf(document));
      },
    };
    reports.set(slug, report);
  }
  return report;
}

export type ReportKind = 'inspection' | 'thematic';

export interface EasyRead {
  /** The file the author wrote (project-relative), for messages. */
  file: string;
  document: DocumentModel;
  pdf: Promise<RenderedEasyReadPdf>;
}

/** The slugs of public reports of a kind that have an easy-read version. */
export function easyReadSlugs(kind: ReportKind): string[] {
  const model = siteModel();
  return (kind === 'inspection' ? model.inspections : model.thematics).filter((report) => report.easyRead).map((report) => report.slug);
}

/**
 * The easy-read version of a public report; its PDF is rendered once and shared by the page (size,
 * pages) and the file. Layout warnings (such as more than about 24 pages) are printed once, in the
 * form `npm run check` uses, naming the file the author wrote.
 */
export function easyReadFor(kind: ReportKind, slug: string): EasyRead {
  const { project, inspections, thematics } = siteModel();
  const key = `${kind}/${slug}`;
  let easyRead = easyReads.get(key);
  if (!easyRead) {
    let subject: EasyReadSubject;
    if (kind === 'inspection') {
      const inspection = inspections.find((i) => i.slug === slug && i.easyRead);
      if (!inspection) throw new Error(`no public inspection "${slug}" with an easy-read version`);
      subject = { kind, inspection };
    } else {
      const thematic = thematics.find((t) => t.slug === slug && t.easyRead);
      if (!thematic) throw new Error(`no public thematic report "${slug}" with an easy-read version`);
      subject = { kind, thematic };
    }
    const file = (subject.kind === 'inspection' ? subject.inspection.easyRead : subject.thematic.easyRead)!.file;
    const watermark = draftWatermark();
    const document: DocumentModel = { ...easyReadDocument(project, subject, process.cwd()).document, ...(watermark ? { watermark } : {}) };
    let pdf: Promise<RenderedEasyReadPdf> | undefined;
    easyRead = {
      file,
      document,
      get pdf() {
        return (pdf ??= cachedEasyReadPdf(document).then((rendered) => {
          for (const warning of rendered.warnings) process.stderr.write(`${file}  warning  easy-read-layout  ${warning}\n`);
          return rendered;
        }));
      },
    };
    easyReads.set(key, easyRead);
  }
  return easyRead;
}
