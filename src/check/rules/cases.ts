/** Reads cases.csv: one row per inspected case, one column per key question answered from cases. */
import type { DiagnosticList } from '../diagnostics.ts';
import { readCsv, type CsvCell } from '../../source/csv-file.ts';
import type { Position } from '../../model/position.ts';
import { caseFixedColumns, caseRecordSchema, courtDisposals, outOfCourtDisposals, type CaseAnswer, type CaseRecord } from '../../model/schemas/case.ts';
import type { Framework } from '../../model/schemas/framework.ts';
import { allStandards, caseQuestions } from '../../model/rating.ts';
import { closest } from '../schema-issues.ts';

const answers: readonly CaseAnswer[] = ['yes', 'no', 'n/a'];
const optionalColumns = new Set(['resettlement']);

/** What every part of the sheet is read against. */
interface Sheet {
  file: string;
  framework: Framework;
  /** Case questions of the framework, with the type of case each is about. */
  questions: ReadonlyMap<string, CaseRecord['type']>;
  /** The column each header cell is read as; null for a column that is reported and left out. */
  columns: readonly (string | null)[];
  headerAt: Position;
  headerLength: number;
  /** The header's cells as written, for messages. */
  headerNames: readonly string[];
  diagnostics: DiagnosticList;
  /** Answers written otherwise than expected ("Yes", "N/A", "yes "), by spelling: where first, how often, read as what. */
  spellings: Map<string, { at: Position; count: number; meant: string }>;
}

/** The answer words of cases.csv; "Yes", "N/A" or "yes " are read as these, with a warning. */
const ANSWER_WORDS = new Set(['yes', 'no', 'n/a', 'not-known']);

/** The answer a cell means when it is an answer word in other capitals or with spaces around it; noted once per spelling. */
function answerWord(cell: CsvCell, sheet: Sheet): string {
  const meant = cell.value.toLowerCase();
  if (!ANSWER_WORDS.has(meant) || cell.written === meant) return cell.value;
  const seen = sheet.spellings.get(cell.written);
  if (seen) seen.count += 1;
  else sheet.spellings.set(cell.written, { at: cell.at, count: 1, meant });
  return meant;
}

/** The case records, or undefined when the file cannot be read as CSV (so no figures can be computed from it). */
export function readCaseRecords(csv: { file: string; text: string }, framework: Framework, diagnostics: DiagnosticList): CaseRecord[] | undefined {
  const { file } = csv;
  const parsed = readCsv(csv.text);
  if (parsed.syntaxError) {
    diagnostics.error(file, parsed.syntaxError.at, 'csv-syntax', parsed.syntaxError.message, parsed.syntaxError.hint);
    return undefined;
  }
  const questions = caseQuestions(framework);
  const headerAt = parsed.header[0]?.at ?? { line: 1, column: 1 };
  const columns = readHeader(parsed.header, framework, questions, file, diagnostics);
  const sheet: Sheet = { file, framework, questions, columns, headerAt, headerLength: parsed.header.length, headerNames: parsed.header.map((cell) => cell.value), diagnostics, spellings: new Map() };
  const records: CaseRecord[] = [];
  /** The line each case id is first on. */
  const ids = new Map<string, number>();
  for (const row of parsed.rows) {
    const record = readRow(row, sheet, ids);
    if (record) records.push(record);
  }
  for (const [written, { at, count, meant }] of sheet.spellings) {
    diagnostics.warning(
      file,
      at,
      'answer-spelling',
      `"${written}" is read as "${meant}"${count > 1 ? ` (here and in ${count - 1} other cell${count === 2 ? '' : 's'})` : ''}`,
      `write answers exactly as ${meant === 'not-known' ? 'not-known' : 'yes, no or n/a'}: in small letters, with no spaces around them`,
    );
  }
  if (parsed.rows.length === 0) diagnostics.error(file, headerAt, 'no-cases', 'cases.csv has a header but no cases', 'add one row per inspected case');
  return records;
}

/** Header: known columns, each once; reports the others and the columns missing. */
function readHeader(header: readonly CsvCell[], framework: Framework, questions: Sheet['questions'], file: string, diagnostics: DiagnosticList): (string | null)[] {
  const judgementQuestions = new Set<string>();
  for (const { standard } of allStandards(framework)) if (standard.method === 'judgement') for (const q of standard.keyQuestions) judgementQuestions.add(q.id);
  const columns: (string | null)[] = [];
  const seen = new Set<string>();
  const written = new Set(header.map((cell) => cell.value));
  for (const cell of header) {
    const name = cell.value;
    let accepted: string | null = name;
    if (seen.has(name)) {
      diagnostics.error(file, cell.at, 'duplicate-column', `column "${name}" appears twice`, 'delete one of them');
      accepted = null;
    } else if (caseFixedColumns.includes(name) || questions.has(name)) {
      // known
    } else if (judgementQuestions.has(name)) {
      diagnostics.error(file, cell.at, 'not-a-case-question', `key question ${name} is rated by inspectors' judgement, not from cases`, 'delete this column; write the rating and its evidence in inspection.yaml');
      accepted = null;
    } else if (/^\d+\.\d+\.\d+$/.test(name)) {
      diagnostics.error(file, cell.at, 'unknown-key-question', `key question ${name} is not in framework ${framework.id}`, `case questions in ${framework.id}: ${[...questions.keys()].join(', ')}`);
      accepted = null;
    } else {
      const suggestion = closest(name, [...caseFixedColumns, ...questions.keys()]);
      diagnostics.error(file, cell.at, 'unknown-column', `unknown column "${name}"`, suggestion ? `did you mean "${suggestion}"?` : `columns are ${caseFixedColumns.join(', ')} and one per key question`);
      // A misspelt column ("looked_afer") is read as the one it stands for, when that one is not in the
      // header: the slip is reported once here, not again as a missing column and on every row.
      accepted = suggestion !== undefined && !written.has(suggestion) && !seen.has(suggestion) ? suggestion : null;
    }
    seen.add(name);
    if (accepted) seen.add(accepted);
    columns.push(accepted);
  }
  const headerAt = header[0]?.at ?? { line: 1, column: 1 };
  for (const name of [...caseFixedColumns, ...questions.keys()]) {
    if (!seen.has(name) && !optionalColumns.has(name)) {
      diagnostics.error(file, headerAt, 'missing-column', `the header has no column "${name}"`, questions.has(name) ? `add a column "${name}" with yes, no or n/a for each ${questions.get(name)} case` : `add a column "${name}"`);
    }
  }
  return columns;
}

