// The worker's file imports: streams a File chunk by chunk into the core's FileImport, reports
// progress at most every 100 ms, stops when cancelled, and keeps the last finished import of each
// kind for its rejects and its whole answer tables.
import type { FileImport, FilesModule } from '@wasm/servimetrics-files.js';
import type { WorkerReply } from './protocol';
import { CUSTOMER_TABLES, CustomerTable, type CustomerTableName } from './customer-table';
import { TableWindower, type TableView, type TableWindowRequest } from './table-window';
import { fileChunks, type FileChunks } from './file-chunks';

const PROGRESS_EVERY_MS = 100;
// A file stream hands over up to 2 MB at a time; fed in slices with a pause for messages between
// them, progress stays regular and a cancel is heard within a slice.
const SLICE_BYTES = 256 * 1024;

const waiting: Array<() => void> = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => waiting.shift()?.();

/** Lets the worker handle the messages already queued (a cancel) before going on. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

interface Job {
  cancelled: boolean;
  chunks: FileChunks | null;
}

export class CancelledImport extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'CancelledImport';
  }
}

export class ImportRunner {
  private readonly jobs = new Map<number, Job>();
  /** The last finished import of each kind, kept for rejectsJson(); deleted when replaced. */
  private readonly kept = new Map<string, FileImport>();
  /** The import id of each kept import, and the whole tables read from it (null: no such table). */
  private readonly keptId = new Map<string, number>();
  private readonly tables = new Map<string, Map<string, TableWindower | null>>();
  /** The customers' table of the last fit on each kind's kept import, as columns (customer-table.ts). */
  private readonly customers = new Map<string, CustomerTable>();
  private fits = 0;

  constructor(private readonly reply: (message: WorkerReply) => void) {}

  get running(): boolean {
    return this.jobs.size > 0;
  }

  /**
   * Streams `file` into a new FileImport and answers the JSON text of its result and the kind read.
   * The module may still be downloading: the import counts as running, and can be cancelled, meanwhile.
   */
  async run(files: Promise<FilesModule>, importId: number, file: Blob, requestText: string): Promise<{ kind: string; text: string }> {
    const job: Job = { cancelled: false, chunks: null };
    this.jobs.set(importId, job);
    let session: FileImport | null = null;
    try {
      const module = await files;
      if (job.cancelled) throw new CancelledImport();
      // The file's size lets the core size its columns once instead of growing them by doubling.
      const request: Record<string, unknown> = { ...(JSON.parse(requestText) as Record<string, unknown>), size: file.size };
      const asked = typeof request['kind'] === 'string' ? request['kind'] : 'auto';
      session = new module.FileImport(JSON.stringify(request));
      await this.stream(session, importId, file, job);
      if (job.cancelled) throw new CancelledImport();
      const text = session.finish();
      const kind = asked !== 'auto' ? asked : session.kind() || asked;
      this.keep(kind, session, importId);
      session = null;
      return { kind, text };
    } finally {
      try {
        session?.delete();
      } catch {
        // a module that aborted cannot free it; nothing more to do
      }
      this.jobs.delete(importId);
    }
  }

  private async stream(session: FileImport, importId: number, file: Blob, job: Job): Promise<void> {
    const chunks = fileChunks(file);
    job.chunks = chunks;
    const started = performance.now();
    let reported = started;
    let ended = false;
    try {
      for (;;) {
        if (job.cancelled) return;
        const value = await chunks.next();
        if (value === null) {
          ended = true;
          return;
        }
        if (job.cancelled) return;
        for (let at = 0; at < value.length; at += SLICE_BYTES) {
          if (at > 0) {
            await yieldToMessages();
            if (job.cancelled) return;
          }
          if (!session.feed(value.subarray(at, at + SLICE_BYTES))) return; // the core has seen enough; its answer says why
          const now = performance.now();
          if (now - reported >= PROGRESS_EVERY_MS) {
            reported = now;
            this.progress(session, importId, file.size, now - started);
          }
        }
      }
    } finally {
      // Stops the file's reading when the loop ended early (cancelled, or the core said stop).
      if (!ended) chunks.stop();
    }
  }

  private progress(session: FileImport, importId: number, total: number, elapsedMs: number): void {
    const { bytes = 0, rows = 0 } = JSON.parse(session.progress()) as { bytes?: number; rows?: number };
    const rowsPerSecond = elapsedMs > 0 ? Math.round((rows * 1000) / elapsedMs) : 0;
    this.reply({ type: 'progress', importId, bytes, total, rows, rowsPerSecond });
  }

  /** Stops an import between two chunks; its promise then rejects with CancelledImport. */
  cancel(importId: number): void {
    const job = this.jobs.get(importId);
    if (!job) return;
    job.cancelled = true;
    // Ends a read that is waiting for the disk now, rather than after the next chunk.
    job.chunks?.stop();
  }

  rejectsJson(kind: string): string {
    const session = this.kept.get(kind);
    return session ? session.rejectsJson() : '[]';
  }

  /**
   * A window of the whole table `name` of the kept import `importId` of this kind, as JSON; the
   * table is read from the core once and kept. {"available": false} when that import is no longer kept.
   */
  tableWindow(kind: string, importId: number, name: string, locale: string, request: TableWindowRequest): string {
    if (isCustomerTable(name)) {
      const customers = this.customerTable(kind, importId);
      return JSON.stringify(customers ? { available: true, ...customers.window(name, locale, request) } : { available: false });
    }
    const session = this.kept.get(kind);
    if (!session || this.keptId.get(kind) !== importId) return JSON.stringify({ available: false });
    let tables = this.tables.get(kind);
    if (!tables) {
      tables = new Map();
      this.tables.set(kind, tables);
    }
    let windower = tables.get(name);
    if (windower === undefined) {
      const table = JSON.parse(session.tableJson(name)) as { rows?: unknown } | null;
      windower = table && Array.isArray(table.rows) ? new TableWindower(table.rows as [], locale) : null;
      tables.set(name, windower);
    }
    if (!windower) return JSON.stringify({ available: false });
    return JSON.stringify({ available: true, ...windower.window(request) });
  }

  /**
   * The customer-base models fitted on the kept import `importId` (JSON text); {"available": false}
   * when it is gone. The customers come as typed columns, kept here for the page's windows: the
   * answer has no row per customer, but "customer_table" (the fit's id, the columns, the counts and
   * the first rows). A request with customer_rows 0 wants no table (a quick probe).
   */
  fitModels(kind: string, importId: number, optionsText: string): string {
    const session = this.kept.get(kind);
    if (!session || this.keptId.get(kind) !== importId) return JSON.stringify({ available: false });
    let options: unknown = null;
    try {
      options = JSON.parse(optionsText);
    } catch {
      // the core answers bad JSON with its own coded error
    }
    const probe = typeof options === 'object' && options !== null && (options as Record<string, unknown>)['customer_rows'] === 0;
    if (probe || kind === 'subscriptions') return session.fitModels(optionsText);
    const fitted = session.fitModelsColumns(optionsText);
    this.customers.delete(kind);
    if (!fitted.idEnds || fitted.idEnds.length === 0) return fitted.answer;
    const table = new CustomerTable(++this.fits, fitted);
    this.customers.set(kind, table);
    const answer = JSON.parse(fitted.answer) as Record<string, unknown>;
    answer['customer_table'] = table.summary();
    return JSON.stringify(answer);
  }

  /** A view of a fit's customers' table as a CSV Blob; null when that fit is no longer kept. */
  tableCsv(kind: string, fit: number, name: string, locale: string, view: TableView, header: readonly string[]): Blob | null {
    const customers = isCustomerTable(name) ? this.customerTable(kind, fit) : null;
    return customers ? customers.csv(name as CustomerTableName, locale, view, header) : null;
  }

  private customerTable(kind: string, fit: number): CustomerTable | null {
    const table = this.customers.get(kind);
    return table && table.fit === fit ? table : null;
  }

  /** Drops every kept import (its table and rejects) but those of the kinds in `keep`, as the page asks. */
  forget(keep: readonly string[] = []): void {
    for (const [kind, session] of [...this.kept]) {
      if (keep.includes(kind)) continue;
      session.delete();
      this.kept.delete(kind);
      this.keptId.delete(kind);
      this.tables.delete(kind);
      this.customers.delete(kind);
    }
  }

  private keep(kind: string, session: FileImport, importId: number): void {
    const previous = this.kept.get(kind);
    if (previous && previous !== session) previous.delete();
    this.kept.set(kind, session);
    this.keptId.set(kind, importId);
    this.tables.delete(kind);
    this.customers.delete(kind);
  }
}

function isCustomerTable(name: string): name is CustomerTableName {
  return (CUSTOMER_TABLES as readonly string[]).includes(name);
}
