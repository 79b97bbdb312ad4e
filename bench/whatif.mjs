// Benchmark (not a test): the what-if engine in node on the built wasm, with the sample company's
// baseline (public/samples/sample-company.json): all scenarios recomputed, a full tornado, a goal
// seek and 10,000 Monte Carlo draws of a 5-year projection; each timed as the worker would call it
// (request text in, answer parsed). Prints medians and ranges, and the wasm's gzipped size.
// Run after ./scripts/build page: node --import ./tests/wasm/setup.mjs bench/whatif.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadModule, root } from '../tests/wasm/module.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(root, 'public/samples/sample-company.json'), 'utf8'));
const { inputs, projection } = sample;
const baseline = {
  ...projection.baseline,
  starting_customers: projection.starting_customers,
  discount_rate: inputs.discount_rate,
  first_contact_resolution: inputs.resolved_first_contact / inputs.issues,
  investment_one_off: inputs['digital_transformation_roi.investment'],
  benefit_per_year: inputs.benefit_3y / 3,
};
const scenarios = [
  { name: 'retention +5 points', changes: { retention_rate: { add: 0.05 } } },
  { name: 'CAC -10%', changes: { cac: { mul: 0.9 } } },
  { name: 'both', changes: { retention_rate: { add: 0.05 }, cac: { mul: 0.9 } } },
];
const cases = {
  'all scenarios (baseline + 3)': { baseline, scenarios },
  'full tornado (17 levers, 5-year profit)': { baseline, tornado: { output: 'cumulative_profit' } },
  'goal seek (retention for LTV:CAC = 3)': { baseline, goal: { lever: 'retention_rate', output: 'ltv_cac', target: 3 } },
  'Monte Carlo, 10,000 draws, 5 years': {
    baseline,
    monte_carlo: {
      draws: 10000, seed: 1,
      ranges: {
        retention_rate: { low: 0.78, likely: 0.825, high: 0.87 },
        cac: { mean: 26000, sd: 2000 },
        avg_order_value: { low: 16000, likely: 18000, high: 20000 },
      },
      target: { output: 'ltv_cac', at_least: 3 },
    },
  },
};

const m = await loadModule();
const runs = Number(process.env.RUNS ?? 200);
const fmt = (ms) => `${ms.toFixed(3)} ms`;
for (const [name, request] of Object.entries(cases)) {
  const text = JSON.stringify(request);
  const count = name.startsWith('Monte') ? Math.max(20, Math.round(runs / 10)) : runs;
  for (let i = 0; i < 5; i++) JSON.parse(m.whatif(text));  // warm up
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const answer = JSON.parse(m.whatif(text));
    times.push(performance.now() - t0);
    if (answer.errors.length) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: median ${fmt(times[times.length >> 1])}, range ${fmt(times[0])} to ${fmt(times[times.length - 1])} (${count} runs)`);
}
const wasmDir = path.join(root, 'build/wasm');
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(wasmDir, f)), { level: 9 }).length;
console.log(`gzipped (the calc module): wasm ${gz('servimetrics-calc.wasm')} B, glue ${gz('servimetrics-calc.js')} B, node ${process.version}`);
