// The what-if engine through the wasm module: the same answer as the native CLI for one request
// with scenarios, a tornado, a goal seek and a seeded Monte Carlo run (digit for digit: the RNG and
// the math are the core's own), and errors as data for bad requests.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadModule, root } from './module.mjs';

let m;
before(async () => {
  m = await loadModule();
});

const request = {
  baseline: {
    starting_customers: 1250, retention_rate: 0.825, avg_order_value: 18000, purchases_per_year: 3,
    gross_margin: 0.28, cac: 26000, new_customers_per_year: 260, discount_rate: 0.08,
    first_contact_resolution: 0.77, support_cost_per_customer: 900, investment_one_off: 2500000,
    benefit_per_year: 800000,
  },
  scenarios: [
    { name: 'retention +5 points', changes: { retention_rate: { add: 0.05 } } },
    { name: 'CAC -10%', changes: { cac: { mul: 0.9 } } },
    { name: 'FCR +10 points', changes: { first_contact_resolution: { add: 0.1 } } },
  ],
  step: 'month',
  tornado: { output: 'cumulative_profit' },
  goal: { lever: 'retention_rate', output: 'ltv_cac', target: 3 },
  monte_carlo: {
    draws: 2000, seed: 12345,
    ranges: { retention_rate: { low: 0.78, likely: 0.825, high: 0.87 }, cac: { mean: 26000, sd: 2000 } },
    target: { output: 'ltv_cac', at_least: 2 },
  },
};

test('wasm and CLI give the same what-if answer, digit for digit', (t) => {
  const cli = path.join(root, 'build/native/cli/servimetrics');
  if (!fs.existsSync(cli)) {
    t.skip('build/native/cli/servimetrics is not built (./scripts/build)');
    return;
  }
  const fromWasm = m.whatif(JSON.stringify(request));
  const run = spawnSync(cli, ['whatif', '-'], { input: JSON.stringify(request), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), fromWasm);
  const answer = JSON.parse(fromWasm);
  assert.deepEqual(answer.errors, []);
  assert.deepEqual(answer.scenarios.map((s) => s.name), ['baseline', 'retention +5 points', 'CAC -10%', 'FCR +10 points']);
  assert.equal(answer.scenarios[0].months.customers.length, 60);
  assert.equal(answer.tornado.bars.length, 17);
  assert.equal(answer.goal.status, 'reached');
  assert.equal(answer.monte_carlo.bands.cumulative_profit.length, 5);
  const p = answer.monte_carlo.target.probability;
  assert.ok(p > 0 && p < 1, `probability ${p}`);
});

test('the seed ROI, and bad requests answered with coded errors', () => {
  const answer = JSON.parse(m.whatif(JSON.stringify({ baseline: request.baseline })));
  assert.ok(Math.abs(answer.scenarios[0].kpis.roi.value - 0.96) < 1e-12);
  assert.ok(Math.abs(answer.scenarios[0].kpis.net_roi.value + 0.04) < 1e-12);
  const bad = JSON.parse(m.whatif(JSON.stringify({ baseline: { ...request.baseline, retention_rate: 2 }, horizon_years: 11 })));
  assert.deepEqual(bad.errors.map((e) => e.code).sort(), ['whatif_lever_out_of_range', 'whatif_out_of_range']);
  assert.equal(bad.scenarios, undefined);
  assert.deepEqual(JSON.parse(m.whatif('{')).errors.map((e) => e.code), ['invalid_json']);
});
