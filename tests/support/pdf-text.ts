/** A PDF's text as a reader or a search engine could get it out, with pdf.js. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { inject } from 'vitest';

/**
 * A PDF's text, metadata, outline and links as one string (readPdfText), read once per run for the
 * same bytes: the test files that search the shared build's PDFs (tests/browser/lib/leak-check.ts, and
 * tests/site/site-pages.test.ts's search for hidden reports) run in different processes, so the
 * text is kept in the shared build's folder, by the PDF's SHA-256. pdf.js takes seconds for the
 * sample's PDFs, and each file read them all.
 */
export async function pdfText(bytes: Buffer): Promise<string> {
  const folder = path.join(inject('sharedSiteRoot'), 'pdf-text');
  const file = path.join(folder, `${crypto.createHash('sha256').update(bytes).digest('hex')}.txt`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    const text = await readPdfText(bytes);
    // Written whole, then renamed: a file reading the same PDF meanwhile never sees half of it.
    fs.mkdirSync(folder, { recursive: true });
    const part = `${file}.${process.pid}.part`;
    fs.writeFileSync(part, text);
    fs.renameSync(part, file);
    return text;
  }
}

async function readPdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const chunks: string[] = [];
    const { info, metadata } = await pdf.getMetadata();
    chunks.push(JSON.stringify(info ?? {}), metadata ? JSON.stringify([...metadata]) : '');
    const outline = (await pdf.getOutline()) ?? [];
    const walk = (items: { title: string; items: unknown[] }[]) => {
      for (const item of items) {
        chunks.push(item.title);
        walk(item.items as { title: string; items: unknown[] }[]);
      }
    };
    walk(outline as { title: string; items: unknown[] }[]);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      chunks.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
      // Words broken over text runs: also the page with all spaces removed.
      chunks.push(content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, ''));
      const annotations = await page.getAnnotations();
      chunks.push(JSON.stringify(annotations.map((a) => [a.url, a.contentsObj?.str, a.alternativeText])));
      page.cleanup();
    }
    return chunks.join('\n');
  } finally {
    await pdf.destroy();
  }
}
