/**
 * Corrections to a published report: the schema's and the check's messages, where they are written,
 * and the earlier versions of the PDF the check asks the publisher to keep.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticList, formatDiagnostic } from '../../src/check/diagnostics.ts';
import { parseWithDiagnostics } from '../../src/check/schema-issues.ts';
import { checkCorrections } from '../../src/check/rules/corrections.ts';
import { loadProject } from '../../src/check/load-project.ts';
import { readYaml } from '../../src/source/yaml-file.ts';
import { inspectionSchema } from '../../src/model/schemas/inspection.ts';
import type { Lang } from '../../src/model/language.ts';

const root = path.resolve(import.meta.dirname, '../..');
const folders: string[] = [];
afterAll(() => folders.forEach((f) => fs.rmSync(f, { recursive: true, force: true })));

const head = `service: northmoor
framework: youth-2021
kind: inspection
fieldwork: { start: 2024-03-04, end: 2024-03-08 }
published: 2024-04-30
status: published
lead: Harriet Oyelaran
corrections:
`;

/** What `npm run check` says of these corrections, on a build date, for a report kept in `folder` (none: no PDF). */
function check(corrections: string, { buildDate = '2025-01-01', folder, languages }: { buildDate?: string; folder?: string; languages?: Lang[] } = {}): string[] {
  const text = `${head}${corrections}`;
  const source = readYaml(text);
  const diagnostics = new DiagnosticList();
  const data = parseWithDiagnostics(inspectionSchema, source.data, source, 'inspection.yaml', diagnostics);
  if (data) checkCorrections({ file: 'inspection.yaml', source, corrections: data.corrections, published: data.published, buildDate, ...(folder ? { pdfFolder: folder, folderName: 'content/inspections/northmoor-2024' } : {}), ...(languages ? { languages } : {}), diagnostics });
  return diagnostics.items.map(formatDiagnostic);
}

const entry = (date: string, what = 'A figure was corrected.', why = 'It was typed wrongly.') => `  - date: ${date}\n    what: ${what}\n    why: ${why}\n`;

