import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { Outline } from '../../src/pdf/contents.ts';

type Item = { outlineData: { Title: string }; children: Item[] };
const tree = (item: Item): unknown[] => item.children.map((child) => (child.children.length ? [String(child.outlineData.Title), tree(child)] : String(child.outlineData.Title)));

describe('Outline', () => {
  it('nests level 3 bookmarks under the level 2 before them, deeper ones under the level 3, the title at the top', () => {
    const doc = new PDFDocument({ size: 'A4' });
    const outline = new Outline(doc, 595.28);
    const headings: [string, number][] = [['Title', 1], ['A', 2], ['A.1', 3], ['A.1.a', 4], ['B', 2], ['B.a', 4], ['C', 2], ['C.1', 3]];
    for (const [text, level] of headings) outline.add(text, level, 100);
    expect(tree(doc.outline as unknown as Item)).toEqual(['Title', ['A', [['A.1', ['A.1.a']]]], ['B', ['B.a']], ['C', ['C.1']]]);
  });
});
