/** The check of a thematic report's full report (report.mdx beside thematic.yaml): its sections, components, figures and pictures. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProject } from '../../src/check/load-project.ts';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { DiagnosticList } from '../../src/check/diagnostics.ts';
import { checkThematicNarrative } from '../../src/check/rules/thematic-report.ts';
import { readMarkdown } from '../../src/source/markdown-file.ts';
import { documentTemplateSchema } from '../../src/model/schemas/document-template.ts';
import { thematicSchema } from '../../src/model/schemas/thematic.ts';

const root = path.resolve(import.meta.dirname, '../..');
const folder = path.join(root, 'content/thematic/out-of-court-disposals-2025');
const template = documentTemplateSchema.parse(YAML.parse(fs.readFileSync(path.join(root, 'templates/documents/thematic-report.yaml'), 'utf8')));
const source = thematicSchema.parse(YAML.parse(fs.readFileSync(path.join(folder, 'thematic.yaml'), 'utf8')));
const FILE = 'content/thematic/out-of-court-disposals-2025/report.mdx';

/** What check says of a report.mdx: `file:line:column severity rule message`, one per problem. */
function check(text: string, data = source): string[] {
  const diagnostics = new DiagnosticList();
  checkThematicNarrative(readMarkdown(text), { file: FILE, text, folder, contentFolder: path.join(root, 'content'), thematic: { source: data }, template, diagnostics });
  return diagnostics.items.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
}

const VALID = ['## Foreword', '', 'Why we looked.', '', '## Introduction', '', 'What we did.', '', '## Decision-making', '', 'What we found.', '', '## Conclusion', '', 'What must change.', ''].join('\n');

describe('check of a thematic report.mdx', () => {
  it('finds nothing wrong with the sample full report or a minimal one', () => {
    expect(check(fs.readFileSync(path.join(folder, 'report.mdx'), 'utf8'))).toEqual([]);
    expect(check(VALID)).toEqual([]);
  });

  it("reports a missing required section, a repeated one, one out of the template's order and no findings chapter", () => {
    const broken = ['## Introduction', '', 'What we did.', '', '## Foreword', '', 'Why.', '', '## Foreword', '', 'Again.', ''].join('\n');
    const found = check(broken);
    expect(found).toContain('9:1 error duplicate-section section "Foreword" appears twice (first on line 5)');
    expect(found).toContain('5:1 warning section-order section "Foreword" comes after "Introduction", but the report shows it before');
    expect(found).toContain('1:1 error missing-section the full report has no "## Conclusion" section');
    expect(found.some((f) => f.startsWith('9:1 error missing-findings the full report has no findings chapter'))).toBe(true);
  });

  it("reports an inspection's component, which has no data in a thematic report, at its place", () => {
    const found = check(VALID.replace('What we found.', 'The ratings:\n\n<RatingsSummary />'));
    expect(found).toEqual([expect.stringMatching(/^13:1 error component-context <RatingsSummary \/> draws on the data of an inspection's report, so it cannot be used in a thematic report$/)]);
  });

  it('warns of a figure from thematic.yaml typed in the narrative, naming the component to write', () => {
    const found = check(VALID.replace('What we did.', 'We visited six areas and read 96 cases.'));
    expect(found).toEqual([
      '7:12 warning typed-figure "six areas" is a figure the data computes (the areas visited (areas in thematic.yaml): six)',
      '7:31 warning typed-figure "96" is a figure the data computes (the cases read (casesRead in thematic.yaml): 96)',
    ]);
    // A number that is not the data's is left alone: it may be about something else.
    expect(check(VALID.replace('What we did.', 'We spoke to 40 cases of good practice in three areas.'))).toEqual([]);
  });

  it('reports <CasesRead /> when thematic.yaml has no casesRead, and a picture file that is not there', () => {
    const found = check(VALID.replace('What we did.', 'We read <CasesRead /> cases.\n\n![A chart](missing.png)'), { ...source, casesRead: undefined });
    expect(found.some((f) => /^7:9 error component-attribute .*no casesRead/.test(f)), found.join('\n')).toBe(true);
    expect(found.some((f) => /^9:1 error image /.test(f)), found.join('\n')).toBe(true);
  });

  it('reports MDX it cannot read at its place, and nothing else', () => {
    expect(check(VALID.replace('What we did.', 'Ages 10 <br> to 17.'))).toEqual([expect.stringMatching(/^7:\d+ error mdx-syntax /)]);
  });
});

describe('check of templates/documents/thematic-report.yaml', () => {
  it('reports a section an inspection report has but a thematic report cannot draw, at its line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-template-'));
    try {
      fs.mkdirSync(path.join(dir, 'templates/documents'), { recursive: true });
      const yaml = fs.readFileSync(path.join(root, 'templates/documents/thematic-report.yaml'), 'utf8').replace('  - { kind: findings, minimum: 1 }', '  - { kind: findings, minimum: 1 }\n  - { kind: domains }');
      fs.writeFileSync(path.join(dir, 'templates/documents/thematic-report.yaml'), yaml);
      const line = yaml.split('\n').findIndex((l) => l.includes('kind: domains')) + 1;
      const found = loadProject(dir).diagnostics.filter((d) => d.rule === 'template-section');
      expect(found.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([`templates/documents/thematic-report.yaml:${line} a thematic report has no "domains" section`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
