// The page's side of the engine worker: one promise per request, matched by request id; each answer's
// JSON text is parsed here, once.
import type {
  Catalog,
  CombinedAnswer,
  ComputeAnswer,
  ComputeRequest,
  CustomerBaseAnswer,
  ImportAnswer,
  ImportOptions,
  ImportReject,
  KindsCatalog,
} from './contract';
import type { WhatIfAnswer, WhatIfRequest } from './whatif-contract';
import type { ImportProgress, WorkerReply, WorkerRequest, WorkerSignal } from './protocol';
import type { TableView, TableWindow, TableWindowRequest } from './table-window';
import { attachTraditionalCatalog, attachTraditionalKinds } from '../i18n/zh-TW-catalog';
// The worker's built script, as a URL relative to this module's own (not the page's).
import workerScript from './engine.worker.ts?worker&url';

export type { ImportProgress } from './protocol';

/** Thrown (as a rejection) for a compute that a newer compute on the same lane replaced. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'SupersededError';
  }
}

/** Thrown (as a rejection) for an import that cancel() stopped. */
export class CancelledError extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'CancelledError';
  }
}

export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

type Answered = Extract<WorkerReply, { ok: true }>;

type Pending = {
  resolve: (reply: Answered) => void;
  reject: (reason: unknown) => void;
  lane?: string;
};

/** A finished import: the kind read (the detected one for "auto") and the core's answer. */
export interface ImportResult {
  kind: string;
  answer: ImportAnswer;
}

