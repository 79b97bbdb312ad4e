// The engine worker started as a compact embed starts it (name "servimetrics-compute"): it loads the
// compute-only wasm and neither the calc nor the files module, answers the catalog and a compute
// exactly as the page's worker (calc module) does, and answers a what-if with an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2eFixture } from '../support/e2e-fixture.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fx = e2eFixture('compute-worker');
const workerScript = fs.readdirSync(path.join(repo, 'build/web/assets')).find((n) => /^engine\.worker-.*\.js$/.test(n));
const sample = fs.readFileSync(path.join(repo, 'public/samples/sample-company.json'), 'utf8');

// In the page: a worker of that name; the catalog, the sample's compute and a what-if, in order.
async function ask(page, name) {
  return page.evaluate(async ({ url, name, sample }) => {
    const worker = new Worker(url, { type: 'module', name });
    const answers = new Map();
    const waiting = new Map();
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.id === undefined) return;
      answers.set(m.id, m);
      waiting.get(m.id)?.();
    };
    const send = (message) => new Promise((resolve) => {
      waiting.set(message.id, () => resolve(answers.get(message.id)));
      worker.postMessage(message);
    });
    const catalog = await send({ id: 1, type: 'catalog' });
    const compute = await send({ id: 2, type: 'compute', requestText: sample });
    const whatif = await send({ id: 3, type: 'whatif', requestText: '{}' });
    // Longer than the worker waits before loading the files module when idle (3 s).
    await new Promise((r) => setTimeout(r, 3500));
    worker.terminate();
    return { catalog, compute, whatif };
  }, { url: `/assets/${workerScript}`, name, sample });
}

test('a worker named servimetrics-compute loads only the compute module and answers as the calc module', async () => {
  assert.ok(workerScript, 'build/web/assets holds the engine worker (run ./scripts/build page)');
  const context = await fx.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${fx.server.url}favicon.svg`); // an empty document of the same origin
  const from = fx.server.requests.length;
  const compact = await ask(page, 'servimetrics-compute');
  const fetched = fx.server.requests.slice(from);
  assert.ok(fetched.some((u) => /servimetrics-compute-.*\.wasm/.test(u)), fetched.join(', '));
  assert.ok(!fetched.some((u) => /servimetrics-(calc|files)-/.test(u)), `only the compute module: ${fetched.join(', ')}`);
  assert.equal(compact.whatif.ok, false);
  assert.match(compact.whatif.message, /compute-only/);

  const full = await ask(page, 'servimetrics-engine');
  assert.equal(compact.catalog.ok, true);
  assert.equal(compact.catalog.resultText, full.catalog.resultText);
  assert.equal(compact.compute.ok, true);
  assert.equal(compact.compute.resultText, full.compute.resultText);
  assert.ok(JSON.parse(compact.compute.resultText).kpis.length > 20);
  await context.close();
});
