/**
 * A minimal CSV reader for tests, as a spreadsheet reads a file: fields split on `separator` (`,`, or `;` as
 * spreadsheets in European locales use), a double quote opening or closing a quoted stretch wherever it appears
 * (`""` inside one is a quote), CRLF ending a row.
 */
export function readCsv(text: string, separator: ',' | ';' = ','): string[][] {
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
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Whether a spreadsheet would read `cell` as a formula: `=`, `+`, `-` or `@` after whitespace, NUL or invisibles. */
export function looksLikeFormula(cell: string): boolean {
  return /^[\s\0\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell);
}
