import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv, toCsv } from '../../core/csv.ts';

const rows = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows;
};

describe('parseCsv', () => {
  it('reads plain fields separated by commas, records by CRLF or LF', () => {
    expect(rows('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(rows('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = 'name,note\r\n"p5.48xlarge","8× H100, ""SXM""\r\nsecond line"\r\n';
    expect(rows(text)).toEqual([
      ['name', 'note'],
      ['p5.48xlarge', '8× H100, "SXM"\r\nsecond line'],
    ]);
  });

  it('keeps empty fields, including a trailing one and a quoted empty one', () => {
    expect(rows('a,,c,\n"",x,,\n')).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', '', ''],
    ]);
  });

  it('skips a UTF-8 byte-order mark and makes no row of a trailing newline', () => {
    expect(rows('\uFEFFregion,price\r\n')).toEqual([['region', 'price']]);
    expect(rows('')).toEqual([]);
  });

  it('refuses an unterminated quoted field, naming the line it opened on', () => {
    expect(parseCsv('a,b\n1,"open\nstill open')).toEqual({
      ok: false,
      error: 'line 2: a quoted field is never closed (the file may be truncated)',
    });
  });

  it('refuses a quote inside an unquoted field and text after a closing quote', () => {
    expect(parseCsv('a\nab"c')).toEqual({
      ok: false,
      error:
        'line 2: a quote inside an unquoted field (quote the whole field and double the quote)',
    });
    expect(parseCsv('"ab"c,d')).toEqual({
      ok: false,
      error: 'line 1: text after a closing quote (a quote inside a quoted field must be doubled)',
    });
  });

  it('counts lines inside quoted fields when naming where an error is', () => {
    const parsed = parseCsv('"x\r\ny",1\r\nbad"quote\r\n');
    expect(parsed).toEqual({
      ok: false,
      error:
        'line 3: a quote inside an unquoted field (quote the whole field and double the quote)',
    });
  });
});

describe('csvRecords', () => {
  it('keys each row by the header and skips blank lines', () => {
    expect(csvRecords(rows('gpu,count\nH100,8\n\nL4\n'))).toEqual([
      { gpu: 'H100', count: '8' },
      { gpu: 'L4', count: '' },
    ]);
  });
});

describe('toCsv', () => {
  it('quotes only fields that need it and ends every record with CRLF', () => {
    expect(
      toCsv([
        ['id', 'note'],
        ['aws:p5', 'a, "b"'],
        ['x', 'two\nlines'],
        ['y', ' padded'],
      ]),
    ).toBe('id,note\r\naws:p5,"a, ""b"""\r\nx,"two\nlines"\r\ny," padded"\r\n');
  });

  it('round-trips through parseCsv', () => {
    const table = [
      ['a', 'b,c', '"q"'],
      ['', 'line\r\nbreak', 'é'],
    ];
    expect(rows(toCsv(table))).toEqual(table);
  });
});
