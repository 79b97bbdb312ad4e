// Serves build/web (or another built page: `root`) on an ephemeral localhost port for the browser
// tests and benchmarks, and records every request so tests can check where the page fetched from.
// A file with a .br or .gz copy beside it is sent compressed when the request accepts it, as the
// preview server does (scripts/precompressed.mjs).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendStatic } from '../../scripts/precompressed.mjs';

const builtPage = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/web');

/**
 * `cors`: send Access-Control-Allow-Origin: * (and answer preflights), as a host serving the embed to
 * other sites must (docs/EMBED.md). `headers`: more headers for every answer (a page's policy).
 * `pages`: path → HTML text served instead of a file (a test's host page).
 */
export async function startStaticServer({ root = builtPage, cors = false, headers = {}, pages = {} } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (cors && req.method === 'OPTIONS') { res.writeHead(204).end(); return; }
    const page = pages[new URL(req.url, 'http://localhost').pathname];
    if (page !== undefined) { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page); return; }
    const url = new URL(req.url, 'http://localhost');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) { res.writeHead(404).end('not found'); return; }
    try {
      sendStatic(req, res, file);
    } catch {
      res.writeHead(500).end('cannot read');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
