// The two built wasm modules for the node tests (servimetrics-calc: catalog, compute, whatif;
// servimetrics-files: imports, kinds, combine, warm-up), and a file's import through FileImport the
// way the page's worker does it (the module has no one-call analyze).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** build/wasm/<name>.{js,wasm}, for a test that checks the files themselves. */
export const wasmFiles = (name) => ({
  js: path.join(root, 'build', 'wasm', `${name}.js`),
  wasm: path.join(root, 'build', 'wasm', `${name}.wasm`),
});

/** One module, `servimetrics-calc` or `servimetrics-files`, started as the worker starts it (wasmBinary). */
export async function loadOne(name) {
  const { js, wasm } = wasmFiles(name);
  const { default: create } = await import(js);
  return create({ wasmBinary: fs.readFileSync(wasm) });
}

/** Both modules, each on its own: { calc, files }. */
export async function loadModules() {
  const [calc, files] = await Promise.all([loadOne('servimetrics-calc'), loadOne('servimetrics-files')]);
  return { calc, files };
}

// The calc module's calls; every other name is the files module's.
const CALC_CALLS = new Set(['catalog', 'compute', 'computeBytes', 'whatif']);

/**
 * Both modules behind one object, for tests written against the single module the page once had:
 * m.compute(…) goes to the calc module, m.FileImport to the files module.
 */
export async function loadModule() {
  const { calc, files } = await loadModules();
  return new Proxy({}, {
    get: (_, name) => (CALC_CALLS.has(name) ? calc : files)[name],
    has: (_, name) => name in (CALC_CALLS.has(name) ? calc : files),
  });
}

/**
 * Imports `content` (text or bytes) as `kind` (or a whole request object) in 64 KB chunks; answers
 * the parsed answer, the kind the session read, and every reject (rejectsJson), then frees it.
 */
export function importFile(m, kindOrRequest, content) {
  const request = typeof kindOrRequest === 'string' ? { kind: kindOrRequest } : kindOrRequest;
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const session = new m.FileImport(JSON.stringify(request));
  try {
    for (let at = 0; at < bytes.length; at += 65536) if (!session.feed(bytes.subarray(at, at + 65536))) break;
    const answer = JSON.parse(session.finish());
    return { answer, kind: session.kind(), rejects: JSON.parse(session.rejectsJson()) };
  } finally {
    session.delete();
  }
}

/** The answer alone, as the old one-call analyze(kind, text) gave it. */
export const analyze = (m, kind, text) => importFile(m, kind, text).answer;
