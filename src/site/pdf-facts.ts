/**
 * What pages say of their PDFs (pages and size in the download link) and the pictures they publish
 * beside them. In a build, these are the facts the build hands over (handoff.ts) as it writes each
 * PDF: a page waits only for the PDFs it names, while the others are still being drawn. In the
 * live preview, a PDF is drawn when asked for, through the PDF cache, so an edit shows in the next
 * page and PDF.
 */
import type { ImageRef } from '../document/blocks.ts';
import { cachedPdf, type RenderedOf } from '../pdf/cache.ts';
import { handedOver, type PdfFacts } from './handoff.ts';
import type { Site } from './site.ts';
import type { Messages } from '../model/messages.ts';
import type { Lang } from '../model/language.ts';
import { fileIn } from './paths.ts';
import { sitePdfs, type SitePdf } from './site-pdfs.ts';

function sitePdf(site: Site, name: string): SitePdf {
  for (const pdf of sitePdfs(site)) if (pdf.name === name) return pdf;
  throw new Error(`this site publishes no PDF ${name}`);
}

/** A PDF drawn now, for the live preview (read from the cache when its document did not change). */
export async function livePdf(site: Site, name: string): Promise<{ rendered: RenderedOf<'report' | 'easy-read'>; images: ImageRef[] }> {
  const pdf = sitePdf(site, name);
  const document = pdf.document();
  return { rendered: await cachedPdf(pdf.kind, document), images: document.images };
}

export async function pdfFacts(site: Site, name: string): Promise<PdfFacts> {
  const handoff = handedOver();
  if (handoff) return handoff.pdfs.facts(name);
  const { rendered, images } = await livePdf(site, name);
  return { pageCount: rendered.pageCount, size: rendered.bytes.length, images, warnings: 'warnings' in rendered ? rendered.warnings : [] };
}

/** The pictures of a report's PDF (and page), without drawing it. */
export async function pdfImages(site: Site, name: string): Promise<ImageRef[]> {
  const handoff = handedOver();
  return handoff ? handoff.pdfs.images(name) : sitePdf(site, name).document().images;
}

/**
 * The facts of a PDF that may not be made: a Welsh PDF before the build makes one. The page then
 * links to it without its pages and size.
 */
export async function pdfFactsIfWritten(site: Site, name: string): Promise<PdfFacts | undefined> {
  return pdfMade(site, name) ? pdfFacts(site, name) : undefined;
}

/** "PDF, 12 pages, 340 KB", in the page's language; "PDF" when its facts are not known. */
export function pdfFactsText(m: Messages, facts: Pick<PdfFacts, 'pageCount' | 'size'> | undefined): string {
  if (!facts) return m.t('site.download.pdf');
  return m.t('site.download.pdf-facts', { pages: facts.pageCount, size: fileSizeText(m, facts.size) });
}

/** "340 KB", "1.2 MB": a file's size as a download link gives it, in the page's language. */
export function fileSizeText(m: Messages, bytes: number): string {
  const kb = bytes / 1024;
  return kb >= 1024 ? m.t('site.download.size-mb', { mb: (kb / 1024).toFixed(1) }) : m.t('site.download.size-kb', { kb: String(Math.max(1, Math.round(kb))) });
}

/** Whether the site has this PDF: one the build writes (known before it is written), or one the live preview would draw. */
export function pdfMade(site: Site, name: string): boolean {
  const handoff = handedOver();
  return handoff ? handoff.pdfs.has(name) : [...sitePdfs(site)].some((pdf) => pdf.name === name);
}

/** The pictures of a PDF that may not be made (a Welsh PDF before the build makes one): undefined then. */
export async function pdfImagesIfWritten(site: Site, name: string): Promise<ImageRef[] | undefined> {
  return pdfMade(site, name) ? pdfImages(site, name) : undefined;
}

/** The PDF a page in a language links to: its own language's, or the English one while that is not made. */
export interface LocalPdf {
  /** Its address on the site: "/cy/inspections/<slug>/report.pdf". */
  href: string;
  facts: PdfFacts;
  /** The English PDF on a page in another language (its Welsh PDF not made yet). */
  english: boolean;
}

/**
 * The PDF named `name` (its English name, such as "inspections/<slug>/report.pdf") as a page in
 * `lang` links to it: the Welsh PDF under cy/ when the build made it, else the English one, said
 * to be in English, so a Welsh page never links to a file that is not there.
 */
export async function localPdf(site: Site, english: Site, lang: Lang, name: string): Promise<LocalPdf> {
  const local = fileIn(lang, name);
  if (local !== name) {
    const facts = await pdfFactsIfWritten(site, local);
    if (facts) return { href: `/${local}`, facts, english: false };
  }
  return { href: `/${name}`, facts: await pdfFacts(english, name), english: local !== name };
}
