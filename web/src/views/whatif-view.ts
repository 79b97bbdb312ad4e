// The what-if panel: scenario sliders around a baseline, the core's 5-year projection as a chart
// and a table.
import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AssumptionKey, EngineError, ProjectionAnswer } from '../engine/contract';
import type { I18n } from '../i18n/i18n';
import { ASSUMPTIONS, type Baseline, type Scenario, scenarioValue, sliderRange } from '../lib/whatif';
import { renderLineChart } from './chart-view';

export type Metric = 'customers' | 'revenue' | 'profit';
export const METRICS: readonly Metric[] = ['customers', 'revenue', 'profit'];

export interface WhatIfContext {
  i18n: I18n;
  baseline: Baseline | null;
  scenario: Scenario;
  projection: ProjectionAnswer | null;
  errors: EngineError[];
  metric: Metric;
  chartWidth: number;
  /** The chart stays on screen above the sliders (narrow screens): it is short. */
  stickyChart: boolean;
  onSlide: (key: AssumptionKey, value: number) => void;
  onReset: () => void;
  onMetric: (metric: Metric) => void;
  /** "Baseline from: …" (source-view.ts). */
  sources?: TemplateResult | typeof nothing;
}

const MONEY: ReadonlySet<AssumptionKey> = new Set(['avg_order_value', 'cac']);
const PERCENT: ReadonlySet<AssumptionKey> = new Set(['retention_rate', 'gross_margin']);

function formatAssumption(i18n: I18n, key: AssumptionKey | 'starting_customers', value: number): string {
  if (key !== 'starting_customers' && PERCENT.has(key)) return i18n.percent(value, 1);
  if (key !== 'starting_customers' && MONEY.has(key)) return i18n.money(value);
  if (key === 'purchases_per_year') return i18n.number(value, 2);
  return i18n.number(value, 0);
}

function delta(i18n: I18n, key: AssumptionKey, base: number, value: number): TemplateResult {
  const diff = value - base;
  if (Math.abs(diff) < 1e-9) return html`<span class="delta">±0</span>`;
  // Lower CAC is better; for everything else, higher is.
  const better = key === 'cac' ? diff < 0 : diff > 0;
  let text: string;
  if (PERCENT.has(key)) text = i18n.points(diff);
  else if (base !== 0) text = i18n.signed(i18n.percent(diff / base, 1), diff);
  else text = i18n.signed(i18n.number(diff, 2), diff);
  return html`<span class="delta ${better ? 'up' : 'down'}">${text}</span>`;
}

function slider(ctx: WhatIfContext, key: AssumptionKey): TemplateResult {
  const { i18n } = ctx;
  const base = ctx.baseline?.values[key] ?? 0;
  const value = scenarioValue(key, base, ctx.scenario);
  const range = sliderRange(key, base, value);
  const id = `slider-${key}`;
  const label = i18n.t(`assume_${key}`);
  return html`<div class="slider" data-slider=${key}>
    <div class="slider-top">
      <label for=${id} id=${`${id}-label`}>${label}</label>
      <output for=${id} data-role="scenario-value">${formatAssumption(i18n, key, value)}</output>
    </div>
    <input
      type="range"
      id=${id}
      name=${key}
      data-testid=${id}
      min=${range.min}
      max=${range.max}
      step=${range.step}
      .value=${live(String(value))}
      aria-valuetext=${formatAssumption(i18n, key, value)}
      @input=${(e: Event) => ctx.onSlide(key, Number((e.target as HTMLInputElement).value))}
    />
    <div class="slider-sub">
      <span>${i18n.t('baselineFrom', { value: formatAssumption(i18n, key, base) })}</span>
      ${delta(i18n, key, base, value)}
    </div>
  </div>`;
}

function metricFormat(i18n: I18n, metric: Metric): (v: number) => string {
  return metric === 'customers' ? (v) => i18n.number(v, 0) : (v) => i18n.money(v);
}

function axisFormat(i18n: I18n, metric: Metric): (v: number) => string {
  return metric === 'customers' ? (v) => i18n.compact(v) : (v) => i18n.moneyCompact(v);
}

