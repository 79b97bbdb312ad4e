// The rejects download, written by the page from the core's structured rejects: one row per
// rejected line (row, column, value, reason), the header and reasons in the page's language, the
// values as the file held them (csv.ts writes it for spreadsheets).
import type { ImportReject } from '../engine/contract';
import { csvDocument } from './csv';

export { csvCell } from './csv';

export function rejectsCsv(
  rejects: readonly ImportReject[],
  header: readonly [string, string, string, string],
  reason: (reject: ImportReject) => string,
): string {
  return csvDocument(
    header,
    rejects.map((r) => [String(r.row), r.column ?? '', r.value ?? '', reason(r)]),
  );
}
