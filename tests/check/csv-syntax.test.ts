/**
 * cases.csv in plain words (issue 15): a quote left open, text after a closing quote, a quote inside
 * a cell, each at its row and cell with the column's name and what to type; answers written "Yes",
 * "N/A" or "yes " read as yes and n/a, with one warning per spelling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/source/csv-file.ts';
import { readCaseRecords } from '../../src/check/rules/cases.ts';
import { DiagnosticList, formatDiagnostic } from '../../src/check/diagnostics.ts';
import { loadProject } from '../../src/check/load-project.ts';

const valid = path.resolve(import.meta.dirname, '../fixtures/valid');
const sheet = fs.readFileSync(path.join(valid, 'content/inspections/eastbrook-2023/cases.csv'), 'utf8');
const [header, first, ...rest] = sheet.trimEnd().split('\n');

/** `line:column message / hint` of the file's syntax error. */
function syntaxError(text: string): string {
  const error = readCsv(text).syntaxError;
  return error ? `${error.at.line}:${error.at.column} ${error.message} / ${error.hint}` : 'none';
}

describe('CSV syntax errors in plain words', () => {
  it('a quote never closed: at the quote, naming the column', () => {
    expect(syntaxError('id,disposal,sex\nC01,"referral-order,male\nC02,referral-order,female\n')).toBe(
      '2:5 a quoted cell (column "disposal") starts here but its closing quote (") is missing, so the rest of the file would be read as one cell / end the cell with a quote: "referral-order"',
    );
  });

  it('text after a closing quote', () => {
    expect(syntaxError('id,disposal,sex\nC01,"referral"-order,male\n')).toBe(
      '2:5 the cell (column "disposal") has text after its closing quote / put all of the cell\'s text inside the quotes: "referral-order"',
    );
  });

  it('a quote inside a cell', () => {
    expect(syntaxError('id,ethnicity,sex\nC01,white "other",male\n')).toBe(
      '2:5 the cell (column "ethnicity") has a quote (") inside its text / delete the quote, or put the whole cell in quotes and write the quote inside it twice: "white ""other"""',
    );
  });
});

const framework = loadProject(valid).project.frameworks[0]!;

describe('rows with too few or too many cells', () => {
  const check = (row: string) => {
    const diagnostics = new DiagnosticList();
    readCaseRecords({ file: 'cases.csv', text: [header, row, ...rest].join('\n') }, framework, diagnostics);
    return diagnostics.items.map(formatDiagnostic);
  };

  it('a cell short: at the row, saying where its last cell landed', () => {
    expect(check(first!.replace(/,$/, ''))).toEqual([
      'cases.csv:2:1  error  column-count  this row has 28 cells but the header has 29, so some cells are under the wrong column (the last, "", is under "3.3.2")\n    hint: every row needs one cell per column, even when empty: find the missing cell and add it (an empty cell is nothing between two commas, ",,")',
    ]);
  });

  it('a cell too many (an unquoted comma in a cell): at the first extra cell', () => {
    expect(check(first!.replace('male,white', 'male,white, british'))[0]).toBe(
      'cases.csv:2:111  error  column-count  this row has 30 cells but the header has 29: "" and any after it are beyond the last column, "3.3.3"\n    hint: delete the extra cells, or, if a cell\'s text contains a comma, put that cell in quotes ("like, this")',
    );
  });
});

describe('answers in other capitals or with spaces', () => {

  it('are read as the answer meant, with one warning per spelling', () => {
    const edited = [header, first!.replace('no,no,yes,yes', 'No,no,Yes ,Yes ').replace(/,yes,yes,,/, ',N/A,yes,,'), ...rest].join('\n');
    const diagnostics = new DiagnosticList();
    const records = readCaseRecords({ file: 'cases.csv', text: edited }, framework, diagnostics);
    expect(diagnostics.items.map(formatDiagnostic)).toEqual([
      'cases.csv:2:40  warning  answer-spelling  "No" is read as "no"\n    hint: write answers exactly as yes, no or n/a: in small letters, with no spaces around them',
      'cases.csv:2:46  warning  answer-spelling  "Yes " is read as "yes" (here and in 1 other cell)\n    hint: write answers exactly as yes, no or n/a: in small letters, with no spaces around them',
      'cases.csv:2:88  warning  answer-spelling  "N/A" is read as "n/a"\n    hint: write answers exactly as yes, no or n/a: in small letters, with no spaces around them',
    ]);
    expect(records?.[0]?.disability).toBe('no');
    expect(records?.[0]?.answers['2.1.1']).toBe('yes');
    expect(records?.[0]?.answers['2.4.2']).toBe('n/a');
  });

  it('and a word that is no answer is still an error', () => {
    const diagnostics = new DiagnosticList();
    readCaseRecords({ file: 'cases.csv', text: [header, first!.replace('no,no,yes,yes', 'no,no,Yep,yes'), ...rest].join('\n') }, framework, diagnostics);
    expect(diagnostics.items.map((d) => `${d.severity} ${d.rule}`)).toEqual(['error invalid-answer']);
  });
});
