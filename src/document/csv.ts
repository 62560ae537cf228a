/**
 * Every CSV the site publishes is written here: RFC 4180 (lines end in CRLF; a field holding a
 * comma, a quote or a line break is quoted, quotes doubled; a value that does not apply is an
 * empty field), with text guarded against spreadsheet formulas.
 */

/** A cell: text, a number, or nothing (an empty field). */
export type CsvValue = string | number | null;

/**
 * Text a spreadsheet would read as a formula (OWASP's "CSV injection" list): such text gets a
 * single quote in front, so it is shown as the words written. Only text is guarded: a number
 * (a count, a score, a year) is written as a number, even when negative, and a date (YYYY-MM-DD)
 * begins with a digit.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const guardedText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

function field(value: CsvValue): string {
  const text = value === null ? '' : typeof value === 'number' ? String(value) : guardedText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row of column names, then one line per row. */
export function csvText(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `${[columns, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
