// The what-if panel: baseline and named scenarios side by side (sliders and typed values on the selected
// one; a live chart of every scenario's line, kept on screen on a phone; the KPI and yearly tables), then
// the questions: which lever matters most, what it takes to hit a target, and how sure the result is.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { EngineError } from '../engine/contract';
import type { LeverKey, SeriesKey, WhatIfAnswer } from '../engine/whatif-contract';
import type { I18n } from '../i18n/i18n';
import type { Baseline } from '../lib/whatif';
import { selectedScenario } from '../lib/whatif-scenarios';
import { renderScenariosChart, type ScenarioLine } from './chart-view';
import { renderGoalSeek } from './goal-seek-view';
import { renderMonteCarlo } from './monte-carlo-view';
import { answerOf, type CompareContext, renderKpiTable, renderScenarioBar, renderYearlyTable, scenarioName } from './scenario-compare-view';
import { renderTornado } from './tornado-view';
import type { WhatIfController } from './whatif-controller';
import { renderLevers } from './whatif-levers-view';
import { staged } from './staged-parts';

/** A part's stand-in until its frame comes (staged-parts.ts): an empty block about its height. */
const later = (part: string): TemplateResult => html`<div class="part-later" data-part=${part} aria-hidden="true"></div>`;

export type Metric = 'customers' | 'revenue' | 'profit' | 'cumulative_profit';
export const METRICS: readonly Metric[] = ['customers', 'revenue', 'profit', 'cumulative_profit'];
/** The series of the printed report's projection (report-view.ts). */
export type ProjectionMetric = Exclude<Metric, 'cumulative_profit'>;

export interface WhatIfContext {
  i18n: I18n;
  baseline: Baseline | null;
  wi: WhatIfController;
  metric: Metric;
  chartWidth: number;
  /** The chart stays on screen above the sliders (narrow screens): it is short. */
  stickyChart: boolean;
  onMetric: (metric: Metric) => void;
  /** "Baseline from: …" (source-view.ts). */
  sources?: TemplateResult | typeof nothing;
  /** An engine error in the page's language. */
  message: (e: EngineError) => string;
  /** Why a value has no number, from the engine's code. */
  why: (code: string) => string;
  /** Typed values not taken (kept by the calculator between renders). */
  typed: Map<LeverKey, { text: string; problem: string }>;
  onTyped: () => void;
}

function metricLabel(i18n: I18n, metric: Metric): string {
  return metric === 'cumulative_profit' ? i18n.t('wiMetric_cumulative_profit') : i18n.t(`metric_${metric}`);
}

function axisFormat(i18n: I18n, metric: Metric): (v: number) => string {
  return metric === 'customers' ? (v) => i18n.compact(v) : (v) => i18n.moneyCompact(v);
}

function sum(values: number[] | undefined): number {
  return (values ?? []).reduce((a, b) => a + b, 0);
}

function summaryBox(i18n: I18n, money: (v: number) => string, label: string, base: number, scn: number, testid: string): TemplateResult {
  const diff = scn - base;
  const pct = base !== 0 ? diff / Math.abs(base) : null;
  return html`<div class="box" data-testid=${testid} data-raw=${scn}>
    <span>${label}</span>
    <strong>${money(scn)}</strong>
    <small
      ><span class="base">${i18n.t('baseline')} ${money(base)} · </span
      ><span class=${diff > 0 ? 'pos' : diff < 0 ? 'neg' : ''}
        >${diff > 0 ? '+' : ''}${money(diff).replace(/^-/, '−')}${pct !== null ? ` (${i18n.signed(i18n.percent(pct, 1), pct)})` : ''}</span
      ></small
    >
  </div>`;
}

