/** The site's CSV files read back as a spreadsheet would, for the tests. */

/** RFC 4180, strictly: CRLF between records, quotes only around whole fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`a bare line break at ${i}`);
    } else field += c;
  }
  if (quoted) throw new Error('an unclosed quote');
  if (field !== '' || row.length) throw new Error('the last record does not end in CRLF');
  return rows;
}
