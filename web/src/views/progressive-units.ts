// Builds the KPI groups a few cards at a time (issue 16: light on the host's main thread): the first
// render holds the first screen's cards, and each later task adds a few more, until all ~33 cards and
// their inputs are there — a second or so after the first render, never one long task for all of them.
// A section asked for (the section bar, a source link) or a print builds everything at once.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Units (a KPI card with the inputs only it needs) in the first render: about a wide first screen. */
const FIRST_UNITS = 3;
/** Units added per task after it: small enough that a task stays short on a slow phone. */
const UNITS_PER_TASK = 2;

export class ProgressiveUnits implements ReactiveController {
  /** How many units the groups may build now, counted through the groups in order. */
  private budget = FIRST_UNITS;
  /** How many units there are (the view tells at each render). */
  private total = Number.POSITIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The view's units this render: how many there are; returns how many to build. */
  allowance(total: number): number {
    this.total = total;
    return this.budget;
  }

  /** Whether every unit is built. */
  get complete(): boolean {
    return this.budget >= this.total;
  }

  /** Builds everything in the next render (awaiting the host's updateComplete then finds it there). */
  all(): void {
    if (this.complete) return;
    this.budget = Number.POSITIVE_INFINITY;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (this.complete || this.timer !== null || this.total === Number.POSITIVE_INFINITY) return;
    // A task of its own: the frame with what was built so far is painted before the next batch.
    this.timer = setTimeout(() => {
      this.timer = null;
      this.budget += UNITS_PER_TASK;
      this.host.requestUpdate();
    }, 0);
  }

  hostDisconnected(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
