// Benchmark (not a test): the customer-base models in node on the built wasm, timed as the page's
// worker calls them (request text in, answer parsed).
//   1. CDNOW's 2,357 customers (../shared/data/cdnow-lifetimes): BG/NBD, Pareto/NBD, Gamma-Gamma;
//      medians and ranges.
//   2. A generated file of 1,000,000 customers (about 5 million transactions, BG/NBD behaviour,
//      written to /tmp, never committed), imported through FileImport in 1 MB chunks and fitted
//      (BG/NBD + Gamma-Gamma, the customers as typed columns kept in a CustomerTable as the worker
//      keeps them, then the first window of the table): time, wasm memory and peak RSS against the
//      file's size, the machine's load beside them, in a child process so its memory is its own.
//   3. bench/bg_nbd_scipy.py (NumPy/SciPy, /usr/bin/python3) on the same summaries, same run: the
//      ratio of the times for the same work (fit, standard errors, every customer's P(alive) and
//      expected purchases), and SciPy's fit alone beside it.
// Run after ./scripts/build page: node --import ./tests/wasm/setup.mjs bench/models.mjs
// (RUNS=21 runs per CDNOW case; CUSTOMERS=1000000; BIG=0 skips part 2, CDNOW=0 part 1, BIG_SCIPY=0
// SciPy on the big file's summaries).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadModule, root } from '../tests/wasm/module.mjs';

const here = path.join(root, 'bench');
const fmt = (ms) => `${ms.toFixed(1)} ms`;

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[sorted.length >> 1], min: sorted[0], max: sorted[sorted.length - 1] };
}

function scipy(summaryPath, runs) {
  const run = spawnSync('/usr/bin/python3', [path.join(here, 'bg_nbd_scipy.py'), summaryPath, String(runs)], { encoding: 'utf8' });
  if (run.status !== 0) return { error: run.stderr.trim().split('\n').pop() };
  return JSON.parse(run.stdout);
}

// ---- 2. the big file, in a child process -----------------------------------------------------

