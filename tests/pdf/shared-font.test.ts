/**
 * The fonts are parsed once per process and shared by every document (src/pdf/writer.ts), and
 * fontkit keeps one glyph object per glyph id with the code points it was first asked for. A PDF's
 * text must not depend on what was drawn before it: a glyph first met without its code points must
 * still be copied and read as its character.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { thematicReportDocument } from '../../src/document/thematic-report-document.ts';
import { renderDocumentPdf } from '../../src/pdf/render-document.ts';
import { parsedFont } from '../../src/pdf/writer.ts';
import { structureText } from '../support/pdf.ts';
import { pdftotext } from '../support/extracted-words.ts';

interface Glyph {
  id: number;
  codePoints: number[];
}
const root = path.resolve(import.meta.dirname, '../..');
const font = parsedFont('regular') as { glyphForCodePoint(codePoint: number): Glyph; _glyphs: Record<number, Glyph> };
const period = font.glyphForCodePoint(0x2e);
let restore = () => {};
afterEach(() => restore());

describe('the fonts shared by every document of a process', () => {
  it('give a glyph its own character in every document, whatever another document asked for it with', async () => {
    // As if an earlier document had met the full stop's glyph with no code points (an insertion or a substitution).
    const cached = font._glyphs[period.id]!;
    const before = cached.codePoints;
    cached.codePoints = [];
    restore = () => {
      cached.codePoints = before;
    };
    const { project } = loadProject(root);
    const thematic = project.thematics.find((t) => t.slug === 'out-of-court-disposals-2025')!;
    const rendered = await renderDocumentPdf(thematicReportDocument(project, thematic, root));
    const text = await structureText(rendered.bytes);
    expect(text).toContain('v3.0');
    expect(text).not.toMatch(/\w&\w/);
    const poppler = pdftotext(rendered.bytes);
    if (poppler !== undefined) expect(poppler).toContain('v3.0');
  }, 60_000);
});
