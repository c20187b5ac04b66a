/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF (a bare LF or CR is accepted too, as
 * spreadsheets and Unix tools write them), fields optionally quoted with `"` and a quote inside a
 * quoted field doubled. Pure: the importers parse price lists with it and the exporters write
 * reports with it.
 */

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; error: string };

/** A Unicode byte-order mark some spreadsheet programs put at the start of a UTF-8 file. */
const BOM = '\uFEFF';

/**
 * Parses CSV text into rows of fields. A malformed file (an unterminated quoted field, text after
 * a closing quote, a quote inside an unquoted field) is refused with the line it was found on.
 * A trailing newline does not make an empty last row.
 */
export function parseCsv(text: string): CsvParse {
  const rows: string[][] = [];
  for (const row of csvRows(text)) {
    if ('error' in row) return { ok: false, error: row.error };
    rows.push(row.cells);
  }
  return { ok: true, rows };
}

/** One record of a CSV and the line it starts on, or the problem that stops the file. */
export type CsvRecord = { cells: string[]; line: number } | { error: string };

/**
 * The records of CSV text one at a time (what `parseCsv` collects): a file of any size is read
 * with only one record in hand. After an `{ error }` the iteration ends.
 */
export function* csvRows(text: string): Generator<CsvRecord> {
  let row: string[] = [];
  let field = '';
  let fieldStart = -1; // an unquoted field still being read runs from here (sliced at its end)
  let quoted = false; // inside a quoted field
  let afterQuote = false; // the quoted field just closed; only a separator may follow
  let fieldStarted = false; // the current record has begun (so an empty line still counts)
  let line = 1;
  let rowLine = 1;
  let quoteOpenedOnLine = 0;
  const start = text.startsWith(BOM) ? 1 : 0;

  const endField = (at: number) => {
    row.push(fieldStart >= 0 ? text.slice(fieldStart, at) : field);
    field = '';
    fieldStart = -1;
    afterQuote = false;
  };

  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quoted) {
      if (ch === 0x22 /* " */) {
        if (text.charCodeAt(i + 1) === 0x22) {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
        field += text[i];
      }
      continue;
    }
    if (ch === 0x2c /* , */) {
      endField(i);
      fieldStarted = true;
    } else if (ch === 0x0d || ch === 0x0a) {
      endField(i);
      if (ch === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      yield { cells: row, line: rowLine };
      row = [];
      fieldStarted = false;
      line++;
      rowLine = line;
    } else if (afterQuote) {
      yield {
        error: `line ${line}: text after a closing quote (a quote inside a quoted field must be doubled)`,
      };
      return;
    } else if (ch === 0x22) {
      if (fieldStart >= 0) {
        yield {
          error: `line ${line}: a quote inside an unquoted field (quote the whole field and double the quote)`,
        };
        return;
      }
      quoted = true;
      quoteOpenedOnLine = line;
      fieldStarted = true;
    } else {
      if (fieldStart < 0) fieldStart = i;
      fieldStarted = true;
    }
  }
  if (quoted) {
    yield {
      error: `line ${quoteOpenedOnLine}: a quoted field is never closed (the file may be truncated)`,
    };
    return;
  }
  if (fieldStarted || row.length > 0) {
    endField(text.length);
    yield { cells: row, line: rowLine };
  }
}

/**
 * Rows of a CSV with a header line, as objects keyed by the header's column names. Blank lines
 * (one empty field) are left out; a missing trailing cell reads as ''.
 */
export function csvRecords(rows: readonly (readonly string[])[]): Record<string, string>[] {
  const [header, ...body] = rows;
  if (header === undefined) return [];
  const isBlank = (cells: readonly string[]) => cells.length === 1 && cells[0] === '';
  return body
    .filter((cells) => !isBlank(cells))
    .map((cells) => {
      const record: Record<string, string> = {};
      header.forEach((name, column) => {
        record[name] = cells[column] ?? '';
      });
      return record;
    });
}

/** Quotes a field only when it must be: it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  if (/[",\r\n]/.test(value) || value !== value.trim()) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** Writes rows as RFC 4180 CSV: CRLF after every record, fields quoted where needed. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number written in decimal (`12`, `-0.5`, `3e-6`), or undefined. Number() alone also takes
 * `0x10`, `0b1`, `Infinity` and an empty cell, none of which a price sheet means.
 */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}
