// Benchmark (not a test): a transactions file to its KPIs, four ways, side by side in one run —
// the native CLI, the wasm core under Node, the wasm core in a worker of headless Chromium, and in
// the same browser the way a web developer would do it without us (PapaParse + plain JavaScript).
// Prints MB/s, peak memory and the ratios. Run after ./scripts/build.
//   node bench/import.mjs                  ../shared/data/online-retail/online_retail.csv
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
const results = {};

if (generateMb === 0) {
  // Native: the CLI on the file, peak RSS from GNU time.
  const started = performance.now();
  const native = spawnSync('/usr/bin/time', ['-f', '%M', cli, 'analyze', '--kind', 'transactions', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  const answer = JSON.parse(native.stdout);
  results.native = { ms, peak: Number(native.stderr.trim().split('\n').pop()) * 1024,
    customers: answer.measures.find((m) => m.id === 'customers').value };

  // Wasm under Node, in a child process so its peak RSS is its own.
  const node = spawnSync(process.execPath, ['--import', path.join(repo, 'tests/wasm/setup.mjs'), path.join(repo, 'bench/node-import.mjs'), file], { encoding: 'utf8' });
  const wasmNode = JSON.parse(node.stdout);
  results.node = { ms: wasmNode.ms, peak: wasmNode.maxRssKb * 1024, customers: wasmNode.customers };
}

// The browser: our own little server for the bench page, the wasm, PapaParse and the file.
const routes = {
  '/': ['bench/browser/index.html', 'text/html'],
  '/bench/wasm-import.worker.mjs': ['bench/browser/wasm-import.worker.mjs', 'text/javascript'],
  '/bench/papaparse-import.worker.js': ['bench/browser/papaparse-import.worker.js', 'text/javascript'],
  '/wasm/servimetrics.js': ['build/wasm/servimetrics.js', 'text/javascript'],
  '/wasm/servimetrics.wasm': ['build/wasm/servimetrics.wasm', 'application/wasm'],
  '/papaparse.min.js': ['node_modules/papaparse/papaparse.min.js', 'text/javascript'],
};
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost').pathname;
  const target = url === '/data.csv' ? [file, 'text/csv'] : routes[url];
  if (!target) { res.writeHead(404).end(); return; }
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

const browser = await launchChromium();
try {
  const jobs = generateMb > 0 ? ['wasm'] : ['wasm', 'papaparse'];
  for (const job of jobs) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.ready === true);
    await page.evaluate(() => window.loadFile());
    const beforeWorker = resident();
    await page.evaluate((name) => window.startWorker(name), job);
    await page.evaluate((n) => { window.repeats = n; }, repeats);
    await new Promise((resolve) => setTimeout(resolve, 500));  // let the worker settle
    const baseline = resident();
    let peak = baseline;
    const poll = setInterval(() => { peak = Math.max(peak, resident()); }, 50);
    const result = await page.evaluate(() => window.runJob());
    clearInterval(poll);
    peak = Math.max(peak, resident());
    results[job] = { ...result, peak: peak - baseline, worker: baseline - beforeWorker };
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`Import of ${path.basename(file)} (${mb.toFixed(1)} MB) to its transactions KPIs`);
const line = (name, r, memoryNote) => console.log(`  ${name.padEnd(34)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${rate(r.ms).padStart(12)}  peak ${mem(r.peak)}${memoryNote}  customers ${r.customers}`);
if (results.native) line('native CLI', results.native, ' RSS');
if (results.node) line('wasm in Node', results.node, ' RSS');
line('wasm in Chromium (worker)', results.wasm, ` Chromium RSS increase; wasm memory ${(results.wasm.wasmMemory / 1e6).toFixed(0)} MB`);
if (results.papaparse) line('PapaParse + JS in Chromium (worker)', results.papaparse, ' Chromium RSS increase');
console.log('  (browser memory: the rise during the job, with the file already in a Blob and the worker already');
console.log(`   running, as in the page; starting the worker itself took ${(results.wasm.worker / 1e6).toFixed(0)} MB for wasm, ` +
  `${results.papaparse ? (results.papaparse.worker / 1e6).toFixed(0) : '?'} MB for PapaParse)`);
if (results.papaparse) {
  console.log(`  wasm in browser vs PapaParse+JS: ${(results.papaparse.ms / results.wasm.ms).toFixed(2)}x faster (target >= 3x)`);
}
if (results.native) {
  console.log(`  wasm in browser vs native: ${(results.native.ms / results.wasm.ms).toFixed(2)} of native speed (target >= 0.5)`);
  console.log(`  wasm in Node vs native: ${(results.native.ms / results.node.ms).toFixed(2)} of native speed`);
}
if (results.wasm.again?.length) {
  console.log(`  wasm in Chromium, the same file again in the same worker: ${results.wasm.again.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}`);
}
console.log(`  peak memory of wasm in browser / file size: ${(results.wasm.peak / bytes).toFixed(2)} (target <= 2); ` +
  `with the worker's start: ${((results.wasm.peak + results.wasm.worker) / bytes).toFixed(2)}`);
