// Writes build/single/servimetrics.html from the built page (build/web): one file with everything in it
// (script, styles, the engine's worker, both wasm modules, the language pack, the samples and the
// templates), for consultants whose locked-down laptops open a file but install nothing. It opens from
// file:// (no server), where nothing beside it can be fetched: web/src/offline/single-file-boot.js
// hands the page its files as blob: and data: URLs. Run by scripts/build after the page build.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypes } from './precompressed.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The page built alone with its chunks in one script (SERVIMETRICS_SINGLE=1 vite build, vite.config.ts).
const web = path.join(repo, 'build/single-web');
const out = path.join(repo, 'build/single/servimetrics.html');
const read = (file) => fs.readFileSync(path.join(web, file));
const typeOf = (file) => contentTypes[path.extname(file)] ?? 'application/octet-stream';
const encoded = (file) => ({ type: typeOf(file).replace(/;.*/, ''), data: read(file).toString('base64') });

// `new URL("name", import.meta.url)` and `import("./name")` of a file of assets/, as Vite writes them.
const URL_OF = /new URL\("([^"/]+)",import\.meta\.url\)/g;
const IMPORT_OF = /import\("\.\/([^"/]+)"\)/g;

/** The code with each reference to a file of assets/ read from self.__servimetricsAssets; the names. */
function rewrite(code, where) {
  const names = new Set();
  const mapped = (name) => {
    if (!fs.existsSync(path.join(web, 'assets', name))) throw new Error(`${where}: ${name} is not in build/web/assets`);
    names.add(name);
    return `self.__servimetricsAssets[${JSON.stringify(name)}]`;
  };
  const text = code
    .replace(URL_OF, (_, name) => `new URL(${mapped(name)})`)
    .replace(IMPORT_OF, (_, name) => `import(${mapped(name)})`);
  return { text, names: [...names] };
}

/** An inline <script> or <style> must not hold what would end it early. */
function inlineSafe(text, what) {
  if (/<\/?script|<\/style/i.test(text)) throw new Error(`${what} holds a <script> or </style> tag and cannot be inlined`);
  return text;
}

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

function build() {
  const html = read('index.html').toString();
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+)"><\/script>/.exec(html)?.[1];
  if (!entry) throw new Error('build/web/index.html has no module script of assets/: run the page build first');
  const page = rewrite(read(`assets/${entry}`).toString(), entry);
  const workerName = page.names.find((name) => /worker.*\.js$/.test(name));
  if (!workerName) throw new Error(`${entry} starts no worker of assets/`);
  const worker = rewrite(read(`assets/${workerName}`).toString(), workerName);
  // The files a worker's chunk names (the files glue) are read the same way inside the worker.
  const chunks = worker.names.filter((name) => name.endsWith('.js'));
  const chunkTexts = Object.fromEntries(chunks.map((name) => [name, rewrite(read(`assets/${name}`).toString(), name)]));
  // A chunk that imports another file statically (e.g. code it shares with the worker's entry) cannot
  // be resolved from the worker's data: URL: say so here rather than fail in the page.
  for (const [name, { text }] of Object.entries(chunkTexts)) {
    const imported = /(?:from|import)\s*"\.\/([^"]+)"/.exec(text);
    if (imported) throw new Error(`${name}, loaded by the worker, imports ./${imported[1]} statically: the single file cannot resolve it`);
  }
  const assets = {};
  for (const name of [...page.names, ...worker.names]) {
    if (name === workerName) continue;
    // The compute-only module serves embedded KPI cards, never this page: an empty stand-in keeps the
    // worker (a data: URL, which Chromium caps at 2 MB) small enough.
    if (/^servimetrics-compute-/.test(name)) {
      assets[name] = { type: typeOf(name).replace(/;.*/, ''), data: '' };
      continue;
    }
    const text = chunkTexts[name]?.text;
    assets[name] = text !== undefined ? { type: 'text/javascript', data: Buffer.from(text).toString('base64') } : encoded(`assets/${name}`);
  }
  const files = {};
  for (const dir of ['samples', 'templates']) {
    for (const name of fs.readdirSync(path.join(web, dir)).filter((n) => !/\.(gz|br)$/.test(n))) {
      files[`${dir}/${name}`] = encoded(`${dir}/${name}`);
    }
  }
  const single = { assets, worker: { name: workerName, code: worker.text, assets: worker.names }, files };
  const workerBytes = worker.names.reduce((n, name) => n + (assets[name]?.data.length ?? 0), worker.text.length);
  if (workerBytes > 1.9 * 1024 * 1024) throw new Error(`the single file's worker would be ${workerBytes} bytes: over Chromium's 2 MB data: URL limit`);
  const bootTemplate = fs.readFileSync(path.join(repo, 'web/src/offline/single-file-boot.js'), 'utf8');
  const boot = inlineSafe(bootTemplate.replace('const single = __SERVIMETRICS_SINGLE__;', () => `const single = ${JSON.stringify(single)};`), 'the boot script');
  const main = inlineSafe(page.text, entry);
  const style = inlineSafe(read('page.css').toString(), 'page.css');
  const favicon = `data:image/svg+xml;base64,${read('favicon.svg').toString('base64')}`;
  // The page's policy, for a file: its scripts by hash (no server to send them as files), the
  // worker, wasm, language pack and samples as blob: and data: URLs; still no eval and no network.
  const policy = [
    "default-src 'none'",
    `script-src ${sha256(boot)} ${sha256(main)} 'wasm-unsafe-eval' blob: data:`,
    `style-src ${sha256(style)}`,
    'img-src data: blob:',
    'connect-src data: blob:',
    'worker-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const head = html
    .replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, (_, a, b) => `${a}${policy}${b}`)
    .replace(/\s*<link rel="(manifest|apple-touch-icon)"[^>]*>/g, '')
    .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" type="image/svg+xml" href="${favicon}" />`)
    .replace(/<link rel="stylesheet" href="[^"]*page\.css"\s*\/?>/, () => `<style>${style}</style>`)
    .replace(/<script type="module"[^>]*><\/script>/, () => `<script>${boot}</script>\n    <script type="module">${main}</script>`);
  if (!head.includes(policy) || head.includes('page.css') || head.includes('./assets/')) {
    throw new Error('build/web/index.html has changed shape: the single file could not be made from it');
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, head);
  return { file: out, bytes: Buffer.byteLength(head) };
}

const { file, bytes } = build();
console.log(`${path.relative(repo, file)}  ${(bytes / 1024).toFixed(0)} kB`);
