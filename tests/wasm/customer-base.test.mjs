// web/src/lib/customer-base.ts on real fitModels answers of the wasm module: the options it asks
// with, the customers' table (every customer, the chosen model's columns), the "slipping away"
// rule, and the values the fits give the workspace's inputs (and their source, input-sources.ts).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, root } from './module.mjs';

const cb = await import('../../web/src/lib/customer-base.ts');
const { modelLayers, sourceKey } = await import('../../web/src/lib/input-sources.ts');

let m;
before(async () => {
  m = await loadModule();
});

/** Imports a sample as `kind`, fits it with `options` (the page's request), frees the session. */
function fitSample(kind, name, options) {
  const session = new m.FileImport(JSON.stringify({ kind }));
  try {
    const bytes = fs.readFileSync(path.join(root, 'public', 'samples', name));
    for (let at = 0; at < bytes.length; at += 65536) session.feed(bytes.subarray(at, at + 65536));
    session.finish();
    return JSON.parse(session.fitModels(JSON.stringify(options)));
  } finally {
    session.delete();
  }
}

const money = { margin: 0.3, discountRate: 0.08 };

test('the request: time unit, margin and discount rate from the inputs, intervals, holdout by kind', () => {
  const o = cb.defaultOptions('transactions');
  assert.equal(o.timeUnit, 'week');
  assert.equal(cb.defaultOptions('subscriptions').timeUnit, 'month');
  const plain = cb.fitRequest('transactions', o, money, '2024-12-31');
  assert.deepEqual(plain, { time_unit: 'week', margin: 0.3, discount_rate: 0.08, models: ['bg_nbd', 'pareto_nbd', 'gamma_gamma'] });
  assert.deepEqual(cb.fitRequest('transactions', { ...o, ranges: true }, money, null).intervals, { draws: cb.INTERVAL_DRAWS, seed: 1 });
  // A split: the calibration ends there, the holdout runs to the calibration end given, else the last date.
  const split = cb.fitRequest('transactions', { ...o, holdoutSplit: '2024-06-30' }, money, '2024-12-31');
  assert.equal(split.calibration_end, '2024-06-30');
  assert.equal(split.holdout_end, '2024-12-31');
  assert.equal(cb.fitRequest('transactions', { ...o, holdoutSplit: '2024-06-30', calibrationEnd: '2024-10-01' }, money, null).holdout_end, '2024-10-01');
  // Margins the core would refuse are left to its default, not sent.
  assert.equal(cb.fitRequest('transactions', o, { margin: 1.5, discountRate: null }, null).margin, undefined);
  assert.equal(cb.fitRequest('customer_summary', { ...o, holdoutLength: '39' }, money, null).holdout, 39);
  assert.equal(cb.fitRequest('customer_summary', { ...o, holdoutLength: 'x' }, money, null).holdout, undefined);
  assert.deepEqual(cb.fitRequest('subscriptions', cb.defaultOptions('subscriptions'), money, null).models, ['km']);
});

