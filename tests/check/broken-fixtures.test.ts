/**
 * `npm run check` on tests/fixtures/broken: content with deliberate mistakes, each of the kind an
 * inspector could make. Every mistake must give exactly one message, in the file and at the line and
 * column where it is written, under the rule that names it — and nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import type { Diagnostic, Severity } from '../../src/check/diagnostics.ts';

const root = path.resolve(import.meta.dirname, '../fixtures/broken');
const { project, diagnostics } = loadProject(root);

type Row = [file: string, line: number, column: number, severity: Severity, rule: string];

const I = 'content/inspections';
const E = 'error' as const;
const W = 'warning' as const;

/** One row per planted mistake, written by hand from where each mistake sits in the fixtures. */
const expected: Row[] = [
  // ── frameworks/mini-2020.yaml: a framework that does not hang together
  ['content/frameworks/mini-2020.yaml', 14, 13, E, 'scale-order'], // outstanding has fewer points than good
  ['content/frameworks/mini-2020.yaml', 35, 15, E, 'unknown-standard'], // limiting judgement on standard 9.1
  ['content/frameworks/mini-2020.yaml', 50, 13, E, 'id-nesting'], // standard 2.2 inside domain 1
  ['content/frameworks/mini-2020.yaml', 63, 17, E, 'missing-case-type'], // case-sample standard, domain without caseType

  // ── glossary
  ['content/glossary/extra.yaml', 5, 3, E, 'unknown-field'], // "defintion": misspelt required field, reported once
  ['content/glossary/terms.yaml', 26, 13, E, 'ambiguous-term'], // alias "safeguarding" is another entry's term
  ['content/glossary/terms.yaml', 31, 7, E, 'duplicate-id'], // second "camhs"
  ['content/glossary/terms.yaml', 43, 13, E, 'unknown-glossary-term'], // seeAlso out-of-court-disposal

  // ── inspections
  [`${I}/Saltmarsh_2024`, 1, 1, E, 'invalid-slug'], // folder name with capitals and an underscore
  [`${I}/aberwyn-2022/inspection.yaml`, 2, 12, E, 'unknown-framework'], // framework youth-2012
  [`${I}/aberwyn-2023/inspection.yaml`, 13, 1, E, 'missing-case-data'], // no cases.csv and no counts (at "ratings:")
  [`${I}/aberwyn-2024/cases.csv`, 6, 11, E, 'csv-syntax'], // quote opened in C05's disposal, never closed
  [`${I}/aberwyn-2025`, 1, 1, E, 'missing-file'], // no report.mdx

  [`${I}/eastbrook-2024/cases.csv`, 1, 111, E, 'not-a-case-question'], // column 3.4.1 (judgement standard)
  [`${I}/eastbrook-2024/cases.csv`, 1, 201, E, 'unknown-column'], // column "notes"
  [`${I}/eastbrook-2024/cases.csv`, 3, 114, E, 'answer-for-other-case-type'], // court case C02 answers 3.1.1
  [`${I}/eastbrook-2024/cases.csv`, 4, 65, E, 'missing-answer'], // court case C03, 2.2.1 empty
  [`${I}/eastbrook-2024/cases.csv`, 6, 93, E, 'invalid-answer'], // C05 answers 2.4.2 "maybe"
  [`${I}/eastbrook-2024/cases.csv`, 13, 1, E, 'duplicate-case'], // C11 twice

  [`${I}/eastbrook-2025/cases.csv`, 1, 18, E, 'unknown-column'], // "looked_afer", read as looked_after
  [`${I}/eastbrook-2025/cases.csv`, 1, 140, E, 'unknown-key-question'], // column 2.5.1
  [`${I}/eastbrook-2025/cases.csv`, 1, 200, E, 'duplicate-column'], // "sex" again
  [`${I}/eastbrook-2025/cases.csv`, 3, 11, E, 'invalid-case-value'], // C02 disposal "referal-order"
  [`${I}/eastbrook-2025/cases.csv`, 7, 11, E, 'disposal-type-mismatch'], // court case C06 with youth-caution
  [`${I}/eastbrook-2025/cases.csv`, 8, 1, E, 'column-count'], // C07 one cell short
  [`${I}/eastbrook-2025/cases.csv`, 11, 35, E, 'invalid-case-value'], // C10 sex "F"

  [`${I}/harrowfield-2022/inspection.yaml`, 18, 15, E, 'yaml-syntax'], // colon inside unquoted evidence text

  [`${I}/harrowfield-2024/inspection.yaml`, 3, 7, E, 'missing-partners'], // joint inspection without partners
  [`${I}/harrowfield-2024/inspection.yaml`, 6, 8, E, 'date-order'], // fieldwork ends before it starts

  [`${I}/harrowfield-2025/inspection.yaml`, 18, 3, E, 'not-a-case-question'], // counts for judgement question 1.1.1
  [`${I}/harrowfield-2025/inspection.yaml`, 20, 19, E, 'count-order'], // 2.1.2: 9 yes of 8 relevant
  [`${I}/harrowfield-2025/inspection.yaml`, 31, 3, E, 'unknown-key-question'], // counts for 2.5.1
  [`${I}/harrowfield-2025/inspection.yaml`, 35, 32, E, 'count-exceeds-sample'], // 3.2.1: 9 relevant, sample of 8
  [`${I}/harrowfield-2025/report.mdx`, 45, 1, E, 'missing-narrative'], // no section 2.3: belongs where 2.2 ends
  [`${I}/harrowfield-2025/report.mdx`, 5, 1, E, 'unknown-section'], // "## Summary"
  [`${I}/harrowfield-2025/report.mdx`, 22, 1, E, 'duplicate-section'], // "## 1.2 Staff" twice
  [`${I}/harrowfield-2025/report.mdx`, 35, 1, W, 'section-heading'], // "## 2.1 Assesment"
  [`${I}/harrowfield-2025/report.mdx`, 69, 1, E, 'unknown-standard'], // "## 5.1 Volunteers"

  [`${I}/kingsmere-2022/inspection.yaml`, 1, 10, E, 'unknown-service'], // service kingsmer
  [`${I}/kingsmere-2022/inspection.yaml`, 10, 17, W, 'embargo-ignored'], // embargoedUntil on a published report
  [`${I}/kingsmere-2022/inspection.yaml`, 51, 13, E, 'duplicate-recommendation'], // number 1 twice
  [`${I}/kingsmere-2022/inspection.yaml`, 59, 3, E, 'unknown-domain'], // findings for domain 5
  [`${I}/kingsmere-2022/inspection.yaml`, 63, 12, E, 'unknown-glossary-term'], // glossary: [asset-plus]
  [`${I}/kingsmere-2022/report.mdx`, 16, 1, E, 'image'], // ![](…): no alt text
  [`${I}/kingsmere-2022/report.mdx`, 23, 1, E, 'image'], // ./images/staff.png is not there
  [`${I}/kingsmere-2022/report.mdx`, 30, 1, E, 'image'], // a .gif
  [`${I}/kingsmere-2022/report.mdx`, 37, 21, E, 'image'], // a picture inside a sentence
  [`${I}/kingsmere-2022/report.mdx`, 40, 1, E, 'image'], // room.png is a JPEG

  [`${I}/kingsmere-2023/report.mdx`, 13, 20, E, 'mdx-syntax'], // "<10" read as a tag

  [`${I}/kingsmere-2024/inspection.yaml`, 16, 5, E, 'override-on-judgement'], // override on 1.1
  [`${I}/kingsmere-2024/inspection.yaml`, 19, 13, E, 'not-rated-not-allowed'], // 1.2 not-rated
  [`${I}/kingsmere-2024/inspection.yaml`, 28, 13, E, 'rating-disagrees'], // 2.1 good, cases give outstanding
  [`${I}/kingsmere-2024/inspection.yaml`, 30, 13, E, 'override-too-far'], // 2.2 two bands below computed

  [`${I}/kingsmere-2025/report.mdx`, 7, 17, E, 'mdx-syntax'], // unclosed <br>

  [`${I}/northmoor-2022/inspection.yaml`, 12, 1, E, 'counts-and-cases'], // sampleSize beside a cases.csv
  [`${I}/northmoor-2022/report.mdx`, 6, 1, E, 'unknown-component'], // <RatingSummary />
  [`${I}/northmoor-2022/report.mdx`, 17, 28, E, 'component-attribute'], // <Rating standrd="1.1" />
  [`${I}/northmoor-2022/report.mdx`, 24, 30, E, 'component-attribute'], // <Rating standard="9.9" />
  [`${I}/northmoor-2022/report.mdx`, 39, 1, E, 'component-attribute'], // <KeyQuestions /> without standard
  [`${I}/northmoor-2022/report.mdx`, 42, 20, E, 'component-placement'], // <KeyQuestions /> inside a sentence
  [`${I}/northmoor-2022/report.mdx`, 49, 1, E, 'component-placement'], // text inside <KeyQuestions>
  [`${I}/northmoor-2022/report.mdx`, 60, 10, E, 'component-attribute'], // <Example title={"…"}>

  [`${I}/northmoor-2023/inspection.yaml`, 3, 7, E, 'missing-field'], // reinspection without reinspectionOf
  [`${I}/northmoor-2023/inspection.yaml`, 7, 12, E, 'published-before-fieldwork'], // published 2023-03-01, fieldwork to 03-10

  [`${I}/northmoor-2025/inspection.yaml`, 4, 17, E, 'unknown-inspection'], // reinspectionOf northmoor-2020
  [`${I}/northmoor-2025/inspection.yaml`, 9, 9, E, 'missing-embargo-date'], // embargoed, no embargoedUntil
  [`${I}/northmoor-2025/report.mdx`, 2, 1, E, 'outside-section'], // "# Northmoor report" before ## Foreword
  [`${I}/northmoor-2025/report.mdx`, 17, 1, E, 'mdx-expression'], // import Chart from './chart.js'
  [`${I}/northmoor-2025/report.mdx`, 24, 17, E, 'mdx-expression'], // {12 + 3}
  [`${I}/northmoor-2025/report.mdx`, 31, 1, E, 'raw-html'], // a ``` code block
  [`${I}/northmoor-2025/report.mdx`, 40, 1, E, 'unknown-component'], // <div>
  [`${I}/northmoor-2025/report.mdx`, 43, 21, E, 'link-reference'], // [council's website][policies]

  [`${I}/saltmarsh-2021/inspection.yaml`, 2, 1, E, 'missing-field'], // no lead (reported at the first field)
  [`${I}/saltmarsh-2021/inspection.yaml`, 4, 7, E, 'invalid-value'], // kind "inspecton"
  [`${I}/saltmarsh-2021/inspection.yaml`, 8, 12, E, 'invalid-date'], // published "2 November 2021"
  [`${I}/saltmarsh-2021/inspection.yaml`, 11, 1, E, 'unknown-field'], // "teem"
  [`${I}/saltmarsh-2021/inspection.yaml`, 47, 11, E, 'wrong-type'], // glossary: assetplus (not a list)

  [`${I}/saltmarsh-2022/inspection.yaml`, 2, 10, E, 'invalid-format'], // service "Salt Marsh"
  [`${I}/saltmarsh-2022/inspection.yaml`, 7, 3, E, 'unknown-field'], // fieldwork "ednd": misspelt required field, reported once
  [`${I}/saltmarsh-2022/inspection.yaml`, 30, 18, E, 'empty-field'], // override rationale ""
  [`${I}/saltmarsh-2022/inspection.yaml`, 49, 13, E, 'out-of-range'], // recommendation number 0
  [`${I}/saltmarsh-2022/inspection.yaml`, 54, 3, E, 'invalid-key'], // findings keyed "Domain 2"

  [`${I}/saltmarsh-2023/inspection.yaml`, 17, 13, E, 'unknown-rating'], // 1.2 "goood"
  [`${I}/saltmarsh-2023/inspection.yaml`, 19, 3, E, 'missing-rating'], // 1.3 evidence but no rating
  [`${I}/saltmarsh-2023/inspection.yaml`, 22, 13, E, 'missing-evidence'], // 1.4 rating but no evidence
  [`${I}/saltmarsh-2023/inspection.yaml`, 43, 3, E, 'unknown-standard'], // ratings for 5.1
  [`${I}/saltmarsh-2023/report.mdx`, 18, 20, E, 'footnote'], // [^register] has no note
  [`${I}/saltmarsh-2023/report.mdx`, 25, 1, E, 'footnote'], // [^survey] is never referred to
  [`${I}/saltmarsh-2023/report.mdx`, 38, 1, E, 'footnote'], // [^waiting]'s note is in another section

  // ── services
  ['content/services/dunmore.yaml', 4, 9, E, 'invalid-value'], // nation Scotland
  ['content/services/fellside.yaml', 3, 1, E, 'yaml-syntax'], // tab indentation
  ['content/services/northmoor.yml', 2, 7, E, 'duplicate-slug'], // northmoor again, in a .yml file
  ['content/services/westbrook.yaml', 1, 7, E, 'slug-mismatch'], // slug west-brook in westbrook.yaml
];

