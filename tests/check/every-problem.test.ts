/**
 * Every problem at once: ten independent mistakes in five files of a copy of the valid fixture
 * give exactly ten messages in one run, each where it is written, and nothing that only follows
 * from another (a broken field of inspection.yaml does not stop cases.csv or report.mdx being
 * checked; a service with a broken field is still known to the inspections of it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { sortDiagnostics } from '../../src/check/diagnostics.ts';

const valid = path.resolve(import.meta.dirname, '../fixtures/valid');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'every-problem-'));
fs.cpSync(valid, root, { recursive: true });
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const folder = 'content/inspections/eastbrook-2023';
/** Replaces one text in a file of the copy, failing loudly if the text is not there. */
function plant(file: string, from: string, to: string): void {
  const absolute = path.join(root, file);
  const text = fs.readFileSync(absolute, 'utf8');
  expect(text, `${file} should contain ${from}`).toContain(from);
  fs.writeFileSync(absolute, text.replace(from, to));
}

// inspection.yaml: an unknown field, a rating written as a label, a date written in words.
plant(`${folder}/inspection.yaml`, 'team: [Owen', 'teem: [Owen');
plant(`${folder}/inspection.yaml`, '  "1.2":\n    rating: good', '  "1.2":\n    rating: Good');
plant(`${folder}/inspection.yaml`, 'published: 2023-07-04', 'published: 4 July 2023');
// cases.csv: an answer that is not yes, no or n/a; a disposal that does not exist.
plant(`${folder}/cases.csv`, 'C01,court,referral-order,no,male,white,no,no,yes,', 'C01,court,referral-order,no,male,white,no,no,maybe,');
plant(`${folder}/cases.csv`, 'C03,court,referral-order,', 'C03,court,referal-order,');
// report.mdx: a component that does not exist; a standard without its section.
plant(`${folder}/report.mdx`, 'We looked at a sample', '<RatingSummary />\n\nWe looked at a sample');
plant(`${folder}/report.mdx`, '## 2.2 Planning\n\nInspectors found the work under this standard was of a consistent quality.\n\n### Strengths\n\n- Staff knew the children well.\n\n### Areas for improvement\n\n- Records were not always up to date.\n\n', '');
// The service: a nation outside the inspectorate's, and no region.
plant('content/services/eastbrook.yaml', 'nation: England', 'nation: Scotland');
plant('content/services/eastbrook.yaml', 'region: East of England\n', '');
// The publisher: a web address without https://.
plant('content/publisher.yaml', 'website: https://www.', 'website: www.');

const { diagnostics, project } = loadProject(root);

describe('ten independent mistakes in five files', () => {
  it('gives exactly ten messages, in one run, each at its place', () => {
    expect(sortDiagnostics(diagnostics).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual([
      'content/inspections/eastbrook-2023/cases.csv:2:46 error invalid-answer',
      'content/inspections/eastbrook-2023/cases.csv:4:11 error invalid-case-value',
      'content/inspections/eastbrook-2023/inspection.yaml:8:12 error invalid-date',
      'content/inspections/eastbrook-2023/inspection.yaml:11:1 error unknown-field',
      'content/inspections/eastbrook-2023/inspection.yaml:18:13 error invalid-format',
      'content/inspections/eastbrook-2023/report.mdx:7:1 error unknown-component',
      // Where section 2.2 belongs: after 2.1, at the heading of 2.3.
      'content/inspections/eastbrook-2023/report.mdx:71:1 error missing-narrative',
      'content/publisher.yaml:5:10 error invalid-format',
      'content/services/eastbrook.yaml:2:1 error missing-field',
      'content/services/eastbrook.yaml:5:9 error invalid-value',
    ]);
  });

  it('still builds the inspection from what could be read', () => {
    const inspection = project.inspections.find((i) => i.slug === 'eastbrook-2023');
    expect(inspection?.service.slug).toBe('eastbrook');
    expect(inspection?.source.status).toBe('draft'); // its publication date is broken: never published by mistake
    expect(inspection?.rating.standards.find((s) => s.id === '2.1')?.computed).toBeDefined();
  });

  it('suggests a rating word, not a slug, for "rating: Good"', () => {
    const rating = diagnostics.find((d) => d.rule === 'invalid-format' && d.file.endsWith('inspection.yaml'));
    expect(rating?.message).not.toContain('dudley-2019');
    expect(rating?.hint).toBe('did you mean "good"?');
  });

  it('says where the missing section goes', () => {
    expect(diagnostics.find((d) => d.rule === 'missing-narrative')?.hint).toBe('add "## 2.2 Planning" with the findings at this line, after the section "2.1 Assessment"');
  });
});

describe('a syntax error in inspection.yaml', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'every-problem-syntax-'));
  fs.cpSync(valid, copy, { recursive: true });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));
  const edit = (file: string, from: string, to: string) => {
    const absolute = path.join(copy, folder, file);
    const text = fs.readFileSync(absolute, 'utf8');
    expect(text).toContain(from);
    fs.writeFileSync(absolute, text.replace(from, to));
  };
  edit('inspection.yaml', 'evidence: Staff have manageable caseloads', 'evidence: Staff told us: they have manageable caseloads');
  edit('cases.csv', 'C01,court,referral-order,no,male,white,no,no,yes,', 'C01,court,referral-order,no,male,white,no,no,maybe,');
  edit('report.mdx', 'We looked at a sample', '<RatingSummary />\n\nWe looked at a sample');

  it('is reported alone in its file, and the cases and narrative are still checked against the framework written above it', () => {
    const result = loadProject(copy);
    expect(sortDiagnostics(result.diagnostics).map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      `${folder}/cases.csv:2:46 invalid-answer`,
      `${folder}/inspection.yaml:19:15 yaml-syntax`,
      `${folder}/report.mdx:7:1 unknown-component`,
    ]);
  });
});