describe('corrections in inspection.yaml', () => {
  it('takes a dated list of what changed and why', () => {
    expect(check(entry('2024-05-02') + entry('2024-06-10'))).toEqual([]);
  });

  it('reports a correction without its reason, or with a date that is not one, where it is written', () => {
    const found = check(`  - date: 2024-05-02\n    what: A figure was corrected.\n  - date: 2 May\n    what: x\n    why: y\n`);
    expect(found.map((line) => line.split('  ')[0])).toEqual(['inspection.yaml:9:5', 'inspection.yaml:11:11']);
    expect(found[0]).toContain('missing-field  corrections → item 1 → why is required');
    expect(found[1]).toContain('must be a date written as YYYY-MM-DD');
  });

  it('reports a correction dated on or before publication, out of order, or after the build date, at its date', () => {
    const found = check(entry('2024-04-30') + entry('2024-09-01') + entry('2024-08-01') + entry('2025-02-01'));
    expect(found.map((line) => line.split('\n')[0])).toEqual([
      'inspection.yaml:9:11  error  correction-date  correction 1 is dated 2024-04-30, but the report was published on 2024-04-30: a correction comes after publication',
      'inspection.yaml:15:11  error  correction-order  correction 3 (2024-08-01) is dated before correction 2 (2024-09-01)',
      'inspection.yaml:18:11  error  correction-date  correction 4 is dated 2025-02-01, after today (2025-01-01)',
    ]);
    expect(found[1]).toContain('hint: list the corrections oldest first');
  });

  it('asks for the PDF as it was before each correction, in versions/, and that it is a PDF', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corrections-'));
    folders.push(folder);
    const two = entry('2024-05-02') + entry('2024-06-10');
    const missing = check(two, { folder });
    expect(missing.map((line) => line.split('\n')[0])).toEqual([
      'inspection.yaml:9:5  error  missing-earlier-version  the PDF as it was before correction 1 is not kept: it stays published at report-v1.pdf beside the corrected one',
      'inspection.yaml:12:5  error  missing-earlier-version  the PDF as it was before correction 2 is not kept: it stays published at report-v2.pdf beside the corrected one',
    ]);
    expect(missing[0]).toContain('hint: save the report.pdf published before this correction as content/inspections/northmoor-2024/versions/report-v1.pdf');
    fs.mkdirSync(path.join(folder, 'versions'));
    fs.writeFileSync(path.join(folder, 'versions/report-v1.pdf'), '%PDF-1.7\n');
    fs.writeFileSync(path.join(folder, 'versions/report-v2.pdf'), 'not a pdf');
    expect(check(two, { folder }).map((line) => line.split('\n')[0])).toEqual(['inspection.yaml:12:5  error  missing-earlier-version  content/inspections/northmoor-2024/versions/report-v2.pdf is not a PDF']);
  });

  it('asks for the Welsh PDF too, as it was before each correction, for a report published in Welsh', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corrections-welsh-'));
    folders.push(folder);
    fs.mkdirSync(path.join(folder, 'versions'));
    fs.writeFileSync(path.join(folder, 'versions/report-v1.pdf'), '%PDF-1.7\n');
    const one = entry('2024-05-02');
    expect(check(one, { folder })).toEqual([]);
    const missing = check(one, { folder, languages: ['en', 'cy'] });
    expect(missing.map((line) => line.split('\n')[0])).toEqual(['inspection.yaml:9:5  error  missing-earlier-version  the Welsh PDF as it was before correction 1 is not kept: it stays published at /cy/…/report-v1.pdf beside the corrected one']);
    expect(missing[0]).toContain('as content/inspections/northmoor-2024/versions/report-v1.cy.pdf');
    fs.writeFileSync(path.join(folder, 'versions/report-v1.cy.pdf'), '%PDF-1.7\n');
    expect(check(one, { folder, languages: ['en', 'cy'] })).toEqual([]);
  });

  it('does so through npm run check, for inspections and thematic reports, on the build date', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corrections-project-'));
    folders.push(folder);
    fs.cpSync(path.join(root, 'tests/fixtures/valid'), folder, { recursive: true });
    const yaml = path.join(folder, 'content/inspections/eastbrook-2023/inspection.yaml');
    fs.appendFileSync(yaml, `\ncorrections:\n${entry('2023-08-01')}`);
    const line = fs.readFileSync(yaml, 'utf8').split('\n').indexOf('  - date: 2023-08-01') + 1;
    // A thematic report's corrections are checked too; it has no report PDF, so no earlier version is asked for.
    const thematic = path.join(folder, 'content/thematic/knives-2023/thematic.yaml');
    fs.mkdirSync(path.dirname(thematic), { recursive: true });
    fs.writeFileSync(thematic, `title: Knives\nsummary: About knives.\nfieldwork: { start: 2023-01-02, end: 2023-01-06 }\npublished: 2023-06-01\nstatus: published\nlead: A Lead\ncorrections:\n${entry('2023-05-01')}`);
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      process.env.SOURCE_DATE_EPOCH = String(Date.parse('2023-07-20T00:00:00Z') / 1000);
      const found = loadProject(folder).diagnostics.filter((d) => d.rule.startsWith('correction') || d.rule === 'missing-earlier-version');
      expect(found.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual([
        `content/inspections/eastbrook-2023/inspection.yaml:${line} correction-date`,
        `content/inspections/eastbrook-2023/inspection.yaml:${line} missing-earlier-version`,
        'content/thematic/knives-2023/thematic.yaml:8 correction-date',
      ]);
      expect(found[0]!.message).toBe('correction 1 is dated 2023-08-01, after today (2023-07-20)');
      expect(found[2]!.message).toContain('but the report was published on 2023-06-01');
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('asks a thematic report with a full report (and so a PDF) for the PDF as it was before each correction', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corrections-thematic-'));
    folders.push(folder);
    fs.cpSync(path.join(root, 'tests/fixtures/valid'), folder, { recursive: true });
    const thematic = path.join(folder, 'content/thematic/knives-2023');
    fs.mkdirSync(thematic, { recursive: true });
    fs.writeFileSync(path.join(thematic, 'thematic.yaml'), `title: Knives\nsummary: About knives.\nfieldwork: { start: 2023-01-02, end: 2023-01-06 }\npublished: 2023-06-01\nstatus: published\nlead: A Lead\ncorrections:\n${entry('2023-07-01')}`);
    fs.writeFileSync(path.join(thematic, 'report.mdx'), '## Foreword\n\nWe looked at knives.\n');
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      process.env.SOURCE_DATE_EPOCH = String(Date.parse('2023-07-20T00:00:00Z') / 1000);
      const missing = () => loadProject(folder).diagnostics.filter((d) => d.rule === 'missing-earlier-version').map((d) => `${d.file}:${d.line} ${d.message}`);
      expect(missing()).toEqual([expect.stringMatching(/^content\/thematic\/knives-2023\/thematic.yaml:8 .*report-v1.pdf/)]);
      fs.mkdirSync(path.join(thematic, 'versions'));
      fs.copyFileSync(path.join(root, 'content/thematic/out-of-court-disposals-2025/versions/report-v1.pdf'), path.join(thematic, 'versions/report-v1.pdf'));
      expect(missing()).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('keeps the sample report\'s correction and its earlier version', () => {
    const folder = path.join(root, 'content/inspections/harrowfield-2023');
    const source = readYaml(fs.readFileSync(path.join(folder, 'inspection.yaml'), 'utf8'));
    const diagnostics = new DiagnosticList();
    const data = parseWithDiagnostics(inspectionSchema, source.data, source, 'inspection.yaml', diagnostics)!;
    expect(data.corrections.map((c) => c.date)).toEqual(['2024-01-09']);
    checkCorrections({ file: 'inspection.yaml', source, corrections: data.corrections, published: data.published, buildDate: '2026-11-23', pdfFolder: folder, diagnostics });
    expect(diagnostics.items).toEqual([]);
  });
});
