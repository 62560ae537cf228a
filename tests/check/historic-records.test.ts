/**
 * Historic records (record: historic): published ratings only, each inconsistency an error at its
 * line. Small fixtures in a temporary project that shares the real frameworks and publisher.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { kindOf } from '../../src/model/inspection-kind.ts';
import { publishedInspection } from '../../src/model/publish.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'historic-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
for (const part of ['content/frameworks', 'content/glossary', 'templates']) fs.cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
fs.copyFileSync(path.join(repo, 'content/publisher.yaml'), path.join(root, 'content/publisher.yaml'));
fs.mkdirSync(path.join(root, 'content/services'));
fs.writeFileSync(path.join(root, 'content/services/york.yaml'), 'slug: york\nname: York Youth Justice Service\nshortName: York\nnation: England\nregion: Yorkshire and the Humber\npoliceForceArea: North Yorkshire\nfictional: false\n');

/** York 2022 as published: composite 32, Outstanding. Lines are numbered for the assertions below. */
const YORK = `record: historic
service: york
framework: youth-2021
# As published in the ratings table.
published: 2022-12-15
status: published
composite: 32
overall: outstanding
original: https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/
ratings:
  "1.1": outstanding
  "1.2": outstanding
  "1.3": outstanding
  "1.4": good
  "2.1": good
  "2.2": outstanding
  "2.3": outstanding
  "2.4": outstanding
  "3.1": good
  "3.2": good
  "3.3": outstanding
  "3.4": outstanding
  "4.1": outstanding
`;