test('the customer summary sample: every customer in the table, the chosen model, the rule on every row', () => {
  const request = cb.fitRequest('customer_summary', { ...cb.defaultOptions('customer_summary'), holdoutLength: '39', ranges: true }, money, null);
  // A few draws: each predicts all 600 customers again (the page asks INTERVAL_DRAWS).
  request.intervals.draws = 20; // the core's least
  const answer = fitSample('customer_summary', 'customer_summary.csv', request);
  assert.deepEqual(answer.errors, []);
  const lines = fs.readFileSync(path.join(root, 'public', 'samples', 'customer_summary.csv'), 'utf8').trim().split('\n').length - 1;
  const table = cb.customerTable(answer);
  assert.equal(table.rows.length, lines);
  assert.equal(table.total_rows, lines);
  const model = cb.chosenModel(answer);
  // Both count models asked: the core's choice is the one shown.
  assert.ok(answer.model_choice, 'a model choice');
  assert.equal(model, answer.model_choice.model);
  assert.ok(['bg_nbd', 'pareto_nbd'].includes(model));
  const col = (name) => table.columns.indexOf(name);
  const src = (name) => answer.customer_columns.indexOf(name);
  answer.customers.forEach((row, i) => {
    const shown = table.rows[i];
    assert.equal(shown[col('customer_id')], row[0]);
    assert.equal(shown[col('p_alive')], row[src(`${model}_p_alive`)]);
    assert.equal(shown[col('clv')], row[src(`${model}_clv`)]);
    assert.equal(shown[col('past_value')], row[src('x')] * row[src('mean_spend')]);
  });
  // The base value is the sum of the customers' CLV; its range holds it.
  const base = cb.chosenBase(answer);
  const sum = table.rows.reduce((s, r) => s + r[col('clv')], 0);
  assert.ok(Math.abs(sum - base.value) < 1e-6 * Math.max(1, base.value));
  const [low, high] = cb.valueRange(answer);
  assert.ok(low <= base.value && base.value <= high, `${low} ${base.value} ${high}`);
  // Slipping away: every row valuable and probably lost; every such row of the whole table listed.
  const threshold = cb.valuableThreshold(table);
  const valuable = table.rows.filter((r) => r[col('past_value')] >= threshold && r[col('past_value')] > 0);
  assert.ok(valuable.length >= Math.ceil(0.2 * table.rows.length) || valuable.length === table.rows.filter((r) => r[col('past_value')] > 0).length);
  const slipping = cb.slippingAway(table);
  for (const r of slipping.rows) assert.ok(r[col('past_value')] >= threshold && r[col('p_alive')] < 0.5);
  assert.equal(slipping.rows.length, valuable.filter((r) => r[col('p_alive')] < 0.5).length);
  // The inputs: the mean CLV per customer, from the chosen model, named as the model's.
  const inputs = cb.modelInputs(answer, 'week');
  assert.ok(Math.abs(inputs.cltv - base.value / base.customers) < 1e-9);
  assert.equal(inputs.annual_retention_rate, undefined);
  const [layer] = modelLayers([{ model, kind: 'customer_summary', fileName: 'customer_summary.csv', readAt: 'now', inputs }]);
  assert.equal(layer.source.model, model);
  assert.notEqual(sourceKey(layer.source), sourceKey({ ...layer.source, model: undefined }));
});

test('the subscriptions sample: Kaplan-Meier, its survival a year after the start as the annual retention', () => {
  const answer = fitSample('subscriptions', 'subscriptions.csv', cb.fitRequest('subscriptions', cb.defaultOptions('subscriptions'), money, null));
  assert.deepEqual(answer.errors, []);
  assert.ok(answer.survival.rows.length > 0);
  assert.equal(cb.inputsModel(answer), 'km');
  const year = cb.survivalAt(answer, 12);
  const inputs = cb.modelInputs(answer, 'month');
  if (year === null) {
    assert.equal(inputs.annual_retention_rate, undefined);
  } else {
    // The step function: the survival of the last step at or before 12 months.
    const t = answer.survival.columns.indexOf('time');
    const s = answer.survival.columns.indexOf('survival');
    const before12 = answer.survival.rows.filter((r) => r[t] <= 12);
    assert.equal(year, before12.length ? before12.at(-1)[s] : 1);
    if (year > 0 && year < 1) assert.equal(inputs.annual_retention_rate, year);
  }
  assert.equal(cb.survivalAt(answer, 1e9), null);
});

test('the transactions sample with a holdout split: the calibration ends at the split', () => {
  const o = { ...cb.defaultOptions('transactions'), holdoutSplit: '2024-06-30' };
  const probe = fitSample('transactions', 'transactions.csv', { time_unit: 'week', models: ['bg_nbd'], cohorts: false, customer_rows: 0 });
  const last = probe.summary.calibration_end;
  assert.match(last, /^\d{4}-\d{2}-\d{2}$/);
  const answer = fitSample('transactions', 'transactions.csv', cb.fitRequest('transactions', o, money, last));
  if (answer.errors.length) return; // a split outside the sample's dates is the core's coded error, shown as such
  assert.equal(answer.summary.calibration_end, '2024-06-30');
  assert.ok(answer.holdout.models.length > 0);
  const table = cb.customerTable(answer);
  assert.equal(table.rows.length, answer.customers_total);
});