function signedCell(text: string, value: number): TemplateResult {
  const cls = value > 1e-9 ? 'pos' : value < -1e-9 ? 'neg' : '';
  return html`<td class=${cls}>${value > 1e-9 ? '+' : ''}${text.replace(/^-/, '−')}</td>`;
}

function projectionTable(ctx: WhatIfContext, p: ProjectionAnswer): TemplateResult {
  const { i18n, metric } = ctx;
  // On a phone the full amounts do not fit four to a row: compact them ($69.7M).
  const fmt = ctx.chartWidth > 0 && ctx.chartWidth < 480 ? axisFormat(i18n, metric) : metricFormat(i18n, metric);
  const base = p.baseline[metric];
  const scn = p.scenario[metric];
  const diff = p.difference[metric];
  const totalKey = metric === 'customers' ? null : metric;
  return html`<div class="scroll-x">
    <table class="data-table" data-testid="projection-table" data-metric=${metric}>
      <thead>
        <tr>
          <th scope="col">${i18n.t('year')}</th>
          <th scope="col">${i18n.t('baseline')}</th>
          <th scope="col">${i18n.t('scenario')}</th>
          <th scope="col">${i18n.t('difference')}</th>
        </tr>
      </thead>
      <tbody>
        ${p.years.map(
          (year, i) => html`<tr data-year=${year}>
            <td>${i18n.t('yearN', { n: year })}</td>
            <td>${fmt(base[i] ?? 0)}</td>
            <td>${fmt(scn[i] ?? 0)}</td>
            ${signedCell(fmt(diff[i] ?? 0), diff[i] ?? 0)}
          </tr>`,
        )}
      </tbody>
      ${totalKey
        ? html`<tfoot>
            <tr data-year="total">
              <td>${i18n.t('total')}</td>
              <td>${fmt(p.totals.baseline[totalKey] ?? 0)}</td>
              <td>${fmt(p.totals.scenario[totalKey] ?? 0)}</td>
              ${signedCell(fmt(p.totals.difference[totalKey] ?? 0), p.totals.difference[totalKey] ?? 0)}
            </tr>
          </tfoot>`
        : nothing}
    </table>
  </div>`;
}

function summaryBox(
  i18n: I18n,
  money: (v: number) => string,
  label: string,
  base: number,
  scn: number,
  diff: number,
  testid: string,
): TemplateResult {
  const pct = base !== 0 ? diff / Math.abs(base) : null;
  return html`<div class="box" data-testid=${testid}>
    <span>${label}</span>
    <strong>${money(scn)}</strong>
    <small
      ><span class="base">${i18n.t('baseline')} ${money(base)} · </span
      ><span class=${diff > 0 ? 'pos' : diff < 0 ? 'neg' : ''}
        >${diff > 0 ? '+' : ''}${money(diff).replace(/^-/, '−')}${pct !== null
          ? ` (${diff > 0 ? '+' : ''}${i18n.percent(pct, 1).replace(/^-/, '−')})`
          : ''}</span
      ></small
    >
  </div>`;
}