/** The totals of the selected scenario and the chart of every scenario: what a slider changes. */
function liveView(ctx: WhatIfContext, narrow: boolean): TemplateResult {
  const { i18n, wi, metric } = ctx;
  const answer = wi.answers.scenarios;
  const base = answer?.scenarios?.[0];
  const sel = selectedScenario(wi.doc);
  const scn = answerOf(answer, sel.id);
  const chartHeight = ctx.stickyChart ? (narrow ? 150 : 190) : narrow ? 220 : 280;
  const money = narrow ? (v: number) => i18n.moneyCompact(v) : (v: number) => i18n.money(v);
  const name = scenarioName(i18n, wi.doc, sel);
  const lines: ScenarioLine[] = base
    ? [
        { label: i18n.t('baseline'), values: base.years[metric] ?? [], tone: 0 },
        ...wi.doc.scenarios.map((s, i) => ({
          label: scenarioName(i18n, wi.doc, s),
          values: answerOf(answer, s.id)?.years[metric] ?? [],
          tone: i + 1,
          selected: s.id === sel.id,
        })),
      ]
    : [];
  const bands = wi.answers.monte_carlo?.monte_carlo?.bands[metric as SeriesKey];
  const band = bands
    ? { p10: bands.map((b) => b.p10), p50: bands.map((b) => b.p50), p90: bands.map((b) => b.p90), label: i18n.t('wiMcBand', { name }) }
    : undefined;
  return html`<div class="panel whatif-live" data-testid="whatif-live">
    ${base && scn
      ? html`<div class="summary">
          ${summaryBox(i18n, money, `${name} · ${i18n.t('metric_revenue')} · ${i18n.t('total')}`, sum(base.years.revenue), sum(scn.years.revenue), 'total-revenue')}
          ${summaryBox(i18n, money, `${name} · ${i18n.t('metric_profit')} · ${i18n.t('total')}`, base.kpis.cumulative_profit.value ?? 0, scn.kpis.cumulative_profit.value ?? 0, 'total-profit')}
        </div>`
      : nothing}
    <div class="chart-head">
      <span class="chart-name">${metricLabel(i18n, metric)}</span>
      <div class="legend" aria-hidden="true">
        ${lines.map((l) => html`<span class=${l.selected ? 'sel' : ''}><i class="t${l.tone % 6}"></i>${l.label}</span>`)}
        ${band ? html`<span><i class="band"></i>${i18n.t('wiMcBandShort')}</span>` : nothing}
      </div>
    </div>
    <div class=${ctx.stickyChart ? 'chart short' : chartHeight > 220 ? 'chart tall' : 'chart'}>
      ${answer?.years && base
        ? renderScenariosChart({
            years: answer.years,
            lines,
            ...(band ? { band } : {}),
            width: ctx.chartWidth,
            height: chartHeight,
            format: axisFormat(i18n, metric),
            yearLabel: (year) => i18n.t('yearN', { n: year }),
            title: i18n.t('wiChartTitle', { metric: metricLabel(i18n, metric), n: wi.doc.scenarios.length }),
          })
        : nothing}
    </div>
  </div>`;
}

function scenarioSelect(ctx: WhatIfContext): TemplateResult {
  const { i18n, wi } = ctx;
  return html`<div class="editing">
    <label for="scenario-select">${i18n.t('wiEditing')}</label>
    <select id="scenario-select" data-testid="scenario-select" @change=${(e: Event) => wi.select((e.target as HTMLSelectElement).value)}>
      ${wi.doc.scenarios.map((s) => html`<option value=${s.id} ?selected=${s.id === wi.doc.selected}>${scenarioName(i18n, wi.doc, s)}</option>`)}
    </select>
  </div>`;
}

function problems(ctx: WhatIfContext): TemplateResult | typeof nothing {
  const answers = Object.values(ctx.wi.answers).filter((a): a is WhatIfAnswer => a !== null);
  const texts = [...new Set(answers.flatMap((a) => a.errors.map(ctx.message)))];
  if (ctx.wi.failure) texts.push(ctx.wi.failure);
  if (texts.length === 0) return nothing;
  return html`<div class="notice error" role="alert" data-testid="whatif-errors">
    <strong>${ctx.i18n.t('projectionErrors')}</strong>
    <ul class="errors">${texts.map((t) => html`<li>${t}</li>`)}</ul>
  </div>`;
}

