/**
 * What pages say of their PDFs (pages and size in the download link) and the pictures they publish
 * beside them. In a build, every PDF was written before the pages are built, and these are the
 * facts the build handed over (handoff.ts). In the live preview, a PDF is drawn when asked for,
 * through the PDF cache, so an edit shows in the next page and PDF.
 */
import type { ImageRef } from '../document/blocks.ts';
import { cachedPdf, type RenderedOf } from '../pdf/cache.ts';
import { handedOver, type PdfFacts } from './handoff.ts';
import type { Site } from './site.ts';
import type { Messages } from '../model/messages.ts';
import { sitePdfs, type SitePdf } from './site-pdfs.ts';

function sitePdf(site: Site, name: string): SitePdf {
  for (const pdf of sitePdfs(site)) if (pdf.name === name) return pdf;
  throw new Error(`this site publishes no PDF ${name}`);
}

function written(name: string): PdfFacts | undefined {
  const handoff = handedOver();
  if (!handoff) return undefined;
  const facts = handoff.pdfs.get(name);
  if (!facts) throw new Error(`the build wrote no PDF ${name}`);
  return facts;
}

/** A PDF drawn now, for the live preview (read from the cache when its document did not change). */
export async function livePdf(site: Site, name: string): Promise<{ rendered: RenderedOf<'report' | 'easy-read'>; images: ImageRef[] }> {
  const pdf = sitePdf(site, name);
  const document = pdf.document();
  return { rendered: await cachedPdf(pdf.kind, document), images: document.images };
}

export async function pdfFacts(site: Site, name: string): Promise<PdfFacts> {
  const facts = written(name);
  if (facts) return facts;
  const { rendered, images } = await livePdf(site, name);
  return { pageCount: rendered.pageCount, size: rendered.bytes.length, images, warnings: 'warnings' in rendered ? rendered.warnings : [] };
}

/** The pictures of a report's PDF (and page), without drawing it. */
export function pdfImages(site: Site, name: string): ImageRef[] {
  return written(name)?.images ?? sitePdf(site, name).document().images;
}

/**
 * The facts of a PDF that may not be written yet: a Welsh PDF before the build makes one. The page
 * then links to it without its pages and size.
 */
export async function pdfFactsIfWritten(site: Site, name: string): Promise<PdfFacts | undefined> {
  const handoff = handedOver();
  if (handoff) return handoff.pdfs.get(name);
  if (![...sitePdfs(site)].some((pdf) => pdf.name === name)) return undefined;
  return pdfFacts(site, name);
}

/** "PDF, 12 pages, 340 KB", in the page's language; "PDF" when its facts are not known. */
export function pdfFactsText(m: Messages, facts: Pick<PdfFacts, 'pageCount' | 'size'> | undefined): string {
  if (!facts) return m.t('site.download.pdf');
  const kb = facts.size / 1024;
  const size = kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(kb))} KB`;
  return m.t('site.download.pdf-facts', { pages: facts.pageCount, size });
}

/** The pictures of a PDF that may not be written yet (a Welsh PDF before the build makes one): undefined then. */
export function pdfImagesIfWritten(site: Site, name: string): ImageRef[] | undefined {
  const handoff = handedOver();
  if (handoff) return handoff.pdfs.get(name)?.images;
  return [...sitePdfs(site)].some((pdf) => pdf.name === name) ? pdfImages(site, name) : undefined;
}
