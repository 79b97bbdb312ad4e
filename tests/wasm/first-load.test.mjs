// The page's first load as built (build/web, after ./scripts/build page): within its 300 KB gzipped
// (scripts/check-size.mjs), the files module outside it, and every asset sent pre-compressed with its
// own Content-Type by both servers — the tests' static server and `vite preview` (the README's
// ./scripts/serve) — when the request accepts it, and plain when it does not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { root } from './module.mjs';
import { EMBED_LIMIT, FIRST_LOAD_LIMIT, measure } from '../../scripts/check-size.mjs';
import { acceptedEncodings } from '../../scripts/precompressed.mjs';
import { startStaticServer } from '../support/static-server.mjs';

const web = path.join(root, 'build/web');
const assets = path.join(web, 'assets');
const asset = (pattern) => fs.readdirSync(assets).find((n) => pattern.test(n));
const calcWasm = asset(/^servimetrics-calc-.*\.wasm$/);
const filesWasm = asset(/^servimetrics-files-.*\.wasm$/);

// One GET with this Accept-Encoding, the body as sent (not decoded).
function get(base, pathname, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    http.get(new URL(pathname, base), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the build is there, with both modules', () => {
  assert.ok(calcWasm, 'build/web/assets holds servimetrics-calc-*.wasm (run ./scripts/build page)');
  assert.ok(filesWasm, 'build/web/assets holds servimetrics-files-*.wasm');
});

test('the first load is within 300 KB gzipped and holds the calc module, not the files module', () => {
  const result = measure(web);
  const names = result.first.map((f) => path.basename(f.file));
  assert.ok(names.includes(calcWasm), names.join(', '));
  assert.ok(names.some((n) => /^engine\.worker-.*\.js$/.test(n)), `the worker's script is counted: ${names.join(', ')}`);
  assert.ok(names.some((n) => /^main-.*\.js$/.test(n)), `the page's entry is counted: ${names.join(', ')}`);
  assert.ok(!names.some((n) => n.startsWith('servimetrics-files')), `the files module is not in the first load: ${names.join(', ')}`);
  assert.ok(result.later.some((f) => path.basename(f.file) === filesWasm), 'the files module is listed as loaded later');
  assert.ok(result.firstGz <= FIRST_LOAD_LIMIT, `first load ${result.firstGz} B gzipped, limit ${FIRST_LOAD_LIMIT} B`);
});

// Issue 16: within 150 KB gzipped (EMBED_LIMIT is the target, EMBED_TARGET).
test('a compact embed loads the compute-only module and no more than EMBED_LIMIT gzipped', () => {
  const { compact, first } = measure(web);
  const names = compact.files.map((f) => path.basename(f.file));
  assert.ok(names.some((n) => /^servimetrics-compute-.*\.wasm$/.test(n)), names.join(', '));
  assert.ok(names.some((n) => /^servimetrics-compute-.*\.js$/.test(n)), `the compute module's glue: ${names.join(', ')}`);
  assert.ok(names.some((n) => /^engine\.worker-.*\.js$/.test(n)), `the worker's script: ${names.join(', ')}`);
  assert.ok(!names.some((n) => /^servimetrics-(calc|files)-/.test(n)), `neither the calc nor the files module: ${names.join(', ')}`);
  assert.ok(!first.some((f) => /servimetrics-compute-/.test(f.file)), 'the full page does not load the compute module');
  assert.ok(compact.gz <= EMBED_LIMIT, `compact embed ${compact.gz} B gzipped, limit ${EMBED_LIMIT} B`);
});

