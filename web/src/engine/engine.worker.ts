/// <reference lib="webworker" />
// Owns the WebAssembly instance of the C++ core. Messages in: catalog / kinds / compute / combine /
// import / rejects / tableWindow / fitModels, each with an id (protocol.ts); messages out: the JSON text of the answer for that
// id, with the request's type (and an import's kind), parsed once by the page. Computes posted on the same lane replace older ones still waiting in the queue, so a burst
// of keystrokes costs one computation. A file import runs beside the queue: it awaits each chunk of
// the file, so computes are answered between chunks, and a cancel message stops it. While idle
// after its start, the worker warms the import path up (warm-up.ts).
import createServimetrics, { type ServimetricsModule } from '@wasm/servimetrics.js';
import wasmUrl from '@wasm/servimetrics.wasm?url';
import { CancelledImport, ImportRunner } from './import-runner';
import type { WorkerReply, WorkerRequest, WorkerSignal } from './protocol';
import { WarmUp } from './warm-up';

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

const imports = new ImportRunner(reply);
// Text crosses into the module as bytes both ways: the browser's coders are native, where Embind's
// string conversion walks every character in JavaScript.
const encoder = new TextEncoder();
const decoder = new TextDecoder();
type QueuedRequest = Exclude<WorkerRequest, { type: 'import' }>;
let queue: QueuedRequest[] = [];
let draining = false;
// While nothing else waits, the import path is warmed up for the first file (warm-up.ts).
const warmUp = new WarmUp(
  () => draining || queue.length > 0 || imports.running,
  (rows, ms) => reply({ type: 'warmed', rows, ms }),
);

ready.then(
  (module) => {
    reply({ type: 'ready' });
    warmUp.start(module);
  },
  (error: unknown) => reply({ type: 'fatal', message: String(error instanceof Error ? error.message : error) }),
);

function run(module: ServimetricsModule, request: QueuedRequest): string {
  switch (request.type) {
    case 'catalog':
      return module.catalog();
    case 'kinds':
      return module.kinds();
    case 'rejects':
      return imports.rejectsJson(request.kind);
    case 'tableWindow':
      return imports.tableWindow(request.kind, request.importId, request.table, request.locale, request.window);
    case 'fitModels':
      return imports.fitModels(request.kind, request.importId, request.optionsText);
    case 'compute':
      return decoder.decode(module.computeBytes(encoder.encode(request.requestText)));
    case 'combine':
      return module.combine(request.requestText);
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
          reply({ id: request.id, ok: true, type: request.type, resultText: run(module, request) });
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

async function runImport(request: Extract<WorkerRequest, { type: 'import' }>): Promise<void> {
  warmUp.stop();
  try {
    const module = await ready;
    const { kind, text } = await imports.run(module, request.id, request.file, request.requestText);
    reply({ id: request.id, ok: true, type: 'import', kind, resultText: text });
  } catch (error) {
    if (error instanceof CancelledImport) reply({ id: request.id, ok: false, cancelled: true, message: error.message });
    else reply({ id: request.id, ok: false, message: String(error instanceof Error ? error.message : error) });
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest | WorkerSignal>) => {
  const message = event.data;
  if (message.type === 'cancel') imports.cancel(message.importId);
  else if (message.type === 'forget') imports.forget(message.keep ?? []);
  else if (message.type === 'import') void runImport(message);
  else {
    queue.push(message);
    void drain();
  }
});
