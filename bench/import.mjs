// Benchmark (not a test): a transactions file to its KPIs, four ways, side by side in one run —
// the native CLI, the wasm core under Node, the page's own engine worker (build/web) in headless
// Chromium (after its idle warm-up, and cold), and in the same browser the way a web developer
// would do it without us (PapaParse + plain JavaScript). Every way runs once per round, the rounds
// interleaved so that drift of a shared machine hits all of them; prints medians (and ranges) of
// time, MB/s and peak memory, and the ratios. Run after ./scripts/build.
//   node bench/import.mjs                  ../shared/data/online-retail/online_retail.csv, 3 rounds
//   ROUNDS=5 node bench/import.mjs         more rounds
//   FILE=path node bench/import.mjs        another transactions file
//   GENERATE_MB=500 node bench/import.mjs  a generated file of that size (wasm in the browser only)
//   REPEATS=2 node bench/import.mjs        also import the file again in the same wasm worker
// The memory peak is taken over the first import only when REPEATS is 0.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'build/native/cli/servimetrics');
const generateMb = Number(process.env.GENERATE_MB ?? 0);
const repeats = Number(process.env.REPEATS ?? 0);
const rounds = Math.max(1, Number(process.env.ROUNDS ?? 3));
let file = process.env.FILE ?? path.resolve(repo, '../shared/data/online-retail/online_retail.csv');

// Online Retail rows repeated with shifted customer and invoice numbers, up to the size asked.
function generate(megabytes) {
  const source = fs.readFileSync(file, 'utf8').split('\n');
  const header = source[0];
  const rows = source.slice(1).filter((line) => line.length > 0);
  const out = path.join(os.tmpdir(), `servimetrics-bench-${megabytes}mb.csv`);
  if (fs.existsSync(out) && fs.statSync(out).size >= megabytes * 1e6) return out;  // made by an earlier run
  const fd = fs.openSync(out, 'w');
  fs.writeSync(fd, `${header}\n`);
  let written = 0;
  for (let copy = 0; written < megabytes * 1e6; copy++) {
    const lines = rows.map((line) => line
      .replace(/^(C?)(\d+),/, (_, c, n) => `${c}${Number(n) + copy * 1000000},`)
      .replace(/,(\d+),([^,]*)$/, (_, id, country) => `,${Number(id) + copy * 100000},${country}`));
    const text = `${lines.join('\n')}\n`;
    fs.writeSync(fd, text);
    written += Buffer.byteLength(text);
  }
  fs.closeSync(fd);
  return out;
}

if (generateMb > 0) file = generate(generateMb);
const bytes = fs.statSync(file).size;
const mb = bytes / 1e6;
const rate = (ms) => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;
const mem = (b) => `${(b / 1e6).toFixed(0)} MB (${(b / bytes).toFixed(2)}x file)`;
const runs = {};  // job -> one result per round
const record = (job, result) => (runs[job] ??= []).push(result);

