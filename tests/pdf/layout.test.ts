/** Layout rules of the PDF renderer, on made-up documents built to push each rule to its edge. */
import { describe, expect, it } from 'vitest';
import { wordsIn } from '../support/messages.ts';
import type { Block, DocumentModel, Inline } from '../../src/document/blocks.ts';
import { MIN_LAST_PAGE_LINES, renderDocumentPdf } from '../../src/pdf/render-document.ts';
import { layoutInlines } from '../../src/pdf/inline-layout.ts';
import { linesOf, readPdf, walk } from '../support/pdf.ts';

const text = (value: string, style: { bold?: boolean; italic?: boolean } = {}): Inline => ({ type: 'text', value, ...style });
const para = (value: string): Block => ({ type: 'paragraph', inlines: [text(value)] });
const heading = (level: 2 | 3, value: string, id: string): Block => ({ type: 'heading', level, id, text: value, inContents: true });

function documentWith(body: Block[]): DocumentModel {
  return {
    title: 'Layout test',
    subtitle: 'A made-up document',
    language: 'en-GB',
    words: wordsIn('en'),
    date: '2024-01-02',
    author: 'Test inspectorate',
    subject: 'layout',
    keywords: [],
    runningHeader: 'Layout test',
    cover: [para('Cover line')],
    credits: [para('Credits line')],
    body,
    images: [],
  };
}

describe('line breaking', () => {
  const measure = (value: string, _font: string, size: number) => value.length * size * 0.5;
  const style = { font: 'regular' as const, size: 10, colour: '#000', linkColour: '#00f' };

  it('fills lines with whole words and never hyphenates', () => {
    const lines = layoutInlines([text('aaaa bbbb cccc dddd')], 50, style, measure);
    expect(lines.map((l) => l.segments.map((s) => (s.kind === 'text' ? s.text : '')).join('').trim())).toEqual(['aaaa bbbb', 'cccc dddd']);
  });

  it('keeps punctuation with the styled word before it', () => {
    const lines = layoutInlines([text('xxxxxxx '), text('bold', { bold: true }), text(', next')], 60, style, measure);
    expect(lines[1]!.segments.map((s) => (s.kind === 'text' ? s.text : '')).join('')).toMatch(/^bold,/);
  });

  it('splits only a word longer than the line', () => {
    const lines = layoutInlines([text('see https://example.org/a/very/long/address/indeed')], 100, style, measure);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100.01);
  });

  it('keeps a rating symbol with its word', () => {
    const lines = layoutInlines([text('xxxxxxxxxx '), { type: 'rating', rating: 'good', label: 'Good', mark: '*', symbol: 'circle' }], 60, style, measure);
    const last = lines.at(-1)!;
    expect(last.segments[0]!.kind).toBe('symbol');
    expect(last.segments[1]).toMatchObject({ kind: 'text', text: '\u00a0Good*' });
  });
});

