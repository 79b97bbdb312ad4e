// The wasm import of Online Retail answers what the native CLI answers (tests/golden/online-retail.json,
// checked against the CLI by tests/core/golden_answers_test.cpp), fed in the page's chunks and in odd
// ones: the module's own readers (a SIMD scan where the CLI's differs) must not change a byte.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { loadOne, root } from './module.mjs';

const file = path.resolve(root, '../shared/data/online-retail/online_retail.csv');
const missing = !fs.existsSync(file) && 'no ../shared/data/online-retail';

function answerOf(m, bytes, chunk) {
  const session = new m.FileImport(JSON.stringify({ kind: 'transactions', size: bytes.length }));
  try {
    for (let at = 0; at < bytes.length; at += chunk) if (!session.feed(bytes.subarray(at, at + chunk))) break;
    return JSON.parse(session.finish());
  } finally {
    session.delete();
  }
}

test('Online Retail: the same answer as the CLI, whatever the chunks', { skip: missing }, async () => {
  const m = await loadOne('servimetrics-files');
  const bytes = fs.readFileSync(file);
  const golden = JSON.parse(fs.readFileSync(path.join(root, 'tests/golden/online-retail.json'), 'utf8'));
  assert.ok(golden.import.rows_used > 400000, 'the golden answer is a whole import');
  assert.deepEqual(answerOf(m, bytes, 1 << 20), golden);
  assert.deepEqual(answerOf(m, bytes, 65537), golden);
});
