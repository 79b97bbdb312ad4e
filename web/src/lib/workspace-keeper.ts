// The page's workspaces as a Lit reactive controller: which one is shown, saving it ~400 ms after a
// change, switching, creating, renaming, duplicating, deleting, forgetting, and links in and out.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { decodeLink, encodeLink, type LinkErrorCode } from './share-link';
import type { WorkspaceState } from './workspace-doc';
import { forgetDatabase, type StoreErrorCode, type StoreResult, WorkspaceStore, type WorkspaceSummary } from './workspace-store';

export const AUTOSAVE_MS = 400;

/** What the bar says about saving. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

/** A problem the bar shows until dismissed or solved; `id`/`name` name a workspace that did not read back. */
export type KeeperProblem = { code: StoreErrorCode | LinkErrorCode; id?: string; name?: string };

export type KeeperNotice = { type: 'link-opened'; name: string } | { type: 'link-not-kept' } | { type: 'forgotten' } | null;

/** The link made by Copy link: copied, or shown to copy by hand. */
export type LinkOut = { url: string; copied: boolean } | null;

/** The names the keeper gives workspaces, in the page's language. */
export interface KeeperNames {
  first: () => string;
  numbered: (n: number) => string;
  copy: (name: string) => string;
  fromLink: (state: WorkspaceState) => string;
}

export interface KeeperHost {
  capture: () => WorkspaceState;
  /** Shows a state read back (another workspace); null: the sample company. */
  apply: (state: WorkspaceState | null) => void;
  /** The state of a new, empty workspace. */
  blank: () => WorkspaceState;
  /** Everything was forgotten: settings go back to the browser's defaults (before the sample is shown). */
  forgotten: () => void;
  names: KeeperNames;
}

export class WorkspaceKeeper implements ReactiveController {
  list: WorkspaceSummary[] = [];
  /** The workspace shown; null until the first change saves it (or when storage is unavailable). */
  current: WorkspaceSummary | null = null;
  status: SaveStatus = 'idle';
  problem: KeeperProblem | null = null;
  notice: KeeperNotice = null;
  confirming: 'delete' | 'forget' | null = null;
  renaming = false;
  link: LinkOut = null;
  keepFileBytes = false;

