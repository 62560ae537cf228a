/**
 * The full report and the easy-read version of each report a site publishes: document models made
 * when asked for (a page makes its report's model once; a thousand are never held together), and
 * the names their PDFs have in the built site.
 */
import path from 'node:path';
import type { Inspection, Thematic } from '../model/project.ts';
import type { DocumentModel } from '../document/blocks.ts';
import { reportDocument } from '../document/report-document.ts';
import { thematicReportDocument } from '../document/thematic-report-document.ts';
import { easyReadDocument, type EasyReadSubject } from '../document/easy-read-document.ts';
import type { Site } from './site.ts';
import { LANGUAGE_FACTS, type Lang } from '../model/language.ts';

export type ReportKind = 'inspection' | 'thematic';

/** A language's folder in the built site: "" for English, "cy/" for Welsh. */
const inLanguage = (lang: Lang) => (LANGUAGE_FACTS[lang].prefix ? `${LANGUAGE_FACTS[lang].prefix}/` : '');

/** The file name of a report's PDF in the built site ("cy/inspections/…" in Welsh). */
export const reportPdfName = (slug: string, lang: Lang = 'en') => `${inLanguage(lang)}inspections/${slug}/report.pdf`;

/** The file name of an easy-read PDF in the built site. */
export const easyReadPdfName = (kind: ReportKind, slug: string, lang: Lang = 'en') => `${inLanguage(lang)}${kind === 'inspection' ? 'inspections' : 'thematic'}/${slug}/easy-read.pdf`;

/** A draft build's watermark, in the document's language. */
const watermarked = (site: Site, document: DocumentModel): DocumentModel =>
  site.watermark ? { ...document, watermark: site.project.lang === 'en' ? site.watermark : site.project.messages[site.project.lang].t('documents.draft-watermark') } : document;

export function publishedInspection(site: Site, slug: string): Inspection {
  const inspection = site.inspections.find((i) => i.slug === slug);
  if (!inspection) throw new Error(`no public inspection "${slug}"`);
  return inspection;
}

/** A public inspection's full report, as the page and the PDF show it. */
export function reportDocumentOf(site: Site, inspection: Inspection): DocumentModel {
  return watermarked(site, reportDocument(site.project, inspection));
}

/** The file name of a thematic report's full report PDF in the built site, beside its summary page. */
export const thematicReportPdfName = (slug: string, lang: Lang = 'en') => `${inLanguage(lang)}thematic/${slug}/report.pdf`;

/** The public thematic reports with a full report (report.mdx); the others have their summary page only. */
export function thematicsWithReport(site: Site): Thematic[] {
  return site.thematics.filter((thematic) => thematic.narrative);
}

/** A public thematic report's full report, as its page and its PDF show it. */
export function thematicReportDocumentOf(site: Site, thematic: Thematic): DocumentModel {
  return watermarked(site, thematicReportDocument(site.project, thematic));
}

/** The public reports of a kind that have an easy-read version. */
export function withEasyRead(site: Site, kind: ReportKind): (Inspection | Thematic)[] {
  return (kind === 'inspection' ? site.inspections : site.thematics).filter((report) => report.easyRead);
}

/**
 * The public reports of a kind with an easy-read version, by slug, made once per site: each easy-read
 * PDF and page looks its report up here (a search of the whole list each time took 2 s of each
 * live-preview edit at 10,000 reports).
 */
const easyReadIndex = new WeakMap<Site, Map<ReportKind, Map<string, Inspection | Thematic>>>();
function easyReadReports(site: Site, kind: ReportKind): Map<string, Inspection | Thematic> {
  let byKind = easyReadIndex.get(site);
  if (!byKind) easyReadIndex.set(site, (byKind = new Map()));
  let bySlug = byKind.get(kind);
  if (!bySlug) byKind.set(kind, (bySlug = new Map(withEasyRead(site, kind).map((report) => [report.slug, report]))));
  return bySlug;
}

export interface EasyReadOf {
  /** The file the author wrote (project-relative), for messages. */
  file: string;
  /** The folder of the report it belongs to (project-relative). */
  folder: string;
  document: () => DocumentModel;
}

/** The easy-read version of a public report: the file the author wrote, and its document model when asked for. */
export function easyReadOf(site: Site, kind: ReportKind, slug: string): EasyReadOf {
  const report = easyReadReports(site, kind).get(slug);
  if (!report) throw new Error(`no public ${kind === 'inspection' ? 'inspection' : 'thematic report'} "${slug}" with an easy-read version`);
  const subject: EasyReadSubject = kind === 'inspection' ? { kind, inspection: report as Inspection } : { kind, thematic: report as Thematic };
  const file = report.easyRead!.file;
  return { file, folder: path.dirname(file), document: () => watermarked(site, easyReadDocument(site.project, subject, process.cwd()).document) };
}
