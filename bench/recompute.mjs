// Benchmark (not a test): a full recompute (every catalog KPI of the sample company plus the
// 5-year projection) through the worker in headless Chromium, over 1,000 slider moves; and the
// gzipped sizes of the wasm, its glue and the whole page. Run after ./scripts/build.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../tests/support/static-server.mjs';
import { launchChromium } from '../tests/support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const moves = Number(process.env.MOVES ?? 1000);

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
function sizes() {
  const wasmDir = path.join(repo, 'build/wasm');
  const page = [];
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full); else if (!full.includes(`${path.sep}samples${path.sep}`) && !/\.(gz|br)$/.test(full)) page.push(full);
  });
  walk(path.join(repo, 'build/web'));
  return {
    wasm: gz(path.join(wasmDir, 'servimetrics-calc.wasm')),
    glue: gz(path.join(wasmDir, 'servimetrics-calc.js')),
    page: page.reduce((sum, f) => sum + gz(f), 0),
    pageFiles: page.length,
  };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const server = await startStaticServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.locator('[data-testid="slider-retention_rate"]').waitFor();
  await page.locator('[data-kpi="clv"] [data-role="value"][data-raw]').waitFor();
  const result = await page.evaluate(async (count) => {
    const host = document.querySelector('servimetrics-calculator');
    const find = (root, selector) => {
      const hit = root.querySelector(selector);
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) { const inner = find(el.shadowRoot, selector); if (inner) return inner; }
      }
      return null;
    };
    const slider = find(host.shadowRoot, '[data-testid="slider-retention_rate"]');
    const min = Number(slider.min), max = Number(slider.max), step = Number(slider.step) || (max - min) / 100;
    const recompute = [], roundTrip = [];
    let kpis = 0;
    for (let i = 0; i < count; i++) {
      const value = min + ((i * 7) % Math.round((max - min) / step)) * step;
      const updated = new Promise((resolve) => host.addEventListener('servimetrics-update', (e) => resolve(e.detail), { once: true }));
      const t0 = performance.now();
      slider.value = String(i % 2 ? value : max - (value - min));
      slider.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const detail = await updated;
      roundTrip.push(performance.now() - t0);
      recompute.push(detail.recomputeMs);
      kpis = detail.answer.kpis.length;
      if (!detail.answer.projection) throw new Error('no projection in the answer');
    }
    return { recompute, roundTrip, kpis };
  }, moves);
  const rec = [...result.recompute].sort((a, b) => a - b);
  const rt = [...result.roundTrip].sort((a, b) => a - b);
  const s = sizes();
  console.log(`Full recompute through the worker (${result.kpis} KPIs + 5-year projection), ${moves} slider moves, headless Chromium`);
  console.log(`  recompute (post to worker -> answer applied): median ${quantile(rec, 0.5).toFixed(3)} ms, p95 ${quantile(rec, 0.95).toFixed(3)} ms`);
  console.log(`  slider input -> answer (includes the page's slider debounce): median ${quantile(rt, 0.5).toFixed(2)} ms, p95 ${quantile(rt, 0.95).toFixed(2)} ms`);
  console.log('Gzipped sizes (gzip -9)');
  console.log(`  wasm ${kb(s.wasm)}, glue ${kb(s.glue)}, calc wasm + glue ${kb(s.wasm + s.glue)} (the first load's limit, 300 KB, is node scripts/check-size.mjs)`);
  console.log(`  whole page (build/web without samples, ${s.pageFiles} files) ${kb(s.page)}`);
} finally {
  await browser.close();
  await server.close();
}
