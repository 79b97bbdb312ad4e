// Benchmark (not a test): what each long task of a page load is. Loads a built page in Chromium at
// Lighthouse's mobile size, records a trace with the JavaScript sampler, and prints every main-thread
// task longer than the threshold with what filled it: style, layout, script (by function), parsing.
// Lighthouse's simulated mobile run observes the page at full speed and multiplies each task by 4, so
// a task over 12.5 ms here (the default threshold) is a "long task" (over 50 ms) there.
// Run after ./scripts/build page (names read best in a build with --minify false):
//   node bench/long-tasks.mjs [--root DIR] [--page /embed/example-card.html] [--ms 12.5] [--wait 12000]
//                             [--cpu 4] [--top 6] [--trace /tmp/trace.json]
// --cpu slows the page's CPU by that factor (then use --ms 50); --trace keeps the raw trace.
import fs from 'node:fs';
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
const pagePath = option('page', '/');
const thresholdMs = Number(option('ms', 12.5));
const waitMs = Number(option('wait', 12000));
const cpu = Number(option('cpu', 1));
const top = Number(option('top', 6));

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'toplevel', 'loading',
  'blink.user_timing', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-devtools.timeline.frame',
];

/** Loads the page with tracing on; the trace's events. */
async function record(url) {
  const browser = await launchChromium();
  try {
    // Lighthouse's mobile emulation: a Moto G Power, 412 × 823 at 1.75 device pixels per CSS pixel.
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'en-US' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(waitMs);
    const buffer = await browser.stopTracing();
    await context.close();
    return JSON.parse(buffer.toString('utf8'));
  } finally {
    await browser.close();
  }
}

/** The renderer main thread that navigated to the page: its pid, tid and navigation start. */
function mainThread(events, url) {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
  return { pid: nav.pid, tid: nav.tid, t0: nav.ts };
}

/** Every JavaScript sample of the thread: { ts, frames (root first) }. */
function samples(events, thread) {
  const nodes = new Map();
  const out = [];
  const profiles = new Map();
  for (const e of events) {
    if (e.pid !== thread.pid) continue;
    if (e.name === 'Profile') profiles.set(e.id, { ts: e.args.data.startTime, tid: e.tid });
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(e.id);
    if (!profile || profile.tid !== thread.tid) continue;
    const data = e.args.data.cpuProfile ?? {};
    for (const n of data.nodes ?? []) nodes.set(`${e.id}:${n.id}`, { ...n, key: `${e.id}:${n.id}`, parentKey: n.parent ? `${e.id}:${n.parent}` : null });
    const deltas = e.args.data.timeDeltas ?? [];
    (data.samples ?? []).forEach((id, i) => {
      profile.ts += deltas[i] ?? 0;
      out.push({ ts: profile.ts, key: `${e.id}:${id}` });
    });
  }
  return out.map((s) => {
    const frames = [];
    for (let n = nodes.get(s.key); n; n = n.parentKey ? nodes.get(n.parentKey) : null) frames.unshift(n.callFrame);
    return { ts: s.ts, frames };
  });
}

const frameName = (f) => `${f.functionName || '(anonymous)'} ${path.basename(f.url || '')}:${(f.lineNumber ?? 0) + 1}`;
const GENERIC = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/** The top `count` entries of a name → ms map, as "name ms". */
function tops(map, count) {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, v]) => `${v.toFixed(1)} ${k}`);
}