const compareRows = (a: Row, b: Row) =>
  (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || a[1] - b[1] || a[2] - b[2] || (a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0);
const toRow = (d: Diagnostic): Row => [d.file, d.line, d.column, d.severity, d.rule];

/** Mistakes marked in the fixture files (`# mistake:` in YAML, `{/* mistake:` in MDX) and listed in the README. */
function plantedMistakes(): number {
  let count = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else count += fs.readFileSync(full, 'utf8').match(/# mistake:|\{\/\* mistake:/g)?.length ?? 0;
    }
  };
  walk(path.join(root, 'content'));
  count += fs.readFileSync(path.join(root, 'README.md'), 'utf8').match(/^- mistake:/gm)?.length ?? 0;
  return count;
}

describe('npm run check on the broken fixtures', () => {
  it('reports every planted mistake, once, at its place and under its rule', () => {
    expect(diagnostics.map(toRow).sort(compareRows)).toEqual([...expected].sort(compareRows));
  });

  it('gives exactly one message per planted mistake', () => {
    expect(expected).toHaveLength(plantedMistakes());
    expect(diagnostics).toHaveLength(plantedMistakes());
  });

  it('covers at least 30 different kinds of mistake in different files', () => {
    const pairs = new Set(diagnostics.map((d) => `${d.file} ${d.rule}`));
    expect(pairs.size).toBeGreaterThanOrEqual(30);
    expect(new Set(diagnostics.map((d) => d.rule)).size).toBeGreaterThanOrEqual(30);
  });

  it('says nothing about the correct inspection, and builds it into the model', () => {
    expect(diagnostics.filter((d) => d.file.startsWith(`${I}/eastbrook-2023`))).toEqual([]);
    const inspection = project.inspections.find((i) => i.slug === 'eastbrook-2023');
    expect(inspection?.rating.standards.find((s) => s.id === '2.1')?.computed).toBe('outstanding');
  });

  it('words every message, and says how to fix every error', () => {
    for (const d of diagnostics) {
      expect(d.message.trim(), `${d.file}:${d.line} ${d.rule}`).not.toBe('');
      if (d.severity === 'error') expect(d.hint?.trim(), `${d.file}:${d.line} ${d.rule} has no hint`).toBeTruthy();
    }
  });

  it('suggests the word meant when a name is mistyped', () => {
    const hint = (file: string, rule: string) => diagnostics.find((d) => d.file === file && d.rule === rule)?.hint;
    expect(hint(`${I}/saltmarsh-2021/inspection.yaml`, 'unknown-field')).toBe('did you mean "team"?');
    expect(hint(`${I}/saltmarsh-2022/inspection.yaml`, 'unknown-field')).toBe('did you mean "end"? ("end" is required)');
    expect(hint(`${I}/eastbrook-2025/cases.csv`, 'unknown-column')).toBe('did you mean "looked_after"?');
    expect(hint(`${I}/kingsmere-2022/inspection.yaml`, 'unknown-service')).toBe('did you mean "kingsmere"?');
    expect(hint(`${I}/kingsmere-2022/inspection.yaml`, 'unknown-glossary-term')).toBe('did you mean "assetplus"?');
    expect(hint(`${I}/saltmarsh-2023/inspection.yaml`, 'unknown-rating')).toBe('did you mean "good"?');
    expect(hint(`${I}/northmoor-2025/inspection.yaml`, 'unknown-inspection')).toBe('did you mean "northmoor-2022"?');
    expect(diagnostics.find((d) => d.file === `${I}/northmoor-2022/report.mdx` && d.rule === 'unknown-component')?.message).toContain('did you mean <RatingsSummary />?');
    expect(hint(`${I}/northmoor-2022/report.mdx`, 'component-attribute')).toMatch(/^did you mean standard="…"\?/);
  });
});
