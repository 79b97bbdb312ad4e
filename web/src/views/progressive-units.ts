// Builds the KPI cards when they are needed (issue 16: light on the host's main thread): the first
// render has one stand-in for all the groups (region()), whose headings and units' stand-ins come in
// the next frame; then each unit (a card with the inputs only it needs) when its stand-in comes into
// the viewport, or in idle time from 2.5 s after the first answer — one per task, each into its own
// place, without rendering the calculator again. A section asked for (the section bar, a source link)
// builds the rest at once (all()).
import type { ChildPart } from 'lit';
import { AsyncDirective, directive, type Part, type PartInfo } from 'lit/async-directive.js';
import { afterNextFrame } from './staged-parts';

/**
 * Units built in the first render: none; those the first screen reaches follow one a task (the
 * first unit alone prepares most of the cards' and fields' templates: a task of its own).
 */
const FIRST_UNITS = 0;

/** After the first answer, how long the page waits before building the units nobody reached yet. */
const IDLE_AFTER_MS = 2500;

/**
 * How near the viewport a stand-in is built at once: a quarter of a screen. A phone's first screen
 * (the overview) then builds none before the page is idle, a wide screen only those it shows.
 */
const REACH = '25% 0px';

type IdleCallback = (cb: () => void, o: { timeout: number }) => void;

/** The units waiting, in page order; built when their stand-in nears the viewport, or when idle. */
export class ProgressiveUnits {
  private readonly waiting: Later[] = [];
  private observer: IntersectionObserver | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private seen = 0;
  /** Units still to build one per task (buildSoon), and whether that has begun. */
  private soon = 0;
  private pumping = false;
  private root: ParentNode | null = null;
  /** The reader's place read before a build whose correction waits for the next frame. */
  private kept: Place | null = null;
  /** The groups' region while it shows its stand-in (region()), and whether its frame is asked for. */
  private region: Region | null = null;
  private regionSoon = false;

  /**
   * `onComplete`: every unit is built (the panels below them come after, lazy-view.ts); `onRegion`: the
   * groups' region was built outside a render of the host (their sections are new).
   */
  constructor(
    private readonly onComplete: () => void = () => undefined,
    private readonly onRegion: () => void = () => undefined,
  ) {}

  /** Whether the groups and every unit rendered so far are built. */
  get complete(): boolean {
    return this.region === null && this.waiting.length === 0;
  }

  /** Called at each render before the units: counts them in page order again. */
  startRender(): void {
    this.seen = 0;
  }

  /** Whether the next unit in page order is built at once (the first screen's). */
  takeTurn(): boolean {
    return this.seen++ < FIRST_UNITS;
  }

  /** Builds the groups and every waiting unit now (synchronously: the DOM has them when this returns). */
  all(): void {
    this.buildRegion();
    this.build(this.waiting.length);
  }

  enqueue(later: Later): void {
    this.waiting.push(later);
  }

  /** The groups' region shows its stand-in until it is built (buildRegion). */
  wait(region: Region): void {
    this.region = region;
  }

