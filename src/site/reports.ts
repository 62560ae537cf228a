/**
 * Each public report and easy-read version of a build: its document model, its pictures and its PDF.
 *
 * A build of a large archive must not hold every document model and every PDF at once (a thousand
 * reports took gigabytes), so what is kept per report is small: the PDF's cache key and the
 * picture list. Both are shared through globalThis, so the key computed while `npm run build` drew
 * the PDFs is the key Astro's pages use (they run in the same process, as another module instance).
 * Document models are built when asked for and kept only in a short recently-used list: a report's
 * page and its PDF file are built one after the other in the dev server, never all at once.
 */
import type { Inspection } from '../model/project.ts';
import type { DocumentModel, ImageRef } from '../document/blocks.ts';
import { reportDocument } from '../document/report-document.ts';
import { easyReadDocument, type EasyReadSubject } from '../document/easy-read-document.ts';
import type { RenderedPdf } from '../pdf/render-document.ts';
import type { RenderedEasyReadPdf } from '../pdf/easy-read-pdf.ts';
import { cachedPdf, pdfCacheEnabled, pdfCacheKey, readCachedPdf, type PdfKind, type RenderedOf } from '../pdf/cache.ts';
import { draftWatermark, onSiteModelReset, siteModel } from './model.ts';

/** What a build remembers of one document: small, so a thousand of them cost little. */
interface Remembered {
  /** The PDF cache key, once the document was built (see src/pdf/cache.ts). */
  key?: string;
  images?: ImageRef[];
  /** Whether the PDF's layout warnings were printed (once per build). */
  warned?: boolean;
}

const SHARED = Symbol.for('inspection-reports.built-documents');
const holder = globalThis as { [SHARED]?: Map<string, Remembered> };
const remembered = (holder[SHARED] ??= new Map());

/** The last few document models built, newest last. */
const recent = new Map<string, DocumentModel>();
const RECENT = 8;

// Content edited under `npm run dev`: every report is built again from the new model.
onSiteModelReset(() => {
  remembered.clear();
  recent.clear();
});

function rememberedFor(name: string): Remembered {
  let entry = remembered.get(name);
  if (!entry) remembered.set(name, (entry = {}));
  return entry;
}

/** A document model by name, built by `build` unless it is one of the last few built. */
function documentNamed(name: string, kind: PdfKind, build: () => DocumentModel): DocumentModel {
  let document = recent.get(name);
  if (document) {
    recent.delete(name);
  } else {
    const watermark = draftWatermark();
    document = { ...build(), ...(watermark ? { watermark } : {}) };
    const entry = rememberedFor(name);
    entry.images = document.images;
    if (pdfCacheEnabled()) entry.key ??= pdfCacheKey(kind, document);
  }
  recent.set(name, document);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return document;
}

/** A document's PDF: read from the cache by its remembered key (no model needed), else drawn. */
async function pdfNamed<K extends PdfKind>(name: string, kind: K, build: () => DocumentModel): Promise<RenderedOf<K>> {
  const key = remembered.get(name)?.key;
  const stored = key ? readCachedPdf<K>(key) : undefined;
  return stored ?? cachedPdf(kind, documentNamed(name, kind, build));
}

/** The PDF cache key of a document built in this build (by any module instance), if known. */
export function rememberedPdfKey(name: string): string | undefined {
  return remembered.get(name)?.key;
}

/** Records a document's PDF cache key found without making its model (src/site/pdf-inputs.ts). */
export function rememberPdfKey(name: string, key: string, images?: ImageRef[]): void {
  const entry = rememberedFor(name);
  entry.key = key;
  if (images) entry.images = images;
}

/** A document's pictures, for the pages that publish them. */
function imagesNamed(name: string, kind: PdfKind, build: () => DocumentModel): ImageRef[] {
  return remembered.get(name)?.images ?? documentNamed(name, kind, build).images;
}

export interface Report {
  inspection: Inspection;
  readonly document: DocumentModel;
  readonly images: ImageRef[];
  readonly pdf: Promise<RenderedPdf>;
}

/** The report of a public inspection: its model, pictures and PDF, each made when first asked for. */
export function reportFor(slug: string): Report {
  // First, so that edited content (dev server) empties the caches before they are read.
  const { project, inspections } = siteModel();
  const inspection = inspections.find((i) => i.slug === slug);
  if (!inspection) throw new Error(`no public inspection "${slug}"`);
  const name = reportPdfName(slug);
  const build = () => reportDocument(project, inspection);
  return {
    inspection,
    get document() {
      return documentNamed(name, 'report', build);
    },
    get images() {
      return imagesNamed(name, 'report', build);
    },
    get pdf() {
      return pdfNamed(name, 'report', build);
    },
  };
}

/** The file name of a report's PDF in the built site, which also names it in the build's memory. */
export const reportPdfName = (slug: string) => `inspections/${slug}/report.pdf`;

export type ReportKind = 'inspection' | 'thematic';

/** The file name of an easy-read PDF in the built site. */
export const easyReadPdfName = (kind: ReportKind, slug: string) => `${kind === 'inspection' ? 'inspections' : 'thematic'}/${slug}/easy-read.pdf`;

export interface EasyRead {
  /** The file the author wrote (project-relative), for messages. */
  file: string;
  readonly document: DocumentModel;
  readonly images: ImageRef[];
  readonly pdf: Promise<RenderedEasyReadPdf>;
}

/** The slugs of public reports of a kind that have an easy-read version. */
export function easyReadSlugs(kind: ReportKind): string[] {
  const model = siteModel();
  return (kind === 'inspection' ? model.inspections : model.thematics).filter((report) => report.easyRead).map((report) => report.slug);
}

/**
 * The easy-read version of a public report: model, pictures and PDF, each made when first asked
 * for. Layout warnings (such as more than about 24 pages) are printed in the form `npm run check`
 * uses, naming the file the author wrote.
 */
export function easyReadFor(kind: ReportKind, slug: string): EasyRead {
  const { project, inspections, thematics } = siteModel();
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
  const name = easyReadPdfName(kind, slug);
  const build = () => easyReadDocument(project, subject, process.cwd()).document;
  return {
    file,
    get document() {
      return documentNamed(name, 'easy-read', build);
    },
    get images() {
      return imagesNamed(name, 'easy-read', build);
    },
    get pdf() {
      return pdfNamed(name, 'easy-read', build).then((rendered) => {
        const entry = rememberedFor(name);
        if (!entry.warned) for (const warning of rendered.warnings) process.stderr.write(`${file}  warning  easy-read-layout  ${warning}\n`);
        entry.warned = true;
        return rendered;
      });
    },
  };
}