// The card speaks English from its first load; Chinese comes in the language's pack (language-packs.ts),
// and the message texts of files, notes and fits with the full calculator (all-messages.ts).
test('a compact embed loads English only: the Chinese packs and the file messages come later', async () => {
  const { compact } = measure(web);
  const names = compact.files.map((f) => path.basename(f.file));
  assert.ok(!names.some((n) => /^zh-(CN|TW)-pack-/.test(n)), names.join(', '));
  assert.ok(fs.readdirSync(assets).some((n) => /^zh-CN-pack-.*\.js$/.test(n)), 'the zh-CN pack is built');
  const text = compact.files.filter((f) => f.file.endsWith('.js')).map((f) => fs.readFileSync(f.file, 'utf8')).join('\n');
  const { en } = await import('../../web/src/i18n/en.ts');
  const { zhCN } = await import('../../web/src/i18n/zh-CN.ts');
  const { importMessages } = await import('../../web/src/i18n/messages/import.ts');
  assert.ok(text.includes(en.engineStarting), 'English is in the first load');
  assert.ok(!text.includes(zhCN.appTagline), 'zh-CN UI texts are not');
  assert.ok(!text.includes(zhCN.engineStarting), 'zh-CN UI texts are not');
  assert.ok(!text.includes(importMessages.cell_empty.en), 'the import messages are not');
});

test('the panels below the first screen are not in the first load of the page', () => {
  const names = measure(web).first.map((f) => path.basename(f.file));
  assert.ok(!names.some((n) => n.startsWith('lazy-panels')), names.join(', '));
  assert.ok(fs.readdirSync(assets).some((n) => /^lazy-panels-.*\.js$/.test(n)), 'the lazy-panels chunk is built');
});

test('Accept-Encoding is read with its q-values', () => {
  assert.deepEqual(acceptedEncodings('gzip, deflate, br, zstd'), ['br', 'gzip']);
  assert.deepEqual(acceptedEncodings('gzip;q=1.0, br;q=0'), ['gzip']);
  assert.deepEqual(acceptedEncodings('identity'), []);
  assert.deepEqual(acceptedEncodings(undefined), []);
  assert.deepEqual(acceptedEncodings('*'), ['br', 'gzip']);
});

// The same checks against a running server at `base`.
async function checkServer(base) {
  const original = fs.readFileSync(path.join(assets, calcWasm));
  const wasmPath = `assets/${calcWasm}`;

  const br = await get(base, wasmPath, 'gzip, deflate, br');
  assert.equal(br.status, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.match(br.headers['vary'] ?? '', /Accept-Encoding/i);
  assert.ok(br.body.length < original.length * 0.5, `${br.body.length} B sent for ${original.length} B`);
  assert.ok(zlib.brotliDecompressSync(br.body).equals(original), 'the brotli body is the wasm');

  const gz = await get(base, wasmPath, 'gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gz.headers['content-type'], 'application/wasm');
  assert.ok(zlib.gunzipSync(gz.body).equals(original), 'the gzip body is the wasm');

  const plain = await get(base, wasmPath, 'identity');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers['content-type'], 'application/wasm');
  assert.ok(plain.body.equals(original));

  const script = asset(/^main-.*\.js$/);
  const js = await get(base, `assets/${script}`, 'br');
  assert.equal(js.headers['content-encoding'], 'br');
  assert.match(js.headers['content-type'], /^text\/javascript/);
  assert.ok(zlib.brotliDecompressSync(js.body).equals(fs.readFileSync(path.join(assets, script))));
  return { br, gz };
}

test('the static server of the tests sends the .br or .gz copy with the right type', async () => {
  const server = await startStaticServer();
  try {
    await checkServer(server.url);
    assert.equal((await get(server.url, 'assets/nothing-here.wasm', 'br')).status, 404);
  } finally {
    await server.close();
  }
});

let preview;
before(async () => {
  const { preview: startPreview } = await import('vite');
  preview = await startPreview({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'silent',
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
  });
});
after(async () => {
  await preview?.close();
});

test('vite preview (./scripts/serve) sends the .br or .gz copy with the right type and its security headers', async () => {
  const base = preview.resolvedUrls.local[0];
  const { br } = await checkServer(base);
  assert.match(br.headers['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
  const page = await get(base, '', 'br');
  assert.equal(page.headers['content-encoding'], 'br');
  assert.match(page.headers['content-type'], /^text\/html/);
  assert.match(zlib.brotliDecompressSync(page.body).toString(), /<servimetrics-calculator>/);
});
