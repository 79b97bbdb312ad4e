// <servimetrics-calculator>: the whole page in one custom element. The C++ core (WebAssembly, in
// a worker) computes every number; this element turns its catalog into forms and its answers into
// cards, tables and charts.
import { css, type CSSResult, LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { EngineClient, isSuperseded } from '../engine/engine-client';
import type { DataKind, DateFormat } from '../engine/contract';
import type {
  Catalog,
  CatalogInput,
  ComputeAnswer,
  ComputeRequest,
  EngineError,
  InputValue,
  KpiResult,
  ProjectionRequest,
} from '../engine/contract';
import { type Currency, hasMessages, I18n, initialCurrency, initialLang, type Lang, langCurrency, rememberCurrency, rememberLang } from '../i18n/i18n';
import { loadLanguage, whenLanguage } from '../i18n/language-packs';
import '../i18n/all-messages'; // every layer's message texts: the embed's card loads only the request layer's
import {
  buildFormModel,
  buildInputs,
  emptyState,
  type FieldValue,
  type FormModel,
  type FormState,
  fieldForInput,
  placeErrors,
  stateFromRequest,
} from '../lib/form-model';
import { type Baseline, type BaselineOrigin, deriveBaseline, scenarioFromLoaded } from '../lib/whatif';
import type { LeverKey } from '../engine/whatif-contract';
import { baselineLevers } from '../lib/whatif-request';
import { projectionOf } from '../lib/whatif-report';
import { emptyDoc, migrateScenario, selectedScenario, type WhatIfDoc } from '../lib/whatif-scenarios';
import { WhatIfController } from './whatif-controller';
import { scenarioName } from './scenario-compare-view';
import sampleCompany from '../../../public/samples/sample-company.json';
import { type MessageContext, renderMessage } from '../i18n/render-message';
import { FileImports, type FilesSnapshot } from '../lib/file-imports';
import { type FileInputs, fileLayers, isBlank, modelLayers, type ResolvedInputs, resolveInputs } from '../lib/input-sources';
import { baselineSources, kpiSources, renderBaselineSources, renderCardSources, type SourceContext, sourceLabel, sourceStyles } from './source-view';
import type { FormSource, LinkedInput, WorkspaceState } from '../lib/workspace-doc';
import { WorkspaceKeeper } from '../lib/workspace-keeper';
import { chartStyles } from './chart-view';
import { fieldsStyles } from './fields-view';
import { groupsLater, groupStyles, renderGroup } from './group-view';
import { ProgressiveUnits, region } from './progressive-units';
import { nextTask, warmUpIntl, warmUpText } from './next-task';
import { ViewStyles } from './view-styles';
import { CustomerBaseFits } from '../lib/customer-base-fits';
import { CUSTOMER_BASE_KINDS } from '../lib/customer-base';
import type { KindResult } from '../lib/file-imports';
import { kpiCardStyles } from './kpi-card-view';
import { sharedStyles, themeTokens } from './shared-styles';
import type { EmbedConfig } from '../embed-config';
import { embedRequest } from '../embed-request';
import { appBase } from '../lib/app-base';
import { updateDetail } from '../embed-events';
import type { Metric } from './whatif-view';
import { exportBarStyles, renderExportBar, ReportExport } from './export-bar-view';
import { type ReportData, renderReport, reportStyles } from './report-view';
// The files panel and the what-if come in their own chunk, when reached or idle; the print report is
// built when the page is idle too, or at once by a print (onBeforePrint).
import { LazyPanels } from './lazy-view';
import { renderWorkspaceBar, workspaceStyles } from './workspace-view';
import { localeControlsStyles, renderCurrencySelect, renderLanguageSwitch } from './locale-controls-view';
import { CurrencyGuessController, currencyGuessStyles } from './currency-guess-notice';

const SAMPLE_REQUEST = sampleCompany as unknown as ComputeRequest;
const INPUT_DEBOUNCE_MS = 25;

type EngineStatus = 'starting' | 'ready' | 'failed';
type Notice = 'sample' | 'cleared' | null;
type Wipe = 'clear' | 'sample';

/** Everything Clear or Load sample replaces, kept so that Undo can bring it back. */
interface UndoState {
  wipe: Wipe;
  form: FormState;
  formSources: Record<string, FormSource>;
  linkedInputs: Record<string, LinkedInput>;
  extra: Record<string, InputValue>;
  thresholds: ComputeRequest['thresholds'] | undefined;
  loadedProjection: ProjectionRequest | null;
  whatif: WhatIfDoc;
  notice: Notice;
  files: FilesSnapshot;
}

// The page's frame: top bar, overview, navigation, group sections, loading skeleton, footer.
export const calculatorStyles = css`
  /* A panel an embed leaves out (its sections attribute). */
  [hidden] {
    display: none !important;
  }

  .topbar {
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }

  .topbar-inner {
    max-width: 1360px;
    margin: 0 auto;
    padding: 0 24px;
  }

  .topbar-inner {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 16px;
    padding-top: 14px;
    padding-bottom: 14px;
    flex-wrap: wrap;
  }

  .brand {
    display: flex;
    align-items: center;
    gap: 12px;
    min-width: 0;
  }

  .brand svg {
    flex: none;
  }

  .brand h1 {
    font-size: 20px;
    letter-spacing: -0.01em;
    font-weight: 700;
  }

  .brand p {
    color: var(--_muted);
    font-size: 13px;
  }

  .actions {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
    margin-left: auto;
  }

  .nav button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  /* A section heading the nav moved focus to. */
  h2[tabindex='-1']:focus {
    outline: none;
  }

  h2[tabindex='-1']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 4px;
    border-radius: 4px;
  }

  .currency {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    color: var(--_muted);
  }

  .currency select {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 6px 8px;
    background: var(--_surface);
  }

  .overview {
    margin-top: 20px;
    display: grid;
    grid-template-columns: minmax(220px, 1fr) 3fr;
    gap: 16px;
    align-items: stretch;
  }

  .overview .totals {
    padding: 16px 18px;
  }

  .overview h2 {
    font-size: 13px;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--_muted);
    font-weight: 600;
  }

  .tally {
    display: flex;
    gap: 14px;
    margin-top: 10px;
    flex-wrap: wrap;
  }

  .tally div {
    display: flex;
    flex-direction: column;
  }

  .tally strong {
    font-size: 26px;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }

  .tally span {
    font-size: 12px;
    color: var(--_muted);
  }

  .tally .good strong {
    color: var(--_good);
  }

  .tally .watch strong {
    color: var(--_watch);
  }

  .tally .bad strong {
    color: var(--_bad);
  }

  .computed {
    margin-top: 8px;
    font-size: 12px;
    color: var(--_muted);
  }

  .group-tiles {
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: 10px;
  }

  .group-tile {
    text-align: left;
    padding: 12px 14px;
    cursor: pointer;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }

  .group-tile:hover {
    border-color: var(--_accent);
  }

  .group-tile .name {
    font-weight: 600;
    font-size: 14px;
  }

  .tile-counts {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 10px;
    font-size: 12px;
    color: var(--_muted);
    margin-top: auto;
  }

  .tile-counts .good {
    color: var(--_good);
  }

  .tile-counts .watch {
    color: var(--_watch);
  }

  .tile-counts .bad {
    color: var(--_bad);
  }

  .dots {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }

  .dot {
    width: 12px;
    height: 12px;
    border-radius: 3px;
    background: var(--_border);
  }

  .dot.good {
    background: var(--_good);
  }

  .dot.watch {
    background: var(--_watch);
  }

  .dot.bad {
    background: var(--_bad);
  }

  .dot.none {
    background: color-mix(in srgb, var(--_none) 45%, transparent);
  }

  .nav {
    position: sticky;
    top: 0;
    z-index: 5;
    margin-top: 18px;
    background: color-mix(in srgb, var(--_bg) 92%, transparent);
    backdrop-filter: blur(6px);
    -webkit-backdrop-filter: blur(6px);
    border-bottom: 1px solid var(--_border);
  }

  .nav .wrap {
    display: flex;
    gap: 4px;
    overflow-x: auto;
    scrollbar-width: none;
    padding-top: 6px;
    padding-bottom: 6px;
  }

  .nav button {
    border: 0;
    background: none;
    padding: 7px 12px;
    border-radius: 999px;
    cursor: pointer;
    white-space: nowrap;
    font-size: 14px;
    color: var(--_muted);
  }

  .nav button:hover {
    color: var(--_text);
    background: var(--_accent-soft);
  }

  .nav button.active {
    color: var(--_accent);
    background: var(--_accent-soft);
    font-weight: 600;
  }

  section.group,

  section.block {
    padding-top: 28px;
    scroll-margin-top: 56px;
  }

  footer {
    padding: 28px 0 36px;
    color: var(--_muted);
    font-size: 13px;
    text-align: center;
  }

  .skeleton {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(270px, 1fr));
    gap: 12px;
    margin-top: 20px;
  }

  /* Still boxes, no shimmer: an animated background made a main-thread frame (style and paint) every
     16 ms while the engine starts, and a compositor-animated band a composited frame as often; both
     took CPU from the page's own start (docs/PERFORMANCE.md, session 16). */
  .skeleton div {
    height: 140px;
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }

  @container (max-width: 1100px) {
    .overview {
      grid-template-columns: 1fr;
    }
  }

  @container (max-width: 720px) {
    .topbar-inner {
      padding-left: 14px;
      padding-right: 14px;
    }

    .topbar-inner {
      gap: 10px;
    }

    .brand p {
      display: none;
    }

    .brand {
      flex: 1;
    }

    .actions {
      order: 3;
      width: 100%;
      margin-left: 0;
    }

    .actions .currency {
      margin-left: auto;
    }

    .group-tiles {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }

    .group-tile:last-child:nth-child(odd) {
      grid-column: 1 / -1;
    }
  }
`;

// Every view's styles, the shared ones first: the views all render into this one shadow root.
const VIEW_STYLES: CSSResult[] = [
  themeTokens,
  sharedStyles,
  calculatorStyles,
  fieldsStyles,
  groupStyles,
  kpiCardStyles,
  currencyGuessStyles,
  chartStyles,
  sourceStyles,
  exportBarStyles,
  workspaceStyles,
  localeControlsStyles,
  reportStyles,
];
// The first screen (top bar and loading skeleton) needs only these: the first style pass is small,
// and the others are taken in while the engine starts (ViewStyles).
const FIRST_STYLES: CSSResult[] = [themeTokens, sharedStyles, calculatorStyles, localeControlsStyles];

export class ServimetricsCalculator extends LitElement {
  static override styles = FIRST_STYLES;
  private readonly viewStyles = new ViewStyles(this, VIEW_STYLES);

  @state() private i18n: I18n;
  @state() private engineStatus: EngineStatus = 'starting';
  /** The panels below the first screen (lazy-view.ts). */
  private readonly lazy = new LazyPanels(this);
  // The KPI groups come a frame after the first render, their cards one per task when reached or idle.
  private readonly progress = new ProgressiveUnits(
    () => this.lazy.whenIdle(),
    () => this.observeSections(),
  );
  /** A print asked for the report before the idle page built it (onBeforePrint). */
  private reportNow = false;
  @state() private engineMessage = '';
  @state() private model: FormModel | null = null;
  @state() private form: FormState = {};
  @state() private answer: ComputeAnswer | null = null;
  @state() private baseline: Baseline | null = null;
  @state() private metric: Metric = 'revenue';
  @state() private kinds: DataKind[] = [];
  @state() private dateFormats: DateFormat[] = [];
  @state() private notice: Notice = 'sample';
  /** Clear or Load sample asked for and not yet confirmed. */
  @state() private confirming: Wipe | null = null;
  @state() private undo: UndoState | null = null;
  @state() private chartWidth = 0;
  /** The what-if chart is kept on screen above the sliders (one column, tall enough): it is short. */
  @state() private stickyChart = false;
  /** The frame that places the stuck chart (placeStickyChart), when one is asked for. */
  private stickyFrame = 0;
  @state() private activeSection = '';

  /**
   * Set by the embed (embed-element.ts) before the element is connected: its language, currency,
   * sections and first inputs; an embedded calculator neither reads nor keeps a workspace.
   */
  embed: EmbedConfig | null = null;
  private readyAnnounced = false;
  private engine: EngineClient | null = null;
  private startQueued = false;
  private readonly files = new FileImports(
    this,
    () => this.engine,
    () => {
      // Only a margin the core accepts: a typo in the calculator must not stop a file's import.
      const margin = this.currentInputs()?.['gross_margin'];
      return typeof margin === 'number' && margin >= -10 && margin <= 1 ? margin : undefined;
    },
    () => this.dropUndo(),
  );
  /** A file's currency symbols set the page's currency unless the user chose one (currency-guess-notice.ts). */
  private readonly currencyGuess = new CurrencyGuessController(
    this,
    () => this.files.results.values(),
    () => this.i18n,
    (c) => (this.i18n = this.speak(this.i18n.lang, c)),
    () => Boolean(this.embed?.currency),
  );
  /** The what-if scenarios and questions, and their answers (whatif-controller.ts). */
  private readonly wi = new WhatIfController(this, () => this.engine);
  /** Lever values typed and not taken, kept between renders (whatif-levers-view.ts). */
  private readonly typedLevers = new Map<LeverKey, { text: string; problem: string }>();
  /** The customer-base fits of the loaded files; their CLV and retention are inputs too. */
  private readonly customerBase = new CustomerBaseFits(this, () => this.engine);
  /** The company name of the printed report, and the downloads. */
  private readonly report = new ReportExport(this);
  private extra: Record<string, InputValue> = {};
  /** Whether each non-blank form value was typed or came from the sample. */
  private formSources: Record<string, FormSource> = {};
  /** File-derived inputs that came as values, without their file (a shared link). */
  private linkedInputs: Record<string, LinkedInput> = {};
  /** The import ids of the file results the inputs were last resolved with. */
  private filesSignature = '';
  private resolvedCache: { version: number; resolved: ResolvedInputs } | null = null;
  private fieldKeysModel: FormModel | null = null;
  private readonly fieldKeysByKpi = new Map<string, string[]>();
  private thresholds: ComputeRequest['thresholds'] | undefined;
  private loadedProjection: ProjectionRequest | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private inputsVersion = 0;
  /** The request inputs built for `inputsVersion` (a slider move changes only the what-if scenarios). */
  private builtInputs: { version: number; inputs: Record<string, InputValue> } | null = null;
  private chartObserver: ResizeObserver | null = null;
  private observedChart: Element | null = null;
  private sectionObserver: IntersectionObserver | null = null;
  // The same query as the sticky chart's rule in whatif-view.ts.
  private readonly stickyQuery = globalThis.matchMedia?.('(max-width: 1100px) and (min-height: 560px)') ?? null;
  private readonly onStickyChange = (): void => {
    this.stickyChart = this.stickyQuery?.matches ?? false;
  };

  constructor() {
    super();
    const lang = initialLang();
    this.i18n = this.speak(lang, initialCurrency(lang));
  }

  /**
   * A page speaking Chinese first renders once its pack is in (English if it cannot come): no English flash.
   * Each render runs in a task of its own, not in the one that ran the module or took the worker's answer.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!hasMessages(this.i18n.lang)) await whenLanguage(this.i18n.lang);
    await nextTask();
    super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.embed && !this.engine) {
      const lang = this.embed.lang ?? this.i18n.lang;
      this.i18n = this.speak(lang, this.embed.currency ?? (this.embed.lang ? langCurrency(lang) : initialCurrency(lang)));
    }
    // The worker starts in a task of its own, not in the one that ran the modules (issue 16).
    if (!this.engine && !this.startQueued) {
      this.startQueued = true;
      setTimeout(() => {
        this.startQueued = false;
        if (!this.engine && this.isConnected) void this.start();
      }, 0);
    }
    if (!this.hasUpdated) warmUpText(this.renderRoot);
    this.stickyQuery?.addEventListener('change', this.onStickyChange);
    this.onStickyChange();
    // After the first render: the host page's listener is added only once this module has run.
    void this.updateComplete.then(() => this.announceLanguage());
    globalThis.addEventListener?.('hashchange', this.onHashChange);
    globalThis.addEventListener?.('beforeprint', this.onBeforePrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.embed) {
      // An embed removed (or replaced for a new configuration) stops its worker.
      this.engine?.terminate();
      this.engine = null;
    }
    this.stickyQuery?.removeEventListener('change', this.onStickyChange);
    globalThis.removeEventListener?.('hashchange', this.onHashChange);
    globalThis.removeEventListener?.('beforeprint', this.onBeforePrint);
    this.chartObserver?.disconnect();
    this.chartObserver = null;
    this.observedChart = null;
    this.sectionObserver?.disconnect();
    this.sectionObserver = null;
  }

  // ---- engine -----------------------------------------------------------------------------------

  private async start(): Promise<void> {
    try {
      this.engine = new EngineClient();
      // The data kinds only label the files panel: the calculator works without them.
      this.engine.kinds().then(
        (k) => {
          this.kinds = k.kinds;
          this.dateFormats = k.date_formats.map((f) => f.id);
          this.files.kindIds = k.kinds.map((kind) => kind.id);
        },
        (error: unknown) => console.warn('[servimetrics] data kinds unavailable:', error),
      );
      // The sample company is a complete request of its own: compute it while the catalog
      // travels, so the first paint of the form already holds its KPIs. The workspace kept in this
      // browser (or a link's) is read meanwhile and, when there is one, shown instead.
      const firstRequest = this.embed ? embedRequest(this.embed) : SAMPLE_REQUEST;
      const [catalog, first, kept]: [Catalog, ComputeAnswer, WorkspaceState | null] = await Promise.all([
        this.engine.catalog(),
        this.engine.compute(firstRequest),
        this.embed ? Promise.resolve(null) : this.workspaces.startup(globalThis.location?.hash ?? ''),
      ]);
      const model = buildFormModel(catalog);
      await nextTask(); // the form's model in one task, the sample's state in the next, the render after
      this.model = model;
      if (kept) this.applyWorkspace(kept);
      else this.loadRequest(firstRequest, this.embed && !this.embed.sample ? 'cleared' : 'sample', first);
      if (!this.embed) this.workspaces.arm();
      this.engineStatus = 'ready';
      if (!kept) this.announceResult(first, 0);
    } catch (error) {
      this.engineStatus = 'failed';
      this.engineMessage = error instanceof Error ? error.message : String(error);
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.recompute(), delay);
  }

  /** The request inputs of the form as it is now, built once per form change. */
  private currentInputs(): Record<string, InputValue> | null {
    const model = this.model;
    if (!model) return null;
    if (this.builtInputs?.version !== this.inputsVersion) {
      const resolved = this.resolved(model);
      this.builtInputs = { version: this.inputsVersion, inputs: buildInputs(model, resolved.form, { ...resolved.extra, ...this.extra }) };
    }
    return this.builtInputs.inputs;
  }

  /** Every input with one value and its source: typed, a file's, or the sample's (input-sources.ts). */
  private resolved(model: FormModel): ResolvedInputs {
    if (this.resolvedCache?.version !== this.inputsVersion) {
      const files: FileInputs[] = [...this.files.results.values()]
        .filter((r) => r.answer.inputs && Object.keys(r.answer.inputs).length > 0)
        .map((r) => ({
          source: { type: 'file', kind: r.kind, fileName: r.fileName, readAt: r.readAt },
          inputs: ownInputs(r.answer.inputs as Record<string, InputValue>, r.options),
        }));
      const layers = [...modelLayers(this.customerBase.inputs(this.files.results.values())), ...fileLayers(files, this.linkedInputs)];
      this.resolvedCache = { version: this.inputsVersion, resolved: resolveInputs(model, this.form, this.formSources, layers) };
    }
    return this.resolvedCache.resolved;
  }

  /** The form keys of a KPI's inputs, found once per catalog (a card lists their sources on every render). */
  private kpiFieldKeys(model: FormModel, kpiId: string): string[] {
    if (this.fieldKeysModel !== model) {
      this.fieldKeysModel = model;
      this.fieldKeysByKpi.clear();
    }
    let keys = this.fieldKeysByKpi.get(kpiId);
    if (!keys) {
      keys = [];
      for (const input of model.kpiById.get(kpiId)?.inputs ?? []) {
        const key = fieldForInput(model, input.name) ?? fieldForInput(model, `${kpiId}.${input.name}`);
        if (key && !keys.includes(key)) keys.push(key);
      }
      this.fieldKeysByKpi.set(kpiId, keys);
    }
    return keys;
  }

  /** Ranks a baseline value by its source: typed 0, a file 1, the sample 2 (a KPI by its best input). */
  private baselineRank(model: FormModel): (origin: BaselineOrigin) => number {
    const resolved = this.resolved(model);
    const byKey = (key: string) => {
      const type = resolved.sources.get(key)?.type;
      return type === 'typed' ? 0 : type === 'file' ? 1 : 2;
    };
    return (origin) => {
      if ('input' in origin) return byKey(origin.input);
      if ('kpi' in origin) return Math.min(2, ...this.kpiFieldKeys(model, origin.kpi).filter((k) => resolved.sources.has(k)).map(byKey));
      return 1; // a file's measure
    };
  }

  /** The customer base of a file's result; margin and discount rate from the workspace's inputs. */
  private renderCustomerBase(result: KindResult, messages: MessageContext): TemplateResult | typeof nothing {
    const renderCustomerBase = this.lazy.panels?.renderCustomerBase;
    if (!renderCustomerBase || !CUSTOMER_BASE_KINDS.includes(result.kind) || result.restored) return nothing;
    const inputs = this.currentInputs() ?? {};
    const fraction = (key: string) => (typeof inputs[key] === 'number' ? (inputs[key] as number) : null);
    const fits = this.customerBase;
    return renderCustomerBase({
      i18n: this.i18n,
      messages,
      result,
      fit: fits.of(result),
      money: { margin: fraction('gross_margin'), discountRate: fraction('discount_rate') },
      busy: this.files.running !== null,
      onOptions: (o) => fits.setOptions(result, o),
      onFit: () => void fits.fit(result, { margin: fraction('gross_margin'), discountRate: fraction('discount_rate') }),
      onCohortMeasure: (cohortMeasure) => fits.setView(result, { cohortMeasure }),
      onFilter: (filter) => fits.setView(result, { filter }),
    });
  }

  /** File measures the what-if baseline reads (customers, new customers a year), the latest file first. */
  private fileMeasures(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of [...this.files.results.values()].reverse()) {
      for (const m of r.answer.measures ?? []) if (!(m.id in out) && Number.isFinite(m.value)) out[`${r.kind}.${m.id}`] = m.value;
    }
    return out;
  }

  private async recompute(): Promise<void> {
    const model = this.model;
    const engine = this.engine;
    if (!model || !engine) return;
    const seq = ++this.seq;
    const started = performance.now();
    const inputs = this.currentInputs();
    if (!inputs) return;
    const request: ComputeRequest = { inputs, compact: true };
    if (this.thresholds) request.thresholds = this.thresholds;
    try {
      const answer = await engine.compute(request, 'main');
      if (seq !== this.seq) return;
      this.answer = answer;
      // The baseline reads computed KPIs (retention, CAC); the what-if answers follow it.
      this.setBaseline(deriveBaseline(model, this.resolved(model).form, answer, this.loadedProjection, this.fileMeasures(), this.baselineRank(model)));
      this.announceResult(answer, performance.now() - started);
    } catch (error) {
      if (isSuperseded(error)) return;
      this.engineStatus = 'failed';
      this.engineMessage = error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * Hosts (and the benchmark) follow results without reaching into the shadow root: servimetrics-ready
   * once, with the first result, then servimetrics-update for it and each one after (docs/EMBED.md).
   */
  private announceResult(answer: ComputeAnswer, recomputeMs: number): void {
    const detail = { ...updateDetail(answer, this.currentInputs() ?? {}, this.embed?.kpis ?? null), answer, recomputeMs };
    const first = !this.readyAnnounced;
    this.readyAnnounced = true;
    // Once the page shows it (renders wait a task, scheduleUpdate).
    void this.updateComplete.then(() => {
      if (first) this.dispatchEvent(new CustomEvent('servimetrics-ready', { detail, bubbles: true, composed: true }));
      this.dispatchEvent(new CustomEvent('servimetrics-update', { detail, bubbles: true, composed: true }));
    });
  }

  // ---- state changes --------------------------------------------------------------------------

  /** Fills the form from a request; `answer`, when given, is the core's answer to that very request. */
  private loadRequest(request: ComputeRequest, notice: Notice, answer?: ComputeAnswer): void {
    if (!this.model) return;
    const loaded = stateFromRequest(this.model, request);
    this.form = loaded.state;
    this.formSources = sourcesOf(loaded.state, 'sample');
    this.extra = loaded.extra;
    this.thresholds = request.thresholds;
    this.loadedProjection = request.projection ?? null;
    this.wi.load(migrateScenario(scenarioFromLoaded(this.loadedProjection)) ?? emptyDoc());
    this.notice = notice;
    this.inputsVersion++;
    if (answer) {
      this.seq++;
      this.answer = answer;
      this.setBaseline(deriveBaseline(this.model, this.resolved(this.model).form, answer, this.loadedProjection, this.fileMeasures(), this.baselineRank(this.model)));
    } else {
      this.schedule(0);
    }
  }

  private setBaseline(baseline: Baseline): void {
    this.baseline = baseline;
    this.wi.setBaseline(baselineLevers(baseline));
  }

  /** Clear and Load sample replace the user's work: they ask first, and Undo brings it back. */
  private ask(wipe: Wipe): void {
    this.confirming = wipe;
  }

  private confirmWipe(): void {
    const wipe = this.confirming;
    this.confirming = null;
    if (!wipe || !this.model) return;
    this.dropUndo();
    const kept: UndoState = {
      wipe,
      form: this.form,
      formSources: this.formSources,
      linkedInputs: this.linkedInputs,
      extra: this.extra,
      thresholds: this.thresholds,
      loadedProjection: this.loadedProjection,
      whatif: this.wi.doc,
      notice: this.notice,
      files: this.files.snapshot(),
    };
    if (wipe === 'clear') this.clearAll();
    else this.loadSample();
    this.undo = kept;
  }

  private undoWipe(): void {
    const kept = this.undo;
    if (!kept) return;
    this.undo = null;
    this.form = kept.form;
    this.formSources = kept.formSources;
    this.linkedInputs = kept.linkedInputs;
    this.extra = kept.extra;
    this.thresholds = kept.thresholds;
    this.loadedProjection = kept.loadedProjection;
    this.wi.load(kept.whatif);
    this.notice = kept.notice;
    this.files.restore(kept.files);
    this.inputsVersion++;
    this.schedule(0);
  }

  /** Undo is no longer offered: the worker may drop the imports no result shows any more. */
  private dropUndo(): void {
    if (!this.undo) return;
    this.undo = null;
    this.files.forgetHidden();
  }

  private loadSample(): void {
    this.loadRequest(SAMPLE_REQUEST, 'sample');
  }

  private clearAll(): void {
    if (!this.model) return;
    this.form = emptyState(this.model);
    this.formSources = {};
    this.linkedInputs = {};
    this.files.clear();
    this.extra = {};
    this.thresholds = undefined;
    this.loadedProjection = null;
    this.wi.load(emptyDoc());
    this.notice = 'cleared';
    this.inputsVersion++;
    this.schedule(0);
  }

  private onFieldChange = (key: string, value: FieldValue): void => {
    this.dropUndo();
    this.form = { ...this.form, [key]: value };
    // A field emptied on purpose stays typed (blank), so a file's value does not jump back in mid-edit.
    this.formSources = { ...this.formSources, [key]: 'typed' };
    this.inputsVersion++;
    this.schedule(INPUT_DEBOUNCE_MS);
  };

  /** Drops what was typed in a field, so the file's value (or the sample's) shows again. */
  private onUseValue = (key: string): void => {
    if (!this.model) return;
    this.dropUndo();
    const { [key]: _typed, ...sources } = this.formSources;
    this.formSources = sources;
    this.form = { ...this.form, [key]: emptyState(this.model)[key] ?? '' };
    this.inputsVersion++;
    this.schedule(0);
  };

  private onShowFile = (kind: string): void => {
    this.files.show(kind);
    this.scrollToSection('files');
  };

  /** The print report is built now, whenever the print comes: the browser prints when this returns. */
  private readonly onBeforePrint = (): void => {
    this.reportNow = true;
    this.requestUpdate();
    this.performUpdate(); // synchronous: an awaited update would come after the page was printed
  };

  private onShowField = (key: string): void => {
    this.progress.all(); // its card may not be built yet
    const field = this.renderRoot.querySelector<HTMLElement>(`[data-field-key="${CSS.escape(key)}"]`);
    if (!field) return;
    field.scrollIntoView({ block: 'center' });
    field.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  };

  /** An I18n for lang; a zh-TW page reads zh-CN until its pack comes, then speaks its own. */
  private speak(lang: Lang, currency: Currency): I18n {
    if (!hasMessages(lang)) {
      void loadLanguage(lang).then(() => {
        if (this.i18n.lang !== lang) return;
        this.i18n = new I18n(lang, this.i18n.currency);
        // The page's title and lang follow, now in the language's own texts.
        void this.updateComplete.then(() => this.announceLanguage());
      });
    }
    return new I18n(lang, currency);
  }

  private setLanguage(lang: Lang): void {
    if (lang === this.i18n.lang) return;
    rememberLang(lang);
    this.i18n = this.speak(lang, this.i18n.currency);
    this.announceLanguage();
  }

  private setCurrency(currency: Currency): void {
    rememberCurrency(currency);
    this.i18n = this.speak(this.i18n.lang, currency);
  }

  /** Lets the host page follow the language (document lang and title); an embed's host is left alone. */
  private announceLanguage(): void {
    if (this.embed) return;
    this.dispatchEvent(
      new CustomEvent('servimetrics-language', {
        detail: { lang: this.i18n.lang, title: `${this.i18n.t('appTitle')} · ${this.i18n.t('appTagline')}` },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /**
   * Scrolls to a section and moves focus to its heading, so the next Tab continues inside it; a panel
   * still waiting for its code (lazy-view.ts) is built first, so the heading is there to take focus.
   */
  private scrollToSection(id: string): void {
    if ((id === 'files' || id === 'whatif') && !this.lazy.ready(id)) {
      void this.lazy.show([id]).then(() => this.scrollToSection(id));
      return;
    }
    // The groups above it take their full height first, so the scroll lands where the section stays.
    if (id.startsWith('group-')) this.progress.all();
    const target = this.renderRoot.querySelector(`#${id}`);
    if (!target) return;
    const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    const heading = target.querySelector<HTMLElement>('h2') ?? (target as HTMLElement);
    // Focusable by script only: a heading is no stop for Tab.
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    this.activeSection = id;
  }

  /** The catalog input a request key or error input names: "a.b.c", "kpi.input", "name[2]". */
  private inputSpecOf(key: string): { spec: CatalogInput; row?: string; field?: string } | null {
    const model = this.model;
    if (!model) return null;
    const clean = key.replace(/\[\d+\]$/, '');
    const byName = (name: string) => model.catalog.inputs.find((i) => i.name === name);
    const direct = byName(clean);
    if (direct) return { spec: direct };
    const [first = '', second = '', third] = clean.split('.');
    if (model.kpiById.has(first)) {
      const spec = byName(second);
      return spec ? { spec } : null;
    }
    const grouped = byName(first);
    if (grouped && grouped.kind === 'groups') return third ? { spec: grouped, row: second, field: third } : { spec: grouped, row: second };
    return null;
  }

  private messageContext(): MessageContext {
    return {
      i18n: this.i18n,
      catalog: this.model?.catalog ?? null,
      kinds: this.kinds,
      inputLabel: (key) => {
        const found = this.inputSpecOf(key);
        if (!found) return undefined;
        const label = this.i18n.text(found.spec.label);
        if (found.row === undefined) return label;
        const field = found.field ? ` · ${this.i18n.maybe(`field_${found.field}`, found.field)}` : '';
        return `${label}（${this.i18n.rowName(found.row)}${field}）`;
      },
    };
  }

  // ---- workspace ------------------------------------------------------------------------------
  // Kept in this browser (IndexedDB, lib/workspace-keeper.ts) and shared by link (lib/share-link.ts).

  private readonly workspaces = new WorkspaceKeeper(this, {
    capture: () => this.captureWorkspace(),
    apply: (state) => this.applyWorkspace(state),
    blank: () => this.blankWorkspace(),
    forgotten: () => {
      const lang = initialLang();
      this.i18n = this.speak(lang, initialCurrency(lang));
      this.announceLanguage();
    },
    names: {
      first: () => this.i18n.t('wsDefaultName'),
      numbered: (n) => this.i18n.t('wsNewName', { n: this.i18n.number(n, 0) }),
      copy: (name) => this.i18n.t('wsCopyName', { name }),
      fromLink: (state) => this.linkName(state),
    },
  });

  /** The page's whole state of work, as a workspace keeps it. */
  private captureWorkspace(): WorkspaceState {
    const state: WorkspaceState = {
      form: this.form,
      formSources: this.formSources,
      extra: this.extra,
      loadedProjection: this.loadedProjection,
      whatif: this.wi.doc,
      notice: this.notice,
      lang: this.i18n.lang,
      currency: this.i18n.currency,
      companyName: this.report.company,
      files: this.files.saved(this.workspaces.keepFileBytes),
      combined: this.files.combined,
      activeFile: this.files.active,
      linkedInputs: this.linkedInputs,
      keepFileBytes: this.workspaces.keepFileBytes,
    };
    if (this.thresholds) state.thresholds = this.thresholds;
    return state;
  }

  /** What the state is made of: a change of any of them (a new object) is saved (WorkspaceKeeper.observe). */
  private workspaceRefs(): unknown[] {
    return [this.form, this.formSources, this.extra, this.thresholds, this.loadedProjection, this.wi.doc, this.notice, this.i18n,
      this.report.company, this.linkedInputs, this.files.active, this.files.combined, ...this.files.results.values()];
  }

  /** Shows a workspace read back (another one, a link, the next visit); null shows the sample company. */
  private applyWorkspace(state: WorkspaceState | null): void {
    const model = this.model;
    if (!model) return;
    this.confirming = null;
    this.undo = null;
    if (!state) {
      this.files.restoreSaved([], null, null);
      this.report.setCompany('');
      this.linkedInputs = {};
      this.loadSample();
      return;
    }
    // Only the fields this page has, in the shape it has them (a workspace saved by an older page).
    const form = emptyState(model);
    for (const [key, value] of Object.entries(state.form)) {
      const empty = form[key];
      if (empty !== undefined && Array.isArray(empty) === Array.isArray(value)) form[key] = value;
    }
    this.form = form;
    this.formSources = state.formSources;
    this.extra = state.extra;
    this.thresholds = state.thresholds;
    this.loadedProjection = state.loadedProjection;
    this.wi.load(state.whatif);
    this.notice = state.notice;
    this.report.setCompany(state.companyName);
    this.linkedInputs = state.linkedInputs;
    this.files.restoreSaved(state.files, state.combined, state.activeFile);
    if (state.lang !== this.i18n.lang || state.currency !== this.i18n.currency) {
      this.i18n = this.speak(state.lang, state.currency);
      this.announceLanguage();
    }
    this.inputsVersion++;
    this.schedule(0);
  }

  /** A new workspace: nothing typed, in the language and currency shown. */
  private blankWorkspace(): WorkspaceState {
    return {
      form: this.model ? emptyState(this.model) : {},
      formSources: {},
      extra: {},
      loadedProjection: null,
      whatif: emptyDoc(),
      notice: 'cleared',
      lang: this.i18n.lang,
      currency: this.i18n.currency,
      companyName: '',
      files: [],
      combined: null,
      activeFile: null,
      linkedInputs: {},
      keepFileBytes: this.workspaces.keepFileBytes,
    };
  }

  private linkName(state: WorkspaceState): string {
    const company = state.companyName.trim();
    if (company) return this.i18n.t('wsLinkCompanyName', { company });
    const date = new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date());
    return this.i18n.t('wsLinkName', { date });
  }

  /** A link pasted into this tab's address bar changes only the fragment: open it as on load. */
  private onHashChange = (): void => {
    const hash = globalThis.location.hash;
    // Another fragment (an anchor of a host page), or an embed, which keeps no workspace.
    if (!this.model || this.embed || !/^#w\d/.test(hash)) return;
    void this.workspaces.readLink(hash).then(async (state) => {
      if (state) {
        this.applyWorkspace(state);
        this.workspaces.arm();
      }
      // What the link gave, or why it did not open, is said under the top bar: show it.
      await this.updateComplete;
      this.renderRoot.querySelector('.workspace-bar')?.scrollIntoView({ block: 'start' });
    });
  };

  // ---- layout observers -----------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A file loaded, read again, cleared or restored changes the inputs it determines.
    const signature = [...this.files.results.values()].map((r) => r.importId).join(',') + `|${this.customerBase.signature()}`;
    if (signature !== this.filesSignature) {
      this.filesSignature = signature;
      this.inputsVersion++;
      this.schedule(0);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.answer) {
      // Top down: the KPI units first, then the panels below them.
      this.progress.whenIdle();
      if (this.progress.complete) this.lazy.whenIdle();
    }
    this.progress.observe(this.renderRoot);
    this.workspaces.observe(this.workspaceRefs());
    const chart = this.renderRoot.querySelector('.chart');
    if (chart !== this.observedChart) {
      this.chartObserver?.disconnect();
      this.observedChart = chart;
      if (chart) {
        this.chartObserver ??= new ResizeObserver((entries) => {
          const width = Math.floor(entries[0]?.contentRect.width ?? 0);
          if (width > 0 && width !== this.chartWidth) this.chartWidth = width;
        });
        this.chartObserver.observe(chart);
      }
    }
    if (!this.sectionObserver && this.model && typeof IntersectionObserver === 'function') {
      // A callback lists only the sections whose visibility changed, so the visible ones are
      // remembered here; the highlighted one is the first of them on the page.
      const visible = new Set<Element>();
      this.sectionObserver = new IntersectionObserver(
        (entries) => {
          for (const e of entries) {
            if (e.isIntersecting) visible.add(e.target);
            else visible.delete(e.target);
          }
          const first = [...this.renderRoot.querySelectorAll('section[id]')].find((el) => visible.has(el));
          if (first) this.activeSection = first.id;
        },
        { rootMargin: '-60px 0px -55% 0px' },
      );
    }
    // In the next frame, where the layout it reads is made anyway, not forced here in the render's task.
    if (this.stickyChart && !this.stickyFrame) {
      this.stickyFrame = requestAnimationFrame(() => {
        this.stickyFrame = 0;
        this.placeStickyChart();
      });
    }
    this.observeSections();
  }

  /**
   * Sections rendered later (the groups a frame after the first render, the files panel once its kinds
   * arrive) are observed too; observing an element twice is a no-op.
   */
  private observeSections(): void {
    this.renderRoot.querySelectorAll('section[id]').forEach((s) => this.sectionObserver?.observe(s));
  }

  /** The stuck what-if chart sits under the section bar, and a slider reached with Tab under both. */
  private placeStickyChart(): void {
    const play = this.renderRoot.querySelector<HTMLElement>('.whatif-play');
    const live = this.renderRoot.querySelector<HTMLElement>('.whatif-live');
    const nav = this.renderRoot.querySelector<HTMLElement>('nav.nav');
    if (!play || !live || !nav || !this.stickyChart) return;
    play.style.setProperty('--_stuck-top', `${nav.offsetHeight}px`);
    play.style.setProperty('--_live-height', `${nav.offsetHeight + live.offsetHeight + 12}px`);
  }

  // ---- rendering ------------------------------------------------------------------------------

  private renderTopbar(): TemplateResult {
    const { i18n } = this;
    return html`<header class="topbar" part="topbar">
      <div class="topbar-inner">
        <div class="brand">
          <svg width="34" height="34" viewBox="0 0 64 64" aria-hidden="true">
            <rect width="64" height="64" rx="14" fill="var(--_accent)" />
            <rect x="14" y="34" width="8" height="16" rx="2" fill="#9fe3d6" />
            <rect x="28" y="24" width="8" height="26" rx="2" fill="#cff3ec" />
            <rect x="42" y="14" width="8" height="36" rx="2" fill="#fff" />
          </svg>
          <div>
            <h1>${i18n.t('appTitle')}</h1>
            <p>${i18n.t('appTagline')}</p>
          </div>
        </div>
        <div class="actions">
          <button type="button" class="btn" data-testid="load-sample" ?disabled=${!this.model} @click=${() => this.ask('sample')}>
            ${i18n.t('loadSample')}
          </button>
          <button type="button" class="btn" data-testid="clear" ?disabled=${!this.model} @click=${() => this.ask('clear')}>
            ${i18n.t('clear')}
          </button>
          ${renderCurrencySelect(i18n, (c) => this.setCurrency(c))}
        </div>
        ${renderLanguageSwitch(i18n, (lang) => this.setLanguage(lang))}
      </div>
    </header>`;
  }

  private renderOverview(catalog: Catalog, results: Map<string, KpiResult>): TemplateResult {
    const { i18n } = this;
    const tally = { good: 0, watch: 0, bad: 0, none: 0 };
    for (const r of results.values()) tally[r.band] += 1;
    return html`<div class="overview" data-testid="overview">
      <div class="panel totals">
        <h2>${i18n.t('overviewTitle')}</h2>
        <div class="tally">
          <div class="good" data-testid="tally-good"><strong>${tally.good}</strong><span>${i18n.band('good')}</span></div>
          <div class="watch" data-testid="tally-watch"><strong>${tally.watch}</strong><span>${i18n.band('watch')}</span></div>
          <div class="bad" data-testid="tally-bad"><strong>${tally.bad}</strong><span>${i18n.band('bad')}</span></div>
          <div data-testid="tally-none"><strong>${tally.none}</strong><span>${i18n.band('none')}</span></div>
        </div>
        <p class="computed">${i18n.t('overviewComputed', { n: results.size, total: catalog.kpis.length })}</p>
      </div>
      <div class="group-tiles">
        ${catalog.groups.map((group) => {
          const kpis = catalog.kpis.filter((k) => k.group === group.id);
          return html`<button type="button" class="panel group-tile" @click=${() => this.scrollToSection(`group-${group.id}`)}>
            <span class="name">${i18n.text(group.name)}</span>
            <span class="dots" aria-hidden="true">
              ${kpis.map((k) => {
                const r = results.get(k.id);
                return html`<span class="dot ${r ? r.band : ''}" title=${`${i18n.text(k.name)}: ${r ? i18n.band(r.band) : '—'}`}></span>`;
              })}
            </span>
            <span class="tile-counts" aria-hidden="true">${this.tileCounts(kpis.map((k) => results.get(k.id)))}</span>
            <span class="sr-only">
              ${kpis
                .map((k) => {
                  const r = results.get(k.id);
                  return `${i18n.text(k.name)}: ${r ? i18n.band(r.band) : '—'}`;
                })
                .join('; ')}
            </span>
          </button>`;
        })}
      </div>
    </div>`;
  }

  /** Whether an embed shows this panel (the page shows them all). */
  private shows(section: 'inputs' | 'files' | 'whatif'): boolean {
    return this.embed?.sections.has(section) ?? true;
  }

  /**
   * The KPI groups: one stand-in in the first render, the groups with their cards' stand-ins in the next
   * frame, each card when reached or idle (progressive-units.ts).
   */
  private renderGroups(ctx: Parameters<typeof renderGroup>[0]): unknown {
    const shown = this.shownGroups();
    if (shown.length === 0) return nothing;
    const groups = () => {
      this.progress.startRender();
      return shown.map((form) => renderGroup(ctx, form, this.progress));
    };
    return region(this.progress, groups, groupsLater(shown));
  }

  /** The KPI groups shown: an embed's `kpis` keeps only those KPIs (and the groups that have one). */
  private shownGroups(): FormModel['groups'] {
    const model = this.model;
    if (!model || !this.shows('inputs')) return [];
    const wanted = this.embed?.kpis;
    if (!wanted) return model.groups;
    const keep = new Set(wanted);
    return model.groups
      .map((g) => ({ ...g, kpis: g.kpis.filter((k) => keep.has(k.id)), sets: g.sets.filter((set) => keep.has(set.kpi.id)) }))
      .filter((g) => g.kpis.length > 0);
  }

  private tileCounts(results: Array<KpiResult | undefined>): TemplateResult {
    const count = (band: string) => results.filter((r) => r?.band === band).length;
    const parts = (['good', 'watch', 'bad'] as const)
      .filter((b) => count(b) > 0)
      .map((b) => html`<span class=${b}>${count(b)} ${this.i18n.band(b)}</span>`);
    return html`${parts}`;
  }

  private renderNav(): TemplateResult {
    const items: Array<[string, string]> = [
      ...this.shownGroups().map((g): [string, string] => [`group-${g.group.id}`, this.i18n.text(g.group.name)]),
      ...(this.shows('files') ? [['files', this.i18n.t('filesTitle')] as [string, string]] : []),
      ...(this.shows('whatif') ? [['whatif', this.i18n.t('whatIfTitle')] as [string, string]] : []),
    ];
    return html`<nav class="nav" part="nav" aria-label=${this.i18n.t('sections')}>
      <div class="wrap">
        ${items.map(
          ([id, label]) => html`<button
            type="button"
            class=${this.activeSection === id ? 'active' : ''}
            aria-current=${this.activeSection === id ? 'true' : 'false'}
            data-nav=${id}
            @click=${() => this.scrollToSection(id)}
          >
            ${label}
          </button>`,
        )}
      </div>
    </nav>`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    if (this.engineStatus === 'failed') {
      return html`<p class="notice error" role="alert" data-testid="engine-error">
        ${this.i18n.t('engineFailed', { message: this.engineMessage })}
      </p>`;
    }
    const { i18n } = this;
    if (this.confirming) {
      return html`<div class="notice confirm" role="alertdialog" aria-label=${i18n.t(this.confirming === 'clear' ? 'confirmClear' : 'confirmSample')} data-testid="confirm">
        <span>${i18n.t(this.confirming === 'clear' ? 'confirmClear' : 'confirmSample')}</span>
        <button type="button" class="btn small primary" data-testid="confirm-yes" @click=${() => this.confirmWipe()}>
          ${i18n.t(this.confirming === 'clear' ? 'clear' : 'loadSample')}
        </button>
        <button type="button" class="btn small" data-testid="confirm-no" @click=${() => (this.confirming = null)}>${i18n.t('keepWork')}</button>
      </div>`;
    }
    const undo = this.undo
      ? html` <button type="button" class="btn small" data-testid="undo" @click=${() => this.undoWipe()}>${i18n.t('undo')}</button>`
      : nothing;
    if (this.notice === 'sample') return html`<p class="notice" data-testid="notice">${i18n.t('sampleLoaded')}${undo}</p>`;
    if (this.notice === 'cleared') return html`<p class="notice" data-testid="notice">${i18n.t('cleared')}${undo}</p>`;
    return nothing;
  }

  /** What the printed report and the downloads show: the page as it is now. */
  private reportData(catalog: Catalog, message: (e: EngineError) => string, sources: SourceContext): ReportData {
    const model = this.model;
    const projected = projectionOf(this.wi.answers.scenarios, selectedScenario(this.wi.doc).id);
    return {
      sourceOf: (kpiId) =>
        model
          ? kpiSources(sources, this.kpiFieldKeys(model, kpiId))
              .map((s) => sourceLabel(sources, s.source))
              .join('; ')
          : '',
      i18n: this.i18n,
      catalog,
      kpis: this.answer?.kpis ?? [],
      assumptions: projected?.assumptions ?? null,
      missing: this.baseline?.missing ?? [],
      projection: projected?.projection ?? null,
      scenarios: {
        answer: this.wi.answers.scenarios,
        columns: this.wi.doc.scenarios.map((s) => ({ id: s.id, name: scenarioName(this.i18n, this.wi.doc, s) })),
        selected: scenarioName(this.i18n, this.wi.doc, selectedScenario(this.wi.doc)),
        selectedId: this.wi.doc.selected,
      },
      metric: this.metric === 'cumulative_profit' ? 'profit' : this.metric,
      files: [...this.files.results.values()],
      kinds: this.kinds,
      message,
    };
  }

  override render(): TemplateResult {
    const { i18n, model, lazy } = this;
    const top = this.renderTopbar();
    if (!model || this.engineStatus !== 'ready') {
      return html`<div class="app" lang=${i18n.lang}>
        ${top}
        <main class="wrap">
          ${this.engineStatus === 'failed'
            ? this.renderNotice()
            : html`<p class="notice" role="status" data-testid="engine-starting">${i18n.t('engineStarting')}</p>
                <div class="skeleton" aria-hidden="true">${[1, 2, 3, 4, 5, 6].map(() => html`<div></div>`)}</div>`}
        </main>
      </div>`;
    }
    this.viewStyles.now();
    const catalog = model.catalog;
    const answer = this.answer;
    const results = new Map((answer?.kpis ?? []).map((k) => [k.id, k]));
    const placed = placeErrors(model, answer?.errors ?? []);
    const isProjection = (e: EngineError) => e.kpi === 'projection' || (e.input?.startsWith('projection') ?? false);
    const requestErrors = placed.general.filter((e) => !isProjection(e));
    const messageContext = this.messageContext();
    const message = (e: EngineError) => renderMessage(e, messageContext);
    const resolved = this.resolved(model);
    const sourceContext: SourceContext = {
      i18n,
      kinds: this.kinds,
      resolved,
      onShowFile: this.onShowFile,
      onShowField: this.onShowField,
      onUseValue: this.onUseValue,
    };
    const fields = {
      message,
      i18n,
      source: sourceContext,
      state: resolved.form,
      errors: placed.byField,
      answer,
      onChange: this.onFieldChange,
      kpiSymbol: (id: string) => model.kpiById.get(id)?.symbol ?? id,
    };
    const groupContext = {
      fields,
      results,
      kpiErrors: placed.byKpi,
      cardSources: (kpiId: string) => renderCardSources(sourceContext, kpiSources(sourceContext, this.kpiFieldKeys(model, kpiId))),
    };
    const reportData = this.reportData(catalog, message, sourceContext);
    return html`<div class="app" lang=${i18n.lang}>
      ${top} ${this.embed ? nothing : renderWorkspaceBar({ i18n, keeper: this.workspaces, onForget: () => void this.workspaces.forgetAll(pageStorageKeys()) })}
      <div class="wrap">
        ${this.renderNotice()} ${answer && this.shows('inputs') ? this.renderOverview(catalog, results) : nothing} ${renderExportBar(this.report, reportData)}
      </div>
      ${this.renderNav()}
      <main class="wrap">
        ${requestErrors.length
          ? html`<div class="notice error" role="alert" data-testid="request-errors">
              <strong>${i18n.t('requestErrors')}</strong>
              <ul class="errors">
                ${requestErrors.map((e) => html`<li>${message(e)}</li>`)}
              </ul>
            </div>`
          : nothing}
        ${this.renderGroups(groupContext)}
        <section class="block" id="files" data-testid="files-section" part="files" ?hidden=${!this.shows('files')}>
          ${this.currencyGuess.render(i18n)}
          ${!lazy.panels || !lazy.ready('files') ? lazy.placeholder('files', '40rem') : lazy.panels.renderFiles({
            i18n,
            kinds: this.kinds,
            dateFormats: this.dateFormats,
            imports: this.files,
            base: appBase(),
            kpiSpec: (id) => model.kpiById.get(id),
            messages: messageContext,
            customerBase: (r) => this.renderCustomerBase(r, messageContext),
          })}
        </section>
        <section class="block" id="whatif" data-testid="whatif-section" part="whatif" ?hidden=${!this.shows('whatif')}>
          ${!lazy.panels || !lazy.ready('whatif') ? lazy.placeholder('whatif', '60rem') : lazy.panels.renderWhatIf({
            i18n,
            baseline: this.baseline,
            wi: this.wi,
            metric: this.metric,
            chartWidth: this.chartWidth,
            stickyChart: this.stickyChart,
            onMetric: (m) => (this.metric = m),
            message,
            why: (code) => renderMessage({ code, message: code }, messageContext),
            typed: this.typedLevers,
            onTyped: () => this.requestUpdate(),
            sources: this.baseline
              ? renderBaselineSources(
                  sourceContext,
                  baselineSources(
                    sourceContext,
                    Object.values(this.baseline.from),
                    (kpi) => this.kpiFieldKeys(model, kpi),
                    (kind) => {
                      const r = this.files.results.get(kind);
                      return r ? { type: 'file', kind, fileName: r.fileName, readAt: r.readAt } : undefined;
                    },
                  ),
                )
              : nothing,
          })}
        </section>
        <footer>${i18n.t('privacyNote')}</footer>
      </main>
      ${this.reportNow || lazy.ready('report') ? renderReport(reportData, this.report.company, this.reportNow) : nothing}
    </div>`;
  }
}

/**
 * What a file itself determines: its answer's inputs without those that only repeat the options it
 * was read with (the gross margin and discount rate handed to a transactions import).
 */
function ownInputs(inputs: Record<string, InputValue>, options: object): Record<string, InputValue> {
  return Object.fromEntries(Object.entries(inputs).filter(([key]) => !(key in options)));
}

/** Every non-blank value of a form, marked as from one source. */
function sourcesOf(form: FormState, source: FormSource): Record<string, FormSource> {
  const out: Record<string, FormSource> = {};
  for (const [key, value] of Object.entries(form)) if (!isBlank(value)) out[key] = source;
  return out;
}

/** The localStorage keys this page writes (language, currency, column mappings): all start "servimetrics.". */
function pageStorageKeys(): string[] {
  try {
    const storage = globalThis.localStorage;
    const keys: string[] = [];
    for (let i = 0; i < (storage?.length ?? 0); i++) {
      const key = storage.key(i);
      if (key?.startsWith('servimetrics.')) keys.push(key);
    }
    return keys;
  } catch {
    return []; // storage blocked: nothing was kept there
  }
}

// Defined in a task after the one that ran the modules (issue 16: the element's constructor and
// connectedCallback would lengthen it); the worker's start, then the Intl warm-up, each follow in a task
// of their own. The embed's script (embed.ts) may own the tag already: it then shows this class under a
// name of its own.
setTimeout(() => {
  if (!customElements.get('servimetrics-calculator')) customElements.define('servimetrics-calculator', ServimetricsCalculator);
  warmUpIntl();
}, 0);

declare global {
  interface HTMLElementTagNameMap {
    'servimetrics-calculator': ServimetricsCalculator;
  }
}
