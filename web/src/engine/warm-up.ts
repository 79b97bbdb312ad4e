// Runs the core's generated import (warmUp) a few times while the worker is idle, so V8 has
// optimized the import path before a user drops a file: V8 runs wasm in its baseline compiler
// first and optimizes a function only once it is hot. The 47 MB Online Retail file's first import
// took 0.75 s cold and 0.57 s after this (docs/PERFORMANCE.md). Each step is short, and a step
// waits while the worker has anything else to do, so keystrokes are never held up for long.
// A file dropped before any step ran (the first second after the page opened) gets one small step
// while its own import runs: the import's hot loops tier up by themselves within a few slices, but
// the answer's analysis runs once, at the end, in one long call that would stay on baseline code
// (V8 does not replace wasm code in a running call). Taken between two slices once the import path
// is optimized, the step costs little and makes the analysis hot before the file's end.
import type { FilesModule } from '@wasm/servimetrics-files.js';

const STEPS = 5;
const ROWS_PER_STEP = 4000;
/** Idle time before a step: the page's first computes go first. */
const IDLE_MS = 200;
/** Rows of the one step run for a file dropped before the warm-up began. */
const COLD_DROP_ROWS = 4000;
/** When that step runs, after the module is in: the import path has tiered up by then. */
const COLD_DROP_STEP_MS = 150;

export class WarmUp {
  private step = 0;
  private rows = 0;
  private spentMs = 0;
  private stopped = false;
  private module: FilesModule | null = null;
  /** A file came before any step ran and before the module was in: warm once it is. */
  private coldDrop = false;

  constructor(
    private readonly busy: () => boolean,
    private readonly finished: (rows: number, ms: number) => void,
  ) {}

  start(module: FilesModule): void {
    this.module = module;
    if (this.coldDrop) this.warmForDrop(module);
    else if (!this.stopped) setTimeout(() => this.next(module), IDLE_MS);
  }

  /**
   * An import of the user's starts: the idle steps end (its own rows warm the import path), but
   * a drop before any step ran gets one step while it runs.
   */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.step > 0) return;
    if (this.module) this.warmForDrop(this.module);
    else this.coldDrop = true;
  }

  private warmForDrop(module: FilesModule): void {
    this.coldDrop = false;
    this.step = STEPS;
    setTimeout(() => {
      if (!this.busy()) return; // the file was short: its import has ended
      try {
        module.warmUp(COLD_DROP_ROWS);
      } catch {
        // a module that traps here will answer the import with its error
      }
    }, COLD_DROP_STEP_MS);
  }

  private next(module: FilesModule): void {
    if (this.stopped) return;
    if (this.busy()) {
      setTimeout(() => this.next(module), IDLE_MS);
      return;
    }
    const started = performance.now();
    try {
      this.rows += module.warmUp(ROWS_PER_STEP);
    } catch {
      this.step = STEPS; // a module that traps here will answer the real work with its error
    }
    this.spentMs += performance.now() - started;
    this.step += 1;
    if (this.step < STEPS) setTimeout(() => this.next(module), 0);
    else this.finished(this.rows, this.spentMs);
  }
}
