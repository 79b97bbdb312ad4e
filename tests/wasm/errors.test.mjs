// Error paths of the wasm module: malformed JSON, a request that is not an object, bad values,
// numbers that overflow (1e400 in the JSON text), bad thresholds and projection blocks, an unknown
// import kind and broken files. Every call returns JSON with "errors" and never throws; other
// KPIs of the same request are still computed; no answer holds NaN or Infinity.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, loadModule } from './module.mjs';

let m;
before(async () => {
  m = await loadModule();
});

const kpi = (answer, id) => answer.kpis.find((k) => k.id === id);
const error = (answer, kpiId, input) =>
  answer.errors.find((e) => e.kpi === kpiId && (input === undefined || e.input === input));

// compute() on raw text: must not throw, must answer JSON with kpis and errors.
function computeText(text) {
  let out;
  assert.doesNotThrow(() => { out = m.compute(text); });
  assert.equal(typeof out, 'string');
  assert.doesNotMatch(out, /[:,[]-?(NaN|Infinity)\b/);
  const answer = JSON.parse(out);
  assert.ok(Array.isArray(answer.kpis), out);
  assert.ok(Array.isArray(answer.errors), out);
  return answer;
}

const clvInputs = { avg_purchase_value: 120, purchases_per_year: 4, lifespan_years: 5 };  // 2400

test('malformed JSON gives a request-level error', () => {
  for (const text of ['', '{', '{"inputs": {', 'nul', '{"inputs": {"clv": 1,}}', '[1, 2', '{} trailing', '\u0001']) {
    const answer = computeText(text);
    assert.equal(answer.kpis.length, 0, text);
    assert.ok(answer.errors.length >= 1, text);
    assert.equal(answer.errors[0].kpi, null, text);
    assert.equal(typeof answer.errors[0].message, 'string');
    assert.match(answer.errors[0].message, /JSON/);
  }
});

test('a request that is not an object gives an error', () => {
  for (const text of ['[]', '42', '"inputs"', 'null', 'true']) {
    const answer = computeText(text);
    assert.equal(answer.kpis.length, 0, text);
    assert.equal(answer.errors.length, 1, text);
    assert.equal(answer.errors[0].kpi, null);
  }
  const notObjectInputs = computeText(JSON.stringify({ inputs: [1, 2] }));
  assert.ok(error(notObjectInputs, null, 'inputs'));
});

test('1e400 in the JSON text is an error, not Infinity', () => {
  for (const text of [
    '{"inputs": {"customers_start": 100, "customers_lost": 1e400}}',
    '{"inputs": {"customers_start": -1e400, "customers_lost": 10}}',
  ]) {
    const answer = computeText(text);
    assert.ok(answer.errors.length >= 1, text);
    assert.equal(kpi(answer, 'churn_rate'), undefined);
  }
});

test('bad values name the KPI and input; other KPIs are still computed', () => {
  const cases = [
    [{ customers_start: 100, customers_lost: -1 }, 'churn_rate', 'customers_lost'],
    [{ customers_start: 100, customers_lost: 120 }, 'churn_rate', 'customers_lost'],
    [{ customers_start: 0, customers_lost: 0 }, 'churn_rate', 'customers_start'],
    [{ customers_start: 100, customers_lost: 'NaN' }, 'churn_rate', 'customers_lost'],
    [{ customers_start: 100, customers_lost: 'Infinity' }, 'churn_rate', 'customers_lost'],
    [{ customers_start: 100, customers_lost: 'abc' }, 'churn_rate', 'customers_lost'],
    [{ annual_revenue_per_customer: 1, relationship_years: 1, gross_margin: 1.5 }, 'cltv', 'gross_margin'],
    [{ cltv: 30000, cac: 0 }, 'ltv_cac_ratio', 'cac'],
    [{ revenue_gain: 10, 'service_innovation_roi.investment': 0 }, 'service_innovation_roi', 'service_innovation_roi.investment'],
    [{ idea_date: '2023-02-29', launch_date: '2024-01-01' }, 'time_to_market_months', 'idea_date'],
    [{ csat_score_counts: [1, 2, 3] }, 'csat', 'csat_score_counts'],
    [{ processes: { order_processing: { steps_total: 5, steps_in_system: 6 } } }, 'process_digitization_rate',
      'processes.order_processing.steps_in_system'],
  ];
  for (const [inputs, kpiId, input] of cases) {
    const answer = computeText(JSON.stringify({ inputs: { ...inputs, ...clvInputs } }));
    const label = JSON.stringify(inputs);
    assert.equal(kpi(answer, kpiId), undefined, label);
    const e = error(answer, kpiId, input);
    assert.ok(e, `${label}: ${JSON.stringify(answer.errors)}`);
    assert.equal(typeof e.message, 'string');
    assert.equal(kpi(answer, 'clv')?.value, 2400, label);
  }
});

test('numeric strings are accepted', () => {
  const answer = computeText(JSON.stringify({ inputs: { customers_start: '200', customers_lost: '50' } }));
  assert.deepEqual(answer.errors, []);
  assert.equal(kpi(answer, 'churn_rate').value, 0.25);
});

test('unknown names, missing inputs and bad thresholds are errors too', () => {
  const unknown = computeText(JSON.stringify({ inputs: { nope: 1, 'nope.investment': 2, ...clvInputs } }));
  assert.ok(error(unknown, null, 'nope'));
  assert.ok(error(unknown, null, 'nope.investment'));
  assert.equal(kpi(unknown, 'clv').value, 2400);

  const missing = computeText(JSON.stringify({ inputs: { avg_purchase_value: 1, purchases_per_year: 2 } }));
  const e = error(missing, 'clv', 'lifespan_years');
  assert.ok(e, JSON.stringify(missing));
  assert.match(e.message, /missing/);

  const thresholds = computeText(JSON.stringify({
    inputs: { cltv: 30000, cac: 10000 },
    thresholds: { nope: { good: 1 }, ltv_cac_ratio: { good: 1, watch: 2 } },
  }));
  assert.ok(error(thresholds, null, 'thresholds.nope'));
  assert.ok(error(thresholds, 'ltv_cac_ratio'));
  assert.equal(kpi(thresholds, 'ltv_cac_ratio').band, 'good');
});

test('bad projection blocks are errors and drop the projection only', () => {
  const answer = computeText(JSON.stringify({
    inputs: clvInputs,
    projection: { years: 0, baseline: { retention_rate: 1.5 } },
  }));
  assert.equal(answer.projection, undefined);
  assert.ok(error(answer, 'projection'));
  assert.equal(kpi(answer, 'clv').value, 2400);
});

test('huge and tiny values never give NaN or Infinity', () => {
  const answer = computeText(JSON.stringify({
    inputs: {
      avg_purchase_value: 1e15, purchases_per_year: 1e6, lifespan_years: 200,
      cltv: 1e15, cac: 1e-300,
      channels: { a: { spend: 1e15, new_customers: 1e-300 }, b: { spend: 100, new_customers: 10 } },
    },
  }));
  assert.equal(kpi(answer, 'clv').value, 2e23);
  assert.equal(kpi(answer, 'ltv_cac_ratio'), undefined);
  for (const k of answer.kpis) {
    assert.ok(Number.isFinite(k.value), `${k.id}`);
    for (const row of k.breakdown ?? []) assert.ok(Number.isFinite(row.value), `${k.id}.${row.name} is ${row.value}`);
  }
});

test("an import of kind 'nope' is an error, not a throw", () => {
  let out;
  assert.doesNotThrow(() => { out = JSON.stringify(analyze(m, 'nope', 'a,b\n1,2\n')); });
  const answer = JSON.parse(out);
  assert.deepEqual(answer.kpis, []);
  assert.equal(answer.errors.length, 1);
  assert.equal(answer.errors[0].input, 'kind');
  assert.match(answer.errors[0].message, /nope/);
});

test("a spend import of broken files answers errors and rejects", () => {
  const wrongKind = analyze(m, 'spend', 'name,email\nAnn,a@example.com\n');
  assert.deepEqual(wrongKind.kpis, []);
  assert.match(wrongKind.errors[0].message, /no column for/);

  const empty = analyze(m, 'spend', '');
  assert.deepEqual(empty.kpis, []);
  assert.match(empty.errors[0].message, /empty/);

  const unclosed = analyze(m, 'spend', 'period,channel,spend,new_customers\n1,"a,100,3\n');
  assert.ok(unclosed.errors.length >= 1);

  const rejects = analyze(m, 'spend', 'period,channel,spend,new_customers\n1,a,abc,3\n2,b,-5,1\n3,c,90,3\n');
  assert.equal(rejects.import.rows_rejected, 2);
  assert.deepEqual(rejects.import.rejects.map((r) => [r.row, r.column, r.value]), [[2, 'spend', 'abc'], [3, 'spend', '-5']]);
  assert.equal(kpi(rejects, 'cac').value, 30);
});
