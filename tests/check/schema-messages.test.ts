/**
 * The wording inspectors read when a content file does not match its schema: which field, what is
 * wrong, how to fix it. Locked here so that changes to the wording are deliberate.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticList, formatDiagnostic } from '../../src/check/diagnostics.ts';
import { parseWithDiagnostics } from '../../src/check/schema-issues.ts';
import { readYaml } from '../../src/source/yaml-file.ts';
import { inspectionSchema } from '../../src/model/schemas/inspection.ts';
import { serviceSchema } from '../../src/model/schemas/service.ts';
import { glossarySchema } from '../../src/model/schemas/glossary.ts';
import type { z } from 'zod';

const inspection = `service: northmoor
framework: youth-2021
kind: inspection
fieldwork:
  start: 2024-03-04
  end: 2024-03-08
published: 2024-04-30
status: published
lead: Harriet Oyelaran
`;

/** The messages for one file, as \`npm run check\` prints them. */
function messages(schema: z.ZodType, text: string, file = 'inspection.yaml'): string {
  const source = readYaml(text);
  expect(source.syntaxErrors).toEqual([]);
  const diagnostics = new DiagnosticList();
  expect(parseWithDiagnostics(schema, source.data, source, file, diagnostics)).toBeUndefined();
  return diagnostics.items.map(formatDiagnostic).join('\n');
}

