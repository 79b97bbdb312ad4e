// Pre-compressed assets: the build writes a `.gz` and a `.br` beside each text or wasm file of the
// page (writePrecompressed), and the servers (vite preview, tests/support/static-server.mjs) send the
// one the request accepts, with the original's Content-Type (sendStatic). Compressing once at build
// time lets brotli run at its best level, which no server can afford per request.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Content-Type by extension, for every file the page ships. */
export const contentTypes = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
  '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

// Files that shrink: text and wasm (png, xlsx and the like are compressed already).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.csv', '.webmanifest', '.txt']);
// Below this a compressed copy saves less than its headers cost.
const MIN_BYTES = 1024;

export const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 });
export const brotli = (bytes) =>
  zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Writes FILE.gz and FILE.br beside every compressible file under `dir` (a copy only when it is
 * smaller than the file); answers [{file, bytes, gz, br}] with the sizes (gz/br 0 when not written).
 */
export function writePrecompressed(dir) {
  const written = [];
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(path.extname(file))) continue;
    const bytes = fs.readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    const sizes = { file, bytes: bytes.length, gz: 0, br: 0 };
    for (const [encoding, compress] of [['gz', gzip], ['br', brotli]]) {
      const packed = compress(bytes);
      if (packed.length >= bytes.length) continue;
      fs.writeFileSync(`${file}.${encoding}`, packed);
      sizes[encoding] = packed.length;
    }
    written.push(sizes);
  }
  return written;
}

/** The encodings an Accept-Encoding header allows (q > 0), brotli first: ['br', 'gzip'], [] … */
export function acceptedEncodings(header) {
  const allowed = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    allowed.set(name, q === undefined ? 1 : Number(q.slice(2)));
  }
  const ok = (name) => (allowed.get(name) ?? allowed.get('*') ?? 0) > 0;
  return ['br', 'gzip'].filter(ok);
}

/**
 * Sends `file` (which exists), or its .br / .gz copy when the request accepts one, with the
 * original's Content-Type and `Vary: Accept-Encoding` whenever a copy exists. `headers` are added.
 */
export function sendStatic(req, res, file, headers = {}) {
  const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
  const copies = [['br', `${file}.br`], ['gzip', `${file}.gz`]].filter(([, copy]) => fs.existsSync(copy));
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  const chosen = accepted.map((encoding) => copies.find(([e]) => e === encoding)).find(Boolean);
  const body = fs.readFileSync(chosen ? chosen[1] : file);
  res.writeHead(200, {
    ...headers,
    'content-type': type,
    'content-length': body.length,
    ...(copies.length > 0 ? { vary: 'Accept-Encoding' } : {}),
    ...(chosen ? { 'content-encoding': chosen[0] } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * A connect middleware for `vite preview`: a file of `outDir` with a .br or .gz copy is sent by
 * sendStatic (with `headers`); everything else goes on to Vite's own static serving.
 */
export function previewMiddleware(outDir, headers) {
  const root = path.resolve(outDir);
  return (req, res, next) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    const hasCopy = fs.existsSync(`${file}.br`) || fs.existsSync(`${file}.gz`);
    if (!file.startsWith(root) || !hasCopy || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) next();
    else sendStatic(req, res, file, headers);
  };
}
