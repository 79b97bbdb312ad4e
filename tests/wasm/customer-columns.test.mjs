// FileImport.fitModelsColumns() and the worker's CustomerTable (web/src/engine/customer-table.ts): the
// customers handed over as typed columns give exactly the table lib/customer-base.ts makes from the
// JSON rows of fitModels() on the same request (every cell, the "slipping away" rule and threshold),
// and the windows sort, filter by id and write the CSV as the page's TableWindower would.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, root } from './module.mjs';

const cb = await import('../../web/src/lib/customer-base.ts');
const { CustomerTable } = await import('../../web/src/engine/customer-table.ts');
const { TableWindower } = await import('../../web/src/engine/table-window.ts');

let m;
before(async () => {
  m = await loadModule();
});

/** Both answers on one import: the JSON rows and the columns. */
function fitBoth(kind, bytes, options) {
  const session = new m.FileImport(JSON.stringify({ kind }));
  try {
    for (let at = 0; at < bytes.length; at += 65536) session.feed(bytes.subarray(at, at + 65536));
    session.finish();
    const rows = JSON.parse(session.fitModels(JSON.stringify(options)));
    const columns = session.fitModelsColumns(JSON.stringify(options));
    return { rows, columns, answer: JSON.parse(columns.answer) };
  } finally {
    session.delete();
  }
}

const sample = (name) => fs.readFileSync(path.join(root, 'public', 'samples', name));
const money = { margin: 0.3, discountRate: 0.08 };
const all = { sort: null, filter: '', offset: 0, count: Number.MAX_SAFE_INTEGER };

/** The columns' table is the JSON rows' table, cell for cell, and the answers agree on the rest. */
function assertSameTable(rows, columns, answer) {
  assert.deepEqual(answer.customers, [], 'no row per customer in the columns answer');
  assert.deepEqual(answer.base, rows.base);
  assert.equal(answer.customers_total, rows.customers_total);
  const expected = cb.customerTable(rows);
  const table = new CustomerTable(7, columns);
  const info = table.summary();
  assert.equal(info.fit, 7);
  assert.equal(info.model, cb.chosenModel(rows));
  assert.deepEqual(info.columns, expected.columns);
  assert.deepEqual(info.units, expected.units);
  assert.equal(info.total, expected.rows.length);
  assert.deepEqual(table.window('cb_customers', 'en', all).rows, expected.rows);
  assert.deepEqual(info.first_rows, expected.rows.slice(0, 100));
  const slipping = cb.slippingAway(expected);
  assert.equal(info.threshold, cb.valuableThreshold(expected));
  assert.equal(info.slipping, slipping.rows.length);
  assert.deepEqual(table.window('cb_slipping', 'en', all).rows, slipping.rows);
  return { table, expected };
}

test('a transactions sample with a holdout: the columns hold every customer as the JSON rows do', () => {
  const request = cb.fitRequest('transactions', { ...cb.defaultOptions('transactions'), holdoutSplit: '2024-09-30' }, money, '2025-02-25');
  const { rows, columns, answer } = fitBoth('transactions', sample('transactions.csv'), request);
  assert.deepEqual(rows.errors, []);
  assert.ok(rows.customers.length >= 20, `${rows.customers.length} customers`);
  assert.equal(columns.idEnds.length, rows.customers.length);
  assert.ok(columns.x instanceof Float64Array && columns.ids instanceof Uint8Array);
  assert.deepEqual(answer.holdout, rows.holdout);
  assert.deepEqual(answer.cohorts, rows.cohorts);
  const { table, expected } = assertSameTable(rows, columns, answer);
  // Sorting: as the page's TableWindower sorts the same rows, both ways, by a number and by the id.
  const local = new TableWindower(expected.rows, 'en');
  for (const column of [0, 1, 3, 5]) {
    for (const descending of [false, true]) {
      const view = { sort: { column, descending }, filter: '', offset: 0, count: Number.MAX_SAFE_INTEGER };
      assert.deepEqual(table.window('cb_customers', 'en', view).rows, local.window(view).rows, `column ${column} ${descending}`);
    }
  }
  // The filter looks for the text in the id, case folded; a window is a slice of the view.
  const id = String(expected.rows[17][0]);
  const part = id.slice(1, 4).toUpperCase();
  const found = table.window('cb_customers', 'en', { ...all, filter: ` ${part} ` });
  assert.deepEqual(found.rows, expected.rows.filter((r) => String(r[0]).toLowerCase().includes(part.toLowerCase())));
  assert.equal(found.total, expected.rows.length);
  const slice = table.window('cb_customers', 'en', { sort: { column: 3, descending: true }, filter: '', offset: 10, count: 5 });
  assert.equal(slice.offset, 10);
  assert.equal(slice.matching, expected.rows.length);
  assert.deepEqual(slice.rows, local.window({ sort: { column: 3, descending: true }, filter: '', offset: 10, count: 5 }).rows);
});

