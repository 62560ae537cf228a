/**
 * Safe outputs from hostile text: every published CSV guards text a spreadsheet would run as a
 * formula (src/document/csv.ts), and text with HTML tags reaches the search index (Pagefind) as text,
 * never as markup.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { csvText } from '../../src/document/csv.ts';
import { ratingsCsv, ratingsRecords } from '../../src/document/ratings-table.ts';
import { reportDocument } from '../../src/document/report-document.ts';
import { trackerCsv } from '../../src/document/tracker-document.ts';
import { renderBlocks, renderContext } from '../../src/html/render-blocks.ts';
import type { Thematic } from '../../src/model/project.ts';

const FORMULA = '=HYPERLINK("https://evil.example/","Click here")';
const MARKUP = '<img src=x onerror=alert(1)>';
const SERVICE = "@SUM(1+1)*cmd|' /C calc'!A0";

// The valid fixture, with a hostile service name and recommendation.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-outputs-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
fs.cpSync(path.resolve(import.meta.dirname, '../fixtures/valid'), root, { recursive: true });
fs.cpSync(path.resolve(import.meta.dirname, '../../templates'), path.join(root, 'templates'), { recursive: true });
const edit = (file: string, from: string, to: string) => {
  const absolute = path.join(root, 'content', file);
  fs.writeFileSync(absolute, fs.readFileSync(absolute, 'utf8').replace(from, to));
};
edit('services/eastbrook.yaml', 'name: Eastbrook Youth Justice Service', `name: "${SERVICE}"`);
edit('inspections/eastbrook-2023/inspection.yaml', 'text: Keep the range of services under review as the caseload changes.', `text: '${FORMULA.replace(/'/g, "''")} ${MARKUP}'`);
const { project, diagnostics } = loadProject(root);
const inspection = project.inspections[0]!;

/** The fields of a CSV's second line (the first record), for a CSV without quoted line breaks. */
const cellsOf = (csv: string) => csv.split('\r\n');

describe('CSV files', () => {
  it('loads the hostile content without a problem (it is only text)', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('puts a single quote before text starting with =, +, -, @, a tab or a carriage return, and quotes as RFC 4180 says', () => {
    const csv = csvText(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [['=1+1', '+1', '-1', '@x', '\tx', '\rx', 'plain, "quoted"']]);
    expect(csv).toBe(`a,b,c,d,e,f,g\r\n'=1+1,'+1,'-1,'@x,'\tx,"'\rx","plain, ""quoted"""\r\n`);
  });

  it('writes numbers as numbers, negative ones included, and dates as they are', () => {
    expect(csvText(['score', 'change', 'date', 'empty'], [[24, -3, '2026-03-02', null]])).toBe('score,change,date,empty\r\n24,-3,2026-03-02,\r\n');
  });

  it('guards a hostile service name in ratings.csv, and leaves its numbers alone', () => {
    const records = ratingsRecords([inspection], project.messages.en);
    const csv = ratingsCsv(records);
    const [header, row] = cellsOf(csv);
    const at = (name: string) => header!.split(',').indexOf(name);
    expect(row).toContain(`,'${SERVICE},`);
    expect(row!.startsWith('eastbrook-2023,')).toBe(true);
    const fields = row!.replace(/"[^"]*(?:""[^"]*)*"/g, 'Q').split(',');
    expect(fields[at('composite score')]).toBe(String(records.rows[0]!['composite score']));
    expect(fields[at('published')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('guards a hostile recommendation, addressee and lines of enquiry in the tracker CSV', () => {
    const thematic = {
      slug: 'hostile-2025',
      source: { title: '-2+3', published: '2025-01-01', recommendations: [{ number: 1, addressee: '@board', text: FORMULA, linesOfEnquiry: ['+first', 'second'], evidence: ['\tthird'] }] },
    } as unknown as Thematic;
    const csv = trackerCsv([thematic]);
    expect(csv).toContain(`'-2+3,2025,1,'@board,"'${FORMULA.replace(/"/g, '""')}","'+first\nsecond",'\tthird,,\r\n`);
  });
});

describe('what the search index reads', () => {
  // Pagefind indexes the page's words (data-pagefind-body) and takes its title and image from them.
  const html = `<main data-pagefind-body>${renderBlocks(reportDocument(project, inspection, root).body, renderContext({ words: project.messages.en }))}</main>`;
  const tree = fromHtml(html, { fragment: true });

  it('has the recommendation as escaped text, not as an element', () => {
    expect(html).toContain('&#x3C;img src=x onerror=alert(1)>');
    expect(selectAll('img', tree)).toEqual([]);
    expect(selectAll('[onerror], [data-pagefind-meta], [data-pagefind-filter]', tree)).toEqual([]);
    expect(textOf(tree)).toContain(`${FORMULA} ${MARKUP}`);
  });

  it('gives Pagefind the words only: its record holds them as text, with no image or other meta from them', async () => {
    const pagefind = await import('pagefind');
    try {
      const { index } = await pagefind.createIndex({});
      await index!.addHTMLFile({ url: '/inspections/eastbrook-2023/', content: `<!doctype html><html lang="en-GB"><head><title>Report</title></head><body>${html}</body></html>` });
      const { files } = await index!.getFiles();
      const fragments = files.filter((file) => file.path.startsWith('fragment/')).map((file) => JSON.parse(gunzip(file.content).replace(/^pagefind_dcd/, '')) as { content: string; meta: Record<string, string> });
      expect(fragments).toHaveLength(1);
      expect(fragments[0]!.content).toContain(MARKUP);
      expect(Object.keys(fragments[0]!.meta)).toEqual(['title']);
    } finally {
      await pagefind.close();
    }
  });
});

/** The text of a tree, as a browser's textContent. */
function textOf(node: { type: string; value?: string; children?: unknown[] }): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map((child) => textOf(child as never)).join('');
}

function gunzip(bytes: Uint8Array): string {
  return zlib.gunzipSync(Buffer.from(bytes)).toString('utf8');
}