/** mulberry32: a small seeded generator, so the file is the same on every run. */
function random32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, 1) by Marsaglia & Tsang. */
function gamma(u, shape) {
  if (shape < 1) return gamma(u, shape + 1) * Math.pow(u(), 1 / shape);
  const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x, v;
    do {
      const u1 = u() || 1e-12, u2 = u();
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x ** 4 || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Customers acquired over 2023, buying (BG/NBD: rate ~ gamma(0.9, 40 days), drop-out ~ beta(1, 3)) until
 * 2024-12-31; each spends as the Gamma-Gamma model says (CDNOW's p 6.25, q 3.74, gamma 15.44: a customer's
 * nu ~ gamma(q, rate gamma), each purchase ~ gamma(p, rate nu)), so that spends differ between customers
 * as the model assumes (alike spenders send its q and gamma off to infinity).
 */
function generate(file, customers) {
  const u = random32(20260611);
  const start = Date.UTC(2023, 0, 1), days = 731;
  const dates = Array.from({ length: days }, (_, d) => new Date(start + d * 86400000).toISOString().slice(0, 10));
  const fd = fs.openSync(file, 'w');
  let buffer = 'customer_id,date,amount\n', lines = 0;
  for (let i = 1; i <= customers; i++) {
    const id = `C${i}`;
    const lambda = gamma(u, 0.9) / 40;
    const p = gamma(u, 1) / (gamma(u, 1) + gamma(u, 3));
    const nu = gamma(u, 3.74) / 15.44;
    let day = Math.floor(u() * 365);
    // BG/NBD: a customer may leave after each repeat purchase (not after the first).
    for (let bought = 0; ; ) {
      buffer += `${id},${dates[Math.floor(day)]},${Math.max(0.01, gamma(u, 6.25) / nu).toFixed(2)}\n`;
      lines++;
      if (++bought > 1 && u() < p) break;
      day += -Math.log(1 - u()) / lambda;
      if (day >= days) break;
    }
    if (buffer.length > 1 << 22) {
      fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
  return lines;
}

async function bigChild(file) {
  const m = await loadModule();
  const started = performance.now();
  const importCpu = process.cpuUsage();
  const session = new m.FileImport(JSON.stringify({ kind: 'transactions', size: fs.statSync(file).size }));
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 20);
  for (;;) {
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0 || !session.feed(chunk.subarray(0, n))) break;
  }
  fs.closeSync(fd);
  const imported = JSON.parse(session.finish());
  const importMs = performance.now() - started;
  const importCpuMs = (process.cpuUsage(importCpu).user + process.cpuUsage(importCpu).system) / 1000;
  const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const importLoad = load();
  // As the page's worker does (import-runner.ts): the fit with the customers as typed columns,
  // kept in a CustomerTable, then the first window of the table the page asks for.
  const { CustomerTable } = await import('../web/src/engine/customer-table.ts');
  const fitStarted = performance.now();
  const cpuStarted = process.cpuUsage();
  const fitted = session.fitModelsColumns(JSON.stringify({ models: ['bg_nbd', 'gamma_gamma'], time_unit: 'week' }));
  const callMs = performance.now() - fitStarted;
  const answer = JSON.parse(fitted.answer);
  const table = new CustomerTable(1, fitted);
  answer.customer_table = table.summary();
  const fitMs = performance.now() - fitStarted;
  const window = table.window('cb_customers', 'en', { sort: null, filter: '', offset: 0, count: 240 });
  const windowMs = performance.now() - fitStarted - fitMs;
  const fitCpuMs = (process.cpuUsage(cpuStarted).user + process.cpuUsage(cpuStarted).system) / 1000;
  const sortStarted = performance.now();
  table.window('cb_customers', 'en', { sort: { column: 3, descending: true }, filter: '', offset: 0, count: 240 });
  const sortMs = performance.now() - sortStarted;
  const fitLoad = load();
  const wasmMemory = m.HEAPU8.length;
  session.delete();
  const bg = answer.models.find((f) => f.name === 'bg_nbd');
  // The same summaries for SciPy.
  const summary = path.join(path.dirname(file), `${path.basename(file, '.csv')}-summary.csv`);
  const out = ['x,t_x,T'];
  for (let i = 0; i < fitted.x.length; i++) out.push(`${fitted.x[i]},${fitted.t_x[i]},${fitted.T[i]}`);
  fs.writeFileSync(summary, out.join('\n') + '\n');
  const columnBytes = ['ids', 'idEnds', 'x', 't_x', 'T', 'mean_spend', 'p_alive', 'expected', 'clv'].reduce((sum, k) => sum + (fitted[k]?.byteLength ?? 0), 0);
  console.log(JSON.stringify({
    importMs, importCpuMs, callMs, fitMs, windowMs, sortMs, fitCpuMs, totalMs: importMs + fitMs + windowMs, importLoad, fitLoad,
    rows: imported.import?.rows_used, customers: table.total, windowRows: window.rows.length, answerBytes: fitted.answer.length, columnBytes,
    bg_nbd: { params: bg?.params, log_likelihood: bg?.log_likelihood, evaluations: bg?.evaluations },
    errors: answer.errors, wasmMemory, maxRssKb: process.resourceUsage().maxRSS, summary,
  }));
}

// ---- 1. and 3. ---------------------------------------------------------------------------------

async function main() {
  const m = await loadModule();
  const runs = Number(process.env.RUNS ?? 21);
  const summaryPath = path.join(root, '..', 'shared', 'data', 'cdnow-lifetimes', 'cdnow_customers_summary_with_transactions.csv');
  if (process.env.CDNOW === '0') {
    console.log('CDNOW: skipped (CDNOW=0)');
  } else if (fs.existsSync(summaryPath)) {
    const rows = fs.readFileSync(summaryPath, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const customers = { id: rows.map((r) => r[0]), x: rows.map((r) => +r[1]), t_x: rows.map((r) => +r[2]), T: rows.map((r) => +r[3]), mean_spend: rows.map((r) => +r[4]) };
    const cases = {
      'BG/NBD': { models: ['bg_nbd'] },
      'Pareto/NBD': { models: ['pareto_nbd'] },
      'Gamma-Gamma': { models: ['gamma_gamma'] },
      'BG/NBD + Gamma-Gamma, every customer with CLV': { models: ['bg_nbd', 'gamma_gamma'] },
      'BG/NBD + Gamma-Gamma, CLV intervals (200 draws)': { models: ['bg_nbd', 'gamma_gamma'], intervals: true },
    };
    let bgMedian = 0;
    for (const [name, options] of Object.entries(cases)) {
      const text = JSON.stringify({ customers, customer_rows: name.includes('every') || name.includes('intervals') ? undefined : 0, ...options });
      const count = name.includes('intervals') || name.startsWith('Pareto') ? Math.max(3, runs >> 2) : runs;
      JSON.parse(m.fitModels(text));  // warm up
      const times = [];
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        const answer = JSON.parse(m.fitModels(text));
        times.push(performance.now() - t0);
        if (answer.errors.length) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
      }
      const s = stats(times);
      if (name === 'BG/NBD') bgMedian = s.median;
      console.log(`CDNOW ${name}: median ${fmt(s.median)}, range ${fmt(s.min)} to ${fmt(s.max)} (${count} runs)`);
    }
    const py = scipy(summaryPath, 5);
    if (py.error) console.log(`SciPy BG/NBD on CDNOW: not run (${py.error}; apt-get install python3-scipy)`);
    else {
      // The same work on both sides: the wasm's BG/NBD call also gives the standard errors and every
      // customer's P(alive) and expected purchases (the base's totals), so SciPy does them too.
      console.log(`SciPy BG/NBD on CDNOW, fit alone: median ${fmt(py.median_ms)}, range ${fmt(py.min_ms)} to ${fmt(py.max_ms)}, LL ${py.log_likelihood.toFixed(2)}, ${py.evaluations} evaluations`);
      console.log(`SciPy BG/NBD on CDNOW, fit + standard errors + every customer's P(alive) and expected purchases (the wasm call's work): median ${fmt(py.whole_median_ms)}, range ${fmt(py.whole_min_ms)} to ${fmt(py.whole_max_ms)}`);
      console.log(`  the same work: wasm is ${(py.whole_median_ms / bgMedian).toFixed(1)}x faster (SciPy's fit alone against the whole wasm call: ${(py.median_ms / bgMedian).toFixed(1)}x)`);
    }
    console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} on ${os.cpus().length} cores`);
  } else {
    console.log('CDNOW: ../shared/data/cdnow-lifetimes not found, skipped');
  }
  if (process.env.BIG === '0') return;
  const customers = Number(process.env.CUSTOMERS ?? 1000000);
  const file = `/tmp/servimetrics-models-${customers}-gg.csv`;
  if (!fs.existsSync(file)) {
    const t0 = performance.now();
    const lines = generate(file, customers);
    console.log(`generated ${file}: ${customers.toLocaleString('en')} customers, ${lines.toLocaleString('en')} transactions in ${fmt(performance.now() - t0)}`);
  }
  const bytes = fs.statSync(file).size;
  const child = spawnSync(process.execPath, ['--import', path.join(root, 'tests/wasm/setup.mjs'), path.join(here, 'models.mjs'), '--big', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(child.stderr);
  const big = JSON.parse(child.stdout.trim().split('\n').pop());
  const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
  console.log(`${customers.toLocaleString('en')} customers (${big.rows?.toLocaleString('en')} rows, ${mb(bytes)}): import ${fmt(big.importMs)} (CPU ${fmt(big.importCpuMs)}; load ${big.importLoad}), fit BG/NBD + Gamma-Gamma with the customers as columns ${fmt(big.fitMs)} (the call ${fmt(big.callMs)}, answer ${(big.answerBytes / 1024).toFixed(0)} kB, columns ${mb(big.columnBytes)}; CPU ${fmt(big.fitCpuMs)} with the window; load ${big.fitLoad}), first table window ${fmt(big.windowMs)}, drop to table ${fmt(big.totalMs)}; sorting by CLV ${fmt(big.sortMs)}`);
  console.log(`  memory: wasm ${mb(big.wasmMemory)} (${(big.wasmMemory / bytes).toFixed(2)}x the file), peak RSS ${mb(big.maxRssKb * 1024)} (${((big.maxRssKb * 1024) / bytes).toFixed(2)}x)`);
  console.log(`  BG/NBD: ${JSON.stringify(big.bg_nbd)} errors ${JSON.stringify(big.errors)}`);
  if (process.env.BIG_SCIPY === '0') return console.log('SciPy on the big summaries: skipped (BIG_SCIPY=0)');
  const py = scipy(big.summary, 1);
  if (py.error) console.log(`SciPy on the same summaries: not run (${py.error})`);
  else console.log(`SciPy BG/NBD on the same ${py.customers.toLocaleString('en')} summaries: ${fmt(py.median_ms)} (LL ${py.log_likelihood.toFixed(1)}, ${py.evaluations} evaluations) against the wasm's whole fit call ${fmt(big.fitMs)}: ${(py.median_ms / big.fitMs).toFixed(1)}x`);
}

if (process.argv[2] === '--big') await bigChild(process.argv[3]);
else await main();
