// Benchmark (not a test): the page's first load on a slow phone line, as issue 16 sets it: Chromium
// with the network emulated at 1.6 Mbps down, 750 kbps up, 150 ms latency and the CPU slowed 4×,
// through the DevTools protocol. Each run is a fresh browser context (empty cache) and measures the
// time from navigation to the first KPI card's value, and the bytes that crossed the wire by then.
// The network conditions reach the worker's fetches (their times show it); the CPU slowdown is the
// page's main thread's: Chromium's throttling leaves worker threads at full speed.
// Run after ./scripts/build page:
//   node bench/first-load.mjs [--root DIR] [--runs N]
// --root serves another built page (e.g. an older commit's build/web) the same way.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../tests/support/static-server.mjs';
import { launchChromium } from '../tests/support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const root = path.resolve(option('root', path.join(repo, 'build/web')));
const runs = Number(option('runs', 3));

const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };
const CPU_SLOWDOWN = 4;

// Polled every frame in the page: the first KPI card's value (data-raw is set once a value is
// shown), searched through the calculator's shadow root.
function firstKpiShown() {
  const host = document.querySelector('servimetrics-calculator');
  const value = host?.shadowRoot?.querySelector('[data-kpi] [data-role="value"][data-raw]');
  return value ? performance.now() : false;
}

async function oneRun(browser, url) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // Every request of the page and of its worker, with its bytes on the wire (compressed when sent
  // so) and its download time: the times show the worker's requests are slowed down too.
  const finished = [];
  context.on('requestfinished', async (request) => {
    if (!request.url().startsWith('http')) return;
    const [sizes, timing] = [await request.sizes(), request.timing()];
    finished.push({ file: new URL(request.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize, ms: timing.responseEnd });
  });
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(firstKpiShown, undefined, { polling: 'raf', timeout: 120_000 });
  const firstKpiMs = await handle.jsonValue();
  const requests = [...finished];
  await context.close();
  return { firstKpiMs, requests };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const server = await startStaticServer({ root });
const browser = await launchChromium();
try {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await oneRun(browser, server.url));
  const times = results.map((r) => r.firstKpiMs);
  console.log(`first load of ${path.relative(repo, root) || root}: 1.6 Mbps, 150 ms, CPU ×${CPU_SLOWDOWN}, ${runs} runs, fresh cache each`);
  console.log(`  first KPI value shown: median ${(median(times) / 1000).toFixed(2)} s ` +
    `(${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s, from navigation start)`);
  const last = results[results.length - 1];
  console.log('  requests finished by the first KPI (last run): bytes on the wire, time from request to last byte');
  for (const r of last.requests) console.log(`  ${kb(r.bytes).padStart(9)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${r.file}`);
  console.log(`  ${kb(last.requests.reduce((sum, r) => sum + r.bytes, 0)).padStart(9)}  in all`);
} finally {
  await browser.close();
  await server.close();
}
