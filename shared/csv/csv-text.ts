/**
 * CSV text as RFC 4180 writes it: fields separated by commas, quoted with double quotes when
 * they hold a comma, quote, CR or LF (a quote doubled inside), rows ended by CRLF. The parser
 * also takes LF line ends and a UTF-8 byte-order mark (what spreadsheets save), and reports
 * every malformed spot with its row and column, counted from 1 as a spreadsheet shows them.
 */

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    readonly column: number,
    reason: string,
  ) {
    super(`row ${row}, column ${column}: ${reason}`);
  }
}

const needsQuotes = /[",\r\n]/;

export function serializeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((field) => (needsQuotes.test(field) || field !== field.trim() ? `"${field.replaceAll('"', '""')}"` : field)).join(',')).join('\r\n') + '\r\n';
}

export function parseCsv(input: string): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let rowNumber = 1;
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
    quoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    rowNumber += 1;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (field === '' && !quoted && c === '"') {
      // A quoted field: runs to the closing quote (doubled quotes stand for one).
      quoted = true;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError(rowNumber, row.length + 1, 'a quoted field is not closed (a " is missing)');
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += q;
        i += 1;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError(rowNumber, row.length + 1, `unexpected "${next}" after a closing quote (a quote inside a field is written "")`);
      }
      continue;
    }
    if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
    } else if (c === '\n') {
      endRow();
      i += 1;
    } else if (c === '"') {
      throw new CsvSyntaxError(rowNumber, row.length + 1, 'a quote in the middle of an unquoted field (quote the whole field and write the quote as "")');
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || quoted || row.length > 0) endRow();
  return rows;
}
