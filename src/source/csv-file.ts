/** Reads a CSV file (cases exported from a spreadsheet) keeping the line and column of every cell. */
import { parse } from 'csv-parse/sync';
import type { Position } from '../model/position.ts';

export interface CsvCell {
  value: string;
  at: Position;
}

export interface CsvSource {
  header: CsvCell[];
  rows: CsvCell[][];
  syntaxError?: { message: string; at: Position };
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
    const opening = e.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuote(content) : undefined;
    if (opening) return { header: [], rows: [], syntaxError: { message: 'a quoted cell starts here but its closing quote is missing', at: opening } };
    return { header: [], rows: [], syntaxError: { message: (e.message ?? 'unreadable CSV').replace(/^CsvError: /, ''), at: { line: e.lines ?? 1, column: 1 } } };
  }
  const toCells = (entry: (typeof records)[number]): CsvCell[] => {
    // The raw text starts with any blank lines skipped before the record; info.lines is the record's own line.
    const columns = fieldColumns(entry.raw.replace(/^[\r\n]+/, ''));
    const line = entry.info.lines;
    return entry.record.map((value, index) => ({ value, at: { line, column: columns[index] ?? 1 } }));
  };
  const [first, ...rest] = records;
  return { header: first ? toCells(first) : [], rows: rest.map(toCells) };
}
