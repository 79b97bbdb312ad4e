// Keeps the page's first load small (issues 14 and 16): what a visitor downloads before the first KPI
// shows — index.html, its CSS, the page's entry script and the chunks it imports statically, the
// engine worker's script with its static imports, and the calc wasm — must stay within 300 KB
// gzipped. The files module (its glue and wasm) and any chunk loaded by import() come later and
// are listed apart. Also what an embed with layout="compact" loads (issue 16: within 150 KB gzipped):
// the embed's entry with its static imports and CSS when the build has one (build/web/embed/), and
// the engine it starts — the worker's script, the compute-only module's glue and wasm. Reads
// build/web as `./scripts/build page` leaves it; exits 1 over a limit.
//   node scripts/check-size.mjs [--json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotli, gzip } from './precompressed.mjs';

export const FIRST_LOAD_LIMIT = 300 * 1024;
/** Issue 16's target for the embed's first load with layout="compact" (JS + wasm + CSS). */
export const EMBED_TARGET = 150 * 1024;
/**
 * Enforced: the target itself, met since session 11 (149.8 KB) by loading zh-CN as a pack like zh-TW,
 * leaving the message texts of files, notes and fits to the full calculator, and the calculator's
 * shared rules out of the card's chunk. English is the card's only built-in language.
 */
export const EMBED_LIMIT = EMBED_TARGET;

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Relative URLs a built script or page names statically: import … from "./x.js", the worker's
// new URL("engine.worker-….js"), <script src>, <link href>. import("./x.js") is left out: lazy.
function staticReferences(text, kind) {
  const found = [];
  const add = (re) => { for (const m of text.matchAll(re)) found.push(m[1]); };
  if (kind === 'html') {
    add(/<script[^>]*\ssrc="([^"]+)"/g);
    add(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g);
  } else {
    add(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g);
    add(/new Worker\(new URL\(""\+new URL\("([^"]+\.js)"/g);
    add(/new Worker\(new URL\("([^"]+\.js)"/g);
  }
  return found;
}

/** Every file reached from `starts` through static imports, <script>, <link> and the worker. */
function staticClosure(starts) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    const kind = file.endsWith('.html') ? 'html' : file.endsWith('.js') ? 'js' : 'other';
    if (kind === 'other') return;
    for (const ref of staticReferences(fs.readFileSync(file, 'utf8'), kind)) {
      visit(path.resolve(path.dirname(file), ref.split('?')[0]));
    }
  };
  starts.forEach(visit);
  return seen;
}

/** Every file of the first load, from index.html through static imports and the worker. */
function firstLoadFiles(web) {
  const seen = staticClosure([path.join(web, 'index.html')]);
  const assets = path.join(web, 'assets');
  // The calc wasm is fetched by the worker at start; its URL is a string in the worker's script.
  for (const name of fs.readdirSync(assets)) {
    if (/^servimetrics-calc-.*\.wasm$/.test(name)) seen.add(path.join(assets, name));
  }
  return [...seen];
}

/** The embed's entry script or page, when the build has one: build/web/embed/embed*.{js,html}. */
function embedEntry(web) {
  const dir = path.join(web, 'embed');
  if (!fs.existsSync(dir)) return null;
  const names = fs.readdirSync(dir).filter((n) => /^(servimetrics-)?embed([-.][\w-]+)?\.js$/.test(n)).sort();
  return names.length > 0 ? path.join(dir, names[0]) : null;
}

/**
 * What layout="compact" loads: the embed's entry and its static imports when built (else nothing:
 * `entry` is null), and the engine: the worker's script (its static imports), the compute-only
 * module's glue, which the worker imports by name, and its wasm. CSS the entry imports is counted
 * through its <link>/import; Lit's styles live in the script.
 */
function compactFiles(web) {
  const assets = path.join(web, 'assets');
  const entry = embedEntry(web);
  const starts = [];
  if (entry) starts.push(entry);
  // Without an entry, the engine alone: the worker as the page's entry names it.
  const worker = fs.readdirSync(assets).find((n) => /^engine\.worker-.*\.js$/.test(n));
  if (worker) starts.push(path.join(assets, worker));
  const seen = staticClosure(starts);
  for (const name of fs.readdirSync(assets)) {
    if (/^servimetrics-compute-.*\.(js|wasm)$/.test(name)) seen.add(path.join(assets, name));
  }
  return { entry, files: [...seen] };
}