describe('a service, framework or glossary entry with problems', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'every-problem-named-'));
  fs.cpSync(valid, copy, { recursive: true });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));
  const edit = (file: string, from: string, to: string) => {
    const absolute = path.join(copy, file);
    const text = fs.readFileSync(absolute, 'utf8');
    expect(text).toContain(from);
    fs.writeFileSync(absolute, text.replace(from, to));
  };
  edit('content/services/eastbrook.yaml', 'name: Eastbrook', '\tname: Eastbrook');
  edit('content/frameworks/youth-2021.yaml', 'id: youth-2021', 'id: youth-2021\nid: youth-2021');
  edit('content/glossary/terms.yaml', '  definition: The framework youth justice services use', '  defnition: The framework youth justice services use');

  it('is reported in its own file only: what names it is not told it does not exist', () => {
    const result = loadProject(copy);
    expect(sortDiagnostics(result.diagnostics).map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      'content/frameworks/youth-2021.yaml:6:1 duplicate-key',
      'content/glossary/terms.yaml:6:3 unknown-field',
      'content/services/eastbrook.yaml:3:1 yaml-syntax',
    ]);
    expect(result.project.glossary.map((term) => term.id)).toEqual(['camhs', 'safeguarding']);
  });
});

describe('an unreadable file that an easy-read version does not draw on', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'every-problem-easy-read-'));
  fs.cpSync(valid, copy, { recursive: true });
  fs.cpSync(path.resolve(import.meta.dirname, '../../templates'), path.join(copy, 'templates'), { recursive: true });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));
  fs.writeFileSync(path.join(copy, folder, 'easy-read.mdx'), '## What this report is about\n\nWe are inspectors.\n');
  fs.writeFileSync(path.join(copy, 'content/services/fellside.yaml'), 'slug: fellside\n\tname: Fellside\n');

  it('does not stop the easy-read versions being checked', () => {
    const rules = loadProject(copy).diagnostics.map((d) => `${d.file} ${d.rule}`);
    expect(rules).toContain('content/services/fellside.yaml yaml-syntax');
    // The recommendations of eastbrook-2023 have no easy words: found although fellside.yaml is unreadable.
    expect(rules).toContain(`${folder}/inspection.yaml missing-easy-read`);
  });
});

describe('a glossary file that cannot be read', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'every-problem-glossary-'));
  fs.cpSync(valid, copy, { recursive: true });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));
  const terms = path.join(copy, 'content/glossary/terms.yaml');
  fs.writeFileSync(terms, fs.readFileSync(terms, 'utf8').replace('  term: AssetPlus', '\tterm: AssetPlus'));

  it('is reported alone: the terms inspections name are not reported as unknown', () => {
    expect(loadProject(copy).diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['content/glossary/terms.yaml:4 yaml-syntax']);
  });
});

describe('an inspection whose dates fail their schema, with an easy-read version', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'every-problem-dates-'));
  fs.cpSync(valid, copy, { recursive: true });
  fs.cpSync(path.resolve(import.meta.dirname, '../../templates'), path.join(copy, 'templates'), { recursive: true });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));
  fs.writeFileSync(path.join(copy, folder, 'easy-read.mdx'), '## What this report is about\n\nWe are inspectors.\n');
  const yamlFile = path.join(copy, folder, 'inspection.yaml');
  const yaml = fs.readFileSync(yamlFile, 'utf8');
  expect(yaml).toMatch(/^published: \d{4}-\d{2}-\d{2}$/m);
  expect(yaml).toMatch(/^  start: \d{4}-\d{2}-\d{2}$/m);
  fs.writeFileSync(yamlFile, yaml.replace(/^published: .*$/m, 'published: 14 November 2023').replace(/^  start: .*$/m, '  start: 11/09/2023'));

  it('reports the dates, and checks the easy-read version without failing on them', () => {
    const diagnostics = loadProject(copy).diagnostics;
    expect(diagnostics.filter((d) => d.rule === 'internal-error')).toEqual([]);
    expect(diagnostics.filter((d) => d.rule === 'invalid-date').map((d) => `${d.file}:${d.line}`)).toEqual([`${folder}/inspection.yaml:${yaml.split('\n').findIndex((l) => l.startsWith('  start:')) + 1}`, `${folder}/inspection.yaml:${yaml.split('\n').findIndex((l) => l.startsWith('published:')) + 1}`]);
    expect(diagnostics.some((d) => d.file === `${folder}/easy-read.mdx`)).toBe(true);
  });
});

describe('an inspection.yaml refused for a comma in { } text', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'every-problem-comma-'));
  fs.cpSync(valid, copy, { recursive: true });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));
  const yamlFile = path.join(copy, folder, 'inspection.yaml');
  const yaml = fs.readFileSync(yamlFile, 'utf8');
  const written = '  "1.1":\n    rating: good\n    evidence: The Management Board gives clear direction and holds partners to account.\n';
  expect(yaml).toContain(written);
  fs.writeFileSync(yamlFile, yaml.replace(written, '  "1.1": { rating: good, evidence: Staff are skilled, well supervised and stay. }\n'));
  const reportFile = path.join(copy, folder, 'report.mdx');
  fs.writeFileSync(reportFile, fs.readFileSync(reportFile, 'utf8').replace('We looked at a sample', '<RatingSummary />\n\nWe looked at a sample'));

  it('still checks the folder\'s other files against the framework written above the problem', () => {
    const rules = loadProject(copy).diagnostics.map((d) => `${d.file} ${d.rule}`);
    expect(rules).toEqual([`${folder}/inspection.yaml yaml-syntax`, `${folder}/report.mdx unknown-component`]);
  });
});