/** Writes the one inspection folder, loads the project and returns the problems reported in the folder (file:line severity rule message). */
function problems(yaml: string, extra: Record<string, string> = {}) {
  const folder = path.join(root, 'content/inspections/york-2022');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'inspection.yaml'), yaml);
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(folder, name), text);
  try {
    const { diagnostics, project } = loadProject(root);
    return { project, found: diagnostics.filter((d) => d.file.startsWith('content/inspections/')).map((d) => `${d.file.replace('content/inspections/york-2022/', '')}:${d.line ?? 0} ${d.severity} ${d.rule} ${d.message}`) };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
const edit = (from: string, to: string) => YORK.replace(from, to);

describe('a historic record', () => {
  it('is accepted with its published ratings alone, and takes part as an inspection with its published figures', () => {
    const { found, project } = problems(YORK);
    expect(found).toEqual([]);
    const york = project.inspections.find((i) => i.slug === 'york-2022')!;
    expect(york.historic).toEqual({ original: 'https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/', fieldworkRecorded: false, compositeRecorded: true });
    expect(york.rating.composite.score).toBe(32);
    expect(york.rating.overall.rating).toBe('outstanding');
    expect(york.rating.standards.find((s) => s.id === '1.4')!.awarded).toBe('good');
    expect(york.cases).toEqual([]);
  });

  it('reports a published composite that the standard ratings do not add up to, at its line, with both values', () => {
    expect(problems(edit('composite: 32', 'composite: 30')).found).toEqual([expect.stringMatching(/^inspection.yaml:7 error composite-disagrees .*30.* add up to 32/)]);
  });

  it('reports a published overall rating the composite does not give, at its line, with both values', () => {
    expect(problems(edit('overall: outstanding', 'overall: good')).found).toEqual([expect.stringMatching(/^inspection.yaml:8 error overall-disagrees .*is Good.*gives Outstanding/)]);
  });

  it('reports a missing standard rating and a rating not on the scale, each at its line', () => {
    const found = problems(edit('  "1.4": good\n', '').replace('"2.1": good', '"2.1": excellent')).found;
    expect(found).toContainEqual(expect.stringMatching(/^inspection.yaml:10 error missing-rating standard 1.4 /));
    expect(found).toContainEqual(expect.stringMatching(/^inspection.yaml:14 error unknown-rating "excellent"/));
    expect(found.some((line) => line.includes('composite-disagrees'))).toBe(false);
  });

  it('checks the composite as a range when the source leaves ratings not known', () => {
    const unknown = edit('"1.4": good', '"1.4": unclear');
    expect(problems(unknown).found).toEqual([]);
    expect(problems(unknown.replace('composite: 32', 'composite: 34')).found).toEqual([expect.stringMatching(/^inspection.yaml:7 error composite-disagrees .*between 30 and 33/)]);
  });

  it('reports a report.mdx or cases.csv in its folder, a plain http link and a missing link to the original', () => {
    const found = problems(YORK, { 'report.mdx': '## Foreword\n', 'cases.csv': 'id\n' }).found;
    expect(found).toContainEqual(expect.stringMatching(/^report.mdx:1 error historic-with-narrative .*report.mdx would never be published/));
    expect(found).toContainEqual(expect.stringMatching(/^cases.csv:1 error historic-with-cases /));
    // Nor in Welsh.
    expect(problems(YORK, { 'report.cy.mdx': '## Rhagair\n', 'easy-read.cy.mdx': '## Beth wnaethon ni ei ganfod\n' }).found.sort()).toEqual([
      expect.stringMatching(/^easy-read.cy.mdx:1 error historic-with-easy-read .*easy-read.cy.mdx would never be published/),
      expect.stringMatching(/^report.cy.mdx:1 error historic-with-narrative .*report.cy.mdx would never be published/),
    ]);
    expect(problems(edit('https://www', 'http://www')).found).toEqual([expect.stringMatching(/^inspection.yaml:9 error original-not-https /)]);
    expect(problems(edit(/original: .*\n/.exec(YORK)![0], '')).found).toEqual([expect.stringMatching(/^inspection.yaml:1 error missing-field .*link to the original/)]);
  });

  it('applies the framework’s scaling when a domain was not rated (Bridgend 2022: 11 of 24, Requires improvement)', () => {
    const bridgend = YORK.replace(/ratings:[\s\S]*$/, ['ratings:', ...['1.1', '1.2', '1.3', '1.4', '3.1', '3.2', '3.3', '3.4'].map((id) => `  "${id}": unclear`), ...['2.1', '2.2', '2.3', '2.4', '4.1'].map((id) => `  "${id}": not-rated`)].join('\n') + '\n')
      .replace('composite: 32', 'composite: 11')
      .replace('overall: outstanding', 'overall: requires-improvement');
    expect(problems(bridgend).found).toEqual([]);
    // Unscaled, 11 would be Requires improvement too; 20 of 24 scales to 30 (Good), not Outstanding.
    expect(problems(bridgend.replace('composite: 11', 'composite: 20').replace('overall: requires-improvement', 'overall: outstanding')).found).toEqual([expect.stringMatching(/overall-disagrees .*gives Good/)]);
  });

  it('tells a full report that composite, overall and original are only for historic records, and that it needs fieldwork dates', () => {
    const found = problems(edit('record: historic', 'record: full')).found;
    expect(found).toContainEqual(expect.stringMatching(/^inspection.yaml:7 warning historic-only-field composite/));
    expect(found).toContainEqual(expect.stringMatching(/error missing-field the inspection has no fieldwork dates/));
  });

  it('may say "joint: true" when its source does not name the partners; a full report must name them, and "joint: false" must not contradict partners', () => {
    const joint = edit('status: published', 'status: published\njoint: true');
    const { found, project } = problems(joint);
    expect(found).toEqual([]);
    const york = project.inspections.find((i) => i.slug === 'york-2022')!;
    expect(kindOf(york.source)).toBe('joint');
    expect(publishedInspection(york, project.messages.en).partners).toBeNull();
    expect(problems(joint.replace('record: historic', 'record: full')).found).toContainEqual(expect.stringMatching(/^inspection.yaml:7 error missing-partners .*must name its partner inspectorates/));
    expect(problems(edit('status: published', 'status: published\njoint: false\npartners: [Estyn]')).found).toEqual([expect.stringMatching(/^inspection.yaml:7 error joint-disagrees .*names a partner inspectorate \(Estyn\)/)]);
  });

  it('may give the year alone as its publication date, and "composite: null" when the source does not give the score', () => {
    const yearOnly = edit('published: 2022-12-15', 'published: 2022').replace('composite: 32', 'composite: null');
    const { found, project } = problems(yearOnly);
    expect(found).toEqual([]);
    const york = project.inspections.find((i) => i.slug === 'york-2022')!;
    expect(york.source.published).toBe('2022');
    expect(york.historic!.compositeRecorded).toBe(false);
    expect(publishedInspection(york, project.messages.en).composite.score).toBeNull();
    // Without the line, the composite is still required: a forgotten score is not taken as "not given".
    expect(problems(edit('composite: 32\n', '')).found).toEqual([expect.stringMatching(/^inspection.yaml:1 error missing-field .*composite score/)]);
    expect(problems(yearOnly.replace('record: historic', 'record: full')).found).toContainEqual(expect.stringMatching(/^inspection.yaml:5 error year-only-date /));
    expect(problems(edit('published: 2022-12-15', 'published: 22')).found).toContainEqual(expect.stringMatching(/^inspection.yaml:5 error .*YYYY-MM-DD/));
  });
});
