// The warehouse route of docs/MODELS.md: docs/sql/customer_summary.duckdb.sql, run by DuckDB on
// CDNOW's transactions, writes the summary lifetimes ships for the same customers (which the core's
// own summary reproduces: tests/core/models_entry_test.cpp), and honours the core's rules for
// returns, zero-value lines and lines without an amount.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';

const root = path.resolve(import.meta.dirname, '../..');
const shared = path.resolve(root, '../shared/data');
const sql = fs.readFileSync(path.join(root, 'docs/sql/customer_summary.duckdb.sql'), 'utf8');

async function summarize(connection, { calibrationEnd, holdoutEnd, daysPerUnit }) {
  await connection.run(`SET VARIABLE calibration_end = DATE '${calibrationEnd}'`);
  await connection.run(`SET VARIABLE holdout_end = DATE '${holdoutEnd}'`);
  await connection.run(`SET VARIABLE days_per_unit = ${daysPerUnit}`);
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS();
}

test('the rules of a purchase day, as the core counts them', async () => {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  // c1: two lines on 01-01 (one day), 01-08, a return on 01-15 (no purchase), 01-22 without an
  // amount (a purchase day, not in the mean spend), 02-05 in the holdout; c2 only after
  // calibration. The core's test of the same lines: x 2, t_x 21, T 30, mean spend 20, holdout 1.
  await c.run(`CREATE TABLE transactions AS SELECT * FROM (VALUES
    ('c1', TIMESTAMP '2024-01-01 09:00', 10.0), ('c1', TIMESTAMP '2024-01-01 15:00', 5.0),
    ('c1', TIMESTAMP '2024-01-08', 20.0), ('c1', TIMESTAMP '2024-01-15', -20.0),
    ('c1', TIMESTAMP '2024-01-22', NULL), ('c1', TIMESTAMP '2024-02-05', 7.0),
    ('c2', TIMESTAMP '2024-02-06', 3.0)) t(customer_id, ts, amount)`);
  const rows = await summarize(c, { calibrationEnd: '2024-01-31', holdoutEnd: '2024-02-29', daysPerUnit: 1 });
  assert.equal(rows.length, 1);
  const r = rows[0];
  assert.deepEqual(
    [r.customer_id, Number(r.frequency), r.recency, r.T, r.monetary_value, Number(r.frequency_holdout)],
    ['c1', 2, 21, 30, 20, 1],
  );
});

test('CDNOW: DuckDB writes the summary lifetimes ships', { skip: !fs.existsSync(path.join(shared, 'cdnow-btyd')) && 'no ../shared/data' }, async () => {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const elog = path.join(shared, 'cdnow-btyd/cdnowElog.csv').replaceAll("'", "''");
  await c.run(`CREATE TABLE transactions AS
    SELECT sampleid AS customer_id, strptime(CAST(date AS VARCHAR), '%Y%m%d') AS ts, sales AS amount
    FROM read_csv('${elog}', header = true, columns = {'masterid': 'VARCHAR', 'sampleid': 'INTEGER',
      'date': 'INTEGER', 'cds': 'INTEGER', 'sales': 'DOUBLE'})`);
  const rows = await summarize(c, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', daysPerUnit: 7 });
  const published = fs
    .readFileSync(path.join(shared, 'cdnow-lifetimes/cdnow_customers_summary_with_transactions.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
  assert.equal(rows.length, 2357);
  assert.equal(published.length, 2357);
  let sumX = 0;
  for (const r of rows) {
    const [id, x, tx, T, zbar] = published[r.customer_id - 1];
    assert.equal(id, r.customer_id);
    assert.equal(Number(r.frequency), x, `customer ${id} x`);
    // lifetimes rounds t_x, T and zbar to 2 decimals.
    assert.ok(Math.abs(r.recency - tx) <= 0.005001, `customer ${id} t_x ${r.recency} vs ${tx}`);
    assert.ok(Math.abs(r.T - T) <= 0.005001, `customer ${id} T ${r.T} vs ${T}`);
    assert.ok(Math.abs(r.monetary_value - zbar) <= 0.005001, `customer ${id} zbar ${r.monetary_value} vs ${zbar}`);
    sumX += Number(r.frequency);
  }
  assert.equal(sumX, 2457);
  // The 39 holdout weeks: 1,882 purchase days (the core's holdout count of the same file).
  assert.equal(rows.reduce((s, r) => s + Number(r.frequency_holdout), 0), 1882);
});
