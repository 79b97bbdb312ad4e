// <servimetrics-calculator> as the embed's script defines it (embed.ts): configured by attributes
// (embed-config.ts, docs/EMBED.md). `compact` and `single` are a small card computed here; `full`
// loads the whole calculator (views/calculator.ts) only then, and shows it inside this element.
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { EngineClient, isSuperseded } from './engine/engine-client';
import type { ComputeAnswer, KpiSpec } from './engine/contract';
import { type ConfigProblem, type EmbedConfig, EMBED_ATTRIBUTES, readEmbedConfig } from './embed-config';
import { embedRequest, fetchInputs } from './embed-request';
import { updateDetail } from './embed-events';
import { cardFields, embedCardStyles, renderCard, renderCardSkeleton } from './embed-card';
import { hasMessages, I18n, initialCurrency, initialLang, type Lang, langCurrency } from './i18n/i18n';
import { loadLanguage, whenLanguage } from './i18n/language-packs';
import { renderMessage } from './i18n/render-message';
import { buildFormModel, buildInputs, type FormModel, type FormState, placeErrors, stateFromRequest, tidyTyped } from './lib/form-model';
import { themeTokens } from './views/theme-tokens';
import { nextTask } from './views/next-task';

const INPUT_DEBOUNCE_MS = 25;
/** What a compact card shows without a `kpis` attribute; `single` shows the first. */
const DEFAULT_CARD_KPIS = ['clv', 'cltv', 'nps'];
/** The full calculator's parts, reachable from the host page through this element. */
const FULL_PARTS = 'topbar, nav, files, whatif';

type Status = 'starting' | 'ready' | 'failed';

// The cards of one page share one worker (one download and compile of the wasm), each computing on a
// lane of its own; the last card removed stops it.
let shared: { engine: EngineClient; users: number } | null = null;
let lanes = 0;

function takeEngine(): EngineClient {
  if (!shared) {
    // EngineClient.current is the full calculator's (its tables ask it for rows): a card does not take it over.
    const previous = EngineClient.current;
    // Cards only compute: their worker loads the small compute module, not the calculator's.
    shared = { engine: new EngineClient(undefined, true), users: 0 };
    EngineClient.current = previous ?? shared.engine;
  }
  shared.users++;
  return shared.engine;
}

function releaseEngine(engine: EngineClient): void {
  if (shared?.engine !== engine || --shared.users > 0) return;
  engine.terminate();
  shared = null;
}

export class ServimetricsEmbed extends LitElement {
  static override styles = [themeTokens, embedCardStyles];

  // The attributes, read together into `config` (embed-config.ts); `lang` is also the element's own.
  @property({ attribute: 'lang' }) language: string | null = null;
  @property() currency: string | null = null;
  @property() kpis: string | null = null;
  @property() sections: string | null = null;
  @property() inputs: string | null = null;
  @property() sample: string | null = null;
  @property() layout: string | null = null;

  @state() private config: EmbedConfig = readEmbedConfig(() => null);
  @state() private i18n: I18n;
  @state() private status: Status = 'starting';
  @state() private failure = '';
  @state() private model: FormModel | null = null;
  @state() private form: FormState = {};
  @state() private answer: ComputeAnswer | null = null;
  /** The full calculator's class, once loaded; its config once the inputs URL (if any) was read. */
  @state() private fullReady = false;
  @state() private fullConfig: EmbedConfig | null = null;
  @state() private inputsFailed: string | null = null;

  private engine: EngineClient | null = null;
  private readonly lane = `embed-${++lanes}`;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private announced = false;
  /** What the card last started from, so that an attribute change reloads only what it changes. */
  private startedFrom = '';

  constructor() {
    super();
    const lang = initialLang();
    this.i18n = new I18n(lang, initialCurrency(lang));
  }

