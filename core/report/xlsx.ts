import { strToU8, zipSync } from 'fflate';
import type { CellFormat } from './report-model.ts';

/**
 * A small writer for the part of Office Open XML (ECMA-376) a report workbook needs: sheets of
 * numbers and text, number formats (currency, percent, dates), a bold frozen header row, column
 * widths. Strings are written inline (no shared-string table); the zip is fflate's.
 */
export interface XlsxColumn {
  header: string;
  /** Width in characters. */
  width: number;
  format: CellFormat;
}

/** A cell: text, a number (in its column's format, or its own), or empty. */
export type XlsxCell = string | number | null | { value: number; format: CellFormat };

export interface XlsxSheet {
  /** Shown on the tab: at most 31 characters, none of []:*?/\ */
  name: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
}

/** Style index per format (cellXfs order in styles.xml below); 1 is the header. */
const STYLE: Record<CellFormat, number> = {
  text: 2,
  usd: 3,
  usdUnit: 4,
  pct: 5,
  ms: 6,
  integer: 7,
  number: 8,
  date: 9,
};

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="5"><numFmt numFmtId="164" formatCode="&quot;$&quot;#,##0.00"/><numFmt numFmtId="165" formatCode="&quot;$&quot;0.000000"/><numFmt numFmtId="166" formatCode="0.0%"/><numFmt numFmtId="167" formatCode="#,##0.0&quot; ms&quot;"/><numFmt numFmtId="168" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE7EAF0"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="10">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="168" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** XML text: markup escaped, and characters XML 1.0 cannot hold dropped. */
function xmlText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** An ISO day as a spreadsheet date serial (days since 1899-12-30), or null if it is not one. */
export function dateSerial(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (m === null) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? t / 86_400_000 + 25_569 : null;
}

function cellXml(ref: string, cell: XlsxCell, format: CellFormat): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return numberCell(ref, cell.value, cell.format);
  if (typeof cell === 'number') return numberCell(ref, cell, format);
  if (format === 'date') {
    const serial = dateSerial(cell);
    if (serial !== null) return numberCell(ref, serial, 'date');
  }
  return `<c r="${ref}" s="${STYLE.text}" t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
}

function numberCell(ref: string, value: number, format: CellFormat): string {
  // No NaN or Infinity reaches a sheet: an unknown number is an empty cell.
  if (!Number.isFinite(value)) return '';
  const style = format === 'text' ? STYLE.number : STYLE[format];
  return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
}

function sheetXml(sheet: XlsxSheet): string {
  const cols = sheet.columns
    .map(
      (c, k) =>
        `<col min="${k + 1}" max="${k + 1}" width="${Math.max(4, Math.min(100, c.width)) + 1}" customWidth="1"/>`,
    )
    .join('');
  const header = `<row r="1">${sheet.columns
    .map(
      (c, k) =>
        `<c r="${columnName(k)}1" s="1" t="inlineStr"><is><t xml:space="preserve">${xmlText(c.header)}</t></is></c>`,
    )
    .join('')}</row>`;
  const rows = sheet.rows
    .map((row, r) => {
      const n = r + 2;
      const cells = row
        .map((cell, k) => cellXml(`${columnName(k)}${n}`, cell, sheet.columns[k]?.format ?? 'text'))
        .join('');
      return `<row r="${n}">${cells}</row>`;
    })
    .join('');
  const last = `${columnName(Math.max(0, sheet.columns.length - 1))}${sheet.rows.length + 1}`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<dimension ref="A1:${last}"/>
<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>
<sheetFormatPr defaultRowHeight="15"/>
${cols === '' ? '' : `<cols>${cols}</cols>`}
<sheetData>${header}${rows}</sheetData>
<autoFilter ref="A1:${last}"/>
</worksheet>`;
}

/** A sheet name Excel accepts: the forbidden characters replaced, 31 characters at most. */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet';
  return clean.slice(0, 31);
}

/** The workbook as the bytes of an .xlsx file. */
export function writeXlsx(sheets: readonly XlsxSheet[], title = ''): Uint8Array {
  const names = sheets.map((s) => sheetName(s.name));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
${names.map((_, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('\n')}
</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`),
    'docProps/core.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlText(title)}</dc:title><dc:creator>Modelwise</dc:creator></cp:coreProperties>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<bookViews><workbookView/></bookViews>
<sheets>${names.map((n, k) => `<sheet name="${xmlText(n)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('')}</sheets>
<definedNames>${names.map((n, k) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${k}" hidden="1">'${xmlText(n.replace(/'/g, "''"))}'!$A$1:$${columnName(Math.max(0, sheets[k]!.columns.length - 1))}$${sheets[k]!.rows.length + 1}</definedName>`).join('')}</definedNames>
</workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
${names.map((_, k) => `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join('\n')}
<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((s, k) => {
    files[`xl/worksheets/sheet${k + 1}.xml`] = strToU8(sheetXml(s));
  });
  // A fixed timestamp: the same report gives the same bytes.
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}