  /** After the host rendered: the groups' region in the next frame, and stand-ins in reach get built. */
  observe(root: ParentNode): void {
    this.root = root;
    if (this.region && !this.regionSoon) {
      this.regionSoon = true;
      afterNextFrame(() => {
        this.regionSoon = false;
        this.buildRegion();
      });
    }
    if (this.complete) return;
    if (typeof IntersectionObserver !== 'function') return this.all();
    this.observer ??= new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        // Everything up to the last stand-in in reach, in page order, so nothing above it jumps.
        const standIns = [...root.querySelectorAll('.unit-later')];
        const reach = Math.max(...entries.filter((e) => e.isIntersecting).map((e) => standIns.indexOf(e.target)));
        this.buildSoon(reach + 1);
      },
      { rootMargin: REACH },
    );
    this.observer.disconnect();
    root.querySelectorAll('.unit-later').forEach((el) => this.observer?.observe(el));
  }

  /** The groups' headings and their units' stand-ins, in place of the region's stand-in. */
  private buildRegion(): void {
    const region = this.region;
    if (!region) return;
    this.region = null;
    region.build();
    this.onRegion();
    if (this.root) this.observe(this.root);
    if (this.complete) this.onComplete();
  }

  /** The first answer is on screen: the units nobody reached are built a little later, in idle time. */
  whenIdle(): void {
    if (this.idleTimer !== null || this.complete) return;
    this.idleTimer = setTimeout(() => this.buildWhileIdle(), IDLE_AFTER_MS);
  }

  private buildWhileIdle(): void {
    if (this.complete) return;
    if (this.region) this.buildRegion();
    const idle = (globalThis as { requestIdleCallback?: IdleCallback }).requestIdleCallback;
    if (!idle) {
      this.build(1, false);
      afterNextFrame(() => this.buildWhileIdle());
      return;
    }
    // One unit per idle period (about 5 ms at full speed): a slow phone's four times that is still
    // under 50 ms, while a deadline's 50 ms filled here would be a long task there.
    idle(
      () => {
        this.build(1, false);
        this.buildWhileIdle();
      },
      { timeout: 1000 },
    );
  }

  /**
   * Builds the next `count` units one per frame (each a few ms: no long task however many are reached);
   * each unit's style and layout are made in the frame after its task, not in it.
   */
  private buildSoon(count: number): void {
    this.soon = Math.max(this.soon, count);
    if (this.pumping) return;
    this.pumping = true;
    const step = () => {
      if (this.soon <= 0 || this.complete) {
        this.soon = 0;
        this.pumping = false;
        return;
      }
      this.soon--;
      this.build(1, false);
      afterNextFrame(step);
    };
    afterNextFrame(step);
  }

  /**
   * What the reader looks at stays put while units above it take their real height. `now` (a section
   * asked for, synchronously) measures at once; otherwise the place is read again in the next frame,
   * whose layout is made anyway, so a unit's task is its script alone and not a forced layout too.
   */
  private build(count: number, now = true): void {
    const batch = this.waiting.splice(0, count);
    if (batch.length === 0) return;
    const kept = this.kept ?? this.readPlace();
    // Only a unit above the reader's place moves it: any other move (a notice opening at the top, the
    // confirm bar) is the page's own, and is not scrolled away.
    if (kept) kept.above ||= batch.some((later) => later.precedes(kept.anchor));
    for (const later of batch) later.build();
    if (this.complete) {
      this.observer?.disconnect();
      this.onComplete();
    }
    if (!kept) return;
    if (now || typeof requestAnimationFrame !== 'function') return keepPlace(kept);
    if (this.kept) return; // the next frame's correction is already asked for
    this.kept = kept;
    requestAnimationFrame(() => {
      this.kept = null;
      keepPlace(kept);
    });
  }

  private readPlace(): Place | null {
    const anchor = this.root ? firstInView(this.root) : null;
    return anchor ? { anchor, top: anchor.getBoundingClientRect().top, scrollY: globalThis.scrollY ?? 0, above: false } : null;
  }
}

interface Place {
  anchor: Element;
  top: number;
  scrollY: number;
  /** Whether a unit built since lies above the anchor (only those move it). */
  above: boolean;
}

/**
 * Scrolls by as much as the reader's place moved since it was read, when a unit built above it moved
 * it; not when the page was scrolled since, nor when the anchor itself was replaced (a stand-in built).
 */
function keepPlace({ anchor, top, scrollY, above }: Place): void {
  if (!above || !anchor.isConnected || (globalThis.scrollY ?? 0) !== scrollY) return;
  const moved = anchor.getBoundingClientRect().top - top;
  if (Math.abs(moved) >= 1) globalThis.scrollBy?.(0, moved);
}

/** The first section or unit whose top is in the viewport: the reader's place. */
function firstInView(root: ParentNode): Element | null {
  for (const el of root.querySelectorAll('section[id], .kpi-unit, .unit-later')) {
    if (el.getBoundingClientRect().top >= 0) return el;
  }
  return null;
}

/**
 * One unit's place: its stand-in until its turn, then what `build` renders (the latest `build` the
 * calculator passed, so a unit built between two renders shows the current answer).
 */
class Later extends AsyncDirective {
  private built = false;
  private queued = false;
  private latest: () => unknown = () => undefined;
  private part: ChildPart | null = null;

  constructor(part: PartInfo) {
    super(part);
  }

  /** Whether this unit's place comes before `el` in the page. */
  precedes(el: Element): boolean {
    const node = this.part?.startNode ?? this.part?.parentNode;
    return !!node && (el.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  }

  render(_units: ProgressiveUnits, _now: boolean, build: () => unknown, standIn: unknown): unknown {
    return this.built ? build() : standIn;
  }

  override update(part: Part, [units, now, build, standIn]: [ProgressiveUnits, boolean, () => unknown, unknown]): unknown {
    this.part = part as ChildPart;
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

/** The groups' place: its stand-in in the first render, the groups from the next frame on. */
class Region extends AsyncDirective {
  private built = false;
  private latest: () => unknown = () => undefined;

  constructor(part: PartInfo) {
    super(part);
  }

  render(_units: ProgressiveUnits, build: () => unknown, standIn: unknown): unknown {
    return this.built ? build() : standIn;
  }

  override update(_part: Part, [units, build, standIn]: [ProgressiveUnits, () => unknown, unknown]): unknown {
    this.latest = build;
    if (!this.built) units.wait(this);
    return this.render(units, build, standIn);
  }

  build(): void {
    if (this.built) return;
    this.built = true;
    if (this.isConnected) this.setValue(this.latest());
  }
}

/** `${region(units, () => html`…the groups…`, html`…one stand-in…`)}` */
export const region = directive(Region);
