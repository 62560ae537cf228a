/** Reads a CSV file (cases exported from a spreadsheet) keeping the line and column of every cell. */
import { parse } from 'csv-parse/sync';
import type { Position } from '../model/position.ts';

export interface CsvCell {
  /** The cell's text, trimmed. */
  value: string;
  /** The cell's text as typed, spaces kept (quotes around it left out). */
  written: string;
  at: Position;
}

export interface CsvSource {
  header: CsvCell[];
  rows: CsvCell[][];
  syntaxError?: { message: string; hint: string; at: Position };
}

/** The text of each field of one raw CSV line as typed: quotes around it removed, spaces kept. */
function writtenFields(raw: string): string[] {
  const columns = fieldColumns(raw);
  const line = raw.split(/\r?\n/)[0]!;
  return columns.map((start, index) => {
    const text = line.slice(start - 1, (columns[index + 1] ?? line.length + 2) - 2);
    return /^\s*".*"\s*$/.test(text) ? text.trim().slice(1, -1).replace(/""/g, '"') : text;
  });
}

/** Start columns (1-based) of each field of one raw CSV record, honouring quotes. */
function fieldColumns(raw: string): number[] {
  const columns = [1];
  let quoted = false;
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i];
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) columns.push(i + 2);
    else if (char === '\n' || char === '\r') break;
  }
  return columns;
}

/** Where the last quote that is never closed opens: csv-parse only says where the file ended. */
function unclosedQuote(text: string): Position | undefined {
  let quoted = false;
  let opened = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] !== '"') continue;
    if (!quoted) opened = i;
    quoted = !quoted;
  }
  if (!quoted) return undefined;
  const before = text.slice(0, opened);
  return { line: before.split('\n').length, column: opened - before.lastIndexOf('\n') };
}

export function readCsv(text: string): CsvSource {
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  const content = text.replace(/^\uFEFF/, '');
  try {
    records = parse(content, {
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as never;
  } catch (error) {
    const e = error as { message?: string; lines?: number; code?: string };
    return { header: [], rows: [], syntaxError: explainCsvError(content, e) };
  }
  const toCells = (entry: (typeof records)[number]): CsvCell[] => {
    // The raw text starts with any blank lines skipped before the record; info.lines is the record's own line.
    const columns = fieldColumns(entry.raw.replace(/^[\r\n]+/, ''));
    const line = entry.info.lines;
    const written = writtenFields(entry.raw.replace(/^[\r\n]+/, ''));
    return entry.record.map((value, index) => ({ value, written: written[index] ?? value, at: { line, column: columns[index] ?? 1 } }));
  };
  const [first, ...rest] = records;
  return { header: first ? toCells(first) : [], rows: rest.map(toCells) };
}

/** The header's name for the cell starting at `column` of a line, for messages. */
function columnName(content: string, line: string, column: number): string {
  const header = content.split(/\r?\n/)[0] ?? '';
  const index = fieldColumns(line).findLastIndex((start) => start <= column);
  const name = writtenFields(header)[index]?.trim();
  return name ? ` (column "${name}")` : '';
}

/** csv-parse's errors in plain words, at the cell where the quote is typed, with what to type. */
function explainCsvError(content: string, error: { message?: string; lines?: number; code?: string }): { message: string; hint: string; at: Position } {
  const lines = content.split(/\r?\n/);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    const at = unclosedQuote(content);
    if (at) {
      const line = lines[at.line - 1] ?? '';
      return {
        message: `a quoted cell${columnName(content, line, at.column)} starts here but its closing quote (") is missing, so the rest of the file would be read as one cell`,
        hint: `end the cell with a quote: ${line.slice(at.column - 1).split(',')[0]}"`,
        at,
      };
    }
  }
  const lineNumber = error.lines ?? 1;
  const line = lines[lineNumber - 1] ?? '';
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') {
    // "x"y: text after the quote that closes a cell.
    const match = /(^|,)\s*("[^"]*")([^,]+)/.exec(line);
    if (match) {
      const column = match.index + match[1]!.length + 1;
      return {
        message: `the cell${columnName(content, line, column)} has text after its closing quote`,
        hint: `put all of the cell's text inside the quotes: "${match[2]!.slice(1, -1)}${match[3]!.trim()}"`,
        at: { line: lineNumber, column },
      };
    }
  }
  if (error.code === 'INVALID_OPENING_QUOTE') {
    // y"z: a quote inside a cell that is not quoted.
    const columns = fieldColumns(line);
    const written = writtenFields(line);
    const index = written.findIndex((text) => text.includes('"'));
    if (index >= 0) {
      const column = columns[index]!;
      return {
        message: `the cell${columnName(content, line, column)} has a quote (") inside its text`,
        hint: `delete the quote, or put the whole cell in quotes and write the quote inside it twice: "${written[index]!.trim().replace(/"/g, '""')}"`,
        at: { line: lineNumber, column },
      };
    }
  }
  return {
    message: (error.message ?? 'unreadable CSV').replace(/^CsvError: /, ''),
    hint: 'save the sheet as CSV (comma separated); quote any cell that contains a comma',
    at: { line: lineNumber, column: 1 },
  };
}
