// web/src/lib/input-sources.ts and the what-if baseline (web/src/lib/whatif.ts) on the real catalog
// and real file answers from the wasm module: typed ▸ latest file ▸ sample, disagreements kept,
// file numbers rounded for the form, link values named as such, and the baseline's sources ranked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { importFile, loadModule, root } from './module.mjs';

const { buildFormModel, stateFromRequest } = await import('../../web/src/lib/form-model.ts');
const { fileLayers, formInputs, resolveInputs } = await import('../../web/src/lib/input-sources.ts');
const { deriveBaseline } = await import('../../web/src/lib/whatif.ts');

const m = await loadModule();
const model = buildFormModel(JSON.parse(m.catalog()));
const sample = JSON.parse(fs.readFileSync(path.join(root, 'public/samples/sample-company.json'), 'utf8'));
const read = (name) => importFile(m, 'auto', fs.readFileSync(path.join(root, 'public/samples', name))).answer;
const transactions = read('transactions.csv');
const ledger = read('ledger.csv');
const fileOf = (kind, fileName, inputs) => ({ source: { type: 'file', kind, fileName, readAt: '2026-12-06T10:00:00Z' }, inputs });
const sampleForm = () => {
  const { state } = stateFromRequest(model, sample);
  const sources = {};
  for (const [k, v] of Object.entries(state)) if (typeof v === 'string' && v !== '') sources[k] = 'sample';
  return { state, sources };
};

test('a file beats the sample, a typed value beats the file, and the file is kept beside it', () => {
  const { state, sources } = sampleForm();
  const layers = fileLayers([fileOf('transactions', 't.csv', transactions.inputs)], {});
  let r = resolveInputs(model, state, sources, layers);
  assert.equal(r.form.avg_purchase_value, '8,341.78', 'six significant digits');
  assert.equal(r.sources.get('avg_purchase_value').fileName, 't.csv');
  assert.equal(r.sources.get('customers_start').type, 'sample', 'what the file does not give stays the sample’s');
  assert.equal(r.others.has('avg_purchase_value'), false, 'the sample is replaced, not contradicted');

  r = resolveInputs(model, { ...state, avg_purchase_value: '9,000' }, { ...sources, avg_purchase_value: 'typed' }, layers);
  assert.equal(r.form.avg_purchase_value, '9,000');
  assert.equal(r.sources.get('avg_purchase_value').type, 'typed');
  assert.deepEqual(r.others.get('avg_purchase_value').map((o) => [o.source.fileName, o.value]), [['t.csv', '8,341.78']]);

  // Emptied on purpose: it stays empty (no value jumps back mid-edit), the file's value is offered.
  r = resolveInputs(model, { ...state, avg_purchase_value: '' }, { ...sources, avg_purchase_value: 'typed' }, layers);
  assert.equal(r.form.avg_purchase_value, '');
  assert.equal(r.sources.has('avg_purchase_value'), false);
  assert.equal(r.others.get('avg_purchase_value').length, 1);
});

test('two files that disagree: the latest is shown, the other beside it', () => {
  const { state, sources } = sampleForm();
  // Both give total_revenue and service_revenue; the ledger was read after the transactions.
  const layers = fileLayers([fileOf('transactions', 't.csv', transactions.inputs), fileOf('ledger', 'l.csv', ledger.inputs)], {});
  const r = resolveInputs(model, state, sources, layers);
  assert.equal(r.sources.get('total_revenue').fileName, 'l.csv');
  assert.deepEqual(r.others.get('total_revenue').map((o) => o.source.fileName), ['t.csv']);
});

test('values that came in a link name their file and say so', () => {
  const linked = { purchases_per_year: { value: 3.904013085444, source: { type: 'file', kind: 'transactions', fileName: 't.csv', readAt: '2026-12-01T08:00:00Z' } } };
  const r = resolveInputs(model, {}, {}, fileLayers([], linked));
  assert.equal(r.form.purchases_per_year, '3.90401');
  assert.equal(r.sources.get('purchases_per_year').viaLink, true);
});

test('numbers of every shape are rounded for the form, texts are not', () => {
  assert.deepEqual(formInputs({ a: 1 / 3, b: 'month', c: { x: { spend: 2 / 3, name: 'n' } }, d: [1 / 7, 'x'] }), {
    a: 0.333333,
    b: 'month',
    c: { x: { spend: 0.666667, name: 'n' } },
    d: [0.142857, 'x'],
  });
});

test('the what-if baseline takes the file’s customers and retention over the sample’s, and says where from', () => {
  const { state, sources } = sampleForm();
  const layers = fileLayers([fileOf('transactions', 't.csv', transactions.inputs)], {});
  const r = resolveInputs(model, state, sources, layers);
  const answer = JSON.parse(m.compute(JSON.stringify({ inputs: sample.inputs })));
  const measures = Object.fromEntries(transactions.measures.map((x) => [`transactions.${x.id}`, x.value]));
  const rank = (o) => ('input' in o ? (r.sources.get(o.input)?.type === 'file' ? 1 : r.sources.get(o.input)?.type === 'typed' ? 0 : 2) : 'kpi' in o ? 2 : 1);
  const b = deriveBaseline(model, r.form, answer, sample.projection ?? null, measures, rank);
  assert.equal(b.values.starting_customers, measures['transactions.buying_customers']);
  assert.deepEqual(b.from.starting_customers, { kind: 'transactions', measure: 'buying_customers' });
  assert.ok(Math.abs(b.values.retention_rate - transactions.inputs.annual_retention_rate) < 1e-5);
  assert.deepEqual(b.from.retention_rate, { input: 'annual_retention_rate' });
  // Without ranks the first candidate listed wins: the sample's computed retention.
  const plain = deriveBaseline(model, r.form, answer, sample.projection ?? null, measures);
  assert.deepEqual(plain.from.retention_rate, { kpi: 'retention_rate' });
});
