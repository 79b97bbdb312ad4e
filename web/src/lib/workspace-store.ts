// Named workspaces kept in this browser's IndexedDB ("servimetrics"): list, load, save, create,
// rename, duplicate, delete, forget everything. Every call answers a status and data; none throws.
import { validateState, type WorkspaceState } from './workspace-doc';

export const DATABASE = 'servimetrics';
const VERSION = 1;
const WORKSPACES = 'workspaces';
const META = 'meta';
const CURRENT = 'current';
/** An open that takes longer is treated as blocked (another tab upgrading, a stuck browser). */
const OPEN_TIMEOUT_MS = 3000;

export interface WorkspaceRecord {
  id: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  state: WorkspaceState;
}

export type WorkspaceSummary = Omit<WorkspaceRecord, 'state'>;

/**
 * storage_unavailable: no IndexedDB, or it is refused or blocked (some private windows, sandboxed
 * frames); storage_full: the browser's quota is used up; storage_corrupt: a record that does not read
 * back as a workspace; storage_missing: no workspace with this id.
 */
export type StoreErrorCode = 'storage_unavailable' | 'storage_full' | 'storage_corrupt' | 'storage_missing';

export type StoreResult<T> = { status: 'ok'; data: T } | { status: 'error'; code: StoreErrorCode; detail: string };

const ok = <T>(data: T): StoreResult<T> => ({ status: 'ok', data });
const fail = <T>(code: StoreErrorCode, detail: string): StoreResult<T> => ({ status: 'error', code, detail });

/** The code of a failed IndexedDB call: a full quota, or storage that cannot be used. */
function codeOf(error: unknown): StoreErrorCode {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  return name === 'QuotaExceededError' ? 'storage_full' : 'storage_unavailable';
}

function detailOf(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
}

