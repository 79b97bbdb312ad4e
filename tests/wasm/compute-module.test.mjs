// The compute-only module (servimetrics-compute, built -Oz for a compact embed) answers exactly as the
// calc module does: the same catalog, and byte for byte the same compute answers on the sample
// company, a bad request, and variants of the sample with values scaled, zeroed, negated or left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadOne, root, wasmFiles } from './module.mjs';

const sampleText = fs.readFileSync(path.join(root, 'public/samples/sample-company.json'), 'utf8');

/** Requests built from the sample with a fixed-seed generator, so every run asks the same. */
function variants(count) {
  const sample = JSON.parse(sampleText);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = [];
  for (let i = 0; i < count; i++) {
    const request = structuredClone(sample);
    for (const [key, value] of Object.entries(request.inputs)) {
      if (typeof value === 'number') {
        const r = random();
        request.inputs[key] = r < 0.05 ? -value : r < 0.1 ? 0 : value * (0.2 + 2 * random());
      } else if (random() < 0.2) delete request.inputs[key];
    }
    out.push(JSON.stringify(request));
  }
  return out;
}

test('the compute module is built, smaller than the calc module, and has no what-if', async () => {
  const compute = wasmFiles('servimetrics-compute');
  assert.ok(fs.existsSync(compute.wasm), 'build/wasm/servimetrics-compute.wasm (run ./scripts/build page)');
  const calcBytes = fs.statSync(wasmFiles('servimetrics-calc').wasm).size;
  assert.ok(fs.statSync(compute.wasm).size < calcBytes, 'smaller than the calc module');
  const module = await loadOne('servimetrics-compute');
  assert.equal(typeof module.compute, 'function');
  assert.equal(typeof module.computeBytes, 'function');
  assert.equal(module.whatif, undefined);
});

test('the compute module answers byte for byte as the calc module', async () => {
  const [calc, compute] = await Promise.all([loadOne('servimetrics-calc'), loadOne('servimetrics-compute')]);
  assert.equal(compute.catalog(), calc.catalog());
  const requests = [sampleText, fs.readFileSync(path.join(root, 'tests/golden/requests/bad.json'), 'utf8'), '{}', 'not json', ...variants(200)];
  let kpis = 0;
  for (const request of requests) {
    const expected = calc.compute(request);
    assert.equal(compute.compute(request), expected, request.slice(0, 200));
    kpis += JSON.parse(expected).kpis?.length ?? 0;
  }
  assert.ok(kpis > 1000, `the variants compute KPIs (${kpis})`);
  const bytes = new TextEncoder().encode(sampleText);
  assert.equal(new TextDecoder().decode(compute.computeBytes(bytes)), calc.compute(sampleText));
});