  /**
   * A card speaking Chinese first renders once its pack is in (English if it cannot come): no English flash.
   * Each render runs in a task of its own, not in the one that ran the script or took the worker's answer.
   */
  protected override async scheduleUpdate(): Promise<void> {
    const lang = readEmbedConfig((name) => this.getAttribute(name)).lang ?? this.i18n.lang;
    if (!hasMessages(lang)) await whenLanguage(lang);
    // The first (the loading card, small) at once: the element never shows empty.
    if (this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.startedFrom === '') this.requestUpdate(); // put back after a removal: start again
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.stopEngine();
    this.startedFrom = '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!EMBED_ATTRIBUTES.some((a) => changed.has(a === 'lang' ? 'language' : a)) && this.startedFrom !== '') return;
    this.config = readEmbedConfig((name) => this.getAttribute(name));
    const lang: Lang = this.config.lang ?? this.i18n.lang;
    const currency = this.config.currency ?? (this.config.lang ? langCurrency(lang) : this.i18n.currency);
    if (lang !== this.i18n.lang || currency !== this.i18n.currency) this.speak(lang, currency);
    const from = JSON.stringify([this.config.layout, this.config.inputs, this.config.inputsUrl, this.config.sample, this.config.sections.has('inputs')]);
    if (from !== this.startedFrom && this.isConnected) {
      this.startedFrom = from;
      void this.start();
    }
  }

  /** An I18n for lang; its texts are in by now (scheduleUpdate waited), else they follow when they come. */
  private speak(lang: Lang, currency: I18n['currency']): void {
    this.i18n = new I18n(lang, currency);
    if (!hasMessages(lang)) {
      void loadLanguage(lang).then(() => {
        if (this.i18n.lang === lang) this.i18n = new I18n(lang, this.i18n.currency);
      });
    }
  }

  private async start(): Promise<void> {
    const config = this.config;
    this.inputsFailed = null;
    let given = config;
    if (config.inputsUrl) {
      const inputs = await fetchInputs(config.inputsUrl);
      if (inputs === null) this.inputsFailed = config.inputsUrl;
      given = { ...config, inputs: { ...(inputs ?? {}), ...(config.inputs ?? {}) }, inputsUrl: null };
    }
    if (config.layout === 'full') {
      this.stopEngine(); // the full calculator has its own
      await import('./views/calculator').then(({ ServimetricsCalculator }) => {
        if (!customElements.get('servimetrics-full-calculator')) customElements.define('servimetrics-full-calculator', ServimetricsCalculator);
      });
      this.fullConfig = given;
      this.fullReady = true;
      return;
    }
    await this.startCard(given);
  }

