/**
 * Welsh values for YAML text fields: where something is published in Welsh, every English text
 * field has its Welsh value under cy:, lists the same length; a cy: key with nothing to translate,
 * a language outside the service's and a list without English are errors, each at its line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readYaml } from '../../src/source/yaml-file.ts';
import { DiagnosticList, formatDiagnostic, sortDiagnostics } from '../../src/check/diagnostics.ts';
import { parseWithDiagnostics } from '../../src/check/schema-issues.ts';
import { checkWelshValues, firstWords } from '../../src/check/rules/welsh-values.ts';
import { inspectionSchema } from '../../src/model/schemas/inspection.ts';
import { serviceSchema } from '../../src/model/schemas/service.ts';
import { glossaryTermSchema } from '../../src/model/schemas/glossary.ts';
import { documentTemplateSchema } from '../../src/model/schemas/document-template.ts';
import { loadProject } from '../../src/check/load-project.ts';

/** The messages the Welsh check gives for a YAML text parsed with a schema, as `npm run check` prints them. */
function welshProblems(text: string, schema: typeof inspectionSchema | typeof serviceSchema = inspectionSchema): string[] {
  const source = readYaml(text);
  const diagnostics = new DiagnosticList();
  const value = parseWithDiagnostics(schema, source.data, source, 'inspection.yaml', diagnostics);
  if (value) checkWelshValues({ file: 'inspection.yaml', source, schema, value }, diagnostics);
  return sortDiagnostics(diagnostics.items).map(formatDiagnostic);
}

const INSPECTION = `service: eastbrook
framework: youth-2021
fieldwork: { start: 2023-05-08, end: 2023-05-12 }
published: 2023-07-04
status: published
lead: Priya Shah
ratings:
  "1.1":
    rating: good
    evidence: The Management Board gives clear direction.
    cy:
      evidence: Mae'r Bwrdd Rheoli yn rhoi cyfeiriad clir.
`;

