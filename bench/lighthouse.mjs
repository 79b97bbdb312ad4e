// Benchmark (not a test): Lighthouse 12 (npm lighthouse, as issue 16 measures) on the built page,
// mobile (its default: slow 4G, 4× CPU) and desktop, with Debian's Chromium, and the embed examples
// when the build has them (build/web/embed/*.html). Prints performance, total blocking time,
// accessibility, best practices and SEO per page and form factor, and every audit below 100 in the
// last three so they can be fixed. The page is served by the tests' static server (precompressed
// .br/.gz copies, as `vite preview` sends them).
// Run after ./scripts/build page:
//   node bench/lighthouse.mjs [--root DIR] [--runs N] [--only mobile|desktop] [--page /] [--detail] [--json]
// --detail adds the main thread's time by kind and the long tasks (start and duration, ms).
// --page audits that one page only (e.g. / or /embed/example-card.html).
// --root serves another built page (e.g. an older build/web kept aside) the same way.
// --save DIR writes each run's full report (lhr JSON) there, to read its audits.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { startStaticServer } from '../tests/support/static-server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const root = path.resolve(option('root', path.join(repo, 'build/web')));
const runs = Number(option('runs', 1));
const only = option('only', '');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

/** index.html and the embed examples the build holds, as paths under the server. */
function pages() {
  if (option('page', '')) return [option('page', '')];
  const list = ['/'];
  const embed = path.join(root, 'embed');
  if (fs.existsSync(embed)) {
    for (const name of fs.readdirSync(embed).sort()) if (name.endsWith('.html')) list.push(`/embed/${name}`);
  }
  return list;
}

/** One Lighthouse run; the scores (0–100), total blocking time and the audits that lost points. */
async function audit(url, port, formFactor) {
  const flags = { port, output: 'json', logLevel: 'error', onlyCategories: categories };
  const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
  const { lhr } = result;
  if (option('save', '')) {
    fs.mkdirSync(option('save', ''), { recursive: true });
    const name = `${formFactor}${url.replace(/^https?:\/\/[^/]+/, '').replace(/[^a-z0-9]+/gi, '-')}${Date.now()}.json`;
    fs.writeFileSync(path.join(option('save', ''), name), JSON.stringify(lhr));
  }
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing = [];
  for (const id of categories.slice(1)) {
    for (const ref of lhr.categories[id].auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) failing.push(`${id}: ${ref.id} (${a.title})`);
    }
  }
  return {
    performance: score('performance'),
    tbtMs: Math.round(lhr.audits['total-blocking-time'].numericValue),
    fcpMs: Math.round(lhr.audits['first-contentful-paint'].numericValue),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    failing,
    runtimeError: lhr.runtimeError?.message,
    breakdown: (lhr.audits['mainthread-work-breakdown'].details?.items ?? [])
      .map((i) => `${i.groupLabel ?? i.group} ${Math.round(i.duration)}`).join(', '),
    longTasks: (lhr.audits['long-tasks'].details?.items ?? [])
      .map((t) => `${Math.round(t.startTime)}+${Math.round(t.duration)}`).join(' '),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** "min–max" of the runs, or the one value. */
const range = (values) => (Math.min(...values) === Math.max(...values) ? String(values[0]) : `${Math.min(...values)}–${Math.max(...values)}`);

const server = await startStaticServer({ root });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const rows = [];
const loadAtStart = (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ');
try {
  for (const page of pages()) {
    for (const formFactor of ['mobile', 'desktop']) {
      if (only && only !== formFactor) continue;
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await audit(new URL(page, server.url).href, chrome.port, formFactor));
      const pick = (key) => median(results.map((r) => r[key]));
      rows.push({
        page, formFactor,
        performanceRange: range(results.map((r) => r.performance)), tbtRange: range(results.map((r) => r.tbtMs)),
        performance: pick('performance'), tbtMs: pick('tbtMs'), fcpMs: pick('fcpMs'), lcpMs: pick('lcpMs'),
        accessibility: pick('accessibility'), bestPractices: pick('bestPractices'), seo: pick('seo'),
        failing: [...new Set(results.flatMap((r) => r.failing))],
        detail: results.map((r) => `main thread: ${r.breakdown}\n    long tasks: ${r.longTasks}`),
        runtimeError: results.find((r) => r.runtimeError)?.runtimeError,
      });
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const load = (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ${runs} run(s) each (median), load average at start ${loadAtStart}, now ${load}`);
  console.log('page                         form     perf   TBT ms   FCP ms   LCP ms  a11y  b.p.  seo');
  for (const r of rows) {
    console.log(`${r.page.padEnd(28)} ${r.formFactor.padEnd(8)} ${String(r.performance).padStart(4)} ${String(r.tbtMs).padStart(8)} ${String(r.fcpMs).padStart(8)} ${String(r.lcpMs).padStart(8)} ${String(r.accessibility).padStart(5)} ${String(r.bestPractices).padStart(5)} ${String(r.seo).padStart(4)}`);
    if (runs > 1) console.log(`    range of ${runs} runs: performance ${r.performanceRange}, TBT ${r.tbtRange} ms`);
    for (const f of r.failing) console.log(`    ${f}`);
    if (process.argv.includes('--detail')) for (const d of r.detail) console.log(`    ${d}`);
    if (r.runtimeError) console.log(`    runtime error: ${r.runtimeError}`);
  }
}
