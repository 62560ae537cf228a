/** The hand-over's PDFs while the build writes them (src/build/written-pdfs.ts): each page waits only for the PDFs it names. */
import { describe, expect, it } from 'vitest';
import { WrittenPdfs } from '../../src/build/written-pdfs.ts';
import type { PdfFacts } from '../../src/pdf/publish.ts';

const image = { source: '/content/x/team.png', name: 'team.png' };
const facts: PdfFacts = { pageCount: 12, size: 340_000, images: [image], warnings: [] };
const settled = async (promise: Promise<unknown>) => Promise.race([promise.then(() => 'resolved', () => 'rejected'), new Promise((resolve) => setTimeout(resolve, 0, 'waiting'))]);

describe('the PDFs a build writes, handed to the pages', () => {
  it('knows every PDF the build will write before any is written', () => {
    const pdfs = new WrittenPdfs(['a/report.pdf', 'b/report.pdf']);
    expect(pdfs.has('a/report.pdf')).toBe(true);
    expect(pdfs.has('cy/a/report.pdf')).toBe(false);
    expect(() => pdfs.facts('cy/a/report.pdf')).toThrow('the build writes no PDF cy/a/report.pdf');
  });

  it('gives a PDF’s pictures once its document is made, and its facts once it is written, each PDF on its own', async () => {
    const pdfs = new WrittenPdfs(['a/report.pdf', 'b/report.pdf']);
    const aFacts = pdfs.facts('a/report.pdf');
    const aImages = pdfs.images('a/report.pdf');
    expect(await settled(aImages)).toBe('waiting');
    pdfs.imagesKnown('a/report.pdf', [image]);
    expect(await aImages).toEqual([image]);
    expect(await settled(aFacts)).toBe('waiting');
    pdfs.wrote('a/report.pdf', facts);
    expect(await aFacts).toEqual(facts);
    expect(await settled(pdfs.facts('b/report.pdf'))).toBe('waiting');
    // A PDF found in the cache is written with its pictures: they need not be told first.
    pdfs.wrote('b/report.pdf', facts);
    expect(await pdfs.images('b/report.pdf')).toEqual([image]);
  });
});
