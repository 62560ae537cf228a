/** STUB, being replaced: draws a DocumentModel as a tagged PDF with pdfkit. */
import PDFDocument from 'pdfkit';
import type { DocumentModel } from '../document/blocks.ts';

export interface RenderedPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** The 1-based page each heading id starts on. */
  headingPages: Record<string, number>;
}

export async function renderDocumentPdf(document: DocumentModel): Promise<RenderedPdf> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: document.title, CreationDate: new Date(`${document.date}T00:00:00Z`) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.text(document.title);
  doc.end();
  await done;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), pageCount: 1, headingPages: {} };
}