export function renderWhatIf(ctx: WhatIfContext): TemplateResult {
  const { i18n, baseline, wi } = ctx;
  const missing = baseline?.missing ?? [];
  const header = html`<div class="section-head">
    <div>
      <h2 tabindex="-1">${i18n.t('whatIfTitle')}</h2>
      <p>${i18n.t('wiIntro')}</p>
      ${ctx.sources ?? nothing}
    </div>
  </div>`;
  if (!baseline || missing.length > 0 || !wi.levers) {
    return html`${header}
      <div class="panel chart-panel" data-testid="whatif-missing">
        <p class="muted">${i18n.t('projectionMissing', { list: i18n.list(missing.map((k) => i18n.t(`assume_${k}` as 'assume_cac'))) })}</p>
      </div>`;
  }
  const narrow = ctx.chartWidth > 0 && ctx.chartWidth < 480;
  const compare: CompareContext = { i18n, wi, narrow, metric: ctx.metric, why: ctx.why };
  const scenarioLabel = scenarioName(i18n, wi.doc, selectedScenario(wi.doc));
  const levers = wi.levers;
  return html`${header} ${problems(ctx)}
    <div class="whatif-grid">
      <div class="whatif-play">
        ${liveView(ctx, narrow)}
        <div class="panel sliders" data-testid="whatif-sliders">
          ${staged(
            false,
            () => html`${scenarioSelect(ctx)} ${renderLevers({ i18n, wi, levers, typed: ctx.typed, onTyped: ctx.onTyped })}
              <div class="slider-sub">
                <span>${i18n.t('startingCustomers', { value: i18n.number(baseline.values.starting_customers ?? 0, 0) })}</span>
              </div>`,
            later('sliders'),
          )}
        </div>
      </div>
      <div class="panel whatif-details">
        ${staged(
          false,
          () => html`<div class="seg" role="group" aria-label=${i18n.t('chartMetric')}>
              ${METRICS.map(
                (m) => html`<button type="button" data-testid=${`metric-${m}`} aria-pressed=${ctx.metric === m ? 'true' : 'false'} @click=${() => ctx.onMetric(m)}>
                  ${metricLabel(i18n, m)}
                </button>`,
              )}
            </div>
            ${renderScenarioBar(compare)}
            <h3>${i18n.t('wiCompareTitle')}</h3>
            ${renderKpiTable(compare)}`,
          later('compare'),
        )}
        ${staged(
          false,
          () => html`<h3>${i18n.t('wiYearly', { metric: metricLabel(i18n, ctx.metric) })}</h3>
            ${renderYearlyTable(compare)}
            <p class="hint">${i18n.t('wiProfitNote')}</p>`,
          later('yearly'),
        )}
      </div>
    </div>
    <div class="questions">
      ${staged(false, () => renderTornado({ i18n, wi, width: ctx.chartWidth, scenarioLabel }), later('tornado'))}
      ${staged(false, () => renderGoalSeek({ i18n, wi, scenarioLabel }), later('goal'))}
      ${staged(false, () => renderMonteCarlo({ i18n, wi, levers, scenarioLabel }), later('monte-carlo'))}
    </div>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const whatIfStyles = css`
  /* The parts' stand-ins (their heights on a phone, 2026-12-07), so the page does not jump. */
  .part-later[data-part='sliders'] {
    min-height: 42rem;
  }
  .part-later[data-part='compare'] {
    min-height: 58rem;
  }
  .part-later[data-part='yearly'] {
    min-height: 22rem;
  }
  .part-later[data-part='tornado'] {
    min-height: 44rem;
  }
  .part-later[data-part='goal'] {
    min-height: 21rem;
  }
  .part-later[data-part='monte-carlo'] {
    min-height: 18rem;
  }

  .seg button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  /* Wide: the sliders on the left; the totals and chart, then the table, on the right. */
  .whatif-grid {
    display: grid;
    grid-template-columns: minmax(280px, 4fr) 8fr;
    grid-template-areas: 'sliders live' 'sliders details';
    gap: 16px;
    align-items: start;
  }

  .whatif-play {
    display: contents;
  }

  .whatif-live {
    grid-area: live;
  }

  .sliders {
    grid-area: sliders;
  }

  .whatif-details {
    grid-area: details;
    padding: 14px 18px 16px;
    display: flex;
    flex-direction: column;
    gap: 12px;
    min-width: 0;
  }

  .whatif-details .seg {
    align-self: flex-start;
  }

  .chart-name {
    font-size: 13px;
    font-weight: 600;
  }

  .sliders {
    padding: 14px 18px 16px;
    display: flex;
    flex-direction: column;
    gap: 14px;
  }

  .slider {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }

  .slider-top {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
    font-size: 14px;
  }

  .slider-top label {
    font-weight: 500;
  }

  .slider-top output {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .slider-sub {
    display: flex;
    justify-content: space-between;
    font-size: 12px;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .delta.up {
    color: var(--_good);
  }

  .delta.down {
    color: var(--_bad);
  }

  input[type='range'] {
    width: 100%;
    accent-color: var(--_accent);
    margin: 2px 0;
    height: 24px;
  }

  .chart-panel,

  .whatif-live {
    padding: 14px 18px 16px;
    display: flex;
    flex-direction: column;
    gap: 12px;
    min-width: 0;
  }

  .summary {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 10px;
  }

  .summary .box {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 10px 12px;
  }

  .summary .box span {
    font-size: 12px;
    color: var(--_muted);
    display: block;
  }

  .summary .box strong {
    font-size: 20px;
    font-variant-numeric: tabular-nums;
  }

  .summary .box small {
    display: block;
    font-size: 12px;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .chart-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 10px;
    flex-wrap: wrap;
  }

  .seg {
    display: inline-flex;
    /* A narrow column (an embed's 320 px) wraps the choices rather than overflowing. */
    flex-wrap: wrap;
    max-width: 100%;
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 2px;
    background: var(--_bg);
  }

  .seg button {
    border: 0;
    background: none;
    padding: 5px 12px;
    border-radius: 6px;
    cursor: pointer;
    font-size: 13px;
    color: var(--_muted);
  }

  .seg button[aria-pressed='true'] {
    background: var(--_surface);
    color: var(--_text);
    font-weight: 600;
    box-shadow: var(--_shadow);
  }

  .legend {
    display: flex;
    gap: 14px;
    font-size: 12px;
    color: var(--_muted);
  }

  .legend i {
    display: inline-block;
    width: 18px;
    height: 0;
    border-top: 2px dashed var(--_none);
    vertical-align: middle;
    margin-right: 5px;
  }

  .legend i.scn {
    border-top: 3px solid var(--_accent);
  }

  @container (max-width: 1100px) {
    /* One column: the totals and chart, the sliders, then the table. */
    .whatif-grid {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: 12px;
    }

    .whatif-play {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
  }

  @media (max-width: 1100px) and (min-height: 560px) {
    /* The totals and chart stay on screen, under the section bar, while the sliders scroll by. */
    .whatif-live {
      position: sticky;
      top: var(--_stuck-top, 47px);
      z-index: 4;
      box-shadow: 0 6px 14px rgb(16 24 40 / 12%);
    }

    /* A slider reached with Tab stops below the stuck chart, not behind it. */
    .slider {
      scroll-margin-top: var(--_live-height, 360px);
    }

    .slider input[type='range'],
    .slider .typed input {
      scroll-margin-top: calc(var(--_live-height, 360px) + 28px);
      scroll-margin-bottom: 24px;
    }
  }

  @container (max-width: 720px) {
    .sliders,
    .chart-panel,
    .whatif-live,
    .whatif-details {
      padding-left: 14px;
      padding-right: 14px;
    }

    .whatif-live {
      padding-top: 10px;
      padding-bottom: 8px;
      gap: 6px;
    }

    .summary .box {
      padding: 6px 10px;
    }

    .summary .box strong {
      font-size: 18px;
    }
  }

  @container (max-width: 480px) {
    /* The difference is what a moving slider changes; the baseline stays in the table below. */
    .summary .box .base {
      display: none;
    }
  }

  /* ---- the what-if page: scenarios side by side and the three questions ---- */
  /* A control reached with Tab stops below the section bar. */
  .whatif-grid input,
  .whatif-grid select,
  .whatif-grid summary {
    scroll-margin-top: 64px;
    scroll-margin-bottom: 24px;
  }

  .slider-row {
    display: flex;
    align-items: center;
    gap: 10px;
  }

  .slider-row input[type='range'] {
    flex: 1;
    min-width: 0;
  }

  .typed {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    flex: none;
  }

  .typed input {
    width: 7.5em;
    padding: 4px 6px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    font: inherit;
    font-size: 13px;
    text-align: right;
    font-variant-numeric: tabular-nums;
    background: var(--_surface);
    color: var(--_text);
  }

  .typed input[aria-invalid='true'] {
    border-color: var(--_bad);
  }

  /* The same width for every unit (%, a currency, none), so the sliders line up. */
  .typed .unit {
    font-size: 12px;
    color: var(--_muted);
    width: 2.6em;
  }

  .field-problem {
    font-size: 12px;
    color: var(--_bad);
  }

  .editing {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-size: 13px;
    font-weight: 600;
  }

  .editing select,
  .question-controls select,
  .question-controls input,
  .scenario-bar input {
    font: inherit;
    font-size: 13px;
    padding: 5px 6px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_surface);
    color: var(--_text);
    max-width: 100%;
  }

  .more-levers summary {
    cursor: pointer;
    font-size: 13px;
    font-weight: 600;
    color: var(--_accent);
  }

  .more-list {
    display: flex;
    flex-direction: column;
    gap: 14px;
    margin-top: 12px;
  }

  .scenario-bar {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }

  .scenario-actions,
  .starting-points,
  .question-controls,
  .ready {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: flex-end;
  }

  .starting-points {
    align-items: center;
    font-size: 12px;
    color: var(--_muted);
  }

  .scenario-bar .rename,
  .question-controls label {
    display: flex;
    flex-direction: column;
    gap: 3px;
    font-size: 12px;
    color: var(--_muted);
    min-width: 0;
  }

  .question-controls label.short input {
    width: 6em;
  }

  table.compare th,
  table.compare td {
    white-space: nowrap;
  }

  /* A long KPI name wraps, so the scenarios' columns keep the room on a phone. */
  table.compare tbody th {
    white-space: normal;
    min-width: 7em;
  }

  table.compare td small {
    display: block;
    font-size: 11px;
    color: var(--_muted);
  }

  table.compare th.sel {
    border-bottom: 3px solid var(--_accent);
  }

  table.compare small.assumption {
    display: block;
    font-size: 10px;
    font-weight: 500;
    color: #a16207;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }

  .swatch {
    display: inline-block;
    width: 12px;
    height: 0;
    margin-right: 5px;
    vertical-align: middle;
    border-top: 3px solid var(--_none);
  }

  .claims {
    margin: 0;
    padding-left: 18px;
    font-size: 13px;
  }

  .formulas {
    font-size: 12px;
  }

  .formulas summary {
    cursor: pointer;
    color: var(--_accent);
    font-weight: 600;
  }

  .formulas dt {
    font-weight: 600;
    margin-top: 6px;
  }

  .formulas dd {
    margin: 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .questions {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 16px;
    margin-top: 16px;
    align-items: start;
  }

  .questions [data-testid='tornado'] {
    grid-column: 1 / -1;
  }

  .question {
    padding: 14px 18px 16px;
    display: flex;
    flex-direction: column;
    gap: 10px;
    min-width: 0;
  }

  .goal-answer,
  .mc-chance {
    font-size: 15px;
    font-weight: 600;
  }

  .tornado-chart {
    overflow-x: auto;
  }

  svg.tornado text {
    font-family: var(--_font);
    font-size: 12px;
    fill: var(--_text);
  }

  svg.tornado text.end,
  svg.tornado text.base-label {
    fill: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  svg.tornado .lowbar {
    fill: #c2410c;
    opacity: 0.75;
  }

  svg.tornado .highbar {
    fill: var(--_accent);
    opacity: 0.85;
  }

  svg.tornado line.base {
    stroke: var(--_text);
    stroke-width: 1;
  }

  .tornado-table summary {
    cursor: pointer;
    font-size: 13px;
    color: var(--_accent);
  }

  .mc-range {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: flex-end;
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 6px 10px 10px;
    margin: 0;
  }

  .mc-range legend {
    font-size: 13px;
    font-weight: 600;
    padding: 0 4px;
  }

  .mc-range label {
    display: flex;
    flex-direction: column;
    gap: 3px;
    font-size: 12px;
    color: var(--_muted);
  }

  .ready .btn {
    white-space: normal;
    text-align: left;
    height: auto;
  }

  .mc-range select {
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 13px;
    padding: 5px 6px;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }

  .mc-range .typed input {
    width: 6.5em;
  }

  .legend {
    flex-wrap: wrap;
  }

  .legend span.sel {
    color: var(--_text);
    font-weight: 600;
  }

  .legend i,
  .swatch {
    border-top-style: solid;
    border-top-width: 3px;
  }

  .legend i.t0,
  .swatch.t0 {
    border-top: 2px dashed var(--_none);
  }

  .legend i.t1,
  .swatch.t1 {
    border-top-color: var(--_accent);
  }

  .legend i.t2,
  .swatch.t2 {
    border-top-color: #c2410c;
  }

  .legend i.t3,
  .swatch.t3 {
    border-top-color: #6d28d9;
  }

  .legend i.t4,
  .swatch.t4 {
    border-top-color: #0369a1;
  }

  .legend i.t5,
  .swatch.t5 {
    border-top-color: #a16207;
  }

  .legend i.band {
    border-top: 8px solid var(--_accent);
    opacity: 0.3;
  }

  @container (max-width: 900px) {
    .questions {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  @container (max-width: 720px) {
    .question {
      padding-left: 14px;
      padding-right: 14px;
    }
  }

  @container (max-width: 480px) {
    .typed input {
      width: 6.5em;
    }
  }
`;