function sizes(file) {
  const bytes = fs.readFileSync(file);
  const copy = (ext, pack) => (fs.existsSync(`${file}.${ext}`) ? fs.statSync(`${file}.${ext}`).size : pack(bytes).length);
  return { file, bytes: bytes.length, gz: copy('gz', gzip), br: copy('br', brotli) };
}

/** The first load and the rest of build/web/assets, with their sizes. */
export function measure(web = path.join(repo, 'build/web')) {
  const first = firstLoadFiles(web).map(sizes);
  const firstSet = new Set(first.map((f) => f.file));
  const assets = path.join(web, 'assets');
  const later = fs.readdirSync(assets)
    .filter((n) => /\.(js|css|wasm)$/.test(n))
    .map((n) => path.join(assets, n))
    .filter((f) => !firstSet.has(f))
    .map(sizes);
  const total = (list, key) => list.reduce((sum, f) => sum + f[key], 0);
  const compact = compactFiles(web);
  const compactSizes = compact.files.map(sizes);
  return {
    first, later,
    compact: {
      entry: compact.entry, files: compactSizes,
      gz: total(compactSizes, 'gz'), br: total(compactSizes, 'br'),
      hasModule: compactSizes.some((f) => /servimetrics-compute-.*\.wasm$/.test(f.file)),
    },
    firstGz: total(first, 'gz'), firstBr: total(first, 'br'),
    laterGz: total(later, 'gz'), laterBr: total(later, 'br'),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function print(result, web) {
  const row = (f) => `  ${kb(f.bytes).padStart(9)} ${kb(f.gz).padStart(9)} ${kb(f.br).padStart(9)}  ${path.relative(web, f.file)}`;
  console.log('                raw      gzip    brotli');
  console.log('first load (before the first KPI):');
  result.first.forEach((f) => console.log(row(f)));
  console.log(`  total ${kb(result.firstGz)} gzipped (limit ${kb(FIRST_LOAD_LIMIT)}), ${kb(result.firstBr)} brotli`);
  console.log('later (a panel reached, a file dropped, or idle; servimetrics-compute: only a compact embed loads it):');
  result.later.forEach((f) => console.log(row(f)));
  console.log(`  total ${kb(result.laterGz)} gzipped, ${kb(result.laterBr)} brotli`);
  const { compact } = result;
  console.log(compact.entry
    ? `embed, layout="compact" (entry ${path.relative(web, compact.entry)}):`
    : 'embed, layout="compact": no embed entry in the build yet (build/web/embed/embed*.js); its engine alone:');
  compact.files.forEach((f) => console.log(row(f)));
  console.log(`  total ${kb(compact.gz)} gzipped (target ${kb(EMBED_TARGET)}${compact.gz > EMBED_TARGET ? ', not met' : ''}; limit ${kb(EMBED_LIMIT)}), ${kb(compact.br)} brotli` +
    (compact.entry ? '' : `; ${kb(Math.max(0, EMBED_TARGET - compact.gz))} left for the entry's JS and CSS`));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const web = path.join(repo, 'build/web');
  if (!fs.existsSync(path.join(web, 'index.html'))) {
    console.error('check-size: build/web/index.html is missing: run ./scripts/build page first');
    process.exit(1);
  }
  const result = measure(web);
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else print(result, web);
  if (!result.first.some((f) => f.file.endsWith('.wasm'))) {
    console.error('check-size: no servimetrics-calc wasm in build/web/assets');
    process.exit(1);
  }
  if (!result.compact.hasModule) {
    console.error('check-size: no servimetrics-compute wasm in build/web/assets');
    process.exit(1);
  }
  if (result.compact.gz > EMBED_LIMIT) {
    console.error(`check-size: the compact embed's first load is ${kb(result.compact.gz)} gzipped, over ${kb(EMBED_LIMIT)}`);
    process.exit(1);
  }
  if (result.firstGz > FIRST_LOAD_LIMIT) {
    console.error(`check-size: the first load is ${kb(result.firstGz)} gzipped, over ${kb(FIRST_LOAD_LIMIT)}`);
    process.exit(1);
  }
  console.log('size: ok');
}