function describe(task, events, allSamples) {
  const end = task.ts + task.dur;
  const kinds = new Map();
  const calls = [];
  for (const e of events) {
    if (e.ts < task.ts || e.ts >= end || e === task || e.ph !== 'X') continue;
    if (['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'ParseHTML', 'ParseAuthorStyleSheet', 'v8.compile', 'v8.compileModule', 'MajorGC', 'MinorGC', 'V8.GC_MC_BACKGROUND_MARKING', 'IntersectionObserverController::computeIntersections', 'HitTest', 'UpdateLayerTree'].includes(e.name)) {
      const detail = e.name === 'UpdateLayoutTree' ? ` (${e.args?.elementCount ?? '?'} elements)` : '';
      kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur / 1000);
      if (e.name === 'UpdateLayoutTree' && e.dur > 2000) calls.push(`style ${(e.dur / 1000).toFixed(1)} ms${detail}`);
      if (e.name === 'Layout' && e.dur > 2000) calls.push(`layout ${(e.dur / 1000).toFixed(1)} ms (${e.args?.beginData?.dirtyObjects ?? '?'} of ${e.args?.beginData?.totalObjects ?? '?'} objects)`);
    }
    if (['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks'].includes(e.name) && e.dur > 1000) {
      const d = e.args?.data ?? {};
      const where = d.functionName || d.url ? ` ${d.functionName ?? ''} ${path.basename(d.url ?? '')}:${d.lineNumber ?? ''}` : d.type ? ` ${d.type}` : '';
      kinds.set(`script:${e.name}`, (kinds.get(`script:${e.name}`) ?? 0) + e.dur / 1000);
      if (e.dur > 3000) calls.push(`${e.name}${where} ${(e.dur / 1000).toFixed(1)} ms`);
    }
  }
  const self = new Map();
  const inclusive = new Map();
  const inTask = allSamples.filter((s) => s.ts >= task.ts && s.ts < end);
  for (let i = 0; i < inTask.length; i++) {
    const s = inTask[i];
    const ms = ((inTask[i + 1]?.ts ?? s.ts + 100) - s.ts) / 1000;
    const leaf = s.frames[s.frames.length - 1];
    if (leaf) self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + ms);
    for (const name of new Set(s.frames.filter((f) => !GENERIC.has(f.functionName) && f.url).map(frameName))) {
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  return { kinds: tops(kinds, 8), calls: calls.slice(0, 12), self: tops(self, top), inclusive: tops(inclusive, top * 2) };
}

/** The task's trace events over 1 ms as an indented tree: name, wall ms, CPU ms, detail. */
function tree(task, events) {
  const inside = events.filter((e) => e.ph === 'X' && e !== task && e.ts >= task.ts && e.ts < task.ts + task.dur && e.dur > 1000)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  return inside.map((e) => {
    while (stack.length && e.ts >= stack[stack.length - 1]) stack.pop();
    const depth = stack.length;
    stack.push(e.ts + e.dur);
    const d = e.args?.data ?? e.args?.beginData ?? {};
    const detail = [d.functionName, d.url && path.basename(d.url), d.type, e.args?.elementCount].filter(Boolean).join(' ');
    return `${'  '.repeat(depth)}${e.name} ${(e.dur / 1000).toFixed(1)}/${((e.tdur ?? 0) / 1000).toFixed(1)} ${detail}`;
  });
}

const server = await startStaticServer({ root });
try {
  const url = new URL(pagePath, server.url).href;
  const trace = await record(url);
  const events = trace.traceEvents ?? trace;
  const thread = mainThread(events, url);
  const onThread = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid);
  const t0 = thread.t0;
  const cpuOnly = process.argv.includes('--cpu-time'); // judge tasks by CPU time, not wall time
  const tasks = onThread.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (cpuOnly ? e.tdur ?? e.dur : e.dur) / 1000 > thresholdMs);
  const all = samples(events, thread);
  const total = onThread.filter((e) => e.name === 'RunTask' && e.ph === 'X').reduce((s, e) => s + e.dur / 1000, 0);
  const blocking = tasks.reduce((s, e) => s + Math.max(0, (e.dur / 1000) * (cpu > 1 ? 1 : 4) - 50), 0);
  // The same from CPU time, which a loaded machine inflates less than wall time.
  const blockingCpu = onThread.filter((e) => e.name === 'RunTask' && e.ph === 'X')
    .reduce((s, e) => s + Math.max(0, ((e.tdur ?? e.dur) / 1000) * (cpu > 1 ? 1 : 4) - 50), 0);
  console.log(`${pagePath}: ${tasks.length} tasks over ${thresholdMs} ms, main thread busy ${total.toFixed(0)} ms in ${(waitMs / 1000).toFixed(0)} s; ` +
    `blocking time if ×${cpu > 1 ? 1 : 4}: ${blocking.toFixed(0)} ms, from CPU time ${blockingCpu.toFixed(0)} ms (load ${(await import('node:os')).loadavg()[0].toFixed(2)})`);
  for (const task of tasks) {
    const d = describe(task, onThread, all);
    // tdur: the thread's CPU time; on a loaded machine the wall time (dur, what Lighthouse counts) is longer.
    console.log(`\n@${((task.ts - t0) / 1000).toFixed(0)} ms  ${(task.dur / 1000).toFixed(1)} ms (CPU ${((task.tdur ?? 0) / 1000).toFixed(1)} ms)`);
    console.log(`  kinds: ${d.kinds.join(' | ')}`);
    for (const c of d.calls) console.log(`  · ${c}`);
    if (process.argv.includes('--tree')) for (const line of tree(task, onThread)) console.log(`  ${line}`);
    console.log(`  self: ${d.self.join(' | ')}`);
    console.log(`  incl: ${d.inclusive.join(' | ')}`);
  }
  const keep = option('trace', '');
  if (keep) fs.writeFileSync(keep, JSON.stringify(trace));
} finally {
  await server.close();
}
