// The worker's warm-up schedule (web/src/engine/warm-up.ts): idle steps before any file, none once
// a file came, whether before or after a step ran (the file's own rows warm the import path).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { WarmUp } from '../../web/src/engine/warm-up.ts';
import { assertEventually } from '../support/eventually.mjs';

// A files module that records the warm-up calls it gets (rows asked) and answers the rows used.
function recordingModule() {
  const calls = [];
  return { calls, module: { warmUp: (rows) => { calls.push(rows); return rows - 1; } } };
}

test('an idle worker runs the five warm-up steps and reports their rows', async () => {
  const { calls, module } = recordingModule();
  let finished = null;
  const warmUp = new WarmUp(() => false, (rows, ms) => { finished = { rows, ms }; });
  warmUp.start(module);
  await assertEventually(() => assert.ok(finished));
  assert.deepEqual(calls, [4000, 4000, 4000, 4000, 4000]);
  assert.equal(finished.rows, 5 * 3999);
  assert.ok(finished.ms >= 0);
});

test('a file dropped after a step ran stops the warm-up without another step', async () => {
  let importing = false;
  let warmUp = null;
  const calls = [];
  // The drop comes right after the first step, before the step after it is due.
  const module = { warmUp: (rows) => {
    calls.push(rows);
    if (calls.length === 1) setTimeout(() => { importing = true; warmUp.stop(); }, 0);
    return rows;
  } };
  warmUp = new WarmUp(() => importing, () => assert.fail('the idle warm-up must not finish'));
  warmUp.start(module);
  await assertEventually(() => assert.ok(importing));
  await sleep(500);
  assert.deepEqual(calls, [4000]);
});

test('a file dropped before the module was in gets no step', async () => {
  const { calls, module } = recordingModule();
  const warmUp = new WarmUp(() => true, () => assert.fail('the idle warm-up must not finish'));
  warmUp.stop();  // the drop: the import is running from here on
  warmUp.start(module);
  await sleep(500);
  assert.deepEqual(calls, []);
});

test('a file dropped while the module waits for its first idle step gets no step', async () => {
  const { calls, module } = recordingModule();
  const warmUp = new WarmUp(() => true, () => assert.fail('the idle warm-up must not finish'));
  warmUp.start(module);
  warmUp.stop();
  await sleep(500);
  assert.deepEqual(calls, []);
});
