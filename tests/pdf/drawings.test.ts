/** Drawings written again from what they wrote: the same bytes as svg-to-pdfkit's own drawing, and never for text. */
import { describe, expect, it, vi } from 'vitest';
import PDFDocument from 'pdfkit';

import SVGtoPDF from 'svg-to-pdfkit';
import { keptDrawings } from '../../src/pdf/drawings.ts';

// svg-to-pdfkit behind a spy, with drawings kept of their own (test files share their worker's modules: vitest.config.ts).
const draw = vi.fn(SVGtoPDF);
const { drawSvg } = keptDrawings(draw);

const shapes = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#ffffff"/><rect x="10" y="10" width="80" height="40" fill="#1d70b8" fill-opacity="0.5" stroke="#0b0c0c"/><line x1="0" y1="90" x2="200" y2="90" stroke="#0b0c0c" stroke-width="3"/></svg>';
const words = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><text x="10" y="50" font-size="20">Words</text></svg>';
const options = { width: 300, height: 150, preserveAspectRatio: 'xMinYMin meet', fontCallback: () => 'Helvetica' };

/** A one-page PDF, uncompressed, with the drawing drawn by `draw`. */
async function pdfWith(draw: (doc: PDFKit.PDFDocument) => void): Promise<string> {
  const date = new Date('2024-01-01T00:00:00Z');
  const doc = new PDFDocument({ compress: false, info: { CreationDate: date, ModDate: date } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks).toString('latin1');
}

describe('drawSvg', () => {
  it('writes a drawing of shapes again from what it wrote: the same bytes, without svg-to-pdfkit', async () => {
    const drawn = await pdfWith((doc) => SVGtoPDF(doc, shapes, 40, 60, options));
    draw.mockClear();
    expect(await pdfWith((doc) => drawSvg(doc, shapes, 40, 60, options))).toBe(drawn);
    expect(await pdfWith((doc) => drawSvg(doc, shapes, 40, 60, options))).toBe(drawn);
    expect(drawn).toContain('/Gs'); // the opacity state, named in each document
    expect(draw).toHaveBeenCalledTimes(1);
    // Elsewhere on the page, it is drawn there.
    expect(await pdfWith((doc) => drawSvg(doc, shapes, 41, 60, options))).toBe(await pdfWith((doc) => SVGtoPDF(doc, shapes, 41, 60, options)));
  });

  it('draws a drawing with text every time', async () => {
    // Its font already on the page, as a report's fonts are.
    const withText = (draw: (doc: PDFKit.PDFDocument) => void) => pdfWith((doc) => draw(doc.text('Before', 10, 10)));
    const drawn = await withText((doc) => SVGtoPDF(doc, words, 40, 60, options));
    draw.mockClear();
    expect(await withText((doc) => drawSvg(doc, words, 40, 60, options))).toBe(drawn);
    expect(await withText((doc) => drawSvg(doc, words, 40, 60, options))).toBe(drawn);
    expect(draw).toHaveBeenCalledTimes(2);
  });
});
