// The survival-table sample through the wasm module as the page's worker reads it (FileImport):
// detected as its kind, each cohort fitted with the same alpha and beta as fitModels' own sBG on
// its counts, the simulation's parameters recovered within their standard errors, the projection
// as far again as observed (at least 12 periods), and the lifetime value for a value per period.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { importFile, loadModule, root } from './module.mjs';

const sample = fs.readFileSync(path.join(root, 'public/samples/survival_table.csv'));
// The parameters scripts/make-samples.mjs draws the two cohorts from.
const TRUE_PARAMS = { standard: { alpha: 0.8, beta: 1.6 }, premium: { alpha: 0.7, beta: 3.5 } };

let m;
before(async () => {
  m = await loadModule();
});

/** A table of the answer as objects by column. */
function rows(answer, name) {
  const t = answer.tables[name];
  assert.ok(t, `table ${name} in ${Object.keys(answer.tables)}`);
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

/** The sample's counts per cohort, read from the CSV itself. */
function countsOf(cohort) {
  return sample
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter(([c]) => c === cohort)
    .map(([, , n]) => Number(n));
}

test('the sample is a survival table, and each cohort has the sBG fit of its counts', () => {
  const { answer, kind } = importFile(m, 'auto', sample);
  assert.equal(kind, 'survival_table');
  assert.deepEqual(answer.errors, []);
  const fits = rows(answer, 'survival_fits');
  assert.deepEqual(fits.map((f) => f.cohort), ['standard', 'premium']);
  for (const fit of fits) {
    const counts = countsOf(fit.cohort);
    assert.equal(fit.customers, counts[0]);
    assert.equal(fit.periods_observed, counts.length - 1);
    const own = JSON.parse(m.fitModels(JSON.stringify({ survival: counts }))).models[0];
    assert.ok(Math.abs(fit.alpha - own.params.alpha) < 1e-9, `${fit.cohort} alpha ${fit.alpha} / ${own.params.alpha}`);
    assert.ok(Math.abs(fit.beta - own.params.beta) < 1e-9);
    assert.ok(Math.abs(fit.alpha_se - own.std_errors.alpha) < 1e-9);
    assert.ok(Math.abs(fit.log_likelihood - own.log_likelihood) < 1e-9);
    // Simulated from known parameters: recovered within 3 standard errors.
    const truth = TRUE_PARAMS[fit.cohort];
    assert.ok(Math.abs(fit.alpha - truth.alpha) < 3 * fit.alpha_se, `${fit.cohort} alpha ${fit.alpha} ± ${fit.alpha_se}`);
    assert.ok(Math.abs(fit.beta - truth.beta) < 3 * fit.beta_se, `${fit.cohort} beta ${fit.beta} ± ${fit.beta_se}`);
    assert.ok(fit.discounted_lifetime > 1, 'a new customer brings at least the first period');
    assert.equal(fit.expected_lifetime_value, null);
  }
  assert.ok(answer.notes.some((n) => n.code === 'survival_lifetime_in_periods' && n.params.rate === 0.1));
});

test('the forecast: observed periods, then as far again as observed (at least 12), marked as projected', () => {
  const { answer } = importFile(m, 'auto', sample);
  const forecast = rows(answer, 'survival_forecast').filter((r) => r.cohort === 'standard');
  const counts = countsOf('standard');
  const observed = counts.length - 1;
  assert.equal(forecast.length, observed + Math.max(observed, 12) + 1);
  for (const r of forecast) {
    assert.equal(r.projected, r.periods_since_start > observed);
    if (r.periods_since_start <= observed) assert.ok(Math.abs(r.observed_survival - counts[r.periods_since_start] / counts[0]) < 1e-12);
    else assert.equal(r.observed_survival, null);
    assert.ok(r.fitted_survival > 0 && r.fitted_survival <= 1);
  }
  // Retention rises with the periods survived: the less loyal leave first.
  const retention = forecast.filter((r) => r.periods_since_start > 0).map((r) => r.fitted_retention);
  for (let i = 1; i < retention.length; i++) assert.ok(retention[i] > retention[i - 1]);
});

test('a value per period gives the expected lifetime value; the discount rate is an option', () => {
  const plain = rows(importFile(m, 'auto', sample).answer, 'survival_fits');
  const valued = rows(importFile(m, { kind: 'auto', value_per_period: 120, discount_rate: 0.1 }, sample).answer, 'survival_fits');
  valued.forEach((f, i) => assert.ok(Math.abs(f.expected_lifetime_value - 120 * plain[i].discounted_lifetime) < 1e-6));
  const steeper = rows(importFile(m, { kind: 'auto', discount_rate: 0.3 }, sample).answer, 'survival_fits');
  steeper.forEach((f, i) => assert.ok(f.discounted_lifetime < plain[i].discounted_lifetime));
  const bad = importFile(m, { kind: 'auto', value_per_period: -1 }, sample).answer;
  assert.equal(bad.errors[0].code, 'option_not_value');
});

test('the fit gives the workspace the annual retention for the period the user says, and the CLV inputs for a value', () => {
  const fits = rows(importFile(m, 'survival_table', sample).answer, 'survival_fits');
  // The largest cohort's retention in the first period after its data: r = (beta + n) / (alpha + beta + n).
  const largest = fits.reduce((a, b) => (b.customers > a.customers ? b : a));
  const n = largest.periods_observed + 1;
  const next = (largest.beta + n - 1) / (largest.alpha + largest.beta + n - 1);
  for (const [period, perYear] of [[undefined, 1], ['year', 1], ['quarter', 4], ['month', 12]]) {
    const request = { kind: 'survival_table', discount_rate: 0.05, value_per_period: 12, ...(period ? { period } : {}) };
    const answer = importFile(m, request, sample).answer;
    assert.ok(Math.abs(answer.inputs.annual_retention_rate - next ** perYear) < 1e-12, `${period}: ${answer.inputs.annual_retention_rate} against ${next ** perYear}`);
    assert.equal(answer.inputs.annual_revenue_per_customer, 12 * perYear);
    const fit = rows(answer, 'survival_fits').find((f) => f.cohort === largest.cohort);
    assert.ok(Math.abs(answer.inputs.cltv - 12 * fit.discounted_lifetime) < 1e-9 * answer.inputs.cltv);
    const note = answer.notes.find((x) => x.code === 'survival_retention_input_cohort');
    assert.equal(note.params.cohort, largest.cohort);
    assert.equal(note.params.periods_per_year, perYear);
    assert.equal(note.params.retention_period, n);
  }
  // The discount rate a period reaches the discounted lifetime.
  const at = (rate) => rows(importFile(m, { kind: 'survival_table', discount_rate: rate }, sample).answer, 'survival_fits')[0].discounted_lifetime;
  assert.ok(at(0.2) < at(0.1));
});
