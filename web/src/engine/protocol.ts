// What the page and the engine worker post to each other (engine-client.ts, engine.worker.ts). The
// answers themselves are the core's JSON text (contract.ts), parsed once, by the page.
import type { TableView, TableWindowRequest } from './table-window';

export type WorkerRequest =
  | { id: number; type: 'catalog' }
  | { id: number; type: 'kinds' }
  // The request travels as JSON text: cloning a string across threads is one copy, while
  // cloning an object walks it on both sides.
  | { id: number; type: 'compute'; requestText: string; lane?: string }
  | { id: number; type: 'combine'; requestText: string }
  // The what-if engine (docs/WHATIF.md); like compute, a newer request on the same lane supersedes it.
  | { id: number; type: 'whatif'; requestText: string; lane?: string }
  // The File itself crosses (a handle, not its bytes); the worker streams it.
  | { id: number; type: 'import'; file: Blob; requestText: string }
  // Every row the last finished import of this kind rejected, as JSON ([] when none is kept).
  | { id: number; type: 'rejects'; kind: string }
  // A window of one answer table with all its rows, from the kept import `importId` of this kind:
  // answered as a TableWindow (table-window.ts), or {"available": false} when that import is gone.
  | { id: number; type: 'tableWindow'; kind: string; importId: number; table: string; locale: string; window: TableWindowRequest }
  // The customer-base models fitted on the kept import `importId` of this kind (options as JSON
  // text): the core's answer as JSON, or {"available": false} when that import is gone.
  | { id: number; type: 'fitModels'; kind: string; importId: number; optionsText: string }
  // A view of a fit's customers' table (cb_customers, cb_slipping; importId: the fit's id) as a CSV
  // file built in the worker from its columns, answered as a Blob (resultText "null": the fit is gone).
  | { id: number; type: 'tableCsv'; kind: string; importId: number; table: string; locale: string; view: TableView; header: string[] };

export type WorkerRequestType = WorkerRequest['type'];

/** Messages without an answer of their own. */
/** `forget` drops the kept imports of every kind but those in `keep` (all when absent). */
export type WorkerSignal = { type: 'cancel'; importId: number } | { type: 'forget'; keep?: string[] };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  /** The idle warm-up of the import path has ended (engine/warm-up.ts). */
  | { type: 'warmed'; rows: number; ms: number }
  | { type: 'progress'; importId: number; bytes: number; total: number; rows: number; rowsPerSecond: number }
  /**
   * An answer: the type of the request it answers, and for an import the kind of file read (the
   * detected one for "auto"), known without parsing the text. `workerMs`: a what-if call's time in
   * the worker (the round trip adds the messaging).
   */
  | { id: number; ok: true; type: WorkerRequestType; kind?: string; resultText: string; workerMs?: number; blob?: Blob }
  | { id: number; ok: false; superseded?: boolean; cancelled?: boolean; message: string };

export interface ImportProgress {
  importId: number;
  bytes: number;
  total: number;
  rows: number;
  rowsPerSecond: number;
}
