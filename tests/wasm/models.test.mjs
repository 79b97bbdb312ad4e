// The customer-base models through the wasm module, the way the page's worker calls them: the pure
// fitModels(request) on CDNOW's summaries gives Fader, Hardie & Lee's (2005) BG/NBD parameters, and
// a kept import answers fitModels(options) with a row per customer, the base's totals, the cohort
// table and, on request, CLV intervals.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, root } from './module.mjs';

let m;
before(async () => {
  m = await loadModule();
});

const shared = path.join(root, '..', 'shared', 'data');

/** lifetimes' CDNOW summary (ID,x,t_x,T,zbar) as the request's customer columns, or null. */
function cdnowCustomers() {
  const file = path.join(shared, 'cdnow-lifetimes', 'cdnow_customers_summary_with_transactions.csv');
  if (!fs.existsSync(file)) return null;
  const rows = fs.readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  return {
    id: rows.map((r) => r[0]),
    x: rows.map((r) => Number(r[1])),
    t_x: rows.map((r) => Number(r[2])),
    T: rows.map((r) => Number(r[3])),
    mean_spend: rows.map((r) => Number(r[4])),
  };
}

/** Streams text into a FileImport and finishes it; the caller deletes it. */
function keptImport(request, text) {
  const session = new m.FileImport(JSON.stringify(request));
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += 65536) session.feed(bytes.subarray(at, at + 65536));
  const answer = JSON.parse(session.finish());
  return { session, answer };
}

test('CDNOW through the wasm gives the published BG/NBD parameters', (t) => {
  const customers = cdnowCustomers();
  if (!customers) return t.skip('no ../shared/data/cdnow-lifetimes');
  const answer = JSON.parse(m.fitModels(JSON.stringify({ customers, models: ['bg_nbd', 'gamma_gamma'] })));
  assert.deepEqual(answer.errors, []);
  const bg = answer.models.find((f) => f.name === 'bg_nbd');
  assert.ok(bg.converged);
  // FHL 2005: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4 (the file's 2-decimal times: 3 digits).
  assert.ok(Math.abs(bg.params.r - 0.243) < 0.0006, `r ${bg.params.r}`);
  assert.ok(Math.abs(bg.params.alpha - 4.414) < 0.005, `alpha ${bg.params.alpha}`);
  assert.ok(Math.abs(bg.params.a - 0.793) < 0.0006, `a ${bg.params.a}`);
  assert.ok(Math.abs(bg.params.b - 2.426) < 0.003, `b ${bg.params.b}`);
  assert.ok(Math.abs(bg.log_likelihood - -9582.4) < 0.1, `LL ${bg.log_likelihood}`);
  for (const se of Object.values(bg.std_errors)) assert.ok(se > 0);
  assert.equal(answer.customers.length, 2357);
  assert.equal(answer.customers_total, 2357);
  assert.equal(answer.base[0].model, 'bg_nbd');
  assert.equal(answer.base[0].p_alive_histogram.reduce((s, v) => s + v, 0), 2357);
  assert.ok(!/NaN|Infinity/.test(JSON.stringify(answer)));
});

test('an import of the transactions sample, then a fit, answers per-customer rows', () => {
  const text = fs.readFileSync(path.join(root, 'public', 'samples', 'transactions.csv'), 'utf8');
  const { session, answer: imported } = keptImport({ kind: 'transactions' }, text);
  try {
    assert.deepEqual(imported.errors ?? [], []);
    const answer = JSON.parse(session.fitModels(JSON.stringify({ time_unit: 'week', intervals: { draws: 50, seed: 2 } })));
    assert.deepEqual(answer.errors, [], JSON.stringify(answer.errors));
    // One row per customer of the file: as many as distinct customer ids in the CSV.
    const lines = text.trim().split('\n').slice(1).map((l) => l.split(','));
    const ids = new Set(lines.map((r) => r[1]));
    assert.equal(answer.customers.length, ids.size);
    assert.deepEqual(new Set(answer.customers.map((r) => r[0])), ids);
    assert.equal(answer.customer_columns[0], 'id');
    const fitted = answer.models.map((f) => f.name);
    assert.ok(fitted.includes('bg_nbd'), fitted.join());
    const alive = answer.customer_columns.indexOf('bg_nbd_p_alive');
    for (const row of answer.customers) assert.ok(row[alive] === null || (row[alive] >= 0 && row[alive] <= 1));
    assert.equal(answer.summary.customers, ids.size);
    // The cohort table: every customer in one acquisition month.
    assert.equal(answer.cohorts.customers.reduce((s, v) => s + v, 0), ids.size);
    assert.equal(answer.cohorts.active.length, answer.cohorts.cohorts.length);
    assert.ok(!/NaN|Infinity/.test(JSON.stringify(answer)));
    // A bad option is a coded error, not a throw.
    const bad = JSON.parse(session.fitModels('{"time_unit": "fortnight"}'));
    assert.equal(bad.errors[0].code, 'models_bad_option');
    assert.equal(JSON.parse(session.fitModels('not json')).errors[0].code, 'invalid_json');
  } finally {
    session.delete();
  }
});

test('an import that is not finished answers a coded error', () => {
  const session = new m.FileImport(JSON.stringify({ kind: 'transactions' }));
  try {
    const answer = JSON.parse(session.fitModels('{}'));
    assert.equal(answer.errors[0].code, 'models_no_data');
  } finally {
    session.delete();
  }
});

test('a survival table and durations through the pure call', () => {
  const answer = JSON.parse(m.fitModels(JSON.stringify({ survival: [1000, 631, 468, 382, 326, 289, 262, 241] })));
  assert.deepEqual(answer.errors, []);
  assert.ok(Math.abs(answer.models[0].params.alpha - 0.704) < 0.0005);
  assert.ok(Math.abs(answer.models[0].params.beta - 1.182) < 0.0005);
  assert.equal(JSON.parse(m.fitModels('[]')).errors[0].code, 'models_bad_request');
});