describe('schema messages', () => {
  it('suggests the field meant by an unknown one', () => {
    expect(messages(inspectionSchema, `${inspection}teem: [Owen Fairclough]\n`)).toMatchInlineSnapshot(`
      "inspection.yaml:10:1  error  unknown-field  unknown field "teem"
          hint: did you mean "team"?"
    `);
  });

  it('says where a field written in the wrong place belongs', () => {
    expect(messages(inspectionSchema, `${inspection}rating: Good\n`)).toMatchInlineSnapshot(`
      "inspection.yaml:10:1  error  unknown-field  unknown field "rating"
          hint: "rating:" is not a field here: it belongs under ratings → (a standard id such as "2.1"); move it there, indented under it"
    `);
    expect(messages(inspectionSchema, `${inspection}recommendations:\n  - number: 1\n    addressee: The board\n    text: Meet monthly.\n    strengths: [Leadership]\n`)).toMatchInlineSnapshot(`
      "inspection.yaml:14:5  error  unknown-field  recommendations → item 1: unknown field "strengths"
          hint: "strengths:" is not a field here: it belongs under findings → (a domain number such as "2"); move it there, indented under it"
    `);
  });

  it('reports a misspelt required field once, as the unknown field', () => {
    expect(messages(inspectionSchema, inspection.replace('published:', 'pubished:'))).toMatchInlineSnapshot(`
      "inspection.yaml:7:1  error  unknown-field  unknown field "pubished"
          hint: did you mean "published"? ("published" is required)"
    `);
  });

  it('says which required field is missing', () => {
    // lead and fieldwork may be left out of a historic record: the check, not the schema, requires them of a full report.
    expect(messages(inspectionSchema, inspection.replace(/service: .*\n/, ''))).toMatchInlineSnapshot(`
      "inspection.yaml:1:1  error  missing-field  service is required
          hint: add "service:""
    `);
    expect(messages(inspectionSchema, inspection.replace('  end: 2024-03-08\n', ''))).toMatchInlineSnapshot(`
      "inspection.yaml:4:1  error  missing-field  fieldwork → end is required
          hint: add "end:" under "fieldwork:""
    `);
    expect(messages(inspectionSchema, `${inspection}recommendations:\n  - number: 1\n    text: Widen the education offer.\n`)).toMatchInlineSnapshot(`
      "inspection.yaml:11:5  error  missing-field  recommendations → item 1 → addressee is required
          hint: add "addressee:" to recommendations → item 1"
    `);
  });

  it('lists the allowed values of an enum, suggesting the closest', () => {
    expect(messages(inspectionSchema, inspection.replace('status: published', 'status: publshed'))).toMatchInlineSnapshot(`
      "inspection.yaml:8:9  error  invalid-value  status is "publshed", which is not allowed
          hint: did you mean "published"? Allowed: draft, embargoed, published"
    `);
    expect(messages(serviceSchema, 'slug: dunmore\nname: Dunmore\nshortName: Dunmore\nnation: Scotland\nregion: Highlands\npoliceForceArea: Police Scotland\n', 'dunmore.yaml')).toMatchInlineSnapshot(`
      "dunmore.yaml:4:9  error  invalid-value  nation is "Scotland", which is not allowed
          hint: use one of: England, Wales"
    `);
  });

  it('explains how to write a date', () => {
    expect(messages(inspectionSchema, inspection.replace('published: 2024-04-30', 'published: 30/04/2024'))).toMatchInlineSnapshot(`
      "inspection.yaml:7:12  error  invalid-date  published is "30/04/2024": it must be a date written as YYYY-MM-DD, such as 2019-06-13
          hint: did you mean 2024-04-30?"
    `);
    expect(messages(inspectionSchema, inspection.replace('end: 2024-03-08', 'end: 2024-02-30'))).toMatchInlineSnapshot(`
      "inspection.yaml:6:8  error  invalid-date  fieldwork → end is "2024-02-30": it must be a date written as YYYY-MM-DD, such as 2019-06-13
          hint: write the year, month and day as numbers joined by hyphens, and check that the day exists in that month"
    `);
  });

  it('gives the YYYY-MM-DD form of a date written in words, when there is only one reading', async () => {
    const { dateMeant } = await import('../../src/check/schema-issues.ts');
    expect(['4 July 2023', 'July 4, 2023', '2nd Nov 2021', '31/02/2023', 'soon'].map(dateMeant)).toEqual(['2023-07-04', '2023-07-04', '2021-11-02', undefined, undefined]);
  });

  it('names the expected type of a field', () => {
    expect(messages(inspectionSchema, `${inspection}team: Owen Fairclough\n`)).toMatchInlineSnapshot(`
      "inspection.yaml:10:7  error  wrong-type  team must be a list (lines starting with "- "), not "Owen Fairclough"
          hint: write a list: one line per item starting with "- ", or [first, second] on one line"
    `);
  });

  it('reports empty text and numbers out of range', () => {
    expect(messages(inspectionSchema, `${inspection}ratings:\n  "2.2":\n    rating: good\n    override:\n      rationale: ""\n`)).toMatchInlineSnapshot(`
      "inspection.yaml:14:18  error  empty-field  ratings → 2.2 → override → rationale is empty: a professional-judgement override needs a written rationale
          hint: write the text after "rationale:""
    `);
    expect(messages(inspectionSchema, `${inspection}counts:\n  "2.1.1": { yes: 0, relevant: 0 }\n`)).toMatchInlineSnapshot(`
      "inspection.yaml:11:32  error  out-of-range  counts → 2.1.1 → relevant: relevant must be at least 1: it counts the cases where the question applied
          hint: use at least 1"
    `);
  });

  it('offers the slug form of a name written as words', () => {
    expect(messages(inspectionSchema, inspection.replace('service: northmoor', 'service: North Moor'))).toMatchInlineSnapshot(`
      "inspection.yaml:1:10  error  invalid-format  service is "North Moor": it must be lower-case letters, digits and single hyphens, such as "northmoor"
          hint: did you mean "north-moor"?"
    `);
  });

  it('numbers list items from 1 in field names', () => {
    expect(messages(glossarySchema, '- id: camhs\n  term: CAMHS\n  definition: Mental health services.\n  easyRead: ""\n', 'terms.yaml')).toMatchInlineSnapshot(`
      "terms.yaml:4:13  error  empty-field  item 1 → easyRead is empty: it needs some text
          hint: write the text after "easyRead:""
    `);
  });

  it('asks for alt text with a glossary picture, at the entry', () => {
    const entry = '- id: camhs\n  term: CAMHS\n  definition: Mental health services.\n  easyRead: Health services.\n  picture: openmoji:health-worker\n';
    expect(messages(glossarySchema, entry, 'terms.yaml')).toMatchInlineSnapshot(`
      "terms.yaml:1:3  error  invalid-value  item 1 → alt: a picture needs alt text saying what it shows (and alt text needs a picture): write both picture: and alt:, or neither
          hint: correct the value, or see the template for an example"
    `);
    expect(glossarySchema.safeParse(readYaml(`${entry}  alt: A health worker\n`).data).success).toBe(true);
  });
});