// Native: the CLI on the file, peak RSS from GNU time.
function runNative() {
  const started = performance.now();
  const native = spawnSync('/usr/bin/time', ['-f', '%M', cli, 'analyze', '--kind', 'transactions', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  const answer = JSON.parse(native.stdout);
  record('native', { ms, peak: Number(native.stderr.trim().split('\n').pop()) * 1024,
    customers: answer.measures.find((m) => m.id === 'customers').value });
}

// Wasm under Node, in a child process so its peak RSS is its own.
function runNode() {
  const node = spawnSync(process.execPath, ['--import', path.join(repo, 'tests/wasm/setup.mjs'), path.join(repo, 'bench/node-import.mjs'), file], { encoding: 'utf8' });
  const wasmNode = JSON.parse(node.stdout);
  record('node', { ms: wasmNode.ms, peak: wasmNode.maxRssKb * 1024, customers: wasmNode.customers });
}

// The browser: our own little server for the bench page, the wasm, PapaParse and the file.
// The page's own engine worker, as built into build/web (the same code a user's import runs through).
const assets = path.join(repo, 'build/web/assets');
const engineWorker = fs.readdirSync(assets).find((name) => /^engine\.worker-.*\.js$/.test(name));
const routes = {
  '/': ['bench/browser/index.html', 'text/html'],
  '/bench/papaparse-import.worker.js': ['bench/browser/papaparse-import.worker.js', 'text/javascript'],
  '/papaparse.min.js': ['node_modules/papaparse/papaparse.min.js', 'text/javascript'],
};
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost').pathname;
  let target = url === '/data.csv' ? [file, 'text/csv'] : routes[url];
  if (!target && url.startsWith('/assets/') && !url.includes('..')) {
    target = [path.join(assets, url.slice('/assets/'.length)), types[path.extname(url)] ?? 'application/octet-stream'];
  }
  if (!target || !fs.existsSync(path.isAbsolute(target[0]) ? target[0] : path.join(repo, target[0]))) {
    if (process.env.DEBUG) console.log('404', url);
    res.writeHead(404).end();
    return;
  }
  const full = path.isAbsolute(target[0]) ? target[0] : path.join(repo, target[0]);
  res.writeHead(200, { 'content-type': target[1], 'content-length': fs.statSync(full).size });
  fs.createReadStream(full).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

// Chromium's memory: the resident size of every Chromium process this run started.
const chromiumPids = () => fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
  try { return /chrom/.test(fs.readFileSync(`/proc/${p}/comm`, 'utf8')); } catch { return false; }
});
const before = new Set(chromiumPids());
const resident = () => chromiumPids().filter((p) => !before.has(p)).reduce((sum, p) => {
  try { return sum + Number(fs.readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * 4096; } catch { return sum; }
}, 0);

// wasm: the page's worker after its idle warm-up, as when a file is dropped a few seconds after the
// page opened; wasm-cold: the file posted as soon as the worker is ready, before any warm-up.
async function runBrowserJob(browser, job) {
  const page = await browser.newPage();
  page.on('console', (m) => process.env.DEBUG && console.log('page:', m.text()));
  page.on('pageerror', (e) => process.env.DEBUG && console.log('pageerror:', e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.ready === true);
  await page.evaluate(() => window.loadFile());
  const beforeWorker = resident();
  const kind = job === 'papaparse' ? 'papaparse' : 'wasm';
  const warmUpMs = await page.evaluate(([k, url, warm]) => window.startWorker(k, url, warm),
    [kind, `/assets/${engineWorker}`, job === 'wasm']);
  if (job !== 'wasm-cold') await new Promise((resolve) => setTimeout(resolve, 500));  // let the worker settle
  const baseline = resident();
  let peak = baseline;
  const poll = setInterval(() => { peak = Math.max(peak, resident()); }, 50);
  const result = await page.evaluate(([k, n]) => window.runJob(k, n), [kind, job === 'wasm' ? repeats : 0]);
  clearInterval(poll);
  peak = Math.max(peak, resident());
  record(job, { ...result, peak: peak - baseline, worker: baseline - beforeWorker, warmUpMs });
  await page.close();
}

const browser = await launchChromium();
try {
  for (let round = 0; round < rounds; round++) {
    if (generateMb === 0) {
      runNative();
      runNode();
    }
    for (const job of generateMb > 0 ? ['wasm'] : ['wasm', 'wasm-cold', 'papaparse']) await runBrowserJob(browser, job);
  }
} finally {
  await browser.close();
  server.close();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const results = {};  // job -> medians over the rounds
for (const [job, list] of Object.entries(runs)) {
  results[job] = { ...list[0], ms: median(list.map((r) => r.ms)), peak: median(list.map((r) => r.peak)),
    worker: median(list.map((r) => r.worker ?? 0)), warmUpMs: median(list.map((r) => r.warmUpMs ?? 0)),
    range: [Math.min(...list.map((r) => r.ms)), Math.max(...list.map((r) => r.ms))] };
}
// A ratio per round (the jobs of one round ran side by side) and its median and range.
const ratio = (top, bottom) => {
  const each = runs[top].map((r, i) => r.ms / runs[bottom][i].ms);
  return `${median(each).toFixed(2)} (${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)})`;
};

console.log(`Import of ${path.basename(file)} (${mb.toFixed(1)} MB) to its transactions KPIs, median of ${rounds} round${rounds > 1 ? 's' : ''} (range)`);
const seconds = (ms) => (ms / 1000).toFixed(2);
const line = (name, r, memoryNote) => console.log(`  ${name.padEnd(34)} ${seconds(r.ms).padStart(6)} s (${seconds(r.range[0])}–${seconds(r.range[1])})  ${rate(r.ms).padStart(12)}  peak ${mem(r.peak)}${memoryNote}  customers ${r.customers}`);
if (results.native) line('native CLI', results.native, ' RSS');
if (results.node) line('wasm in Node', results.node, ' RSS');
line('wasm in Chromium (page worker)', results.wasm, ' Chromium RSS increase');
if (results['wasm-cold']) line('  the same, cold (no warm-up yet)', results['wasm-cold'], ' Chromium RSS increase');
if (results.papaparse) line('PapaParse + JS in Chromium (worker)', results.papaparse, ' Chromium RSS increase');
console.log('  (browser memory: the rise during the job, with the file already in a Blob and the worker already');
console.log(`   running, as in the page; starting the worker itself took ${(results.wasm.worker / 1e6).toFixed(0)} MB for wasm, ` +
  `${results.papaparse ? (results.papaparse.worker / 1e6).toFixed(0) : '?'} MB for PapaParse;`);
console.log(`   the page worker's idle warm-up took ${results.wasm.warmUpMs.toFixed(0)} ms of its time before the file came)`);
if (results.papaparse) {
  console.log(`  wasm in browser vs PapaParse+JS: ${ratio('papaparse', 'wasm')} times as fast (target >= 3); ` +
    `cold: ${ratio('papaparse', 'wasm-cold')}`);
}
if (results.native) {
  console.log(`  wasm in browser vs native: ${ratio('native', 'wasm')} of native speed (target >= 0.5); ` +
    `cold: ${ratio('native', 'wasm-cold')}`);
  console.log(`  wasm in Node vs native: ${ratio('native', 'node')} of native speed`);
}
if (repeats > 0) {
  console.log(`  wasm in Chromium, the same file again in the same worker: ${runs.wasm.map((r) => r.again.map((ms) => `${seconds(ms)} s`).join(', ')).join('; ')}`);
}
console.log(`  peak memory of wasm in browser / file size: ${(results.wasm.peak / bytes).toFixed(2)} (target <= 2); ` +
  `with the worker's start: ${((results.wasm.peak + results.wasm.worker) / bytes).toFixed(2)}`);
