// The page's one CSV writer, made for spreadsheets: UTF-8 with a byte-order mark (Excel then reads
// Chinese right), CRLF records, RFC 4180 quoting, and cells guarded against formula injection as the
// core's rejects_csv does. Numbers are written plainly (1234.5), so a spreadsheet reads them as numbers.

export type CsvValue = string | number | boolean | null | undefined;

/** One CSV cell: a leading = + - @ tab or CR escaped by "'", quoted when needed. */
export function csvCell(text: string): string {
  const cell = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function csvValue(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvCell(value);
}

/** A whole CSV file: the header line, then one line per row. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvValue).join(','));
  return `\ufeff${lines.map((line) => `${line}\r\n`).join('')}`;
}
