// The built wasm module for the node tests, and a file's import through its FileImport the way the
// page's worker does it (the module has no one-call analyze).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function loadModule() {
  const { default: create } = await import(path.join(root, 'build', 'wasm', 'servimetrics.js'));
  return create({ wasmBinary: fs.readFileSync(path.join(root, 'build', 'wasm', 'servimetrics.wasm')) });
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