/** One case: its fixed columns checked against the schema and each other, its id unique, its answers. */
function readRow(row: readonly CsvCell[], sheet: Sheet, ids: Map<string, number>): CaseRecord | undefined {
  const { file, columns, diagnostics } = sheet;
  const rowAt = row[0]?.at ?? sheet.headerAt;
  if (row.length < sheet.headerLength) {
    const last = row.at(-1);
    diagnostics.error(
      file,
      rowAt,
      'column-count',
      `this row has ${row.length} cells but the header has ${sheet.headerLength}, so some cells are under the wrong column${last ? ` (the last, "${last.value}", is under "${sheet.headerNames[row.length - 1] ?? ''}")` : ''}`,
      'every row needs one cell per column, even when empty: find the missing cell and add it (an empty cell is nothing between two commas, ",,")',
    );
  } else if (row.length > sheet.headerLength) {
    const extra = row[sheet.headerLength]!;
    diagnostics.error(
      file,
      extra.at,
      'column-count',
      `this row has ${row.length} cells but the header has ${sheet.headerLength}: "${extra.value}" and any after it are beyond the last column, "${sheet.headerNames.at(-1) ?? ''}"`,
      'delete the extra cells, or, if a cell\'s text contains a comma, put that cell in quotes ("like, this")',
    );
  }
  const fixed: Record<string, string> = {};
  const cellAt = new Map<string, Position>();
  row.forEach((cell, index) => {
    const column = columns[index];
    if (!column) return;
    cellAt.set(column, cell.at);
    if (caseFixedColumns.includes(column)) {
      if (cell.value !== '' || !optionalColumns.has(column)) fixed[column] = answerWord(cell, sheet);
    }
  });
  const result = caseRecordSchema.safeParse(fixed);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const column = String(issue.path[0] ?? 'id');
      const value = fixed[column];
      const allowed = issue.code === 'invalid_value' ? issue.values.map(String) : [];
      const near = value ? closest(value, allowed) : undefined;
      diagnostics.error(
        file,
        cellAt.get(column) ?? rowAt,
        'invalid-case-value',
        value === undefined || value === '' ? `case ${fixed.id || '(no id)'}: "${column}" is empty` : `case ${fixed.id || '(no id)'}: "${column}" is "${value}", which is not allowed`,
        allowed.length ? near ? `did you mean "${near}"? Allowed: ${allowed.join(', ')}` : `use one of: ${allowed.join(', ')}` : issue.message,
      );
    }
  }
  const caseType = result.success ? result.data.type : (fixed.type as CaseRecord['type'] | undefined);
  if (result.success) {
    const allowedDisposals: readonly string[] = caseType === 'court' ? courtDisposals : outOfCourtDisposals;
    if (!allowedDisposals.includes(result.data.disposal)) {
      diagnostics.error(file, cellAt.get('disposal') ?? rowAt, 'disposal-type-mismatch', `case ${result.data.id}: "${result.data.disposal}" is not a ${caseType} disposal`, `for ${caseType} cases use one of: ${allowedDisposals.join(', ')}`);
    }
  }
  if (fixed.id) {
    const earlier = ids.get(fixed.id);
    if (earlier) diagnostics.error(file, cellAt.get('id') ?? rowAt, 'duplicate-case', `case id ${fixed.id} is used again (first on line ${earlier})`, 'give every case its own id');
    else ids.set(fixed.id, rowAt.line);
  }
  const answers = readAnswers(row, sheet, fixed.id, caseType);
  return result.success ? { ...result.data, answers } : undefined;
}

/** The answers to the case questions of a case of this type: yes, no or n/a. */
function readAnswers(row: readonly CsvCell[], sheet: Sheet, id: string | undefined, caseType: CaseRecord['type'] | undefined): Record<string, CaseAnswer> {
  const { file, columns, questions, diagnostics } = sheet;
  const rowAnswers: Record<string, CaseAnswer> = {};
  row.forEach((cell, index) => {
    const column = columns[index];
    if (!column || !questions.has(column)) return;
    const forType = questions.get(column);
    const value = cell.value.toLowerCase();
    if (value === '') {
      if (caseType === forType) diagnostics.error(file, cell.at, 'missing-answer', `case ${id ?? ''}: no answer to ${column}`, 'write yes, no or n/a (not applicable)');
      return;
    }
    if (caseType && caseType !== forType) {
      diagnostics.error(file, cell.at, 'answer-for-other-case-type', `case ${id ?? ''} is a ${caseType} case but has an answer to ${column}, a question about ${forType} cases`, 'leave this cell empty, or correct the case type');
      return;
    }
    if (!(answers as readonly string[]).includes(value)) {
      diagnostics.error(file, cell.at, 'invalid-answer', `case ${id ?? ''}: answer to ${column} is "${cell.value}"`, 'write yes, no or n/a (not applicable)');
      return;
    }
    rowAnswers[column] = answerWord(cell, sheet) as CaseAnswer;
  });
  return rowAnswers;
}