describe('Welsh values of an object published in Welsh', () => {
  it('says nothing when every English text has its Welsh', () => {
    expect(welshProblems(INSPECTION)).toEqual([]);
  });

  it('reports a missing Welsh value at the English field, naming the words to translate', () => {
    const text = `${INSPECTION}  "1.2":
    rating: good
    evidence: Staff have manageable caseloads and value their training very much indeed.
recommendations:
  - number: 1
    addressee: Management Board
    text: Keep the range of services under review.
    cy: { addressee: Y Bwrdd Rheoli }
`;
    expect(welshProblems(text)).toEqual([
      'inspection.yaml:15:5  error  welsh-missing  ratings → 1.2 → evidence has no Welsh value: this is published in Welsh\n    hint: add cy: { evidence: … } beside it with the Welsh for "Staff have manageable caseloads and value their training…"',
      'inspection.yaml:19:5  error  welsh-missing  recommendations → item 1 → text has no Welsh value: this is published in Welsh\n    hint: add cy: { text: … } beside it with the Welsh for "Keep the range of services under review."',
    ]);
  });

  it('reports a Welsh list with another number of items than the English, at the Welsh list', () => {
    const text = `${INSPECTION}findings:
  "1":
    strengths:
      - Leaders know the service well.
      - Staff are well trained.
    cy:
      strengths:
        - Mae arweinwyr yn adnabod y gwasanaeth yn dda.
`;
    expect(welshProblems(text)).toEqual([
      'inspection.yaml:19:7  error  welsh-list-length  the Welsh findings → 1 → cy → strengths has 1 item but the English strengths has 2\n    hint: give the Welsh of each English item, in the same order: one item for each of 2',
    ]);
  });

  it('reports a cy: key that is not a translatable field, in plain words', () => {
    const text = INSPECTION.replace("evidence: Mae'r", "rating: da\n      evidence: Mae'r");
    const [problem, ...others] = welshProblems(text);
    expect(others).toEqual([]);
    expect(problem).toMatch(/^inspection\.yaml:12:7 {2}error {2}unknown-field {2}ratings → 1\.1 → cy: "rating" is not a field with a Welsh value here/);
    expect(problem).toContain('the Welsh values here are for evidence, notRatedReason');
  });

  it('names the fields that take Welsh in the kind of section written, and refuses cy: where there is no text', () => {
    const source = readYaml('id: inspection-report\nsections:\n  - kind: findings\n    cy: { heading: Canfyddiadau }\n  - kind: glossary\n    heading: Glossary\n    cy: { headng: Geirfa }\n');
    const diagnostics = new DiagnosticList();
    parseWithDiagnostics(documentTemplateSchema, source.data, source, 't.yaml', diagnostics);
    expect(diagnostics.items.map(formatDiagnostic)).toEqual([
      't.yaml:4:5  error  unknown-field  sections → item 1: there is no text here to give in Welsh\n    hint: remove cy: here: the Welsh of what this holds goes with each item that has text',
      't.yaml:7:11  error  unknown-field  sections → item 2 → cy: "headng" is not a field with a Welsh value here\n    hint: did you mean "heading"? the Welsh values here are for heading; ids, dates, numbers, ratings, addresses and people\'s names are the same in both languages: remove "headng" from cy:',
    ]);
  });

  it('finds the Welsh of nested objects (a professional-judgement rationale) and says which list items to give', () => {
    const text = `${INSPECTION}  "2.1":
    rating: good
    override: { rationale: The sample missed the service's strongest work. }
findings:
  "2":
    improvements: [Plans are late., Reviews are rare.]
`;
    const problems = welshProblems(text);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('ratings → 2.1 → override → rationale has no Welsh value');
    expect(problems[1]).toContain('add cy: { improvements: [2 items] } beside it with the Welsh for "Plans are late." and the other items, in the same order');
  });

  it('takes Welsh aliases of a glossary term in any number, or none', () => {
    const term = (welsh: string) => `id: court-disposal\nterm: Court disposal\naliases: [court disposals]\ndefinition: A sentence.\neasyRead: What a court decides.\ncy:\n  term: Gwarediad llys\n  definition: Dedfryd.\n  easyRead: Beth mae llys yn ei benderfynu.\n${welsh}`;
    const problems = (text: string) => {
      const source = readYaml(text);
      const diagnostics = new DiagnosticList();
      const value = parseWithDiagnostics(glossaryTermSchema, source.data, source, 'terms.yaml', diagnostics);
      if (value) checkWelshValues({ file: 'terms.yaml', source, schema: glossaryTermSchema, value }, diagnostics);
      return diagnostics.items.map(formatDiagnostic);
    };
    expect(problems(term(''))).toEqual([]);
    expect(problems(term('  aliases: [gwarediadau llys, warediad llys, warediadau llys]\n'))).toEqual([]);
    const [missing, ...others] = problems(term('').replace('  term: Gwarediad llys\n', ''));
    expect(others).toEqual([]);
    expect(missing).toMatch(/^terms\.yaml:2:1 {2}error {2}welsh-missing {2}term has no Welsh value/);
  });

  it('shortens long English values to their first words', () => {
    expect(firstWords('one two three four five six seven eight nine ten')).toBe('one two three four five six seven eight…');
    expect(firstWords('  short one ')).toBe('short one');
  });
});

describe('languages:', () => {
  const SERVICE = 'slug: eastbrook\nname: Eastbrook Youth Justice Service\nshortName: Eastbrook\nnation: England\nregion: East\npoliceForceArea: Eastbrook\n';

  it('must include English', () => {
    const [problem, ...others] = welshProblems(`${SERVICE}languages: [cy]\n`, serviceSchema);
    expect(others).toEqual([]);
    expect(problem).toMatch(/^inspection\.yaml:7:12 .*languages.*must include en/);
  });

  it('names only en and cy', () => {
    expect(welshProblems(`${SERVICE}languages: [en, fr]\n`, serviceSchema).join('\n')).toMatch(/languages → item 2 is "fr", which is not allowed\n.*Allowed: en, cy/);
  });
});