describe('page layout', () => {
  it('repeats a long table’s header row on every page it runs onto, as an artifact', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [{ inlines: [text(`Row ${i + 1}`)], rowHeader: true }, { inlines: [text(`${i}%`)], align: 'right' as const }]);
    const result = await renderDocumentPdf(documentWith([heading(2, 'Long table', 'long'), { type: 'table', caption: 'A long table', head: [[{ inlines: [text('Question')] }, { inlines: [text('Per cent')] }]], rows }]));
    const pdf = await readPdf(result.bytes);
    const pagesWithRows = pdf.pages.map((items, i) => ({ page: i + 1, items })).filter(({ items }) => items.some((item) => /^Row \d+$/.test(item.text)));
    expect(pagesWithRows.length).toBeGreaterThanOrEqual(2);
    pagesWithRows.forEach(({ items }, index) => {
      const header = items.filter((item) => item.text === 'Question');
      expect(header.length).toBe(1);
      // Tagged once (THead) on the first page; page furniture on the others.
      expect(header[0]!.artifact).toBe(index > 0);
      const firstRow = items.find((item) => /^Row \d+$/.test(item.text))!;
      expect(header[0]!.top).toBeLessThan(firstRow.top);
    });
    const allRows = pdf.pages.flat().filter((item) => /^Row \d+$/.test(item.text) && !item.artifact);
    expect(allRows.map((item) => item.text)).toEqual(rows.map((_, i) => `Row ${i + 1}`));
  });

  it('keeps a heading with the first lines of what follows, and leaves no single line of a paragraph alone', async () => {
    // Paragraphs whose words name them ("p7"), so each printed line can be traced to its paragraph.
    const paragraph = (n: number, words: number) => para(Array.from({ length: words }, (_, i) => `p${n}w${i}`).join(' '));
    for (let fill = 28; fill <= 36; fill++) {
      const body: Block[] = [heading(2, 'Start', 'start'), ...Array.from({ length: fill }, (_, i) => paragraph(i, 12)), heading(3, 'Late heading', 'late')];
      for (let n = 100; n < 106; n++) body.push(paragraph(n, 40 + (n % 3) * 7));
      const result = await renderDocumentPdf(documentWith(body));
      const pdf = await readPdf(result.bytes);
      const page = result.headingPages.late!;
      const lines = linesOf(pdf.pages[page - 1]!);
      const at = lines.findIndex((l) => l.text === 'Late heading');
      expect(lines.length - at - 1, `filler ${fill}`).toBeGreaterThanOrEqual(2);
      const linesPerParagraphPage = new Map<string, number>();
      pdf.pages.forEach((items, index) => {
        for (const line of linesOf(items)) {
          const id = /^p(\d+)w/.exec(line.text)?.[1] ?? /p(\d+)w\d+$/.exec(line.text)?.[1];
          if (id) linesPerParagraphPage.set(`${id}@${index}`, (linesPerParagraphPage.get(`${id}@${index}`) ?? 0) + 1);
        }
      });
      const pagesOf = (id: string) => [...linesPerParagraphPage.keys()].filter((k) => k.startsWith(`${id}@`));
      for (const [key, count] of linesPerParagraphPage) {
        const id = key.split('@')[0]!;
        if (pagesOf(id).length > 1) expect(count, `paragraph ${id} split with ${count} line on a page (filler ${fill})`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('draws Welsh letters, nested lists, links and quotes, all tagged', async () => {
    const body: Block[] = [
      heading(2, 'Gwasanaeth Ieuenctid', 'cy'),
      para('Dŵr, tŷ, ŵyr a ŷd: the Welsh letters print as written.'),
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [[para('First point'), { type: 'list', ordered: false, start: 1, items: [[para('Inner point')]] }], [para('Second point')]],
      },
      { type: 'paragraph', inlines: [text('Read '), { type: 'link', url: 'https://example.org/guide', children: [text('the guide')] }, text('.')] },
      { type: 'quote', blocks: [para('‘They listened to me.’ (a child)')] },
    ];
    const result = await renderDocumentPdf(documentWith(body));
    const pdf = await readPdf(result.bytes);
    const printed = pdf.pages.map((items) => linesOf(items).map((l) => l.text).join('\n')).join('\n');
    expect(printed).toContain('Dŵr, tŷ, ŵyr a ŷd');
    expect(printed).toMatch(/3\.\s*First point/);
    expect(printed).toMatch(/4\.\s*Second point/);
    expect(pdf.links.flat().map((l) => l.url)).toContain('https://example.org/guide');
    const roles = pdf.structure.flatMap((tree) => [...walk(tree)].map((n) => n.role));
    expect(roles.filter((r) => r === 'L').length).toBe(2);
    expect(roles).toContain('BlockQuote');
    expect(roles).toContain('Link');
  });

  describe('the last page', () => {
    const lastPageLines = async (bytes: Uint8Array) => {
      const pdf = await readPdf(bytes);
      return { pdf, lines: linesOf(pdf.pages.at(-1)!).map((l) => l.text) };
    };
    /** Lines of the body page that holds the heading, from a document with far more than a page of them. */
    const firstPageCount = async (body: (n: number) => Block[], match: RegExp) => {
      const { pdf } = await lastPageLines((await renderDocumentPdf(documentWith(body(120)))).bytes);
      return linesOf(pdf.pages[3]!).filter((l) => match.test(l.text)).length;
    };

    it('takes one-line paragraphs over from the page before rather than end with two lines', async () => {
      const body = (n: number): Block[] => [heading(2, 'Findings', 'findings'), ...Array.from({ length: n }, (_, i) => para(`Finding number ${i + 1}.`))];
      // Two more than the first body page holds: laid out page by page, the last page would hold two lines.
      const count = (await firstPageCount(body, /^Finding number/)) + 2;
      const result = await renderDocumentPdf(documentWith(body(count)));
      const { pdf, lines } = await lastPageLines(result.bytes);
      expect(pdf.pageCount).toBe(5);
      expect(lines.length).toBeGreaterThanOrEqual(MIN_LAST_PAGE_LINES);
      expect(lines.at(-1)).toBe(`Finding number ${count}.`);
      const printed = pdf.pages.slice(3).flatMap((items) => linesOf(items).map((l) => l.text));
      expect(printed.filter((l) => l.startsWith('Finding number'))).toEqual(Array.from({ length: count }, (_, i) => `Finding number ${i + 1}.`));
    });

    it('does the same for a section that ends just before the next section’s new page', async () => {
      const findings = (n: number): Block[] => [heading(2, 'Findings', 'findings'), ...Array.from({ length: n }, (_, i) => para(`Finding number ${i + 1}.`))];
      const count = (await firstPageCount(findings, /^Finding number/)) + 2;
      const result = await renderDocumentPdf(documentWith([...findings(count), heading(2, 'Next section', 'next'), para('The next section starts a page of its own.')]));
      const pdf = await readPdf(result.bytes);
      const ending = pdf.pages.map((items) => linesOf(items).map((l) => l.text)).find((lines) => lines.includes(`Finding number ${count}.`))!;
      expect(ending.length).toBeGreaterThanOrEqual(MIN_LAST_PAGE_LINES);
      expect(result.headingPages.next).toBe(6);
    });

    it('breaks a long last paragraph earlier, and a table earlier with its header row again', async () => {
      const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
      const row = (i: number) => [{ inlines: [text(`Row ${i}`)], rowHeader: true }, { inlines: [text(`${i}%`)], align: 'right' as const }];
      const table = (n: number): Block => ({ type: 'table', caption: 'Rows', head: [[{ inlines: [text('Question')] }, { inlines: [text('Per cent')] }]], rows: Array.from({ length: n }, (_, i) => row(i + 1)) });
      // The smallest block (in lines or rows) that reaches a fifth page: laid out page by page, it would put one line there.
      for (const last of [(n: number) => para(words(n * 8)), table]) {
        const render = (n: number) => renderDocumentPdf(documentWith([heading(2, 'Start', 'start'), last(n)]));
        let [low, high] = [1, 128];
        while (low < high) {
          const middle = Math.floor((low + high) / 2);
          if ((await render(middle)).pageCount >= 5) high = middle;
          else low = middle + 1;
        }
        const n = low;
        const result = await render(n);
        expect(result.pageCount).toBe(5);
        const { pdf, lines } = await lastPageLines(result.bytes);
        expect(lines.length, `${n}`).toBeGreaterThanOrEqual(MIN_LAST_PAGE_LINES);
        if (last === table) expect(linesOf(pdf.pages.at(-1)!, { artifacts: true }).map((l) => l.text)).toContain('Question Per cent');
      }
    });
  });
});

describe('table columns', () => {
  it('widen a column so that no word is split across lines, taking the room from columns that have it', async () => {
    const words = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Not rated', 'Unclear', 'All'];
    const cell = (value: string) => ({ inlines: [{ type: 'text' as const, value }] });
    const table: Block = {
      type: 'table',
      caption: 'Ratings of the standards',
      head: [[cell('Standard'), ...words.map(cell)]],
      rows: [[{ ...cell('2.3 Implementation and delivery'), rowHeader: true }, ...words.map((_, i) => cell(String(i)))]],
      // The second column asks for far more than it needs: the others, left narrow, would split their words (the row header's in bold).
      widths: [1, 6, 1, 1, 1, 1, 1, 1],
    };
    const pdf = await readPdf((await renderDocumentPdf(documentWith([table]))).bytes);
    const text = pdf.pages.flatMap((items) => linesOf(items).map((l) => l.text)).join('\n');
    const seen = new Set(text.split(/\s+/));
    for (const word of [...words.flatMap((w) => w.split(' ')), 'Implementation']) expect(seen.has(word), `${word} in:\n${text}`).toBe(true);
  });
});