function newId(): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  return uuid ?? `ws-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function summaryOf(record: WorkspaceRecord): WorkspaceSummary {
  return { id: record.id, name: record.name, createdAt: record.createdAt, updatedAt: record.updatedAt };
}

function isSummary(value: unknown): value is WorkspaceSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['id'] === 'string' && typeof v['name'] === 'string' && typeof v['createdAt'] === 'string' && typeof v['updatedAt'] === 'string';
}

export class WorkspaceStore {
  private constructor(
    private db: IDBDatabase | null,
    private readonly factory: IDBFactory,
  ) {
    // Another tab forgetting everything (deleteDatabase) or upgrading: let it; this one reopens later.
    if (db) {
      db.onversionchange = () => {
        db.close();
        this.db = null;
      };
    }
  }

  /** Closed by another tab (or Forget): open a new store to go on saving. */
  get closed(): boolean {
    return this.db === null;
  }

  /** Opens (or creates) the database; storage_unavailable when the browser refuses it. */
  static async open(given?: IDBFactory): Promise<StoreResult<WorkspaceStore>> {
    try {
      // Reading indexedDB itself throws where storage is refused (a SecurityError in some browsers).
      const factory = given ?? globalThis.indexedDB;
      if (!factory) return fail('storage_unavailable', 'indexedDB is not available');
      const db = await withTimeout(openDatabase(factory), OPEN_TIMEOUT_MS);
      return ok(new WorkspaceStore(db, factory));
    } catch (error) {
      return fail(codeOf(error), detailOf(error));
    }
  }

  /** Every workspace's name and dates, the most recently saved first. A record without them is left out. */
  async list(): Promise<StoreResult<WorkspaceSummary[]>> {
    return this.run('readonly', [WORKSPACES], async (tx) => {
      const all = await request<unknown[]>(tx.objectStore(WORKSPACES).getAll());
      const summaries = all.filter(isSummary).map((r) => summaryOf(r as WorkspaceRecord));
      return ok(summaries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
    });
  }

  /** One workspace, its state checked; storage_corrupt when it does not read back whole. */
  async load(id: string): Promise<StoreResult<WorkspaceRecord>> {
    return this.run('readonly', [WORKSPACES], async (tx) => {
      const record = await request<unknown>(tx.objectStore(WORKSPACES).get(id));
      if (record === undefined) return fail('storage_missing', id);
      if (!isSummary(record)) return fail('storage_corrupt', `workspace ${id}`);
      const check = validateState((record as { state?: unknown }).state);
      if (!check.ok) return fail('storage_corrupt', `workspace ${id}: ${check.where}`);
      return ok({ ...summaryOf(record as WorkspaceRecord), state: check.state });
    });
  }

  /** The id of the workspace the page showed last, or null. */
  async currentId(): Promise<StoreResult<string | null>> {
    return this.run('readonly', [META], async (tx) => {
      const meta = await request<{ key: string; id?: unknown } | undefined>(tx.objectStore(META).get(CURRENT));
      return ok(typeof meta?.id === 'string' ? meta.id : null);
    });
  }

  async setCurrent(id: string): Promise<StoreResult<void>> {
    return this.run('readwrite', [META], async (tx) => {
      await request(tx.objectStore(META).put({ key: CURRENT, id }));
      return ok(undefined);
    });
  }

  /** Writes a workspace's state (the caller debounces); storage_missing when it was deleted meanwhile. */
  async save(id: string, state: WorkspaceState): Promise<StoreResult<WorkspaceSummary>> {
    return this.run('readwrite', [WORKSPACES], async (tx) => {
      const store = tx.objectStore(WORKSPACES);
      const old = await request<unknown>(store.get(id));
      if (!isSummary(old)) return fail('storage_missing', id);
      const record: WorkspaceRecord = { ...summaryOf(old as WorkspaceRecord), updatedAt: new Date().toISOString(), state };
      await request(store.put(record));
      return ok(summaryOf(record));
    });
  }

  /** A new workspace holding `state`, made the current one. */
  async create(name: string, state: WorkspaceState): Promise<StoreResult<WorkspaceSummary>> {
    return this.run('readwrite', [WORKSPACES, META], async (tx) => {
      const now = new Date().toISOString();
      const record: WorkspaceRecord = { id: newId(), name, createdAt: now, updatedAt: now, state };
      await request(tx.objectStore(WORKSPACES).add(record));
      await request(tx.objectStore(META).put({ key: CURRENT, id: record.id }));
      return ok(summaryOf(record));
    });
  }

  async rename(id: string, name: string): Promise<StoreResult<WorkspaceSummary>> {
    return this.run('readwrite', [WORKSPACES], async (tx) => {
      const store = tx.objectStore(WORKSPACES);
      const old = await request<unknown>(store.get(id));
      if (!isSummary(old)) return fail('storage_missing', id);
      const record = { ...(old as WorkspaceRecord), name, updatedAt: new Date().toISOString() };
      await request(store.put(record));
      return ok(summaryOf(record));
    });
  }

  /** A copy of a workspace under a new name (made the current one). */
  async duplicate(id: string, name: string): Promise<StoreResult<WorkspaceSummary>> {
    const source = await this.load(id);
    if (source.status === 'error') return source;
    return this.create(name, source.data.state);
  }

  async delete(id: string): Promise<StoreResult<void>> {
    return this.run('readwrite', [WORKSPACES], async (tx) => {
      await request(tx.objectStore(WORKSPACES).delete(id));
      return ok(undefined);
    });
  }

  /** Deletes the whole database; the store is unusable afterwards (open a new one to save again). */
  async forgetAll(): Promise<StoreResult<void>> {
    this.db?.close();
    this.db = null;
    return forgetDatabase(this.factory);
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }

  /** One transaction: its body's answer once it commits, or the code of what failed. */
  private async run<T>(mode: IDBTransactionMode, stores: string[], body: (tx: IDBTransaction) => Promise<StoreResult<T>>): Promise<StoreResult<T>> {
    const db = this.db;
    if (!db) return fail('storage_unavailable', 'the database is closed');
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (error) {
      return fail(codeOf(error), detailOf(error));
    }
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
    });
    done.catch(() => undefined); // read below; an early abort is not an unhandled rejection
    try {
      const answer = await body(tx);
      if (answer.status === 'error') {
        tryAbort(tx);
        return answer;
      }
      await done;
      return answer;
    } catch (error) {
      // A request's error (QuotaExceededError on put, thrown or reported) or the commit's (awaiting done).
      tryAbort(tx);
      await done.catch(() => undefined);
      return fail(codeOf(error), detailOf(error));
    }
  }
}

/** Deletes the database without opening it first (works when it is damaged too). */
export async function forgetDatabase(given?: IDBFactory): Promise<StoreResult<void>> {
  try {
    const factory = given ?? globalThis.indexedDB;
    if (!factory) return ok(undefined); // nothing can have been kept
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        const req = factory.deleteDatabase(DATABASE);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
        // Other tabs close their connection on versionchange (openDatabase); the delete then proceeds.
      }),
      OPEN_TIMEOUT_MS * 2,
    );
    return ok(undefined);
  } catch (error) {
    return fail(codeOf(error), detailOf(error));
  }
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DATABASE, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(WORKSPACES)) db.createObjectStore(WORKSPACES, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new DOMException('another tab holds the database', 'InvalidStateError'));
  });
}

function request<T = unknown>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

function tryAbort(tx: IDBTransaction): void {
  try {
    tx.abort();
  } catch {
    // already finished
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new DOMException('IndexedDB did not answer in time', 'TimeoutError')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
