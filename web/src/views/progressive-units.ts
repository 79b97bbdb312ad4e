// Builds the KPI cards a few at a time (issue 16: light on the host's main thread): the first screen's
// cards in the first render, then one unit (a card with the inputs only it needs) per task, each into
// its own place without rendering the calculator again — never one long task for all ~33 of them.
// A section asked for (the section bar, a source link) or a print builds the rest at once (all()).
import { AsyncDirective, directive, type Part, type PartInfo } from 'lit/async-directive.js';

/** Units built in the first render: about a wide first screen. */
const FIRST_UNITS = 3;

/** The units waiting, in page order, and the task that builds the next. */
export class ProgressiveUnits {
  private readonly waiting: Later[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seen = 0;

  /** Whether every unit rendered so far is built. */
  get complete(): boolean {
    return this.waiting.length === 0;
  }

  /** Called at each render before the units: counts them in page order again. */
  startRender(): void {
    this.seen = 0;
  }

  /** Whether the next unit in page order is built at once (the first screen's). */
  takeTurn(): boolean {
    return this.seen++ < FIRST_UNITS;
  }

  /** Builds every waiting unit now (synchronously: the DOM has them when this returns). */
  all(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const later of this.waiting.splice(0)) later.build();
  }

  enqueue(later: Later): void {
    this.waiting.push(later);
    this.next();
  }

  private next(): void {
    if (this.timer !== null || this.waiting.length === 0) return;
    // A task of its own per unit: what was built so far is painted between them.
    this.timer = setTimeout(() => {
      this.timer = null;
      this.waiting.shift()?.build();
      this.next();
    }, 0);
  }
}

/**
 * One unit's place: its stand-in until its turn, then what `build` renders (the latest `build` the
 * calculator passed, so a unit built between two renders shows the current answer).
 */
class Later extends AsyncDirective {
  private built = false;
  private queued = false;
  private latest: () => unknown = () => undefined;

  constructor(part: PartInfo) {
    super(part);
  }

  render(_units: ProgressiveUnits, _now: boolean, build: () => unknown, standIn: unknown): unknown {
    return this.built ? build() : standIn;
  }

  override update(_part: Part, [units, now, build, standIn]: [ProgressiveUnits, boolean, () => unknown, unknown]): unknown {
    this.latest = build;
    if (now) this.built = true;
    if (!this.built && !this.queued) {
      this.queued = true;
      units.enqueue(this);
    }
    return this.render(units, now, build, standIn);
  }

  build(): void {
    if (this.built) return;
    this.built = true;
    if (this.isConnected) this.setValue(this.latest());
  }
}

/** `${later(units, now, () => html`…the unit…`, html`…its stand-in…`)}` */
export const later = directive(Later);
