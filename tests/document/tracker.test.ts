/** The recommendations tracker: its document model, its PDF, its CSV, and only public thematic reports in it. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { isPublic, type Project, type Thematic } from '../../src/model/project.ts';
import { inlineText, type Block } from '../../src/document/blocks.ts';
import { TRACKER_CSV_COLUMNS, trackerColumns, trackerCsv, trackerDocument, trackerRows, trackerStatuses } from '../../src/document/tracker-document.ts';
import { messagesIn } from '../support/messages.ts';
import { renderDocumentPdf } from '../../src/pdf/render-document.ts';
import { expectTextAsWritten } from '../support/extracted-words.ts';
import { drawingsOf, linesOf, readPdf, type PageDrawing } from '../support/pdf.ts';
import { TRACKER_THEMATICS } from '../support/planted.ts';
import { BUILD_DATE, sharedSite, type SharedSite } from '../support/shared-site.ts';

const buildDate = BUILD_DATE;
// The tracker's words in English, as the messages give them.
const TRACKER_COLUMNS = trackerColumns(messagesIn('en'));
const TRACKER_STATUSES = trackerStatuses(messagesIn('en'));
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
const publicThematics = (project: Project) => project.thematics.filter((t) => isPublic(t, buildDate));
const newestFirst = (thematics: Thematic[]) => [...thematics].sort((a, b) => b.source.published.localeCompare(a.source.published) || a.slug.localeCompare(b.slug));

/** What the document says about each recommendation, read back from its blocks in order. */
function recommendationsIn(body: readonly Block[]) {
  const found: { report: string; number: number; text: string; addressee: string; linesOfEnquiry: string[]; evidence: string[]; table: Extract<Block, { type: 'table' }> }[] = [];
  let report = '';
  const itemsOf = (block: Block | undefined) => (block?.type === 'list' ? block.items.map((item) => squash(item.map((b) => (b.type === 'paragraph' ? inlineText(b.inlines) : '')).join(' '))) : []);
  body.forEach((block, index) => {
    if (block.type === 'heading' && block.level === 2) report = block.text;
    const match = block.type === 'heading' && block.level === 3 ? /^Recommendation (\d+)$/.exec(block.text) : null;
    if (!match) return;
    const [text, addressee, evidenceHeading, evidence] = body.slice(index + 1, index + 5);
    const table = body.slice(index + 5, index + 7).find((b) => b.type === 'table');
    expect(text?.type).toBe('paragraph');
    expect(addressee?.type === 'paragraph' && inlineText(addressee.inlines)).toMatch(/^For: /);
    expect(evidenceHeading).toMatchObject({ type: 'heading', level: 4, text: 'How do we know?' });
    expect(table?.type).toBe('table');
    // The lines of enquiry are given once: as the table's row headers, numbered.
    const questions = (table as Extract<Block, { type: 'table' }>).rows.map((row) => inlineText(row[0]!.inlines)).filter((q) => /^\d+\. /.test(q));
    found.push({
      report,
      number: Number(match[1]),
      text: text?.type === 'paragraph' ? inlineText(text.inlines) : '',
      addressee: addressee?.type === 'paragraph' ? inlineText(addressee.inlines).replace(/^For: /, '') : '',
      linesOfEnquiry: questions.map((q) => q.replace(/^\d+\. /, '')),
      evidence: itemsOf(evidence),
      table: table as Extract<Block, { type: 'table' }>,
    });
  });
  return found;
}

/** The text inside each tagged table cell (TH or TD) of a PDF, in reading order, from its structure tree. */
async function taggedCells(bytes: Uint8Array): Promise<{ role: 'TH' | 'TD'; text: string }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const cells: { role: 'TH' | 'TD'; text: string }[] = [];
  type Node = { role?: string; type?: string; id?: string; children?: Node[] };
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const textById = new Map<string, string>();
    const open: (string | null)[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items as Array<Record<string, unknown>>) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(typeof item.id === 'string' ? item.id : null);
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string') {
        const id = [...open].reverse().find((entry) => entry !== null);
        if (id) textById.set(id, (textById.get(id) ?? '') + item.str);
      }
    }
    const textOf = (node: Node): string => (node.type === 'content' && node.id ? (textById.get(node.id) ?? '') : (node.children ?? []).map(textOf).join(' '));
    const visit = (node: Node) => {
      if (node.role === 'TH' || node.role === 'TD') cells.push({ role: node.role, text: squash(textOf(node)) });
      else for (const child of node.children ?? []) visit(child);
    };
    visit(((await page.getStructTree()) as unknown as Node | null) ?? {});
  }
  return cells;
}