export function renderWhatIf(ctx: WhatIfContext): TemplateResult {
  const { i18n, baseline, projection: p } = ctx;
  const missing = baseline?.missing ?? [];
  const header = html`<div class="section-head">
    <div>
      <h2 tabindex="-1">${i18n.t('whatIfTitle')}</h2>
      <p>${i18n.t('whatIfIntro')}</p>
      ${ctx.sources ?? nothing}
    </div>
  </div>`;
  if (!baseline || missing.length > 0) {
    return html`${header}
      <div class="panel chart-panel" data-testid="whatif-missing">
        <p class="muted">
          ${i18n.t('projectionMissing', { list: i18n.list(missing.map((k) => i18n.t(`assume_${k}`))) })}
        </p>
      </div>`;
  }
  const narrow = ctx.chartWidth > 0 && ctx.chartWidth < 480;
  return html`${header}
    <div class="whatif-grid">
      <div class="whatif-play">
        ${liveView(ctx, p, narrow)}
        <div class="panel sliders" data-testid="whatif-sliders">
          ${ASSUMPTIONS.map((key) => slider(ctx, key))}
          <div class="slider-sub">
            <span>${i18n.t('startingCustomers', { value: i18n.number(baseline.values.starting_customers ?? 0, 0) })}</span>
          </div>
          <div>
            <button type="button" class="btn small" data-testid="reset-scenario" @click=${ctx.onReset}>
              ${i18n.t('resetScenario')}
            </button>
          </div>
        </div>
      </div>
      <div class="panel whatif-details">
        <div class="seg" role="group" aria-label=${i18n.t('chartMetric')}>
          ${METRICS.map(
            (m) => html`<button
              type="button"
              data-testid=${`metric-${m}`}
              aria-pressed=${ctx.metric === m ? 'true' : 'false'}
              @click=${() => ctx.onMetric(m)}
            >
              ${i18n.t(`metric_${m}`)}
            </button>`,
          )}
        </div>
        ${p ? projectionTable(ctx, p) : nothing}
        ${ctx.errors.length
          ? html`<div>
              <h4>${i18n.t('projectionErrors')}</h4>
              <ul class="errors">
                ${ctx.errors.map((e) => html`<li>${e.message}</li>`)}
              </ul>
            </div>`
          : nothing}
        <p class="hint">${i18n.t('profitNote')}</p>
      </div>
    </div>`;
}

/** The totals and the chart: what a slider changes, kept in view above the sliders on a phone. */
function liveView(ctx: WhatIfContext, p: ProjectionAnswer | null, narrow: boolean): TemplateResult {
  const { i18n } = ctx;
  const metricLabel = i18n.t(`metric_${ctx.metric}`);
  // Kept on screen above the sliders, the chart leaves them room: it is short.
  const chartHeight = ctx.stickyChart ? (narrow ? 150 : 190) : narrow ? 220 : 280;
  const money = narrow ? (v: number) => i18n.moneyCompact(v) : (v: number) => i18n.money(v);
  return html`<div class="panel whatif-live" data-testid="whatif-live">
    ${p
      ? html`<div class="summary">
          ${summaryBox(i18n, money, `${i18n.t('metric_revenue')} · ${i18n.t('total')}`, p.totals.baseline.revenue, p.totals.scenario.revenue, p.totals.difference.revenue, 'total-revenue')}
          ${summaryBox(i18n, money, `${i18n.t('metric_profit')} · ${i18n.t('total')}`, p.totals.baseline.profit, p.totals.scenario.profit, p.totals.difference.profit, 'total-profit')}
        </div>`
      : nothing}
    <div class="chart-head">
      <span class="chart-name">${metricLabel}</span>
      <div class="legend" aria-hidden="true">
        <span><i></i>${i18n.t('baseline')}</span><span><i class="scn"></i>${i18n.t('scenario')}</span>
      </div>
    </div>
    <div class=${ctx.stickyChart ? 'chart short' : chartHeight > 220 ? 'chart tall' : 'chart'}>
      ${p
        ? renderLineChart({
            years: p.years,
            baseline: p.baseline[ctx.metric],
            scenario: p.scenario[ctx.metric],
            width: ctx.chartWidth,
            height: chartHeight,
            format: axisFormat(i18n, ctx.metric),
            yearLabel: (year) => i18n.t('yearN', { n: year }),
            title: i18n.t('chartTitle', { metric: metricLabel }),
            baselineLabel: i18n.t('baseline'),
            scenarioLabel: i18n.t('scenario'),
          })
        : nothing}
    </div>
  </div>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const whatIfStyles = css`
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

  @media (max-width: 1100px) {
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

    .slider input[type='range'] {
      scroll-margin-top: calc(var(--_live-height, 360px) + 28px);
    }
  }

  @media (max-width: 720px) {
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

  @media (max-width: 480px) {
    /* The difference is what a moving slider changes; the baseline stays in the table below. */
    .summary .box .base {
      display: none;
    }
  }
`;