test('the CSV of a view: the header given, a line per row, the numbers plain', async () => {
  const request = cb.fitRequest('customer_summary', cb.defaultOptions('customer_summary'), money, null);
  const { rows, columns, answer } = fitBoth('customer_summary', sample('customer_summary.csv'), request);
  const { table, expected } = assertSameTable(rows, columns, answer);
  const header = expected.columns.map((c) => `T ${c}`);
  const text = await table.csv('cb_slipping', 'en', { sort: { column: 1, descending: false }, filter: '' }, header).text();
  const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
  assert.deepEqual(lines[0].split(','), header);
  const slipping = cb.slippingAway(expected).rows;
  assert.ok(slipping.length > 0, 'the sample has customers slipping away');
  assert.equal(lines.length - 1, slipping.length);
  const alive = lines.slice(1).map((l) => Number(l.split(',')[1]));
  assert.deepEqual(alive, [...alive].sort((a, b) => a - b), 'sorted by P(alive)');
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]).sort(), slipping.map((r) => String(r[0])).sort());
});

test('ids beyond ASCII and CLV ranges: the same cells', () => {
  const lines = ['customer_id,date,amount'];
  const names = ['Zoë', '客户甲', 'Ünal', '𝒜lpha', 'plain-1'];
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const day = (d) => new Date(Date.UTC(2024, 0, 1) + Math.floor(d) * 86400000).toISOString().slice(0, 10);
  for (let c = 0; c < 300; c++) {
    const name = `${names[c % names.length]}${c}`;
    let d = random() * 200;
    const rate = 0.01 + random() * 0.08;
    const stop = random() * 700;
    do {
      lines.push(`${name},${day(d)},${(5 + random() * 60).toFixed(2)}`);
      d += -Math.log(1 - random()) / rate;
    } while (d < Math.min(stop, 365));
  }
  const request = { time_unit: 'week', models: ['bg_nbd', 'gamma_gamma'], intervals: { draws: 20, seed: 1 } };
  const { rows, columns, answer } = fitBoth('transactions', Buffer.from(lines.join('\n') + '\n'), request);
  assert.deepEqual(rows.errors, []);
  const { table, expected } = assertSameTable(rows, columns, answer);
  assert.ok(expected.columns.includes('clv_p5'), 'the ranges are columns');
  assert.deepEqual(answer.intervals.customers, [], 'the ranges left the answer');
  const found = table.window('cb_customers', 'en', { ...all, filter: '客户' });
  assert.equal(found.rows.length, 60);
  const byId = table.window('cb_customers', 'en', { ...all, sort: { column: 0, descending: false } }).rows.map((r) => r[0]);
  assert.deepEqual(byId, new TableWindower(expected.rows, 'en').window({ ...all, sort: { column: 0, descending: false } }).rows.map((r) => r[0]));
});

test('an import that failed or a subscriptions file: no columns, the answer says why', () => {
  const session = new m.FileImport(JSON.stringify({ kind: 'transactions' }));
  try {
    const early = session.fitModelsColumns('{}');
    assert.equal(JSON.parse(early.answer).errors[0].code, 'models_no_data');
    assert.equal(early.idEnds, undefined);
  } finally {
    session.delete();
  }
  const { columns, answer } = fitBoth('subscriptions', sample('subscriptions.csv'), { models: ['km'], time_unit: 'month' });
  assert.equal(columns.idEnds.length, 0);
  assert.ok(answer.survival.rows.length > 0);
});