describe('the tracker of the sample thematic reports', () => {
  const { project, diagnostics } = loadProject(process.cwd());
  const thematics = publicThematics(project);
  const model = trackerDocument(project, thematics);

  it('has two sample thematic reports, every recommendation with lines of enquiry and evidence', () => {
    expect(diagnostics).toEqual([]);
    expect(thematics.map((t) => t.slug).sort()).toEqual(['education-training-employment-2024', 'out-of-court-disposals-2025']);
    for (const r of thematics.flatMap((t) => t.source.recommendations)) {
      expect(r.linesOfEnquiry.length, r.text).toBeGreaterThan(0);
      expect(r.evidence.length, r.text).toBeGreaterThan(0);
    }
  });

  it('is a report with a cover dated by the latest publication and a "How to use this tracker" section first', () => {
    expect(model.kind).toBe('report');
    expect(model.title).toBe('Recommendations tracker: thematic inspections');
    expect(model.date).toBe('2025-09-16');
    expect(model.body[0]).toMatchObject({ type: 'heading', level: 2, text: 'How to use this tracker' });
    const reports = model.body.filter((b) => b.type === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
    expect(reports).toEqual(['How to use this tracker', 'Out-of-court disposals for children (2025)', 'Getting children into education, training and work (2024)']);
  });

  it('gives every recommendation of every public thematic report in order, newest report first, with its addressee, lines of enquiry and evidence', () => {
    const expected = newestFirst(thematics).flatMap((t) =>
      t.source.recommendations.map((r) => ({ report: `${t.source.title} (${t.source.published.slice(0, 4)})`, number: r.number, text: r.text, addressee: r.addressee, linesOfEnquiry: r.linesOfEnquiry, evidence: r.evidence })),
    );
    const found = recommendationsIn(model.body).map(({ table: _table, ...rest }) => rest);
    expect(found).toEqual(expected);
  });

  it('gives each recommendation a table with blank "Our evidence" and "Status" cells, a row per line of enquiry', () => {
    for (const { table, linesOfEnquiry } of recommendationsIn(model.body)) {
      expect(table.head.map((row) => row.map((c) => inlineText(c.inlines)))).toEqual([[TRACKER_COLUMNS.enquiry, TRACKER_COLUMNS.evidence, TRACKER_COLUMNS.status]]);
      expect(table.rows.map((row) => inlineText(row[0]!.inlines))).toEqual(linesOfEnquiry.map((question, i) => `${i + 1}. ${question}`));
      for (const row of table.rows) {
        expect(row[0]!.rowHeader).toBe(true);
        // Blank to fill in: ruled room to write, then tick boxes.
        expect(row[1]).toEqual({ inlines: [], writingLines: 4 });
        expect(row[2]).toEqual({ inlines: [], choices: [...TRACKER_STATUSES] });
      }
      // Kept on its page with the recommendation's heading and text, from "Recommendation N" on.
      const start = model.body.indexOf(table) - table.keepWith!;
      expect(model.body[start]).toMatchObject({ type: 'heading', level: 3 });
    }
  });

  it('gives each line of enquiry once, in its table', () => {
    const all = JSON.stringify(model.body);
    for (const q of thematics.flatMap((t) => t.source.recommendations.flatMap((r) => r.linesOfEnquiry))) expect(all.split(JSON.stringify(q).slice(1, -1))).toHaveLength(2);
  });

  it('shows each report\'s caveats', () => {
    const asides = model.body.filter((b) => b.type === 'aside');
    for (const t of thematics) {
      expect(asides.some((a) => a.type === 'aside' && a.blocks.some((b) => b.type === 'paragraph' && inlineText(b.inlines) === t.source.caveats))).toBe(true);
    }
  });

  describe('as a PDF', () => {
    let bytes: Uint8Array;
    let text: string;
    let pdf: Awaited<ReturnType<typeof readPdf>>;
    let drawings: PageDrawing[];
    const recommendations = newestFirst(thematics).flatMap((t) => t.source.recommendations);
    beforeAll(async () => {
      bytes = (await renderDocumentPdf(model)).bytes;
      pdf = await readPdf(bytes);
      drawings = await drawingsOf(bytes);
      // The text in the order it is drawn, without spaces: a cell's lines stay together, apart from the cells beside them.
      text = pdf.pages.map((items) => items.filter((i) => !i.artifact).map((i) => i.text).join('')).join('').replace(/\s+/g, '');
    }, 60_000);

    it('keeps each recommendation\'s heading on the page of its table\'s first row', () => {
      const lines = pdf.pages.flatMap((items, page) => linesOf(items).map((l) => ({ ...l, page })));
      let at = 0;
      for (const r of recommendations) {
        const heading = lines.findIndex((l, i) => i >= at && l.text === `Recommendation ${r.number}`);
        const firstRow = squash(`1. ${r.linesOfEnquiry[0]}`).slice(0, 12);
        at = lines.findIndex((l, i) => i > heading && l.text.startsWith(firstRow));
        expect(heading, r.text).toBeGreaterThanOrEqual(0);
        expect(at, r.text).toBeGreaterThan(heading);
        expect(lines[at]!.page, r.text).toBe(lines[heading]!.page);
      }
    });

    it('rules at least four lines to write on in every "Our evidence" cell, and draws a tick box by every status', () => {
      const rows = recommendations.reduce((n, r) => n + r.linesOfEnquiry.length, 0);
      let ruled = 0;
      for (const [page, drawing] of drawings.entries()) {
        const evidence = pdf.pages[page]!.find((i) => i.text === TRACKER_COLUMNS.evidence && !i.artifact);
        const borders = drawing.strokes.filter((s) => s.height < 0.01 && s.width > 400).map((s) => s.top);
        const boxes = drawing.strokes.filter((s) => Math.abs(s.width - 9) < 1 && Math.abs(s.height - 9) < 1);
        const rules = drawing.strokes.filter((s) => evidence && s.height < 0.01 && Math.abs(s.x - evidence.x) < 1 && s.width > 100 && s.width < 300);
        // Each row of a tracker table lies between two borders and holds its three tick boxes.
        borders.slice(1).forEach((bottom, i) => {
          const inRow = <T extends { top: number }>(things: T[]) => things.filter((t) => t.top > borders[i]! && t.top < bottom);
          if (inRow(boxes).length === 0) return;
          expect(inRow(boxes)).toHaveLength(TRACKER_STATUSES.length);
          expect(inRow(rules).length).toBeGreaterThanOrEqual(4);
          ruled++;
        });
      }
      expect(ruled).toBe(rows);
    });

    it('extracts as written: its words, none run together', () => expectTextAsWritten(bytes, model));

    it('never splits a table to fill in across pages', () => {
      // A split table would repeat its header row, as page furniture, on the page it runs onto.
      const header = `${TRACKER_COLUMNS.enquiry} ${TRACKER_COLUMNS.evidence} ${TRACKER_COLUMNS.status}`;
      const headers = pdf.pages.flatMap((items) => linesOf(items, { artifacts: true }).filter((l) => l.text === header));
      expect(headers).toHaveLength(thematics.flatMap((t) => t.source.recommendations).length);
    });

    it('contains every recommendation, addressee, line of enquiry and piece of evidence', () => {
      for (const r of thematics.flatMap((t) => t.source.recommendations)) {
        for (const value of [r.text, `For: ${r.addressee}`, ...r.evidence]) expect(text).toContain(value.replace(/\s+/g, ''));
        // Each line of enquiry once: as its table's row header, not in a list as well.
        for (const value of r.linesOfEnquiry) expect(text.split(value.replace(/\s+/g, ''))).toHaveLength(2);
      }
    });

    it('tags "Our evidence" and "Status" as table header cells, with blank evidence cells and the status words under them', async () => {
      const cells = await taggedCells(bytes);
      const rows = recommendations.reduce((n, r) => n + r.linesOfEnquiry.length, 0);
      const headers = cells.filter((c) => c.role === 'TH');
      expect(headers.filter((c) => c.text === TRACKER_COLUMNS.evidence)).toHaveLength(recommendations.length);
      expect(headers.filter((c) => c.text === TRACKER_COLUMNS.status)).toHaveLength(recommendations.length);
      // Each row: its line of enquiry as a row header, then the two cells to fill in, empty. (An empty
      // cell has no content to place it on a page, so pdfjs lists it under every page its table touches.)
      const questions = recommendations.flatMap((r) => r.linesOfEnquiry.map((q, i) => squash(`${i + 1}. ${q}`)));
      expect(headers.filter((c) => /^\d+\. /.test(c.text)).map((c) => c.text)).toEqual(questions);
      // The status cells carry their words as text (the boxes are drawn, as artifacts); the evidence cells nothing.
      const data = cells.filter((c) => c.role === 'TD');
      const statuses = TRACKER_STATUSES.join(' ');
      expect(data.filter((c) => c.text === statuses)).toHaveLength(rows);
      expect(data.filter((c) => c.text === '').length).toBeGreaterThanOrEqual(rows);
      expect(data.every((c) => c.text === '' || c.text === statuses)).toBe(true);
    });
  });

  it('publishes one CSV row per recommendation that reads back to the same numbers and texts', () => {
    const csv = trackerCsv(thematics);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...TRACKER_CSV_COLUMNS]);
    const rows = trackerRows(thematics);
    expect(records.map((r) => [r.report, r.year, Number(r.number), r.addressee, r.recommendation, r['lines of enquiry']!.split('\n'), r.evidence!.split('\n'), r['our evidence'], r.status])).toEqual(
      rows.map((r) => [r.report, r.year, r.number, r.addressee, r.recommendation, r.linesOfEnquiry, r.evidence, '', '']),
    );
    expect(rows.map((r) => `${r.slug} ${r.number}`)).toEqual(newestFirst(thematics).flatMap((t) => t.source.recommendations.map((r) => `${t.slug} ${r.number}`)));
  });
});

