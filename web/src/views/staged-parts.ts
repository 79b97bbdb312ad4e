// Builds a large view in parts, one per frame (issue 16: no long task on the host's main thread): a
// part's first render is its stand-in, and the part itself comes in a later task, after the browser has
// drawn the one before, so each part's script and its style and layout are tasks of their own, not one
// long task for the whole view. Used by the what-if panel and the print report.
import { AsyncDirective, directive, type Part, type PartInfo } from 'lit/async-directive.js';

/** Parts waiting, in the order they were first rendered (page order). */
const waiting: Staged[] = [];
let pumping = false;

/**
 * `next` runs in a task after the next frame: queued from requestAnimationFrame, which runs just before
 * that frame's style and layout. A hidden page draws no frame: a timer stands in.
 */
export function afterNextFrame(next: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    next();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 200);
}

function step(): void {
  waiting.shift()?.build();
  if (waiting.length === 0) pumping = false;
  else afterNextFrame(step);
}

function enqueue(part: Staged): void {
  waiting.push(part);
  if (pumping) return;
  pumping = true;
  afterNextFrame(step);
}

class Staged extends AsyncDirective {
  private built = false;
  private queued = false;
  private latest: () => unknown = () => undefined;

  constructor(part: PartInfo) {
    super(part);
  }

  render(_now: boolean, build: () => unknown, standIn: unknown): unknown {
    return this.built ? build() : standIn;
  }

  override update(_part: Part, [now, build, standIn]: [boolean, () => unknown, unknown]): unknown {
    this.latest = build;
    if (now) this.built = true;
    if (!this.built && !this.queued) {
      this.queued = true;
      enqueue(this);
    }
    return this.render(now, build, standIn);
  }

  build(): void {
    if (this.built) return;
    this.built = true;
    if (this.isConnected) this.setValue(this.latest());
  }
}

/**
 * `${staged(now, () => html`…the part…`, standIn)}`: the part at once when `now`, else its stand-in
 * until its turn (the latest `build` given, so a part built between two renders shows the current state).
 */
export const staged = directive(Staged);
