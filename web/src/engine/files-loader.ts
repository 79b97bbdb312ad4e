// The files module (file imports, data kinds, combine, models: servimetrics-files) in the worker. The
// calculator's first screen needs none of it, so it is fetched only when a request needs it or, before
// that, once the worker has been idle a moment after the first compute was answered (on a slow phone
// the page may still be busy showing it, and the two would share the line and the cores), so a
// dropped file rarely waits for the download.
import type { FilesModule } from '@wasm/servimetrics-files.js';
import filesWasmUrl from '@wasm/servimetrics-files.wasm?url';
import { startModule } from './wasm-loader';

/** Idle time before the idle load: the page's computes go first. */
const IDLE_MS = 200;

async function loadFiles(): Promise<FilesModule> {
  // A chunk of its own: the glue is not in the worker's first script either.
  const { default: createServimetricsFiles } = await import('@wasm/servimetrics-files.js');
  return startModule(createServimetricsFiles, filesWasmUrl);
}

export class FilesLoader {
  private loading: Promise<FilesModule> | null = null;
  private idleAt = Infinity;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private resolveLoaded: (module: Promise<FilesModule>) => void = () => undefined;
  /** Settles once the module is loaded (or failed to), without asking for it sooner. */
  readonly loaded = new Promise<FilesModule>((resolve) => {
    this.resolveLoaded = resolve;
  });

  constructor(private readonly busy: () => boolean) {}

  /** The module, loaded now if it is not yet; a load that failed is tried again. */
  get(): Promise<FilesModule> {
    if (!this.loading) {
      const loading = loadFiles();
      this.loading = loading;
      this.resolveLoaded(loading);
      loading.catch(() => {
        if (this.loading === loading) this.loading = null;
      });
    }
    return this.loading;
  }

  /**
   * Loads it once `afterMs` have passed and then the worker has had nothing to do for IDLE_MS; the
   * earliest of several calls wins.
   */
  loadWhenIdle(afterMs = 0): void {
    const at = performance.now() + afterMs;
    if (this.loading || at >= this.idleAt) return;
    this.idleAt = at;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.loadIfIdle(), afterMs + IDLE_MS);
  }

  private loadIfIdle(): void {
    if (this.loading) return;
    if (this.busy()) this.idleTimer = setTimeout(() => this.loadIfIdle(), IDLE_MS);
    else void this.get().catch(() => undefined); // the request that needs it will say why
  }
}
