/** The full report PDF, read back as a reader and a screen reader would: Dudley 2019, the worked example. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { contentsOf, type DocumentModel } from '../../src/document/blocks.ts';
import { reportDocument } from '../../src/document/report-document.ts';
import { renderDocumentPdf, type RenderedPdf } from '../../src/pdf/render-document.ts';
import type { Inspection } from '../../src/model/project.ts';
import { compositeText, countText, percentText, quotableQuestions, sampleCount } from '../../src/document/figure-references.ts';
import { expectTextAsWritten } from '../support/extracted-words.ts';
import { linesOf, readPdf, structureText, walk, type ReadPdf } from '../support/pdf.ts';

const root = path.resolve(import.meta.dirname, '../..');
let model: DocumentModel;
let dudley: Inspection;
let rendered: RenderedPdf;
let pdf: ReadPdf;

beforeAll(async () => {
  const { project } = loadProject(root);
  dudley = project.inspections.find((i) => i.slug === 'dudley-2019')!;
  model = reportDocument(project, dudley, root);
  rendered = await renderDocumentPdf(model);
  pdf = await readPdf(rendered.bytes);
}, 60_000);

const bodyHeadings = () => model.body.flatMap((b) => (b.type === 'heading' ? [b] : []));
const pageText = (page: number) => linesOf(pdf.pages[page - 1]!).map((l) => l.text).join('\n');
const allText = () => pdf.pages.map((_, i) => pageText(i + 1)).join('\n');

describe('the Dudley 2019 report PDF', () => {
  it('has its title shown, its language and tags', () => {
    expect(pdf.info.Title).toBe('An inspection of Dudley Youth Offending Service');
    expect(pdf.info.Language).toBe('en-GB');
    expect(pdf.info.PDFFormatVersion).toBe('1.7');
    expect(pdf.markInfo?.Marked).toBe(true);
    const text = Buffer.from(rendered.bytes).toString('latin1');
    expect(text).toMatch(/\/DisplayDocTitle true/);
    expect(text).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });

  it('extracts as written: words apart at every change of style, link and line, contents titles apart from their pages', async () => {
    await expectTextAsWritten(rendered.bytes, model);
    const text = (await structureText(rendered.bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Dudley Youth Offending Service');
    expect(text).toContain('Foreword 4');
    for (const joined of ['DudleyYouth', 'YouthOffending', 'Foreword4', 'anout-of-court', 'acommunity']) expect(text).not.toContain(joined);
  });

  it('reports its real page count', () => {
    expect(pdf.pageCount).toBe(rendered.pageCount);
    expect(pdf.pageCount).toBeGreaterThan(15);
  });

  it('has every section of the template, in order, on the page it says', () => {
    const order = ['Foreword', 'Overall findings', 'Summary of ratings', 'Recommendations', 'Introduction', 'Contextual facts', '1. Organisational delivery', '2. Court disposals', '3. Out-of-court disposals', 'Annex 1: Methodology', 'Annex 2: Inspection results', 'Annex 3: Glossary'];
    const sections = bodyHeadings().filter((h) => h.level === 2);
    expect(sections.map((h) => h.text)).toEqual(order);
    let lastPage = 0;
    for (const heading of sections) {
      const page = rendered.headingPages[heading.id]!;
      expect(page, heading.text).toBeGreaterThanOrEqual(lastPage);
      const line = linesOf(pdf.pages[page - 1]!).find((l) => l.text === heading.text && l.size > 15);
      expect(line, `${heading.text} as a heading on page ${page}`).toBeDefined();
      lastPage = page;
    }
  });

  it('has every standard with its rating, statement and narrative under its domain', () => {
    const text = allText();
    for (const heading of bodyHeadings().filter((h) => /^\d\.\d /.test(h.text))) {
      const page = pageText(rendered.headingPages[heading.id]!);
      expect(page, heading.text).toContain(heading.text);
    }
    expect(text).toContain('Assessment is well-informed, analytical and personalised, actively involving the child or');
    expect(text).toMatch(/Senior managers represent the service well on the borough's strategic/);
  });

  it('prints the computed figures: composite 15, 3.4 Good* with its footnote, 2.4.3 at 47%', () => {
    const text = allText();
    expect(text).toContain('which give a score of 15 out of 36');
    expect(text).toMatch(/3\.4 Joint working\s+Good\*/);
    expect(text).toContain('*Professional judgement applied.');
    expect(text).toMatch(/2\.4\.3 Does reviewing focus sufficiently on keeping other.*47% \(8 of 17\)/);
    expect(text).toMatch(/Overall rating: +Requires improvement/);
  });

  it('prints the figures the narrative quotes (<Percent />, <Count />, <Composite />, <Sample />) as the model computes them', () => {
    const text = allText().replace(/\s+/g, ' ');
    const question = (id: string) => quotableQuestions(dudley.rating).find((q) => q.id === id)!;
    expect(text).toContain(`the standards scored ${compositeText(dudley.rating)}, and we have rated Dudley YOS as Requires improvement.`);
    expect(text).toContain(`inspected ${sampleCount(dudley.rating, 'court')} court cases and ${sampleCount(dudley.rating, 'out-of-court')} out-of-court cases`);
    expect(text).toContain(`it was sufficient in ${countText(question('2.1.1'))} cases.`);
    expect(text).toContain(`only ${percentText(question('2.1.3'))} of the assessments were sufficient.`);
  });

  it('has bookmarks mirroring the headings, each opening the heading’s page', () => {
    const sections = bodyHeadings().filter((h) => h.level === 2);
    const titles = pdf.outline.map((entry) => entry.title);
    expect(titles.slice(-sections.length)).toEqual(sections.map((h) => h.text));
    for (const entry of pdf.outline.slice(-sections.length)) {
      const heading = sections.find((h) => h.text === entry.title)!;
      expect(entry.page, entry.title).toBe(rendered.headingPages[heading.id]);
    }
    const court = pdf.outline.find((e) => e.title === '2. Court disposals')!;
    expect(court.children.map((c) => c.title)).toEqual(['2.1 Assessment', '2.2 Planning', '2.3 Implementation and delivery', '2.4 Reviewing']);
  });

  it('has a contents page whose page numbers are where the headings really are', async () => {
    const entries = contentsOf(model.body);
    const contentsPage = pdf.pages.findIndex((items) => linesOf(items).some((l) => l.text === 'Contents' && l.size > 15)) + 1;
    expect(contentsPage).toBeGreaterThan(1);
    const lines = linesOf(pdf.pages[contentsPage - 1]!);
    for (const entry of entries) {
      const line = lines.find((l) => l.text.startsWith(`${entry.text} `));
      expect(line, entry.text).toBeDefined();
      const printed = Number(/(\d+)$/.exec(line!.text)![1]);
      // Where the heading really is: its text, at heading size, on that page.
      const actual = pdf.pages.findIndex((items, index) => index > contentsPage - 1 && linesOf(items).some((l) => l.text === entry.text && l.size > 13)) + 1;
      expect(printed, entry.text).toBe(actual);
      expect(await pdf.destinationPage(entry.id)).toBe(actual);
    }
    const contentsLinks = pdf.links[contentsPage - 1]!.filter((l) => l.dest);
    expect(contentsLinks.map((l) => l.dest)).toEqual(entries.map((e) => e.id));
  });

  it('tags headings, lists, tables with header cells, links and the table of contents', () => {
    const roles = new Set(pdf.structure.flatMap((tree) => [...walk(tree)].map((n) => n.role)));
    for (const role of ['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'Caption', 'THead', 'TBody', 'TR', 'TH', 'TD', 'Link', 'TOC', 'TOCI', 'BlockQuote']) {
      expect(roles, role).toContain(role);
    }
    const raw = Buffer.from(rendered.bytes).toString('latin1');
    expect(raw).toMatch(/\/Scope \/Column/);
    expect(raw).toMatch(/\/Scope \/Row/);
  });

  it('gives every picture its alt text', () => {
    const figures = model.body.flatMap(function collect(b): { alt: string }[] {
      if (b.type === 'figure') return [b];
      if (b.type === 'quote' || b.type === 'aside') return b.blocks.flatMap(collect);
      if (b.type === 'list') return b.items.flat().flatMap(collect);
      return [];
    });
    const tagged = pdf.structure.flatMap((tree) => [...walk(tree)].filter((n) => n.role === 'Figure'));
    expect(figures.length, 'the Dudley sample has a picture').toBeGreaterThan(0);
    for (const figure of figures) expect(tagged.map((n) => n.alt)).toContain(figure.alt);
    for (const node of tagged) expect(node.alt?.trim().length, 'Figure without alt text').toBeGreaterThan(0);
  });

  it('marks the running header and "Page N of M" as artifacts on every page after the cover', () => {
    for (let page = 2; page <= pdf.pageCount; page++) {
      const footer = pdf.pages[page - 1]!.find((item) => item.text === `Page ${page} of ${pdf.pageCount}`);
      expect(footer, `page ${page}`).toBeDefined();
      expect(footer!.artifact).toBe(true);
      const header = pdf.pages[page - 1]!.find((item) => item.text === model.runningHeader);
      expect(header?.artifact, `header on page ${page}`).toBe(true);
    }
    expect(pdf.pages[0]!.some((item) => /^Page \d+ of/.test(item.text))).toBe(false);
  });

  it('never leaves a heading at the foot of a page without what follows it', () => {
    for (const heading of bodyHeadings()) {
      const page = rendered.headingPages[heading.id]!;
      const lines = linesOf(pdf.pages[page - 1]!);
      const index = lines.findIndex((l) => l.text === heading.text);
      expect(index, heading.text).toBeGreaterThanOrEqual(0);
      expect(lines.length - index - 1, `lines after "${heading.text}" on page ${page}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('links to the licence and prints the copyright from the publisher data', () => {
    const { project } = loadProject(root);
    expect(allText()).toContain(`© ${project.publisher.copyrightHolder} 2019`);
    expect(pdf.links.flat().map((l) => l.url)).toContain(project.publisher.licence.url);
  });

  it('embeds every font', () => {
    const pdffonts = spawnSync('pdffonts', ['-v']);
    if (pdffonts.error) {
      if (process.env.CI) throw new Error('pdffonts (poppler-utils) is missing in CI');
      console.warn('skipped: pdffonts (poppler-utils) is not installed on this machine');
      return;
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 'report.pdf');
    fs.writeFileSync(file, rendered.bytes);
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.split(/\s+/).at(-5), row).toBe('yes');
  });

  it('is the same bytes when built again', async () => {
    const again = await renderDocumentPdf(model);
    expect(Buffer.from(again.bytes).equals(Buffer.from(rendered.bytes))).toBe(true);
  });
});
