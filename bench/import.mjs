// Benchmark (not a test): a transactions file to its KPIs, side by side in one run — the native
// CLI, the wasm core under Node, the page's own engine worker (build/web) in headless Chromium
// (after its idle warm-up, and cold: dropped 200 ms after the worker was created), and in the same
// browser the peers: PapaParse as a typical page uses it (header objects, Date.parse, a regular
// expression per row), the same job tuned by a careful JavaScript engineer (bench/browser/
// tuned-import.worker.js), and DuckDB-WASM (bench/browser/duckdb-import.mjs; npm
// @duckdb/duckdb-wasm from bench/peers, installed on first use). The peers run twice on one worker: cold
// (their first import) and warm (the same file again). Every way runs once per round, the rounds
// interleaved so that drift of a shared machine hits all of them; prints medians (and ranges) of
// time, MB/s and peak memory, the ratios within each round, and checks that every way found the
// core's customers and revenue (exit code 1 when one did not). Run after ./scripts/build.
//   node bench/import.mjs                  ../shared/data/online-retail/online_retail.csv, 5 rounds
//   ROUNDS=3 node bench/import.mjs         fewer rounds
//   FILE=path node bench/import.mjs        another transactions file
//   GENERATE_MB=500 node bench/import.mjs  a generated file of that size (wasm in the browser only)
//   WEB_DIR=build/web-b node bench/import.mjs   the page worker of another build of the page
//   TIMELINE=1 node bench/import.mjs       also prints the page worker's messages after each drop
//   JOBS=wasm,wasm-cold node bench/import.mjs   only these ways (native, node, wasm, wasm-cold,
//                                          papaparse, tuned, duckdb)
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'build/native/cli/servimetrics');
const generateMb = Number(process.env.GENERATE_MB ?? 0);
const rounds = Math.max(1, Number(process.env.ROUNDS ?? 5));
let file = process.env.FILE ?? path.resolve(repo, '../shared/data/online-retail/online_retail.csv');
const allJobs = generateMb > 0 ? ['wasm'] : ['native', 'node', 'wasm', 'wasm-cold', 'papaparse', 'tuned', 'duckdb'];
const jobs = process.env.JOBS ? process.env.JOBS.split(',') : allJobs;

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
const mem = (b) => `${(b / 1e6).toFixed(0)} MB (${(b / bytes).toFixed(2)}x)`;
const runs = {};  // job -> one result per round
const record = (job, result) => (runs[job] ??= []).push(result);
const loads = [os.loadavg()[0]];

