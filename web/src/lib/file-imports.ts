// The state of the page's file imports, as a Lit reactive controller: one import running at a time
// (with its progress and cancel), the last result of each data kind, re-imports with another
// mapping or date format, mappings remembered per header list, and the rejects download.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type EngineClient, isCancelled } from '../engine/engine-client';
import {
  type CombinedAnswer,
  type DateFormat,
  type ImportAnswer,
  type ImportKind,
  type ImportOptions,
  type ImportReject,
} from '../engine/contract';
import type { ImportProgress } from '../engine/protocol';
import { downloadText, rejectsFileName } from './download';
import { forgetMapping, type Mapping, mappingKey, saveMapping, sameMapping, savedMapping } from './mapping-memory';
import type { SavedFile } from './workspace-doc';

export interface KindResult {
  /** The id of the import that gave this result (increases with every import). */
  importId: number;
  kind: string;
  fileName: string;
  /** When the file was read (ISO 8601): the source every input it fills names. */
  readAt: string;
  /**
   * The file itself, kept so that a new mapping or date format can read it again; null for a result
   * read back from this browser without its bytes (the user did not ask to keep them).
   */
  file: Blob | null;
  /** Read back from this browser: the worker holds no import of it (its rejects need a new read). */
  restored?: boolean;
  options: ImportOptions;
  answer: ImportAnswer;
  /** The storage key of the header list, when the file had a header line. */
  headerKey: string | null;
  /** A mapping saved for these headers was applied. */
  remembered: boolean;
}

export interface RunningImport {
  id: number;
  fileName: string;
  progress: ImportProgress | null;
}

/** What needs the file's bytes, which a result restored without them does not have. */
export type NeedsFile = 'mapping' | 'dates' | 'margin' | 'readAs' | 'rejects';

export type ImportMessage =
  | { type: 'cancelled' | 'failed'; fileName: string; text: string }
  | { type: 'needs-file'; fileName: string; text: string; needs: NeedsFile }
  | null;

/** What Undo needs to show the file results again. */
export interface FilesSnapshot {
  results: Map<string, KindResult>;
  combined: CombinedAnswer | null;
  active: string | null;
}

export class FileImports implements ReactiveController {
  /** The kind chosen in the select: "auto" or one kind. */
  kind: ImportKind = 'auto';
  running: RunningImport | null = null;
  message: ImportMessage = null;
  /** The last result of each kind, in the order they were first loaded. */
  readonly results = new Map<string, KindResult>();
  /** The kind whose result is shown. */
  active: string | null = null;
  mappingOpen = false;
  dragging = false;
  /** Files waiting to be read after the running one (several dropped at once). */
  readonly queued: File[] = [];
  private draining = false;
  /** KPIs that need two of the loaded files at once (LTV:CAC per channel); null with fewer. */
  combined: CombinedAnswer | null = null;
  private combineSeq = 0;
  /** The ids of the data kinds (the core's kinds()), for mappings saved under another kind. */
  kindIds: readonly string[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly engine: () => EngineClient | null,
    /**
     * The gross margin (fraction) a new transactions import reads CLTV with: the calculator's own,
     * until the user sets one for the file.
     */
    private readonly defaultGrossMargin: () => number | undefined = () => undefined,
    /** Called when an import starts: Undo of an earlier Clear is then no longer offered. */
    private readonly onImportStart: () => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
  }

  private changed(): void {
    this.host.requestUpdate();
  }

  setKind(kind: ImportKind): void {
    this.kind = kind;
    this.changed();
  }

  setDragging(over: boolean): void {
    if (this.dragging === over) return;
    this.dragging = over;
    this.changed();
  }

  show(kind: string): void {
    this.active = kind;
    this.mappingOpen = false;
    this.changed();
  }

  toggleMapping(): void {
    this.mappingOpen = !this.mappingOpen;
    this.changed();
  }

  /** A file the user chose or dropped, read as the kind in the select. */
  importFile(file: File): Promise<void> {
    return this.start(file, file.name, this.withMargin({ kind: this.kind }));
  }

