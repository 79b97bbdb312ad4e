// The rejects download, written by the page from the core's structured rejects: one row per
// rejected line (row, column, value, reason), the header and reasons in the page's language, the
// values as the file held them. Made for spreadsheets: UTF-8 with a byte-order mark, CRLF records,
// RFC 4180 quoting, and cells guarded against formula injection as the core's rejects_csv does.
import type { ImportReject } from '../engine/contract';

/** One CSV cell: a leading = + - @ tab or CR escaped by "'", quoted when needed. */
export function csvCell(text: string): string {
  const cell = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function rejectsCsv(
  rejects: readonly ImportReject[],
  header: readonly [string, string, string, string],
  reason: (reject: ImportReject) => string,
): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rejects) lines.push([String(r.row), csvCell(r.column ?? ''), csvCell(r.value ?? ''), csvCell(reason(r))].join(','));
  return `\ufeff${lines.map((line) => `${line}\r\n`).join('')}`;
}
