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
