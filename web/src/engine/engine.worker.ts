/// <reference lib="webworker" />
// Owns the WebAssembly instances of the C++ core: the calc module (catalog, compute, what-if), started
// at once, and the files module (imports, kinds, combine, models), started when a request needs it or
// the worker is idle after the first answers (files-loader.ts). Messages in: catalog / kinds / compute /
// combine / whatif / import / rejects / tableWindow / fitModels / tableCsv, each with an id (protocol.ts); messages out: the JSON text
// of the answer for that id, with the request's type (and an import's kind), parsed once by the page.
// Computes posted on the same lane replace older ones still waiting in the queue, so a burst of
// keystrokes costs one computation. A file import runs beside the queue: it awaits each chunk of the
// file, so computes are answered between chunks, and a cancel message stops it. Once the files module
// is in, the worker warms the import path up while idle (warm-up.ts).
import type { CalcModule } from '@wasm/servimetrics-calc.js';
import calcWasmUrl from '@wasm/servimetrics-calc.wasm?url';
import computeWasmUrl from '@wasm/servimetrics-compute.wasm?url';
import { FilesLoader } from './files-loader';
import { prepareFileReader } from './file-chunks';
import { CancelledImport, ImportRunner } from './import-runner';
import type { WorkerReply, WorkerRequest, WorkerSignal } from './protocol';
import { startModule } from './wasm-loader';
import { WarmUp } from './warm-up';

declare const self: DedicatedWorkerGlobalScope;
/** The calc module, or the compute-only one (no what-if). */
type Calc = Omit<CalcModule, 'whatif'> & Partial<Pick<CalcModule, 'whatif'>>;

function reply(message: WorkerReply): void {
  self.postMessage(message);
}

// A worker started with the name "servimetrics-compute" (an embed that shows KPIs only) loads the
// small compute-only module instead; it answers what-if requests with an error and loads the files
// module only when a file comes. Each module's glue comes by import(), so neither worker carries the
// other's (an embed card's first load is counted in kilobytes).
const computeOnly = self.name === 'servimetrics-compute';
const calcReady: Promise<Calc> = computeOnly
  ? import('@wasm/servimetrics-compute.js').then(({ default: create }) => startModule(create, computeWasmUrl))
  : import('@wasm/servimetrics-calc.js').then(({ default: create }) => startModule(create, calcWasmUrl));
/** When the files module is loaded, idle, even if no compute was asked for. */
const FILES_AT_THE_LATEST_MS = 3000;

const imports = new ImportRunner(reply);
// Text crosses into the module as bytes both ways: the browser's coders are native, where Embind's
// string conversion walks every character in JavaScript.
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Requests answered by the files module, outside the queue: they may wait for its download. */
type FilesRequest = Extract<WorkerRequest, { type: 'kinds' | 'combine' }>;
type QueuedRequest = Exclude<WorkerRequest, { type: 'import' } | FilesRequest>;
let queue: QueuedRequest[] = [];
let draining = false;
const busy = (): boolean => draining || queue.length > 0 || imports.running;
const files = new FilesLoader(busy);
// While nothing else waits, the import path is warmed up for the first file (warm-up.ts).
const warmUp = new WarmUp(busy, (rows, ms) => reply({ type: 'warmed', rows, ms }));

calcReady.then(
  () => {
    reply({ type: 'ready' });
    // Normally started by the first compute's answer (drain); this is for a page that asks none.
    if (!computeOnly) files.loadWhenIdle(FILES_AT_THE_LATEST_MS);
  },
  (error: unknown) => reply({ type: 'fatal', message: String(error instanceof Error ? error.message : error) }),
);
files.loaded.then(
  (module) => {
    prepareFileReader();
    warmUp.start(module);
  },
  () => undefined, // the requests that need the module answer with its error
);

// Answers a queued request from the calc module, or from the imports the files module left.
function run(calc: Calc, request: QueuedRequest): string {
  switch (request.type) {
    case 'catalog':
      return calc.catalog();
    case 'rejects':
      return imports.rejectsJson(request.kind);
    case 'tableWindow':
      return imports.tableWindow(request.kind, request.importId, request.table, request.locale, request.window);
    case 'fitModels':
      return imports.fitModels(request.kind, request.importId, request.optionsText);
    case 'tableCsv':
      throw new Error('tableCsv is answered with a Blob (drain)');
    case 'compute':
      return decoder.decode(calc.computeBytes(encoder.encode(request.requestText)));
    case 'whatif':
      if (!calc.whatif) throw new Error('this embed loads the compute-only module: no what-if');
      return calc.whatif(request.requestText);
  }
}

async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    const calc = await calcReady;
    // No timer here: a setTimeout(0) costs a millisecond or more per answer, and the page
    // already drops answers that a newer request superseded.
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      const lastOfLane = new Map<string, number>();
      for (const request of batch) {
        if ((request.type === 'compute' || request.type === 'whatif') && request.lane) lastOfLane.set(request.lane, request.id);
      }
      for (const request of batch) {
        if ((request.type === 'compute' || request.type === 'whatif') && request.lane && lastOfLane.get(request.lane) !== request.id) {
          reply({ id: request.id, ok: false, superseded: true, message: 'superseded by a newer request' });
          continue;
        }
        try {
          if (request.type === 'whatif') {
            // The engine's own time, beside the round trip the page measures (bench/whatif-page.mjs).
            const started = performance.now();
            const resultText = run(calc, request);
            reply({ id: request.id, ok: true, type: request.type, resultText, workerMs: performance.now() - started });
            continue;
          }
          if (request.type === 'tableCsv') {
            const { kind, importId, table, locale, view, header } = request;
            const blob = imports.tableCsv(kind, importId, table, locale, view, header);
            reply({ id: request.id, ok: true, type: request.type, resultText: blob ? '' : 'null', ...(blob ? { blob } : {}) });
            continue;
          }
          reply({ id: request.id, ok: true, type: request.type, resultText: run(calc, request) });
          if (request.type === 'compute' && !computeOnly) files.loadWhenIdle();
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

// The kinds only label the files panel: they wait for the files module's idle load rather than
// start it while the calculator's own module is still coming.
async function runOnFiles(request: FilesRequest): Promise<void> {
  try {
    const module = await (request.type === 'kinds' ? files.loaded : files.get());
    const resultText = request.type === 'kinds' ? module.kinds() : module.combine(request.requestText);
    reply({ id: request.id, ok: true, type: request.type, resultText });
  } catch (error) {
    reply({ id: request.id, ok: false, message: String(error instanceof Error ? error.message : error) });
  }
}

async function runImport(request: Extract<WorkerRequest, { type: 'import' }>): Promise<void> {
  warmUp.stop();
  try {
    const { kind, text } = await imports.run(files.get(), request.id, request.file, request.requestText);
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
  else if (message.type === 'kinds' || message.type === 'combine') void runOnFiles(message);
  else {
    queue.push(message);
    void drain();
  }
});
