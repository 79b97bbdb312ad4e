// web/src/lib/rejects-csv.ts: the rejects download the page writes from the core's structured rejects
// (FileImport.rejectsJson()): UTF-8 with a byte-order mark, CRLF records, RFC 4180 quoting, cells
// that a spreadsheet would run as a formula guarded by a leading "'", reasons from the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { rejectsCsv, csvCell } = await import('../../web/src/lib/rejects-csv.ts');

test('header, rows, quoting and formula guards', () => {
  const rejects = [
    { row: 4, column: 'CustomerID', value: '', reason: 'customer_id is empty', code: 'empty', params: {} },
    { row: 7, column: 'Amount', value: '=1+2, lots', reason: 'not a number', code: 'not_a_number', params: {} },
    { row: 9, column: null, value: null, reason: 'the row has 2 columns, the header has 4', code: 'columns', params: {} },
    { row: 12, column: 'Note', value: 'say "hi"\nthere', reason: '@reason', code: '', params: {} },
  ];
  const csv = rejectsCsv(rejects, ['行', '列', '值', '原因'], (r) => (r.code ? `«${r.code}»` : r.reason));
  assert.equal(
    csv,
    '\ufeff行,列,值,原因\r\n' +
      '4,CustomerID,,«empty»\r\n' +
      '7,Amount,"\'=1+2, lots",«not_a_number»\r\n' +
      '9,,,«columns»\r\n' +
      '12,Note,"say ""hi""\nthere",\'@reason\r\n',
  );
  for (const lead of ['=', '+', '-', '@', '\t', '\r']) assert.ok(csvCell(`${lead}x`).replace(/^"/, '').startsWith("'"), JSON.stringify(lead));
  assert.equal(csvCell('plain'), 'plain');
});