  private store: WorkspaceStore | null = null;
  /** The browser refused storage: nothing is tried again until the page is reloaded. */
  private refused = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the page showed when last saved or applied; null: take the next look as the starting point. */
  private lastRefs: readonly unknown[] | null = null;
  private armed = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly page: KeeperHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    void this.flush();
  }

  private changed(): void {
    this.host.requestUpdate();
  }

  /** The name shown for the workspace before it is first saved. */
  get name(): string {
    return this.current?.name ?? this.page.names.first();
  }

  get available(): boolean {
    return !this.refused;
  }

  // ---- start ----

  /**
   * What the page opens with: a link in the fragment (saved as a new workspace, the fragment then
   * cleared), else the workspace shown last, else null (the sample). Never throws.
   */
  async startup(fragment: string): Promise<WorkspaceState | null> {
    try {
      return await this.opening(fragment);
    } catch (error) {
      // Nothing here may stop the page: it shows the sample and says storage is unavailable.
      this.refused = true;
      this.fail('storage_unavailable', String(error));
      return null;
    }
  }

  private async opening(fragment: string): Promise<WorkspaceState | null> {
    const store = await this.ensureStore();
    const fromLink = await this.readLink(fragment);
    if (fromLink) return fromLink;
    if (!store) return null;
    const id = await this.settle(store.currentId());
    if (!id) return null;
    return this.loadRecord(id);
  }

  /** Starts watching for changes from the state the page shows now. */
  arm(): void {
    this.armed = true;
    this.lastRefs = null;
  }

  /** The open store, opened on first need (again after Forget); null when the browser refuses it. */
  private async ensureStore(): Promise<WorkspaceStore | null> {
    if (this.store?.closed) this.store = null; // another tab forgot everything: open anew
    if (this.store || this.refused) return this.store;
    const opened = await WorkspaceStore.open();
    if (opened.status === 'error') {
      this.refused = opened.code === 'storage_unavailable';
      this.fail(opened.code, opened.detail);
      return null;
    }
    this.store = opened.data;
    await this.refreshList();
    return this.store;
  }

  /** A link in the fragment, as a state, saved as a new workspace; null when there is none or it is damaged. */
  async readLink(fragment: string): Promise<WorkspaceState | null> {
    const read = await decodeLink(fragment);
    if (read.status === 'none') return null;
    clearFragment(); // a reload shows the kept copy, not the link again
    if (read.status === 'error') {
      this.problem = { code: read.code };
      this.changed();
      return null;
    }
    await this.flush(); // the work shown so far stays in its own workspace
    const state = { ...read.state, keepFileBytes: this.keepFileBytes };
    const name = this.page.names.fromLink(state);
    // A new workspace: the consultant's current client is not overwritten by someone else's link.
    const store = await this.ensureStore();
    const created = store ? await this.settle(store.create(name, state)) : null;
    if (created) {
      this.current = created;
      this.status = 'saved';
      this.notice = { type: 'link-opened', name };
      await this.refreshList();
    } else {
      this.current = null;
      this.notice = { type: 'link-not-kept' };
    }
    this.keepFileBytes = state.keepFileBytes;
    this.changed();
    return state;
  }

  private async loadRecord(id: string): Promise<WorkspaceState | null> {
    const store = this.store;
    if (!store) return null;
    const loaded = await store.load(id);
    if (loaded.status === 'error') {
      const name = this.list.find((w) => w.id === id)?.name ?? '';
      // The page stays as it is (the sample at start, the workspace shown when switching).
      if (loaded.code !== 'storage_missing') this.problem = { code: loaded.code, id, name };
      this.changed();
      return null;
    }
    this.current = { id: loaded.data.id, name: loaded.data.name, createdAt: loaded.data.createdAt, updatedAt: loaded.data.updatedAt };
    this.keepFileBytes = loaded.data.state.keepFileBytes;
    this.status = 'saved';
    this.changed();
    return loaded.data.state;
  }

  // ---- saving ----

  /**
   * Called after every render with what the state is made of: a change of any of them saves the
   * workspace ~400 ms later. Comparing references is enough: every change makes a new object.
   */
  observe(refs: readonly unknown[]): void {
    if (!this.armed) return;
    const last = this.lastRefs;
    this.lastRefs = refs;
    if (!last || (last.length === refs.length && last.every((r, i) => r === refs[i]))) return;
    this.schedule();
  }

  private schedule(): void {
    if (this.refused) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
    if (this.status !== 'saving') {
      this.status = 'saving';
      this.changed();
    }
  }

  /** Writes a pending change now (before switching workspace, leaving the page). */
  flush(): Promise<void> {
    if (this.timer === undefined) return this.writing;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private async write(): Promise<void> {
    const store = await this.ensureStore();
    if (!store) return;
    const state = this.page.capture();
    let saved: StoreResult<WorkspaceSummary>;
    if (this.current) {
      saved = await store.save(this.current.id, state);
      // Deleted meanwhile (another tab): keep the work as a workspace of the same name.
      if (saved.status === 'error' && saved.code === 'storage_missing') saved = await store.create(this.current.name, state);
    } else {
      saved = await store.create(this.page.names.first(), state);
    }
    if (saved.status === 'error') {
      this.fail(saved.code, saved.detail);
      return;
    }
    this.current = saved.data;
    if (this.timer === undefined) this.status = 'saved';
    if (this.problem?.code === 'storage_full') this.problem = null;
    await this.refreshList();
    this.changed();
  }

  setKeepFileBytes(keep: boolean): void {
    this.keepFileBytes = keep;
    this.schedule();
  }

  // ---- workspaces ----

  async switchTo(id: string): Promise<void> {
    const store = await this.ensureStore();
    if (id === this.current?.id || !store) return;
    await this.flush();
    const state = await this.loadRecord(id);
    if (!state) return;
    await this.settle(store.setCurrent(id));
    this.showing(state);
  }

  /** A new, empty workspace (the current one is saved first). */
  async createNew(): Promise<void> {
    const store = await this.ensureStore();
    if (!store) return;
    await this.flush();
    const names = new Set(this.list.map((w) => w.name));
    let n = this.list.length + 1;
    while (names.has(this.page.names.numbered(n))) n++;
    const state = { ...this.page.blank(), keepFileBytes: this.keepFileBytes };
    const created = await this.settle(store.create(this.page.names.numbered(n), state));
    if (!created) return;
    this.current = created;
    await this.refreshList();
    this.showing(state);
  }

  async rename(name: string): Promise<void> {
    const clean = name.trim();
    this.renaming = false;
    const store = await this.ensureStore();
    if (!clean || !store) return this.changed();
    await this.flush();
    if (!this.current) {
      // Not saved yet: saving now creates it under the new name.
      const created = await this.settle(store.create(clean, this.page.capture()));
      if (created) {
        this.current = created;
        this.status = 'saved';
      }
    } else {
      const renamed = await this.settle(store.rename(this.current.id, clean));
      if (renamed) this.current = renamed;
    }
    await this.refreshList();
    this.changed();
  }

  async duplicate(): Promise<void> {
    const store = await this.ensureStore();
    if (!store) return;
    const name = this.page.names.copy(this.name);
    const state = this.page.capture();
    await this.flush();
    const created = await this.settle(store.create(name, state));
    if (!created) return;
    this.current = created;
    this.status = 'saved';
    await this.refreshList();
    this.changed();
  }

  /** Deletes the shown workspace (asked first); shows the most recent other one, else the sample. */
  async remove(): Promise<void> {
    this.confirming = null;
    const store = this.store;
    const gone = this.current;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    if (store && gone) await this.settle(store.delete(gone.id));
    this.current = null;
    await this.refreshList();
    const next = this.list[0];
    const state = next ? await this.loadRecord(next.id) : null;
    if (next && state && store) await this.settle(store.setCurrent(next.id));
    if (!state) this.status = 'idle';
    this.showing(state);
  }

  /** Deletes the database and the page's localStorage keys (asked first); the page shows the sample. */
  async forgetAll(localKeys: readonly string[]): Promise<void> {
    this.confirming = null;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    const result = this.store ? await this.store.forgetAll() : await forgetDatabase();
    for (const key of localKeys) {
      try {
        globalThis.localStorage?.removeItem(key);
      } catch {
        // storage blocked: nothing was kept there either
      }
    }
    this.store = null;
    this.current = null;
    this.list = [];
    this.status = 'idle';
    this.problem = result.status === 'error' ? { code: result.code } : null;
    this.keepFileBytes = false;
    this.page.forgotten();
    this.page.apply(null);
    this.notice = { type: 'forgotten' };
    // Saving starts again with the next change, into a new database (ensureStore).
    this.arm();
    this.changed();
  }

  /** Forgets a workspace that did not read back. */
  async forgetDamaged(): Promise<void> {
    const id = this.problem?.id;
    this.problem = null;
    if (id && this.store) await this.settle(this.store.delete(id));
    await this.refreshList();
    this.changed();
  }

  private showing(state: WorkspaceState | null): void {
    this.notice = null;
    this.link = null;
    this.page.apply(state);
    this.arm();
    this.changed();
  }

  // ---- links ----

  /** Puts a link to the workspace on the clipboard, or shows it to copy by hand. */
  async copyLink(): Promise<void> {
    const fragment = await encodeLink(this.page.capture());
    const url = `${globalThis.location.href.split('#')[0]}${fragment}`;
    let copied = false;
    try {
      await globalThis.navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // refused (no permission, not focused, an old browser): the link is shown instead
    }
    this.link = { url, copied };
    this.changed();
  }

  /** Delete and Forget ask first; null withdraws the question. */
  ask(what: 'delete' | 'forget' | null): void {
    this.confirming = what;
    this.renaming = false;
    this.changed();
  }

  setRenaming(on: boolean): void {
    this.renaming = on;
    this.confirming = null;
    this.changed();
  }

  dismiss(): void {
    this.notice = null;
    this.link = null;
    if (this.problem?.code.startsWith('link_')) this.problem = null;
    this.changed();
  }

  // ---- plumbing ----

  private async refreshList(): Promise<void> {
    if (this.refused) return;
    if (!this.store) return;
    const listed = await this.store.list();
    if (listed.status === 'ok') this.list = listed.data;
  }

  /** The data of a store call, or null after recording its problem. */
  private async settle<T>(call: Promise<StoreResult<T>>): Promise<T | null> {
    const result = await call;
    if (result.status === 'ok') return result.data;
    this.fail(result.code, result.detail);
    return null;
  }

  private fail(code: StoreErrorCode, detail: string): void {
    console.warn(`[servimetrics] ${code}: ${detail}`);
    if (code === 'storage_missing') return; // deleted meanwhile (another tab): the list is read again
    this.status = 'error';
    this.problem = { code };
    this.changed();
  }
}

function clearFragment(): void {
  try {
    const { pathname, search } = globalThis.location;
    globalThis.history.replaceState(globalThis.history.state, '', `${pathname}${search}`);
  } catch {
    // a sandboxed frame may refuse: the fragment stays, the page works
  }
}
