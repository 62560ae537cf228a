/**
 * YAML syntax errors in plain words (issue 15): each at the line and column where the mistake was
 * typed, saying what to type with the line itself as the example, and nothing that only follows
 * from it. Locked here so that changes to the wording are deliberate.
 */
import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/source/yaml-file.ts';
import { DiagnosticList } from '../../src/check/diagnostics.ts';
import { checkInspectionsTogether, type LoadedInspection } from '../../src/check/rules/inspection.ts';
import type { InspectionSource } from '../../src/model/schemas/inspection.ts';

/** `line:column message / hint` for each problem, as the check prints them. */
function problems(text: string): string[] {
  const source = readYaml(text);
  expect(source.data).toBeUndefined();
  return source.syntaxErrors.map((p) => `${p.at.line}:${p.at.column} ${p.rule} ${p.message} / ${p.hint}`);
}

const top = 'service: eastbrook\nframework: youth-2021\n';

describe('YAML syntax errors in plain words', () => {
  it('a colon and a space inside unquoted text: at the text, with the quoted line', () => {
    expect(problems(`${top}ratings:\n  "1.2":\n    rating: good\n    evidence: Staff told us: workloads are manageable.\n`)).toEqual([
      '6:15 yaml-syntax the text after "evidence:" contains ": " (a colon and a space), which YAML reads as the start of another field / put the text in quotes: evidence: "Staff told us: workloads are manageable."',
    ]);
  });

  it('a comma inside unquoted text in { }: not an unknown field, but the text to quote', () => {
    expect(problems(`${top}ratings:\n  "1.2": { rating: good, evidence: Staff are skilled, well supervised and stay. }\n`)).toEqual([
      '4:36 yaml-syntax the text of "evidence" contains ", " (a comma and a space): inside { } a comma starts another field, so "well supervised and stay." would be read as one / put the text in quotes: evidence: "Staff are skilled, well supervised and stay."',
    ]);
  });

  it('inside { } as the template writes ratings: several commas, a colon, text after the "}"', () => {
    expect(problems(`${top}ratings:\n  "1.2": { rating: good, evidence: Staff are skilled, well supervised, and stay. }\n`)).toEqual([
      '4:36 yaml-syntax the text of "evidence" contains ", " (a comma and a space): inside { } a comma starts another field, so "well supervised" would be read as one / put the text in quotes: evidence: "Staff are skilled, well supervised, and stay."',
    ]);
    expect(problems(`${top}ratings:\n  "1.2": { rating: good, evidence: Staff told us: workloads are fine. }\n`)).toEqual([
      '4:36 yaml-syntax the text after "evidence:" contains ": " (a colon and a space), which YAML reads as the start of another field / put the text in quotes: evidence: "Staff told us: workloads are fine."',
    ]);
    expect(problems(`${top}ratings:\n  "1.2": { rating: good, evidence: Staff are skilled }, and stay.\n`)).toEqual([
      '4:55 yaml-syntax there is more text after the "}" that closes the group / move the text inside the brackets (in quotes if it holds ", " or ": "), or delete it',
    ]);
  });

  it('a missing "}" or "]": at the bracket that was opened, not the line after, and nothing else', () => {
    expect(problems(`${top}ratings:\n  "1.2": { rating: good, evidence: Staff are skilled\n  "1.3":\n    rating: good\nteam: [A]\n`)).toEqual([
      '4:10 yaml-syntax the "{" opened here is never closed with "}" / end the group with "}" on the same line: "1.2": { rating: good, evidence: Staff are skilled }',
    ]);
    expect(problems(`${top}team: [Owen Fairclough, Aisha Rahman\npublished: 2023-01-01\nstatus: draft\n`)).toEqual([
      '3:7 yaml-syntax the "[" opened here is never closed with "]" / end the list with "]" on the same line: team: [Owen Fairclough, Aisha Rahman]',
    ]);
  });

  it('a missing closing quote: at the opening quote', () => {
    expect(problems(`${top}ratings:\n  "1.2":\n    rating: good\n    evidence: "Staff are skilled\n  "1.3":\n    rating: good\n`)).toEqual([
      '6:15 yaml-syntax the quote (") opened here is never closed / end the text with " on the same line: evidence: "Staff are skilled"',
    ]);
    expect(problems(`${top}lead: 'Priya Shah\nteam: [A]\n`)).toEqual([
      "3:7 yaml-syntax the quote (') opened here is never closed / end the text with ' on the same line: lead: 'Priya Shah'",
    ]);
  });

  it('text after a closing quote', () => {
    expect(problems(`${top}lead: "Priya" Shah\n`)).toEqual([
      '3:15 yaml-syntax there is more text after the closing quote of "lead:" / put all of the text inside the quotes: lead: "Priya Shah"',
    ]);
  });

  it('tabs: one message naming every line indented with a tab', () => {
    expect(problems(`${top}fieldwork:\n\tstart: 2023-01-01\n\tend: 2023-01-02\n`)).toEqual([
      '4:1 yaml-syntax line 4 is indented with a tab (so is line 5): YAML counts only spaces / replace each tab at the start of the line with spaces (two for each level), as in "  start: 2023-01-01"',
    ]);
  });

  it('a list mixed with a map, both ways round', () => {
    expect(problems(`${top}team:\n  - Owen Fairclough\n  role: lead\nstatus: draft\n`)).toEqual([
      '5:3 yaml-syntax "role:" is written among the items of a list (the lines starting with "- "): a list holds items only / indent it under one item, in line with the text after "- ", or move it out of the list, level with the field the list belongs to',
    ]);
    expect(problems(`${top}- Owen Fairclough\nstatus: draft\n`)).toEqual([
      '3:1 yaml-syntax a list item ("- Owen Fairclough") is written among fields / a list belongs to a field: write the field on its own line ("team:"), then the item indented under it ("  - Owen Fairclough")',
    ]);
  });

  it('a line that is not "key: value": a missing colon or space, or text that continues the line above', () => {
    expect(problems(`${top}lead:Priya Shah\n`)).toEqual(['3:1 yaml-syntax "lead:Priya Shah" has no space after the colon / write a space after the colon: lead: Priya Shah']);
    expect(problems('lead Priya Shah\nstatus: draft\n')).toEqual(['1:1 yaml-syntax "lead Priya Shah" is not a "key: value" line / if it is a field, write a colon and a space after its name, as in "lead: Priya Shah"']);
    expect(problems(`${top}evidence: Staff are skilled\nand well supervised.\n`)).toEqual([
      '4:1 yaml-syntax "and well supervised." is not a "key: value" line / if it continues the text of "evidence:" above, indent it with more spaces than "evidence:" (or join it to that line); if it is a field, write a colon and a space after its name, as in "and: well supervised."',
    ]);
  });

  it('a stray bracket, text starting with a comma, a "#" without a space', () => {
    expect(problems(`${top}team: [A] ]\nstatus: draft\n`)).toEqual(['3:11 yaml-syntax there is a "]" here with no "[" before it / delete the "]", or put the text in quotes if it is part of it']);
    expect(problems(`${top}lead: , Priya\n`)).toEqual(['3:7 yaml-syntax text cannot start with "," unless it is in quotes / put the text in quotes: lead: ", Priya"']);
    expect(problems(`${top}lead: "Priya"# the lead\n`)).toEqual([
      '3:14 yaml-syntax a "#" written straight after other text: YAML needs a space before a comment / put a space before "#" to start a comment, or, if the "#" is part of the text, put all of the text in quotes',
    ]);
  });

  it('reports independent colons in one file at once', () => {
    expect(problems('lead: Priya: Shah\nkind: inspection\nstatus: draft: maybe\n').map((p) => p.slice(0, 4))).toEqual(['1:7 ', '3:9 ']);
  });
});

describe('an inspection.yaml that cannot be read', () => {
  const data = { service: 'eastbrook', fieldwork: { start: '2024-05-01', end: '2024-05-03' }, reinspectionOf: 'eastbrook-2023' } as InspectionSource;
  const later: LoadedInspection = { slug: 'eastbrook-2024', file: 'inspection.yaml', source: readYaml('reinspectionOf: eastbrook-2023\n'), data, broken: new Set() };

  it('still exists for the inspections that name it', () => {
    const diagnostics = new DiagnosticList();
    checkInspectionsTogether([later], diagnostics, ['eastbrook-2023']);
    expect(diagnostics.items).toEqual([]);
  });

  it('(and an inspection that is not there at all is reported)', () => {
    const diagnostics = new DiagnosticList();
    checkInspectionsTogether([later], diagnostics, []);
    expect(diagnostics.items.map((d) => d.rule)).toEqual(['unknown-inspection']);
  });
});
