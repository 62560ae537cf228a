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
import { paragraph, text } from '../../src/document/make-blocks.ts';
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
    // As if an earlier document had met the full stop's glyph first with no code points (an
    // insertion or a substitution): fontkit's one glyph object for it then has none.
    const kept = font._glyphs[period.id]!;
    font._glyphs[period.id] = Object.assign(Object.create(Object.getPrototypeOf(kept)) as Glyph, kept, { codePoints: [] });
    restore = () => {
      font._glyphs[period.id] = kept;
    };
    // Words no other test draws (shaped words are shared too), in a document with nothing else that has a full stop.
    const { project } = loadProject(root);
    const thematic = project.thematics.find((t) => t.slug === 'out-of-court-disposals-2025')!;
    const model = { ...thematicReportDocument(project, thematic, root), cover: [], credits: [], body: [paragraph(text('Qwzx version v7.9 of the Jvqk licence. Xqzv.'))] };
    const rendered = await renderDocumentPdf(model);
    const read = await structureText(rendered.bytes);
    expect(read).toContain('v7.9');
    expect(read).toContain('Jvqk licence.');
    const poppler = pdftotext(rendered.bytes);
    if (poppler !== undefined) expect(poppler).toContain('v7.9');
  }, 60_000);
});