/** A running import: its id (for cancel) and its result. */
export interface RunningImport {
  id: number;
  result: Promise<ImportResult>;
}
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class EngineClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The newest request id per lane; an older answer on that lane is dropped. */
  private readonly newestOfLane = new Map<string, number>();
  private readonly progressOf = new Map<number, (progress: ImportProgress) => void>();
  /** Resolves when the wasm module is instantiated; rejects when it cannot be. */
  readonly ready: Promise<void>;

  /** The page's engine (the last one made): the table views ask it for rows (data-table-view.ts). */
  static current: EngineClient | null = null;

  /** `computeOnly`: the worker loads only the small compute module (KPI cards: no files, no what-if). */
  constructor(worker?: Worker, computeOnly = false) {
    EngineClient.current = this;
    this.worker = worker ?? startWorker(computeOnly);
    let markReady!: () => void;
    let markFailed!: (reason: unknown) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    this.worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
      if (!('id' in message)) {
        if (message.type === 'ready') markReady();
        else if (message.type === 'progress') this.progressOf.get(message.importId)?.({ ...message });
        else if (message.type === 'warmed') return; // the worker's own idle work; nothing waits for it
        else this.failAll(new EngineError(message.message), markFailed);
        return;
      }
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      this.progressOf.delete(message.id);
      if (waiting.lane !== undefined && this.newestOfLane.get(waiting.lane) !== message.id) {
        waiting.reject(new SupersededError());
      } else if (message.ok) {
        waiting.resolve(message);
      } else if (message.superseded) {
        waiting.reject(new SupersededError());
      } else if (message.cancelled) {
        waiting.reject(new CancelledError());
      } else {
        waiting.reject(new EngineError(message.message));
      }
    });
    this.worker.addEventListener('error', (event: ErrorEvent) => {
      this.failAll(new EngineError(event.message || 'the engine worker failed to start'), markFailed);
    });
  }

  private failAll(error: Error, markFailed: (reason: unknown) => void): void {
    markFailed(error);
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.progressOf.clear();
  }

  private send(body: RequestBody, lane?: string, id = this.nextId++): Promise<Answered> {
    if (lane !== undefined) this.newestOfLane.set(lane, id);
    return new Promise<Answered>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(lane !== undefined ? { lane } : {}) });
      this.worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  /** The answer's JSON, parsed. */
  private async post<T>(body: RequestBody, lane?: string): Promise<T> {
    return JSON.parse((await this.send(body, lane)).resultText) as T;
  }

  /** The catalog, its texts also in Traditional Chinese (the core has en and Simplified zh). */
  catalog(): Promise<Catalog> {
    return this.post<Catalog>({ type: 'catalog' }).then(attachTraditionalCatalog);
  }

  /**
   * Computes KPIs. With a lane, a newer compute on the same lane supersedes this one: its promise
   * then rejects with SupersededError, so only the latest answer reaches the page.
   */
  compute(request: ComputeRequest, lane?: string): Promise<ComputeAnswer> {
    return this.post<ComputeAnswer>(
      lane !== undefined
        ? { type: 'compute', requestText: JSON.stringify(request), lane }
        : { type: 'compute', requestText: JSON.stringify(request) },
      lane,
    );
  }

  /**
   * The what-if engine: baseline, scenarios and questions in one request (whatif-contract.ts). With a
   * lane, a newer what-if on the same lane supersedes this one. `workerMs`: the call's time in the worker.
   */
  async whatif(request: WhatIfRequest, lane?: string): Promise<{ answer: WhatIfAnswer; workerMs: number }> {
    const requestText = JSON.stringify(request);
    const reply = await this.send(lane !== undefined ? { type: 'whatif', requestText, lane } : { type: 'whatif', requestText }, lane);
    return { answer: JSON.parse(reply.resultText) as WhatIfAnswer, workerMs: reply.workerMs ?? 0 };
  }

  /** KPIs that need several imported files at once: each file's kind and derived inputs in. */
  combine(answers: { kind: string; inputs: Record<string, unknown> }[]): Promise<CombinedAnswer> {
    return this.post<CombinedAnswer>({ type: 'combine', requestText: JSON.stringify({ answers }) });
  }

  /** The data kinds a file can hold: fields, labels, header aliases. */
  kinds(): Promise<KindsCatalog> {
    return this.post<KindsCatalog>({ type: 'kinds' }).then((k) => ({ ...k, kinds: attachTraditionalKinds(k.kinds) }));
  }

  /**
   * Imports a file in the worker, which streams it into the core chunk by chunk. `onProgress` hears
   * bytes and rows read at most every 100 ms. cancel(id) stops it: the answer then rejects with
   * CancelledError.
   */
  importFile(file: Blob, options: ImportOptions, onProgress?: (progress: ImportProgress) => void): RunningImport {
    const id = this.nextId++;
    if (onProgress) this.progressOf.set(id, onProgress);
    const result = this.send({ type: 'import', file, requestText: JSON.stringify(options) }, undefined, id).then((reply) => ({
      kind: reply.kind ?? options.kind,
      answer: JSON.parse(reply.resultText) as ImportAnswer,
    }));
    return { id, result };
  }

  cancel(importId: number): void {
    const signal: WorkerSignal = { type: 'cancel', importId };
    this.worker.postMessage(signal);
  }

  /** Drops the imports the worker keeps for their rejects, but those of the kinds in `keep`. */
  forgetImports(keep: string[] = []): void {
    const signal: WorkerSignal = { type: 'forget', keep };
    this.worker.postMessage(signal);
  }

  /** Every row the last finished import of this kind rejected ([] when none is kept). */
  rejects(kind: string): Promise<ImportReject[]> {
    return this.post<ImportReject[]>({ type: 'rejects', kind });
  }

  /**
   * Rows of a whole answer table of the import `importId` (sorted, filtered), from the worker; null
   * when the worker no longer keeps that import (the page then has only the answer's first rows).
   */
  async tableWindow(kind: string, importId: number, table: string, locale: string, window: TableWindowRequest): Promise<TableWindow | null> {
    const answer = await this.post<(TableWindow & { available: true }) | { available: false }>({ type: 'tableWindow', kind, importId, table, locale, window });
    return answer.available ? answer : null;
  }

  /**
   * A view of a fit's customers' table (customer-table.ts; `fit` its id) as a CSV Blob built in the
   * worker from its columns, the header the page's titles; null when the worker no longer keeps it.
   */
  async tableCsv(kind: string, fit: number, table: string, locale: string, view: TableView, header: string[]): Promise<Blob | null> {
    const reply = await this.send({ type: 'tableCsv', kind, importId: fit, table, locale, view, header });
    return reply.blob ?? null;
  }

  /**
   * The customer-base models fitted on the kept import `importId` of this kind (docs/JSON-API.md);
   * null when the worker no longer keeps that import.
   */
  async fitModels(kind: string, importId: number, options: Record<string, unknown>): Promise<CustomerBaseAnswer | null> {
    const answer = await this.post<CustomerBaseAnswer | { available: false }>({ type: 'fitModels', kind, importId, optionsText: JSON.stringify(options) });
    return 'available' in answer ? null : answer;
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new EngineError('engine stopped'), () => undefined);
  }
}

/**
 * The engine worker, from the script's own server. A page may start a worker only from its own origin,
 * so an embed served from another one starts a same-origin blob: module worker that imports the real
 * script (the host's policy then needs worker-src blob:, docs/EMBED.md); the worker script finds the
 * wasm beside itself (its import.meta.url), fetched with CORS.
 */
function startWorker(computeOnly: boolean): Worker {
  const url = new URL(workerScript, import.meta.url);
  // The worker reads its name to choose its module (engine.worker.ts).
  const options: WorkerOptions = { type: 'module', name: computeOnly ? 'servimetrics-compute' : 'servimetrics-engine' };
  // Vite's own worker form (the same built script), which scripts/check-size.mjs follows; also for the
  // single-file build, whose worker is a data: URL (scripts/build-single.mjs).
  if (url.origin === globalThis.location?.origin || url.protocol === 'data:') {
    if (computeOnly) return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'servimetrics-compute' });
    return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'servimetrics-engine' });
  }
  const bootstrap = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
  const worker = new Worker(bootstrap, options);
  // The blob is read once the worker has started; freeing it later costs nothing.
  setTimeout(() => URL.revokeObjectURL(bootstrap), 60_000);
  return worker;
}

export function isSuperseded(error: unknown): error is SupersededError {
  return error instanceof SupersededError;
}

export function isCancelled(error: unknown): error is CancelledError {
  return error instanceof CancelledError;
}
