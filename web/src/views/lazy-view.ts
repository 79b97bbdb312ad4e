// Builds the panels below the first screen only when they are needed: their code (lazy-panels.ts)
// is fetched by import() once a placeholder comes near the viewport, a section is asked for, or the
// page has been idle a while after its first answer; then each panel is shown in its own frame, so
// no single task renders the whole page (issue 16: light on the host's main thread). The report's code
// is the calculator's own (a print builds it at once); 'report' here is only its turn when idle.
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { cssomStyle } from './cssom-style';

export type Panels = typeof import('./lazy-panels');
/** The panels in the order they are shown once the code is in. */
export type PanelId = 'files' | 'whatif' | 'report';
const ORDER: PanelId[] = ['files', 'whatif', 'report'];

/** After the first answer, how long the page waits before building the panels nobody reached yet. */
const IDLE_AFTER_MS = 2500;

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class LazyPanels implements ReactiveController {
  /** The panels' code, once loaded. */
  panels: Panels | null = null;
  private readonly shown = new Set<PanelId>();
  private loading: Promise<Panels> | null = null;
  private observer: IntersectionObserver | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  hostUpdated(): void {
    const placeholders = this.host.renderRoot.querySelectorAll('[data-lazy-panel]');
    if (placeholders.length === 0) return;
    if (typeof IntersectionObserver !== 'function') {
      void this.show(ORDER);
      return;
    }
    this.observer ??= new IntersectionObserver(
      (entries) => {
        const near = entries.filter((e) => e.isIntersecting).map((e) => (e.target as HTMLElement).dataset['lazyPanel'] as PanelId);
        if (near.length > 0) void this.show(near);
      },
      { rootMargin: '600px 0px' }, // about a screen ahead, so a scroll rarely meets the placeholder
    );
    placeholders.forEach((p) => this.observer?.observe(p));
  }

  /** The KPI cards are all built (progressive-units.ts): the panels follow a little later, when quiet. */
  whenIdle(): void {
    if (this.idleTimer !== null || this.shown.size === ORDER.length) return;
    this.idleTimer = setTimeout(() => {
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => void }).requestIdleCallback;
      if (idle) idle(() => void this.show(ORDER), { timeout: 2000 });
      else void this.show(ORDER);
    }, IDLE_AFTER_MS);
  }

  /** Whether `id` is built (its code loaded and its turn come). */
  ready(id: PanelId): boolean {
    return this.panels !== null && this.shown.has(id);
  }

  /** Builds these panels now (a nav click, a placeholder reached), one frame each. */
  async show(ids: PanelId[]): Promise<void> {
    await this.load();
    for (const id of ORDER.filter((p) => ids.includes(p) && !this.shown.has(p))) {
      this.shown.add(id);
      this.host.requestUpdate();
      await this.host.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 0)); // a task boundary between panels
    }
    if (this.shown.size === ORDER.length) this.observer?.disconnect();
  }

  /** A panel's stand-in: an empty block about its height, so the page does not jump when it comes. */
  placeholder(id: PanelId, minHeight: string): TemplateResult {
    return html`<div class="lazy-panel" data-lazy-panel=${id} aria-hidden="true" ${cssomStyle({ 'min-height': minHeight })}></div>`;
  }

  private load(): Promise<Panels> {
    this.loading ??= import('./lazy-panels').then((panels) => {
      this.adoptStyles(panels);
      this.panels = panels;
      return panels;
    });
    return this.loading;
  }

  // The panels' styles join the shadow root's after the calculator's own (Lit adopted those).
  private adoptStyles(panels: Panels): void {
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    const sheets = panels.panelStyles.map((s) => s.styleSheet).filter((s): s is CSSStyleSheet => s !== undefined);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  }
}
