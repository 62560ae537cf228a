/** A thematic report's full report PDF, read back as a reader and a screen reader would: the out-of-court disposals sample. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { contentsOf, type DocumentModel } from '../../src/document/blocks.ts';
import { thematicReportDocument } from '../../src/document/thematic-report-document.ts';
import { renderDocumentPdf, type RenderedPdf } from '../../src/pdf/render-document.ts';
import type { Thematic } from '../../src/model/project.ts';
import { expectTextAsWritten } from '../support/extracted-words.ts';
import { linesOf, readPdf, walk, type ReadPdf } from '../support/pdf.ts';

const root = path.resolve(import.meta.dirname, '../..');
let model: DocumentModel;
let thematic: Thematic;
let rendered: RenderedPdf;
let pdf: ReadPdf;

beforeAll(async () => {
  const { project } = loadProject(root);
  thematic = project.thematics.find((t) => t.slug === 'out-of-court-disposals-2025')!;
  model = thematicReportDocument(project, thematic, root);
  rendered = await renderDocumentPdf(model);
  pdf = await readPdf(rendered.bytes);
}, 60_000);

describe('the full report PDF of a thematic inspection', () => {
  it('has its title shown, its language and tags', () => {
    expect(pdf.info.Title).toBe(thematic.source.title);
    expect(pdf.info.Language).toBe('en-GB');
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(Buffer.from(rendered.bytes).toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    const roles = new Set(pdf.structure.flatMap((tree) => [...walk(tree)].map((n) => n.role)));
    for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'TOC', 'TOCI', 'Link']) expect(roles, role).toContain(role);
  });

  it('extracts as written', async () => {
    await expectTextAsWritten(rendered.bytes, model);
  });

  it('has a contents page listing every section where it really is, and bookmarks for them', async () => {
    const entries = contentsOf(model.body);
    expect(entries.map((e) => e.text)).toEqual(expect.arrayContaining(['Foreword', 'Recommendations', 'Conclusion', 'Annex 1: Methodology', 'Annex 2: Glossary']));
    const contentsPage = pdf.pages.findIndex((items) => linesOf(items).some((l) => l.text === 'Contents' && l.size > 15)) + 1;
    expect(contentsPage).toBeGreaterThan(1);
    for (const entry of entries) expect(await pdf.destinationPage(entry.id), entry.text).toBe(rendered.headingPages[entry.id]);
    const sections = model.body.flatMap((b) => (b.type === 'heading' && b.level === 2 ? [b.text] : []));
    expect(pdf.outline.map((e) => e.title).slice(-sections.length)).toEqual(sections);
  });

  it('prints the figures of thematic.yaml and its recommendations', () => {
    const text = pdf.pages.map((items) => linesOf(items).map((l) => l.text).join(' ')).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(`read ${thematic.source.casesRead} cases`);
    for (const area of thematic.source.areas) expect(text).toContain(area);
    expect(text).toContain(thematic.source.recommendations[0]!.text.slice(0, 60));
  });

  it('embeds every font', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-pdf-')), 'report.pdf');
    fs.writeFileSync(file, rendered.bytes);
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/\s+/).at(-5), row).toBe('yes');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