describe('the Welsh check of a project', () => {
  const valid = path.resolve(import.meta.dirname, '../fixtures/valid');
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  /** A copy of the valid fixture with some files changed, and the messages of the Welsh rules it gets. */
  function check(change: (root: string) => void): string[] {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'welsh-values-'));
    roots.push(root);
    fs.cpSync(valid, root, { recursive: true });
    change(root);
    return sortDiagnostics(loadProject(root).diagnostics)
      .filter((d) => ['welsh-missing', 'welsh-list-length', 'languages-not-in-service'].includes(d.rule))
      .map(formatDiagnostic);
  }
  const edit = (root: string, file: string, replace: (text: string) => string) => {
    const absolute = path.join(root, file);
    const old = fs.readFileSync(absolute, 'utf8');
    const text = replace(old);
    expect(text, `${file} should change`).not.toBe(old);
    fs.writeFileSync(absolute, text);
  };
  const SERVICE = 'content/services/eastbrook.yaml';
  const INSPECTION_YAML = 'content/inspections/eastbrook-2023/inspection.yaml';

  it('reports an inspection published in a language its service is not', () => {
    const problems = check((root) => edit(root, INSPECTION_YAML, (text) => text.replace('status: published\n', 'status: published\nlanguages: [en, cy]\n')));
    expect(problems.filter((p) => p.includes('languages-not-in-service'))).toEqual([
      `${INSPECTION_YAML}:10:17  error  languages-not-in-service  languages names cy, but the service is published in en only\n    hint: remove cy here, or add it to the languages: of ${SERVICE}`,
    ]);
  });

  it('asks nothing of a project in English only', () => {
    expect(check(() => {})).toEqual([]);
  });

  it('reports a framework, template or publisher value once, at its own file, however many Welsh reports print it', () => {
    const problems = check((root) => {
      edit(root, SERVICE, (text) => `${text}languages: [en, cy]\n`);
      // A second inspection of the same service, in Welsh too.
      fs.cpSync(path.join(root, 'content/inspections/eastbrook-2023'), path.join(root, 'content/inspections/eastbrook-2024'), { recursive: true });
      edit(root, 'content/inspections/eastbrook-2024/inspection.yaml', (text) => text.replaceAll('2023-', '2024-'));
    });
    const files = new Map<string, number>();
    for (const problem of problems) {
      const key = problem.replace(/:\d+:\d+ .*\n.*$/s, '') + problem.replace(/^[^ ]+ /, '').split('\n')[0];
      files.set(key, (files.get(key) ?? 0) + 1);
    }
    expect([...files.values()].every((count) => count === 1), 'no message twice').toBe(true);
    const framework = problems.filter((p) => p.startsWith('content/frameworks/youth-2021.yaml'));
    expect(framework.length).toBeGreaterThan(10);
    expect(framework).toContainEqual(expect.stringMatching(/ratingScale → item 1 → label has no Welsh value/));
    expect(problems.some((p) => p.startsWith(`${SERVICE}:3:1  error  welsh-missing  name has no Welsh value`))).toBe(true);
    expect(problems.some((p) => p.startsWith('content/publisher.yaml:'))).toBe(true);
    expect(problems.filter((p) => p.startsWith('content/inspections/eastbrook-2023/')).length).toBe(problems.filter((p) => p.startsWith('content/inspections/eastbrook-2024/')).length);
  });

  it('checks a thematic report and an annual report published in Welsh, at their own files', () => {
    const problems = check((root) => {
      fs.mkdirSync(path.join(root, 'content/thematic/welsh-thematic'), { recursive: true });
      fs.writeFileSync(
        path.join(root, 'content/thematic/welsh-thematic/thematic.yaml'),
        'title: Out-of-court work\ncy: { title: Gwaith y tu allan i’r llys }\nsummary: What we found in four areas.\nfieldwork: { start: 2025-01-06, end: 2025-02-07 }\npublished: 2025-06-01\nstatus: published\nlanguages: [en, cy]\nlead: A Lead\n',
      );
      fs.mkdirSync(path.join(root, 'content/annual-reports'), { recursive: true });
      fs.writeFileSync(path.join(root, 'content/annual-reports/2023.mdx'), '---\ntitle: Annual report 2023\nperiod: { from: 2023-01-01, to: 2023-12-31 }\npublished: 2024-01-10\nstatus: published\nlanguages: [en, cy]\n---\n\n## Introduction\n\nText.\n');
    });
    expect(problems.filter((p) => p.includes('summary') || p.includes('2023.mdx'))).toEqual([
      'content/annual-reports/2023.mdx:2:1  error  welsh-missing  title has no Welsh value: the annual report is published in Welsh\n    hint: add cy: { title: … } beside it with the Welsh for "Annual report 2023"',
      'content/thematic/welsh-thematic/thematic.yaml:3:1  error  welsh-missing  summary has no Welsh value: the report is published in Welsh\n    hint: add cy: { summary: … } beside it with the Welsh for "What we found in four areas."',
    ]);
    expect(problems.some((p) => p.includes('thematic.yaml:1:1') && p.includes('title'))).toBe(false);
  });
});
