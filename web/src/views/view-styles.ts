// The calculator's view styles, taken into its shadow root after the first paint (issue 16: light on
// the host's main thread): the loading screen is styled by a few sheets, and the rest are adopted a
// few at a time in idle tasks while the engine starts, each followed by the style pass that reads
// them, so neither the first render nor the first answer's pays for all of them at once.
import { adoptStyles, type CSSResult, type ReactiveController, type ReactiveControllerHost, supportsAdoptingStyleSheets } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
type IdleCallback = (cb: () => void, o: { timeout: number }) => void;

/** Sheets taken in per idle task. */
const PER_STEP = 5;

export class ViewStyles implements ReactiveController {
  private taken = 0;
  private started = false;

  /** `all`: every view's styles in cascade order (those the element already has among them). */
  constructor(
    private readonly host: Host,
    private readonly all: CSSResult[],
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.started) return;
    this.started = true;
    this.step();
  }

  /** Every view style in now (the first full render is about to need them). */
  now(): void {
    if (this.taken < this.all.length) this.take(this.all.length);
  }

  private step(): void {
    if (this.taken >= this.all.length) return;
    const idle = (globalThis as { requestIdleCallback?: IdleCallback }).requestIdleCallback;
    const next = () => {
      if (this.taken >= this.all.length) return;
      this.take(this.taken + PER_STEP);
      // The style pass that builds the new sheets' rules, here rather than in the next render's task.
      const app = this.host.renderRoot.firstElementChild;
      if (app) getComputedStyle(app).color;
      this.step();
    };
    if (idle) idle(next, { timeout: 500 });
    else setTimeout(next, 0);
  }

  /** The first `count` sheets, in cascade order, before any another view added (lazy-view.ts). */
  private take(count: number): void {
    const root = this.host.renderRoot;
    const wanted = this.all.slice(0, Math.min(count, this.all.length));
    this.taken = wanted.length;
    if (!(root instanceof ShadowRoot)) return;
    if (supportsAdoptingStyleSheets) {
      const sheets = wanted.map((s) => s.styleSheet).filter((s): s is CSSStyleSheet => s !== undefined);
      root.adoptedStyleSheets = [...sheets, ...root.adoptedStyleSheets.filter((s) => !sheets.includes(s))];
    } else {
      // <style> elements (browsers without constructable sheets): the ones not there yet, after the others.
      const have = (this.host.constructor as { elementStyles?: unknown[] }).elementStyles ?? [];
      adoptStyles(root, wanted.filter((s) => !have.includes(s) && !this.added.has(s)));
      wanted.forEach((s) => this.added.add(s));
    }
  }

  private readonly added = new Set<CSSResult>();
}