  /**
   * Several files chosen or dropped at once: read one after the other, each detected (auto), since
   * one kind chosen in the select cannot fit them all. Files added while a queue runs join it.
   */
  async importFiles(files: readonly File[]): Promise<void> {
    if (files.length === 1 && this.queued.length === 0 && !this.draining) return this.importFile(files[0]!);
    this.queued.push(...files);
    this.changed();
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.queued.shift(); next; next = this.queued.shift()) {
        this.changed();
        await this.start(next, next.name, this.withMargin({ kind: 'auto' }));
        if (this.message?.type === 'cancelled') this.queued.length = 0; // Cancel stops the queue too
      }
    } finally {
      this.draining = false;
      this.changed();
    }
  }

  /** Reads the transactions file again with another gross margin (a fraction, -10..1: may be a loss), for CLTV. */
  setGrossMargin(kind: string, margin: number): Promise<void> {
    const result = this.results.get(kind);
    if (!result || !Number.isFinite(margin) || margin < -10 || margin > 1) return Promise.resolve();
    if (!result.file) return this.needsFile(result, 'margin');
    return this.start(result.file, result.fileName, { ...result.options, gross_margin: margin }, result.remembered);
  }

  /** Reads a survival table again with its period's length, discount rate a period and value a period (the sBG's inputs). */
  setSurvivalOptions(kind: string, options: Pick<ImportOptions, 'period' | 'discount_rate' | 'value_per_period'>): Promise<void> {
    const result = this.results.get(kind);
    if (!result) return Promise.resolve();
    if (!result.file) return this.needsFile(result, 'margin');
    return this.start(result.file, result.fileName, { ...result.options, ...options }, result.remembered);
  }

  /** Options for a new import: transactions (or a file that may be transactions) get the margin. */
  private withMargin(options: ImportOptions): ImportOptions {
    const margin = this.defaultGrossMargin();
    if (margin === undefined || (options.kind !== 'auto' && options.kind !== 'transactions')) return options;
    return { ...options, gross_margin: margin };
  }

  /** A sample of one kind, fetched from the page's own server. */
  async importSample(kind: string, url: string): Promise<void> {
    const fileName = url.slice(url.lastIndexOf('/') + 1);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = await response.blob();
      await this.start(blob, fileName, this.withMargin({ kind: kind as ImportKind }));
    } catch (error) {
      this.fail(fileName, error);
    }
  }

  /** Reads the shown file again with a new mapping, and remembers it for these headers. */
  applyMapping(kind: string, mapping: Mapping): Promise<void> {
    const result = this.results.get(kind);
    if (!result) return Promise.resolve();
    if (!result.file) return this.needsFile(result, 'mapping');
    if (result.headerKey) saveMapping(result.headerKey, mapping);
    this.mappingOpen = false;
    return this.start(result.file, result.fileName, { ...result.options, kind: kind as ImportKind, mapping }, true);
  }

  /** Forgets the saved mapping of the shown file's headers and reads it again with the guesses. */
  forgetMapping(kind: string): Promise<void> {
    const result = this.results.get(kind);
    if (!result?.headerKey) return Promise.resolve();
    if (!result.file) return this.needsFile(result, 'mapping');
    forgetMapping(result.headerKey);
    const { mapping: _dropped, ...options } = result.options;
    return this.start(result.file, result.fileName, { ...options, kind: kind as ImportKind });
  }

  /** Reads the shown file again with another date format for one field. */
  setDateFormat(kind: string, field: string, format: DateFormat): Promise<void> {
    const result = this.results.get(kind);
    if (!result) return Promise.resolve();
    if (!result.file) return this.needsFile(result, 'dates');
    const date_formats = { ...result.options.date_formats, [field]: format };
    return this.start(result.file, result.fileName, { ...result.options, kind: kind as ImportKind, date_formats }, result.remembered);
  }

  /** Reads a file whose kind was not recognised again as the given kind. */
  readAs(fromKind: string, kind: ImportKind): Promise<void> {
    const result = this.results.get(fromKind);
    if (!result) return Promise.resolve();
    if (!result.file) return this.needsFile(result, 'readAs');
    this.results.delete(fromKind);
    void this.recombine();
    return this.start(result.file, result.fileName, this.withMargin({ kind }));
  }

  /**
   * Clear: stops an import and the queue and forgets every result here. The worker keeps its imports
   * (their rejects) until forgetHidden(), so that Undo can bring the results back whole.
   */
  clear(): void {
    this.queued.length = 0;
    this.cancel();
    this.results.clear();
    this.combined = null;
    this.combineSeq++;
    this.active = null;
    this.message = null;
    this.mappingOpen = false;
    this.changed();
  }

  /** The results as they are, for Undo. */
  snapshot(): FilesSnapshot {
    return { results: new Map(this.results), combined: this.combined, active: this.active };
  }

  /** Brings back the results of a snapshot (Undo after Clear or Load sample). */
  restore(snapshot: FilesSnapshot): void {
    this.queued.length = 0;
    this.cancel();
    this.results.clear();
    for (const [kind, result] of snapshot.results) this.results.set(kind, result);
    this.combined = snapshot.combined;
    this.combineSeq++;
    this.active = snapshot.active;
    this.message = null;
    this.mappingOpen = false;
    this.changed();
  }

  // ---- kept in this browser ----

  /** The results as a workspace keeps them; the files' bytes only with `keepBytes`. */
  saved(keepBytes: boolean): SavedFile[] {
    return [...this.results.values()].map((r) => {
      const file: SavedFile = { kind: r.kind, fileName: r.fileName, readAt: r.readAt, options: r.options, answer: r.answer, headerKey: r.headerKey, remembered: r.remembered };
      if (keepBytes && r.file) file.bytes = r.file;
      return file;
    });
  }

  /**
   * Shows results read back from this browser (another workspace, the next visit). The worker has
   * none of their imports, so it drops every one it kept; a result without bytes asks for its file
   * again before anything that needs to read it (needsFile).
   */
  restoreSaved(files: readonly SavedFile[], combined: CombinedAnswer | null, active: string | null): void {
    this.queued.length = 0;
    this.cancel();
    this.results.clear();
    for (const f of files) {
      this.results.set(f.kind, { importId: 0, kind: f.kind, fileName: f.fileName, readAt: f.readAt, file: f.bytes ?? null, restored: true, options: f.options, answer: f.answer, headerKey: f.headerKey, remembered: f.remembered });
    }
    this.combined = combined;
    this.combineSeq++;
    this.active = active !== null && this.results.has(active) ? active : ([...this.results.keys()].at(-1) ?? null);
    this.message = null;
    this.mappingOpen = false;
    this.engine()?.forgetImports([]);
    this.changed();
  }

  /** The user chose the file of a result restored without its bytes: read it as before (kind, mapping, formats). */
  readAgain(kind: string, file: File): Promise<void> {
    const result = this.results.get(kind);
    if (!result) return this.importFile(file);
    return this.start(file, file.name, result.options, result.remembered);
  }

  private needsFile(result: KindResult, needs: NeedsFile): Promise<void> {
    this.message = { type: 'needs-file', fileName: result.fileName, text: '', needs };
    this.mappingOpen = false;
    this.changed();
    return Promise.resolve();
  }

  /** Lets the worker drop the kept imports of kinds no longer shown (Undo is no longer offered). */
  forgetHidden(): void {
    this.engine()?.forgetImports([...this.results.keys()]);
  }

  cancel(): void {
    const running = this.running;
    if (!running) return;
    this.engine()?.cancel(running.id);
  }

  /** Every rejected row as a CSV file, written by `toCsv` (the page's language). */
  async downloadRejects(kind: string, toCsv: (rejects: ImportReject[]) => string): Promise<void> {
    const engine = this.engine();
    let result = this.results.get(kind);
    if (!engine || !result) return;
    if (result.restored) {
      // The worker's import went with the last visit: read the kept file again, or ask for it.
      if (!result.file) return this.needsFile(result, 'rejects');
      await this.start(result.file, result.fileName, result.options, result.remembered);
      result = this.results.get(kind);
      if (!result || result.restored) return;
    }
    downloadText(rejectsFileName(result.fileName), toCsv(await engine.rejects(kind)));
  }

  private async start(file: Blob, fileName: string, options: ImportOptions, remembered = false): Promise<void> {
    const engine = this.engine();
    if (!engine) return;
    this.onImportStart();
    this.cancel();
    this.message = null;
    const running = engine.importFile(file, options, (progress) => {
      if (this.running?.id !== progress.importId) return;
      this.running = { ...this.running, progress };
      this.changed();
    });
    this.running = { id: running.id, fileName, progress: null };
    this.changed();
    let kind: string;
    let answer: ImportAnswer;
    try {
      ({ kind, answer } = await running.result);
    } catch (error) {
      if (this.running?.id !== running.id) return; // a newer import took over
      this.running = null;
      if (isCancelled(error)) this.message = { type: 'cancelled', fileName, text: '' };
      else this.fail(fileName, error);
      this.changed();
      return;
    }
    if (this.running?.id !== running.id) return;
    // A file without a header line has columns "1", "2", ...: nothing to remember its mapping by.
    const header = answer.import?.file.header_row === false ? [] : (answer.import?.header ?? []);
    const headerKey = header.length ? mappingKey(kind, header) : null;
    if (!options.mapping && header.length) {
      const saved = findSaved(this.kindIds, kind, header);
      if (saved) {
        remembered = true;
        if (saved.kind !== kind || !sameMapping(saved.mapping, answer.import?.mapping ?? [])) {
          // The user mapped these headers before: read the file again their way.
          this.running = null;
          return this.start(file, fileName, { ...options, kind: saved.kind, mapping: saved.mapping }, true);
        }
      }
    }
    this.running = null;
    this.results.delete(kind); // a kind loaded again moves to the end of the tabs
    this.results.set(kind, { importId: running.id, kind, fileName, readAt: new Date().toISOString(), file, options: { ...options, kind: kind as ImportKind }, answer, headerKey, remembered });
    this.active = kind;
    const hasFileError = answer.errors.some((e) => e.input === 'file');
    this.mappingOpen = hasFileError && (answer.import?.header?.length ?? 0) > 0 && kind !== 'auto';
    this.changed();
    await this.recombine();
  }

  /** Asks the core what the loaded files give together; only the latest answer is kept. */
  private async recombine(): Promise<void> {
    const engine = this.engine();
    const seq = ++this.combineSeq;
    const answers = [...this.results.values()]
      .filter((r) => r.answer.inputs && Object.keys(r.answer.inputs).length > 0)
      .map((r) => ({ kind: r.kind, inputs: r.answer.inputs as Record<string, unknown> }));
    if (!engine || answers.length < 2) {
      this.combined = null;
      this.changed();
      return;
    }
    try {
      const combined = await engine.combine(answers);
      if (seq !== this.combineSeq) return;
      this.combined = combined.kpis.length > 0 || combined.errors.length > 0 || (combined.notes?.length ?? 0) > 0 ? combined : null;
    } catch (error) {
      if (seq !== this.combineSeq) return;
      this.combined = null;
      this.fail('', error);
    }
    this.changed();
  }

  private fail(fileName: string, error: unknown): void {
    this.message = { type: 'failed', fileName, text: error instanceof Error ? error.message : String(error) };
    this.changed();
  }
}

/**
 * A mapping saved for this header list: of the kind the file was read as, or, when its kind was
 * not recognised, of whichever kind the user mapped these headers for.
 */
function findSaved(kindIds: readonly string[], kind: string, header: readonly string[]): { kind: string; mapping: Mapping } | undefined {
  const kinds = kind === 'auto' ? kindIds : [kind];
  for (const k of kinds) {
    const mapping = savedMapping(mappingKey(k, header));
    if (mapping) return { kind: k, mapping };
  }
  return undefined;
}