describe('the tracker with drafts, embargoed, future-dated and awkward thematic reports', () => {
  // The shared build has them planted (TRACKER_THEMATICS, planted.ts).
  let shared: SharedSite;
  let project: Project;
  let diagnostics: ReturnType<typeof loadProject>['diagnostics'];

  beforeAll(async () => {
    shared = await sharedSite();
    ({ project, diagnostics } = loadProject(shared.project));
  }, 600_000);

  it('loads them, warning only that a recommendation has nothing for the tracker yet', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => [d.file, d.severity, d.rule])).toEqual([['content/thematic/awkward-report-2026/thematic.yaml', 'warning', 'tracker-incomplete']]);
    expect(diagnostics[0]!.message).toContain('recommendation 2 has no lines of enquiry and no "how do we know?" evidence');
    expect(project.thematics.map((t) => t.slug)).toEqual(expect.arrayContaining(Object.values(TRACKER_THEMATICS)));
  });

  it('leaves out drafts, embargoed reports and reports dated after the build date', () => {
    const thematics = publicThematics(project);
    expect(thematics.map((t) => t.slug).sort()).toEqual(['awkward-report-2026', 'education-training-employment-2024', 'out-of-court-disposals-2025']);
    const model = trackerDocument(project, thematics);
    const all = JSON.stringify(model);
    for (const hidden of ['A draft thematic report', 'An embargoed thematic report', 'A thematic report published later', 'A recommendation nobody should see yet.']) expect(all).not.toContain(hidden);
    expect(model.date).toBe('2026-04-01');
    expect(recommendationsIn(model.body).map((r) => `${r.report} ${r.number}`).slice(0, 2)).toEqual(['Awkward text, "quoted" and all (2026) 1', 'Awkward text, "quoted" and all (2026) 2']);
  });

  it('still gives a recommendation without lines of enquiry a row to fill in', () => {
    const model = trackerDocument(project, publicThematics(project));
    const second = recommendationsIn(model.body)[1]!;
    expect(second.linesOfEnquiry).toEqual([]);
    expect(second.table.rows.map((row) => inlineText(row[0]!.inlines))).toEqual(['Recommendation 2 as a whole']);
  });

  it('quotes awkward text in the CSV so that it reads back unchanged', () => {
    const csv = trackerCsv(publicThematics(project));
    expect(csv).toContain('"Awkward text, ""quoted"" and all"');
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records[0]).toMatchObject({
      report: 'Awkward text, "quoted" and all',
      year: '2026',
      number: '1',
      addressee: 'Schools, colleges and "alternative" providers',
      recommendation: 'Say "no" to exclusions, and say why; record it.',
      'lines of enquiry': 'Is the "why" written down, and by whom?\nWho checks it?',
      evidence: 'Records, signed',
    });
    expect(records[1]).toMatchObject({ number: '2', 'lines of enquiry': '', evidence: '' });
    expect(records).toHaveLength(trackerRows(publicThematics(project)).length);
  });

  it('builds the page, the PDF and the CSV from the public thematic reports only', () => {
    const page = fs.readFileSync(path.join(shared.dist, 'recommendations-tracker/index.html'), 'utf8');
    const csv = fs.readFileSync(path.join(shared.dist, 'data/recommendations-tracker.csv'), 'utf8');
    const pdf = fs.readFileSync(path.join(shared.dist, 'recommendations-tracker/tracker.pdf'));
    expect(csv).toBe(trackerCsv(publicThematics(project)));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(page).toContain('href="tracker.pdf"');
    expect(page).toContain('href="/data/recommendations-tracker.csv"');
    const pageText = page.replace(/&#x22;|&quot;|&#34;/g, '"');
    for (const t of publicThematics(project)) expect(pageText).toContain(`${t.source.title} (${t.source.published.slice(0, 4)})`);
    for (const hidden of ['draft thematic', 'embargoed thematic', 'published later', 'nobody should see']) {
      expect(page).not.toContain(hidden);
      expect(csv).not.toContain(hidden);
    }
  });
});