  private async startCard(given: EmbedConfig): Promise<void> {
    try {
      this.engine ??= takeEngine();
      const engine = this.engine;
      if (!this.model) {
        const model = buildFormModel(await engine.catalog());
        await nextTask(); // the model in one task, the card's state and its render in the next ones
        this.model = model;
      }
      const request = embedRequest(given);
      this.form = stateFromRequest(this.model, request).state;
      // Fields and results come together, with the first answer: the card changes size once.
      await this.recompute();
      if (this.status === 'starting') this.status = 'ready';
    } catch (error) {
      this.status = 'failed';
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  private stopEngine(): void {
    if (this.engine) releaseEngine(this.engine);
    this.engine = null;
  }

  /** The chosen KPIs found in the catalog, in the attribute's order; `single` keeps the first. */
  private shownKpis(model: FormModel): KpiSpec[] {
    const ids = this.config.kpis ?? DEFAULT_CARD_KPIS;
    const found = ids.flatMap((id) => model.kpiById.get(id) ?? []);
    return this.config.layout === 'single' ? found.slice(0, 1) : found;
  }

  private async recompute(): Promise<void> {
    const model = this.model;
    const engine = this.engine;
    if (!model || !engine) return;
    const seq = ++this.seq;
    const inputs = buildInputs(model, this.form);
    try {
      const answer = await engine.compute({ inputs, compact: true }, this.lane);
      if (seq !== this.seq) return;
      this.answer = answer;
      this.announce(answer, inputs);
    } catch (error) {
      if (isSuperseded(error)) return;
      this.status = 'failed';
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  private announce(answer: ComputeAnswer, inputs: Parameters<typeof updateDetail>[1]): void {
    const ids = this.model ? this.shownKpis(this.model).map((k) => k.id) : null;
    const detail = updateDetail(answer, inputs, ids);
    const first = !this.announced;
    this.announced = true;
    // Once the card shows it (renders wait a task, scheduleUpdate).
    void this.updateComplete.then(() => {
      if (first) this.dispatchEvent(new CustomEvent('servimetrics-ready', { detail, bubbles: true, composed: true }));
      this.dispatchEvent(new CustomEvent('servimetrics-update', { detail, bubbles: true, composed: true }));
    });
  }

  private readonly onInput = (key: string, text: string): void => {
    this.form = { ...this.form, [key]: text };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.recompute(), INPUT_DEBOUNCE_MS);
  };

  private readonly onBlur = (key: string): void => {
    const value = this.form[key];
    if (typeof value === 'string') this.form = { ...this.form, [key]: tidyTyped(value) };
  };

  /** Every attribute value left out, and every KPI id the catalog does not have. */
  private problems(): TemplateResult | typeof nothing {
    const { i18n } = this;
    const texts = this.config.problems.map((p: ConfigProblem) => i18n.t('embedBadAttribute', { attribute: p.attribute, value: p.value, expected: p.expected }));
    const model = this.model;
    if (model && this.config.layout !== 'full') {
      for (const id of this.config.kpis ?? []) if (!model.kpiById.has(id)) texts.push(i18n.t('embedUnknownKpi', { id }));
    }
    if (this.inputsFailed) texts.push(i18n.t('embedInputsFailed', { url: this.inputsFailed }));
    if (texts.length === 0) return nothing;
    return html`<ul class="problems" part="problems" role="alert" data-testid="embed-problems">
      ${texts.map((t) => html`<li>${t}</li>`)}
    </ul>`;
  }

  override render(): TemplateResult {
    const { i18n } = this;
    if (this.config.layout === 'full') {
      // The current attributes, with the inputs read at start (an inputs URL is fetched once).
      const full = this.fullReady && this.fullConfig ? { ...this.config, inputs: this.fullConfig.inputs, inputsUrl: null } : null;
      return html`<div class="app" lang=${i18n.lang}>
        ${this.problems()}
        ${full
          ? keyed(JSON.stringify({ ...full, sections: [...full.sections] }), html`<servimetrics-full-calculator .embed=${full} exportparts=${FULL_PARTS}></servimetrics-full-calculator>`)
          : html`<p class="starting" role="status">${i18n.t('engineStarting')}</p>`}
      </div>`;
    }
    return html`<div class="app card ${this.config.layout}" part="card" lang=${i18n.lang} data-layout=${this.config.layout}>
      ${this.problems()} ${this.renderBody()}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const { i18n, model } = this;
    if (this.status === 'failed') return html`<p class="problems" role="alert">${i18n.t('engineFailed', { message: this.failure })}</p>`;
    if (!model || this.status !== 'ready') {
      const count = this.config.layout === 'single' ? 1 : (this.config.kpis ?? DEFAULT_CARD_KPIS).length;
      return renderCardSkeleton(i18n.t('engineStarting'), count, this.config.sections.has('inputs'), this.config.layout === 'single', i18n.t('embedFooter'));
    }
    const kpis = this.shownKpis(model);
    const { fields, needsFull } = cardFields(model, kpis.map((k) => k.id));
    const placed = placeErrors(model, this.answer?.errors ?? []);
    const messages = { i18n, catalog: model.catalog, kinds: [] };
    return renderCard({
      i18n,
      model,
      kpis,
      fields,
      needsFull,
      showInputs: this.config.sections.has('inputs'),
      single: this.config.layout === 'single',
      form: this.form,
      answer: this.answer,
      errorsOf: (key) => placed.byField.get(key) ?? [],
      kpiErrorsOf: (id) => placed.byKpi.get(id) ?? [],
      message: (e) => renderMessage(e, messages),
      onInput: this.onInput,
      onBlur: this.onBlur,
    });
  }
}