// Native: the CLI on the file, peak RSS from GNU time.
function runNative() {
  const started = performance.now();
  const native = spawnSync('/usr/bin/time', ['-f', '%M %U %S', cli, 'analyze', '--kind', 'transactions', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  const answer = JSON.parse(native.stdout);
  const measure = (id) => answer.measures.find((m) => m.id === id)?.value;
  const [peakKb, user, system] = native.stderr.trim().split('\n').pop().split(' ').map(Number);
  record('native', { ms, peak: peakKb * 1024, cpuMs: (user + system) * 1000,
    customers: measure('customers'), revenue: measure('revenue') });
}

// Wasm under Node, in a child process so its peak RSS is its own.
function runNode() {
  const node = spawnSync(process.execPath, ['--import', path.join(repo, 'tests/wasm/setup.mjs'), path.join(repo, 'bench/node-import.mjs'), file], { encoding: 'utf8' });
  const wasmNode = JSON.parse(node.stdout);
  record('node', { ms: wasmNode.ms, peak: wasmNode.maxRssKb * 1024, cpuMs: wasmNode.cpuMs,
    customers: wasmNode.customers, revenue: wasmNode.revenue });
}

// DuckDB-WASM, from bench/peers (its own package and lockfile, installed here on first use with
// npm ci, so that the page's install stays small); its page-side module bundled with its dependency
// (apache-arrow) by esbuild, which Vite brings.
async function duckdbPeer() {
  const peers = path.join(repo, 'bench/peers');
  if (!fs.existsSync(path.join(peers, 'node_modules/@duckdb/duckdb-wasm'))) {
    console.log('installing the bench peers (bench/peers: npm ci, about 150 MB, once)');
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', peers], { stdio: 'inherit' });
    if (install.status !== 0) return null;
  }
  let dist;
  try {
    dist = path.dirname(createRequire(path.join(peers, 'package.json')).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  } catch {
    return null;
  }
  const esbuild = await import('esbuild');
  const built = await esbuild.build({
    entryPoints: [path.join(repo, 'bench/browser/duckdb-import.mjs')], bundle: true, format: 'esm',
    platform: 'browser', write: false, logLevel: 'error',
    nodePaths: [path.join(peers, 'node_modules'), ...(process.env.NODE_PATH ?? '').split(path.delimiter).filter(Boolean)],
  });
  return { dist, script: built.outputFiles[0].contents };
}
const duckdb = jobs.includes('duckdb') ? await duckdbPeer() : null;
if (jobs.includes('duckdb') && !duckdb) {
  console.log('DuckDB-WASM could not be installed in bench/peers: its job is skipped');
  jobs.splice(jobs.indexOf('duckdb'), 1);
}

// The browser: our own little server for the bench page, the wasm, the peers and the file.
// The page's own engine worker, as built into build/web (the same code a user's import runs through).
const assets = path.join(repo, process.env.WEB_DIR ?? 'build/web', 'assets');  // WEB_DIR: another build, for an A/B
const engineWorker = fs.readdirSync(assets).find((name) => /^engine\.worker-.*\.js$/.test(name));
const routes = {
  '/': ['bench/browser/index.html', 'text/html'],
  '/bench/papaparse-import.worker.js': ['bench/browser/papaparse-import.worker.js', 'text/javascript'],
  '/bench/tuned-import.worker.js': ['bench/browser/tuned-import.worker.js', 'text/javascript'],
  '/papaparse.min.js': ['node_modules/papaparse/papaparse.min.js', 'text/javascript'],
};
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
function target(url) {
  if (url === '/data.csv') return [file, 'text/csv'];
  if (routes[url]) return [path.join(repo, routes[url][0]), routes[url][1]];
  if (url.includes('..')) return null;
  if (url.startsWith('/assets/')) return [path.join(assets, url.slice('/assets/'.length)), types[path.extname(url)] ?? 'application/octet-stream'];
  if (duckdb && url.startsWith('/duckdb/')) return [path.join(duckdb.dist, url.slice('/duckdb/'.length)), types[path.extname(url)] ?? 'application/octet-stream'];
  return null;
}
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost').pathname;
  if (url === '/bench/duckdb-import.js' && duckdb) {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(duckdb.script);
    return;
  }
  const found = target(url);
  if (!found || !fs.existsSync(found[0])) {
    if (process.env.DEBUG) console.log('404', url);
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': found[1], 'content-length': fs.statSync(found[0]).size });
  fs.createReadStream(found[0]).pipe(res);
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

// One page per job: the file into a Blob, the job's worker started (its start measured apart),
// then its imports, each with the rise of Chromium's memory while it ran.
async function runBrowserJob(browser, job) {
  const page = await browser.newPage();
  page.on('console', (m) => process.env.DEBUG && console.log('page:', m.text()));
  page.on('pageerror', (e) => process.env.DEBUG && console.log('pageerror:', e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.ready === true);
  await page.evaluate(() => window.loadFile());
  const beforeWorker = resident();
  const startMs = await page.evaluate(([j, url, duck]) => window.startWorker(j, url, duck),
    [job, `/assets/${engineWorker}`, { worker: '/duckdb/duckdb-browser-eh.worker.js', wasm: '/duckdb/duckdb-eh.wasm' }]);
  if (job !== 'wasm-cold') await new Promise((resolve) => setTimeout(resolve, 500));  // let the worker settle
  // The peers import twice on one worker: their first import is their cold one.
  const names = job === 'tuned' || job === 'duckdb' || job === 'papaparse' ? [`${job}-cold`, job] : [job];
  for (const name of names) {
    const baseline = resident();
    let peak = baseline;
    const poll = setInterval(() => { peak = Math.max(peak, resident()); }, 50);
    const result = await page.evaluate((j) => window.runJob(j), job);
    clearInterval(poll);
    peak = Math.max(peak, resident());
    if (process.env.TIMELINE && result.timeline) {
      console.log(`${name} timeline [ms after the drop, message, bytes]: ${result.timeline.map((t) => t.join(' ')).join(' | ')}`);
    }
    record(name, { ...result, timeline: undefined, peak: peak - baseline, worker: baseline - beforeWorker, startMs });
  }
  await page.evaluate((j) => window.stopJob(j), job);
  await page.close();
}

const browser = await launchChromium();
try {
  for (let round = 0; round < rounds; round++) {
    for (const job of jobs) {
      if (job === 'native') runNative();
      else if (job === 'node') runNode();
      else await runBrowserJob(browser, job);
    }
    loads.push(os.loadavg()[0]);
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
    worker: median(list.map((r) => r.worker ?? 0)), startMs: median(list.map((r) => r.startMs ?? 0)),
    cpuMs: median(list.map((r) => r.cpuMs ?? 0)),
    range: [Math.min(...list.map((r) => r.ms)), Math.max(...list.map((r) => r.ms))] };
}
// A ratio per round (the jobs of one round ran side by side) and its median and range.
const ratio = (top, bottom) => {
  if (!runs[top] || !runs[bottom]) return 'n/a';
  const each = runs[top].map((r, i) => r.ms / runs[bottom][i].ms);
  return `${median(each).toFixed(2)} (${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)})`;
};

const seconds = (ms) => (ms / 1000).toFixed(2);
console.log(`Import of ${path.basename(file)} (${mb.toFixed(1)} MB) to its transactions KPIs, median of ${rounds} round${rounds > 1 ? 's' : ''} (range)`);
console.log(`  load average (1 min) at the start and after each round: ${loads.map((l) => l.toFixed(1)).join(', ')}`);
const names = {
  native: 'native CLI', node: 'wasm in Node', wasm: 'wasm, page worker, warm', 'wasm-cold': 'wasm, page worker, dropped at 200 ms',
  papaparse: 'PapaParse typical, warm', 'papaparse-cold': 'PapaParse typical, cold', tuned: 'tuned JS, warm',
  'tuned-cold': 'tuned JS, cold', duckdb: 'DuckDB-WASM, warm', 'duckdb-cold': 'DuckDB-WASM, cold',
};
for (const [job, name] of Object.entries(names)) {
  const r = results[job];
  if (!r) continue;
  // Native and Node also give their CPU time: on a shared machine it moves less than the clock.
  const memoryNote = job === 'native' || job === 'node' ? ` RSS, CPU ${seconds(r.cpuMs)} s`
    : job === 'wasm-cold' ? ' with the worker\'s start' : '';
  console.log(`  ${name.padEnd(38)} ${seconds(r.ms).padStart(6)} s (${seconds(r.range[0])}–${seconds(r.range[1])})  ${rate(r.ms).padStart(12)}  ` +
    `peak ${mem(r.peak)}${memoryNote}  customers ${r.customers}  revenue ${r.revenue?.toFixed(2)}`);
}
console.log('  (browser memory: the rise of all Chromium processes during the import, with the file already in a Blob and');
console.log('   the worker already started; starting it took, median: ' + ['wasm', 'tuned', 'duckdb'].filter((j) => results[j])
  .map((j) => `${j} ${(results[j].worker / 1e6).toFixed(0)} MB`).join(', ') +
  (results.duckdb ? `; DuckDB's instantiate ${results.duckdb.startMs.toFixed(0)} ms` : '') +
  (results.wasm ? `; the page worker's idle warm-up ${results.wasm.startMs.toFixed(0)} ms` : '') + ')');
console.log('Ratios within each round, median (range): how many times as fast the page worker (warm) is than');
for (const [peer, target] of [['tuned', '>= 3'], ['duckdb', '>= 2'], ['papaparse', ''], ['tuned-cold', ''], ['duckdb-cold', '']]) {
  if (results[peer] && results.wasm) console.log(`  ${names[peer].padEnd(28)} ${ratio(peer, 'wasm')}${target ? ` (target ${target})` : ''}`);
}
if (results.native && results.wasm) console.log(`  of native speed: warm ${ratio('native', 'wasm')} (target >= 0.7); Node ${ratio('native', 'node')}`);
if (results['wasm-cold'] && results.wasm) {
  console.log(`  dropped at 200 ms, of warm speed: ${ratio('wasm', 'wasm-cold')} (target >= 0.7); ` +
    `against the peers cold: tuned ${ratio('tuned-cold', 'wasm-cold')}, DuckDB ${ratio('duckdb-cold', 'wasm-cold')}`);
}
if (results.wasm) {
  console.log(`  peak memory of the page worker's import / file size: ${(results.wasm.peak / bytes).toFixed(2)} (target <= 1.5)`);
}

// Every way must find the core's customers and revenue (to the cent: sums in another order).
const reference = ['native', 'node', 'wasm', 'wasm-cold'].map((job) => runs[job]?.[0]).find(Boolean);
const wrong = reference ? Object.entries(runs).flatMap(([job, list]) => list
  .filter((r) => r.customers !== reference.customers || !(Math.abs(r.revenue - reference.revenue) < 0.01))
  .map((r) => `${job}: ${r.customers} customers, revenue ${r.revenue}`)) : [];
if (!reference) {
  console.log('No way of the core ran: the peers\' answers were not checked.');
} else if (wrong.length > 0) {
  console.log(`NOT THE CORE'S ANSWER (${reference.customers} customers, revenue ${reference.revenue}):\n  ${wrong.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(`Every way found the core's ${reference.customers} customers and revenue ${reference.revenue.toFixed(2)}.`);
}
