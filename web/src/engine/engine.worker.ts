/// <reference lib="webworker" />
// Owns the WebAssembly instance of the C++ core. Messages in: catalog / compute / analyze, each with
// an id; messages out: the JSON text of the answer for that id, parsed by the page. Computes posted on the same lane replace
// older ones still waiting in the queue, so a burst of keystrokes costs one computation.
import createServimetrics, { type ServimetricsModule } from '@wasm/servimetrics.js';
import wasmUrl from '@wasm/servimetrics.wasm?url';
import type { WorkerReply, WorkerRequest } from './types';

declare const self: DedicatedWorkerGlobalScope;

function reply(message: WorkerReply): void {
  self.postMessage(message);
}

async function instantiate(): Promise<ServimetricsModule> {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`cannot load ${wasmUrl}: HTTP ${response.status}`);
  const wasmBinary = await response.arrayBuffer();
  return createServimetrics({
    wasmBinary,
    // The binary is handed over above, so the module never has to find the file itself.
    locateFile: (path) => (path.endsWith('.wasm') ? wasmUrl : path),
    print: (text) => console.log('[servimetrics]', text),
    printErr: (text) => console.warn('[servimetrics]', text),
  });
}

const ready = instantiate();
ready.then(
  () => reply({ type: 'ready' }),
  (error: unknown) => reply({ type: 'fatal', message: String(error instanceof Error ? error.message : error) }),
);

let queue: WorkerRequest[] = [];
let draining = false;

function run(module: ServimetricsModule, request: WorkerRequest): string {
  switch (request.type) {
    case 'catalog':
      return module.catalog();
    case 'compute':
      return module.compute(request.requestText);
    case 'analyze':
      return module.analyze(request.kind, request.text);
  }
}

async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    const module = await ready;
    // No timer here: a setTimeout(0) costs a millisecond or more per answer, and the page
    // already drops answers that a newer request superseded.
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      const lastOfLane = new Map<string, number>();
      for (const request of batch) {
        if (request.type === 'compute' && request.lane) lastOfLane.set(request.lane, request.id);
      }
      for (const request of batch) {
        if (request.type === 'compute' && request.lane && lastOfLane.get(request.lane) !== request.id) {
          reply({ id: request.id, ok: false, superseded: true, message: 'superseded by a newer request' });
          continue;
        }
        try {
          reply({ id: request.id, ok: true, resultText: run(module, request) });
        } catch (error) {
          reply({ id: request.id, ok: false, message: String(error instanceof Error ? error.message : error) });
        }
      }
    }
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error);
    for (const request of queue) reply({ id: request.id, ok: false, message });
    queue = [];
  } finally {
    draining = false;
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  queue.push(event.data);
  void drain();
});
