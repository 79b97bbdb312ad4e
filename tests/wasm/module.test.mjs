// The wasm module as the page loads it: it loads; catalog() parses and holds every KPI id of the
// native catalog (compared with `build/native/cli/servimetrics catalog` when that binary exists);
// compute() gives the articles' worked examples; a spend file's import gives per-channel CAC;
// combine() gives LTV:CAC per channel; warmUp() imports its generated rows; the
// sample company request (or our own) computes every KPI with no NaN or Infinity anywhere.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyze, importFile, loadModule } from './module.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const nativeCli = path.join(root, 'build', 'native', 'cli', 'servimetrics');
const sampleRequest = path.join(root, 'public', 'samples', 'sample-company.json');
const sampleSpend = path.join(root, 'public', 'samples', 'marketing-spend.csv');

let m;
before(async () => {
  m = await loadModule();
});

const compute = (request) => JSON.parse(m.compute(JSON.stringify(request)));
const kpi = (answer, id) => answer.kpis.find((k) => k.id === id);

// Every number anywhere in `value` is finite (JSON.parse turns no text into NaN, but a null where a
// number belongs would betray one).
function assertAllFinite(value, where = '$') {
  if (typeof value === 'number') {
    assert.ok(Number.isFinite(value), `${where} is not finite`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertAllFinite(v, `${where}[${i}]`));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertAllFinite(v, `${where}.${k}`);
  }
}

