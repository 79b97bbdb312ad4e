// Runs the core's generated import (warmUp) a few times while the worker is idle, so V8 has
// optimized the import path before a user drops a file: V8 runs wasm in its baseline compiler
// first and optimizes a function only once it is hot. The 47 MB Online Retail file's first import
// took 0.75 s cold and 0.57 s after this (docs/PERFORMANCE.md). Each step is short, and a step
// waits while the worker has anything else to do, so keystrokes are never held up for long.
// A file dropped before any step ran gets none: its own rows warm the import path within a few
// slices. A step run between two of its slices to make the final analysis hot (session 13) cost
// more than it saved once the analysis got cheaper: 1.27 s against 1.48 s for Online Retail dropped
// at 200 ms (docs/PERFORMANCE.md, session 15).
import type { FilesModule } from '@wasm/servimetrics-files.js';

const STEPS = 5;
const ROWS_PER_STEP = 4000;
/** Idle time before a step: the page's first computes go first. */
const IDLE_MS = 200;

export class WarmUp {
  private step = 0;
  private rows = 0;
  private spentMs = 0;
  private stopped = false;

  constructor(
    private readonly busy: () => boolean,
    private readonly finished: (rows: number, ms: number) => void,
  ) {}

  start(module: FilesModule): void {
    if (!this.stopped) setTimeout(() => this.next(module), IDLE_MS);
  }

  /** An import of the user's starts: the steps end (its own rows warm the import path). */
  stop(): void {
    this.stopped = true;
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