function assertNoNonFiniteText(text) {
  assert.doesNotMatch(text, /[:,[]-?(NaN|Infinity)\b/);
  for (const k of JSON.parse(text).kpis) {
    assert.equal(typeof k.value, 'number', `${k.id} value is ${k.value}`);
    for (const row of k.breakdown ?? []) assert.equal(typeof row.value, 'number', `${k.id}.${row.name}`);
  }
}

test('the module exposes catalog, compute, combine and FileImport, and no more analyze', () => {
  assert.equal(typeof m.catalog, 'function');
  assert.equal(typeof m.compute, 'function');
  assert.equal(typeof m.combine, 'function');
  assert.equal(typeof m.FileImport, 'function');
  assert.equal(m.analyze, undefined);
  assert.equal(typeof m.catalog(), 'string');
});

test('catalog() parses and has the documented shape', () => {
  const catalog = JSON.parse(m.catalog());
  assert.equal(catalog.version, 1);
  assert.deepEqual(catalog.groups.map((g) => g.id), ['customer', 'operations', 'financial', 'digital', 'organization']);
  assert.equal(catalog.kpis.length, 34);
  const ids = catalog.kpis.map((k) => k.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  for (const id of ['clv', 'cltv', 'ltv_cac_ratio', 'churn_rate', 'nps', 'csat', 'cac', 'cac_savings',
    'first_contact_resolution_rate', 'repeat_complaint_rate', 'service_revenue_share',
    'digital_transformation_roi', 'digital_transformation_net_roi', 'process_digitization_rate',
    'digital_skill_pass_rate', 'knowledge_base_updates']) {
    assert.ok(ids.includes(id), `catalog lacks ${id}`);
  }
  const ratio = catalog.kpis.find((k) => k.id === 'ltv_cac_ratio');
  assert.deepEqual(ratio.bands, { direction: 'higher', good: { value: 3, strict: false }, watch: { value: 2, strict: false } });
  for (const k of catalog.kpis) {
    assert.ok(k.name.en && k.name.zh, `${k.id} names`);
    assert.ok(k.explanation.en && k.explanation.zh, `${k.id} explanations`);
  }
});

test('catalog() holds every KPI id of the native catalog', (t) => {
  if (!fs.existsSync(nativeCli)) {
    t.skip('native CLI not built');
    return;
  }
  const native = JSON.parse(execFileSync(nativeCli, ['catalog'], { encoding: 'utf8' }));
  const wasm = JSON.parse(m.catalog());
  assert.deepEqual(wasm.kpis.map((k) => k.id), native.kpis.map((k) => k.id));
  assert.deepEqual(wasm.inputs.map((i) => i.name), native.inputs.map((i) => i.name));
  assert.deepEqual(wasm, native);
});

test('compute(): CLTV 10,000 x 3 = 30,000 and LTV:CAC 3 is good', () => {
  const cltv = compute({ inputs: { annual_revenue_per_customer: 10000, relationship_years: 3 } });
  assert.deepEqual(cltv.errors, []);
  assert.equal(kpi(cltv, 'cltv').value, 30000);

  const ratio = compute({ inputs: { cltv: 30000, cac: 10000 } });
  assert.equal(kpi(ratio, 'ltv_cac_ratio').value, 3);
  assert.equal(kpi(ratio, 'ltv_cac_ratio').band, 'good');
  assert.deepEqual(kpi(ratio, 'ltv_cac_ratio').rule_spec, { band: 'good', op: '>=', value: 3 });

  const low = compute({ inputs: { cltv: 19900, cac: 10000 } });
  assert.equal(kpi(low, 'ltv_cac_ratio').band, 'bad');
});

test('compute(): churn 10 of 100 is 10%; FCR 85 of 100 is 85%; CAC savings 200,000', () => {
  const answer = compute({
    inputs: {
      customers_start: 100, customers_lost: 10,
      issues: 100, resolved_first_contact: 85,
      cac_before: 20000, cac_after: 18000, new_customers_per_year: 100,
    },
  });
  assert.deepEqual(answer.errors, []);
  assert.equal(kpi(answer, 'churn_rate').value, 0.1);
  assert.equal(kpi(answer, 'churn_rate').band, 'good');
  assert.equal(kpi(answer, 'first_contact_resolution_rate').value, 0.85);
  assert.equal(kpi(answer, 'first_contact_resolution_rate').band, 'good');
  assert.equal(kpi(answer, 'cac_savings').value, 200000);
});

test('compute(): repeat complaints under 5% pass, exactly 5% fails', () => {
  const under = compute({ inputs: { complaints: 100, repeat_complaints: 4 } });
  assert.equal(kpi(under, 'repeat_complaint_rate').band, 'good');
  const at = compute({ inputs: { complaints: 100, repeat_complaints: 5 } });
  assert.equal(kpi(at, 'repeat_complaint_rate').band, 'bad');
});

test('compute(): digital ROI 96% is good while the net ROI -4% is bad', () => {
  const answer = compute({ inputs: { benefit_3y: 2400000, investment: 2500000 } });
  assert.deepEqual(answer.errors, []);
  assert.equal(kpi(answer, 'digital_transformation_roi').value, 0.96);
  assert.equal(kpi(answer, 'digital_transformation_roi').band, 'good');
  assert.equal(kpi(answer, 'digital_transformation_net_roi').value, -0.04);
  assert.equal(kpi(answer, 'digital_transformation_net_roi').band, 'bad');
});

test('compute(): NPS with its interval, thresholds and projection travel through the module', () => {
  const answer = compute({
    inputs: { promoters: 50, passives: 30, detractors: 20 },
    thresholds: { ltv_cac_ratio: { good: 4 } },
    projection: {
      starting_customers: 1000, years: 2,
      baseline: { retention_rate: 0.9, avg_order_value: 100, purchases_per_year: 2, gross_margin: 0.4, cac: 300, new_customers_per_year: 50 },
    },
  });
  assert.deepEqual(answer.errors, []);
  const nps = kpi(answer, 'nps');
  assert.equal(nps.value, 30);
  // MOVER on Wilson intervals: p = 0.5, d = 0.2 of n = 100, correlated r = -sqrt(p d / ((1-p)(1-d))).
  const z = 1.959964; const n = 100; const p = 0.5; const d = 0.2;
  const wilson = (x) => {
    const c = (x + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const h = (z / (1 + (z * z) / n)) * Math.sqrt((x * (1 - x)) / n + (z * z) / (4 * n * n));
    return [c - h, c + h];
  };
  const [lp, up] = wilson(p); const [ld, ud] = wilson(d);
  const r = -Math.sqrt((p * d) / ((1 - p) * (1 - d)));
  const low = p - d - Math.sqrt((p - lp) ** 2 + (ud - d) ** 2 - 2 * r * (p - lp) * (ud - d));
  const high = p - d + Math.sqrt((up - p) ** 2 + (d - ld) ** 2 - 2 * r * (up - p) * (d - ld));
  assert.ok(Math.abs(nps.interval.low - 100 * low) < 1e-3, `${nps.interval.low} vs ${100 * low}`);
  assert.ok(Math.abs(nps.interval.high - 100 * high) < 1e-3, `${nps.interval.high} vs ${100 * high}`);
  assert.equal(nps.interval.method, 'mover_wilson');
  // 1000 -> 950 -> 905 customers; revenue 190,000 and 181,000.
  assert.deepEqual(answer.projection.years, [1, 2]);
  assert.ok(Math.abs(answer.projection.baseline.customers[1] - 905) < 1e-9);
  assert.ok(Math.abs(answer.projection.baseline.revenue[0] - 190000) < 1e-6);
});

test('computeBytes(): the worker\'s byte path answers exactly as compute(), compact or not', () => {
  const sample = JSON.parse(fs.readFileSync(sampleRequest, 'utf8'));
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  for (const request of [sample, { ...sample, compact: true }, { inputs: { 渠道: 1 } }]) {
    const text = JSON.stringify(request);
    const viaBytes = decoder.decode(m.computeBytes(encoder.encode(text)));
    assert.equal(viaBytes, m.compute(text));
  }
  const full = JSON.parse(m.compute(JSON.stringify(sample)));
  const compact = JSON.parse(decoder.decode(m.computeBytes(encoder.encode(JSON.stringify({ ...sample, compact: true })))));
  assert.equal(compact.kpis.length, full.kpis.length);
  assert.ok(compact.kpis.every((k) => !('formula' in k) && !('inputs_used' in k)));
  assert.deepEqual(compact.projection, full.projection);
  // The unknown Chinese input name comes back intact through both paths.
  const unknown = JSON.parse(decoder.decode(m.computeBytes(encoder.encode('{"inputs":{"渠道":1}}'))));
  assert.equal(unknown.errors[0].input, '渠道');
});

test("a spend file's import gives per-channel and overall CAC", () => {
  const text = 'period,channel,spend,new_customers\n2024-01,Online,3000,30\n2024-01,Events,5000,10\n2024-02,Online,2000,20\n';
  const answer = analyze(m, 'spend', text);
  assert.deepEqual(answer.errors, []);
  const cac = kpi(answer, 'cac');
  assert.ok(Math.abs(cac.value - 10000 / 60) < 1e-9);
  assert.equal(cac.breakdown.find((r) => r.name === 'Online').value, 100);
  assert.equal(cac.breakdown.find((r) => r.name === 'Events').value, 500);
  assert.equal(answer.import.rows_read, 3);
  assert.equal(answer.import.rows_used, 3);
  assert.deepEqual(answer.tables.channels.rows.map((r) => r[0]), ['Online', 'Events']);
});

test("a spend file's import reads Chinese headers and semicolons", () => {
  const text = '\uFEFF期间;渠道;支出;新客户数\r\n2024-01;线上广告;900;3\r\n';
  const answer = analyze(m, 'spend', text);
  assert.deepEqual(answer.errors, []);
  assert.equal(kpi(answer, 'cac').value, 300);
});

test('the sample spend file imports with no NaN', (t) => {
  if (!fs.existsSync(sampleSpend)) {
    t.skip('no public/samples/marketing-spend.csv');
    return;
  }
  const session = new m.FileImport(JSON.stringify({ kind: 'spend' }));
  session.feed(fs.readFileSync(sampleSpend));
  const text = session.finish();
  session.delete();
  const answer = JSON.parse(text);
  assert.ok(kpi(answer, 'cac'), text);
  assertAllFinite(answer);
  assertNoNonFiniteText(text);
});

// Inputs for every KPI, used when the sample request is missing.
const everyKpiInputs = {
  avg_purchase_value: 120, purchases_per_year: 4, lifespan_years: 5,
  annual_revenue_per_customer: 10000, relationship_years: 3, annual_retention_rate: 0.8, gross_margin: 0.4, discount_rate: 0.08,
  customers_start: 1000, customers_end: 1050, new_customers: 200, customers_lost: 150,
  recurring_revenue_start: 5000000, recurring_revenue_lost: 400000,
  promoters: 120, passives: 60, detractors: 20, csat_score_counts: [2, 3, 10, 40, 45],
  sales_marketing_spend: 600000,
  channels: { online: { spend: 200000, new_customers: 120 }, events: { spend: 400000, new_customers: 80 } },
  cac_before: 3500, cac_after: 3000, new_customers_per_year: 200, avg_first_response_hours: 2.5,
  online_inquiries: 800, replied_within_1h: 700, urgent_requests: 40, urgent_responded_within_2h: 39,
  service_requests: 300, dispatched_within_24h: 290, complaints: 50, closed_within_7d: 44, repeat_complaints: 2,
  issues: 900, resolved_first_contact: 760, value_added_service_revenue: 800000, total_revenue: 10000000,
  cross_sell_revenue: 300000, upsell_revenue: 200000, customers: 1000, churn_before: 0.15, churn_after: 0.1,
  service_revenue: 2200000, industry: 'manufacturing', revenue_gain: 900000, investment: 600000,
  'digital_transformation_roi.investment': 2500000, 'digital_transformation_net_roi.investment': 2500000,
  benefit_3y: 2400000, idea_date: '2024-01-15', launch_date: '2024-05-15',
  processes: { order_processing: { steps_total: 12, steps_in_system: 12 }, customer_follow_up: { steps_total: 10, steps_in_system: 8 } },
  decisions_total: 40, decisions_with_data: 26, months_to_target: 2,
  roles: { sales: { assessed: 15, passed: 15 }, customer_service: { assessed: 20, passed: 19 } },
  request_to_decision_days: 2, months_to_productive: 1.5, updates_per_month: 3,
};

test('combine() joins a spend and a transactions analysis into LTV:CAC per channel, as the CLI does', () => {
  const spend = analyze(m, 'spend', 'period,channel,spend,new_customers\n2024-01,Web,300,3\n2024-01,Store,400,1\n');
  const file = new m.FileImport(JSON.stringify({ kind: 'transactions', gross_margin: 0.5 }));
  file.feed(new TextEncoder().encode('customer_id,date,amount,channel\nA,2024-01-01,100,web\nA,2024-12-31,100,web\nB,2024-06-01,400,Store\n'));
  const transactions = JSON.parse(file.finish());
  file.delete();
  const answer = JSON.parse(m.combine(JSON.stringify({ answers: [spend, transactions] })));
  assert.deepEqual(answer.errors, []);
  const ratio = kpi(answer, 'ltv_cac_ratio');
  assert.ok(ratio, JSON.stringify(answer));
  // A year of data: each channel's CLTV is its customers' yearly revenue x 0.5 x 1 year.
  const rows = Object.fromEntries(ratio.breakdown.map((r) => [r.name, r.value]));
  const cltv = transactions.inputs.channel_cltv;
  assert.ok(Math.abs(rows.Web - cltv.web.cltv / 100) < 1e-12, JSON.stringify(ratio.breakdown));
  assert.ok(Math.abs(rows.Store - cltv.Store.cltv / 400) < 1e-12);
  assert.equal(answer.sources.channels, 'spend');
  // A bad request is an answer with an error, not a throw.
  const bad = JSON.parse(m.combine('{"answers": 1}'));
  assert.equal(bad.errors.length, 1);
  assert.equal(JSON.parse(m.combine('not json')).errors.length, 1);
});

test('a request for every KPI computes all of them with no NaN or Infinity', () => {
  const requests = [{ inputs: everyKpiInputs }];
  if (fs.existsSync(sampleRequest)) requests.push(JSON.parse(fs.readFileSync(sampleRequest, 'utf8')));
  const catalogIds = JSON.parse(m.catalog()).kpis.map((k) => k.id);
  for (const request of requests) {
    const text = m.compute(JSON.stringify(request));
    const answer = JSON.parse(text);
    assert.deepEqual(answer.errors, [], text);
    assert.deepEqual(answer.kpis.map((k) => k.id), catalogIds);
    for (const k of answer.kpis) {
      assert.ok(['good', 'watch', 'bad', 'none'].includes(k.band), `${k.id} band ${k.band}`);
      assert.equal(typeof k.rule, 'string');
    }
    assertAllFinite(answer);
    assertNoNonFiniteText(text);
  }
});

test('FileImport streams a file in chunks; its kind() and rejectsJson() say what it read and rejected', () => {
  const text = 'CustomerID,InvoiceDate,Amount\nc1,2024-01-05,100\nc2,2024-01-06,50\n,2024-01-07,5\nc1,2024-02-30,1\n';
  const bytes = new TextEncoder().encode(text);
  const session = new m.FileImport(JSON.stringify({ kind: 'auto' }));
  try {
    for (let at = 0; at < bytes.length; at += 7) assert.equal(session.feed(bytes.subarray(at, at + 7)), true);
    assert.deepEqual(JSON.parse(session.progress()), { bytes: bytes.length, rows: 0 });
    const answer = JSON.parse(session.finish());
    assert.equal(answer.kind, 'transactions');
    assert.equal(answer.import.rows_read, 4);
    assert.equal(answer.import.rows_used, 2);
    assert.deepEqual(answer.import.rejects.map((r) => r.row), [4, 5]);
    assert.equal(answer.measures.find((x) => x.id === 'customers').value, 2);
    assert.equal(session.kind(), 'transactions');
    const rejects = JSON.parse(session.rejectsJson());
    assert.deepEqual(rejects.map((r) => [r.row, r.column, r.value, r.reason]), answer.import.rejects.map((r) => [r.row, r.column, r.value, r.reason]));
    assert.equal(rejects[0].reason, 'customer_id is empty');
    assert.ok(rejects.every((r) => typeof r.code === 'string' && r.code !== '' && typeof r.params === 'object'));
  } finally {
    session.delete();
  }
});

test('FileImport answers a bad request as data', () => {
  const session = new m.FileImport('{"kind": 3}');
  try {
    assert.equal(session.feed(new Uint8Array([97, 10])), false);
    const answer = JSON.parse(session.finish());
    assert.equal(answer.errors.length, 1);
    assert.match(answer.errors[0].message, /kind/);
  } finally {
    session.delete();
  }
});

test('FileImport past its memory budget stops with a message, and the module keeps working', () => {
  // 400,000 rows (about 10 MB) against a 2 MB budget: refused while reading, in the table builder.
  const lines = ['customer_id,date,amount'];
  for (let r = 0; r < 400000; r++) lines.push(`c${r % 9000},2024-03-${1 + (r % 28)},${10 + (r % 50)}.25`);
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  const session = new m.FileImport(JSON.stringify({ kind: 'transactions', memory_limit_mb: 2 }));
  let fed = true;
  try {
    for (let at = 0; at < bytes.length && fed; at += 262144) fed = session.feed(bytes.subarray(at, at + 262144));
    assert.equal(fed, false, 'the import should stop before the end of the file');
    const answer = JSON.parse(session.finish());
    assert.equal(answer.errors.length, 1, JSON.stringify(answer.errors));
    assert.match(answer.errors[0].message, /too large to import here: .* more than the 2 MB allowed \(\d+ rows read so far\)/);
  } finally {
    session.delete();
  }
  // The same module answers the next request as usual.
  const after = compute({ inputs: { customers_start: 100, customers_lost: 10 } });
  assert.equal(kpi(after, 'churn_rate').value, 0.1);
});

test('warmUp() imports its generated shop export, and imports after it answer as before', () => {
  // Every 53rd generated row has no customer and is rejected: 76 of 4,000.
  assert.equal(m.warmUp(4000), 3924);
  const text = 'customer_id,date,amount\nc1,2024-01-05,100\nc2,2024-01-06,50\n';
  const bytes = new TextEncoder().encode(text);
  const session = new m.FileImport(JSON.stringify({ kind: 'transactions' }));
  try {
    // A long chunk, then shorter ones: the module's chunk buffer is reused, never read past a chunk.
    assert.equal(session.feed(bytes.subarray(0, 40)), true);
    assert.equal(session.feed(bytes.subarray(40)), true);
    const answer = JSON.parse(session.finish());
    assert.equal(answer.import.rows_used, 2);
    assert.equal(answer.measures.find((x) => x.id === 'revenue').value, 150);
  } finally {
    session.delete();
  }
});
