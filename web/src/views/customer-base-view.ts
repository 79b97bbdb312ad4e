// The "Customer base" result of a transactions, customer-summary or subscriptions file: the fit's
// options, its progress, then the base's value (with its P5–P95 range), the purchases expected next
// year, the customers probably lost, the charts, the cohorts, the models and every customer.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { CustomerBaseAnswer } from '../engine/contract';
import type { I18n } from '../i18n/i18n';
import type { MessageContext } from '../i18n/render-message';
import { type CustomerBaseOptions, chosenBase, INTERVAL_DRAWS, chosenModel, survivalAt, TIME_UNITS, type TimeUnit, unitsPerYear, valueRange, type WorkspaceMoney } from '../lib/customer-base';
import type { CustomerBaseFit } from '../lib/customer-base-fits';
import type { KindResult } from '../lib/file-imports';
import { modelName, renderCustomerBaseCharts } from './customer-base-charts';
import { type CohortMeasure, cohortStyles, renderCohorts } from './customer-base-cohorts';
import { modelMessage, renderModels } from './customer-base-models';
import { type CustomerFilter, renderCustomerTable } from './customer-base-table';

export interface CustomerBaseContext {
  i18n: I18n;
  messages: MessageContext;
  result: KindResult;
  fit: CustomerBaseFit;
  money: WorkspaceMoney;
  /** Another import is running: the fit waits. */
  busy: boolean;
  onOptions: (options: Partial<CustomerBaseOptions>) => void;
  onFit: () => void;
  onCohortMeasure: (measure: CohortMeasure) => void;
  onFilter: (filter: CustomerFilter) => void;
}

function dateField(ctx: CustomerBaseContext, key: 'calibrationEnd' | 'holdoutSplit', label: string, hint: string): TemplateResult {
  return html`<label class="cb-option"
    ><span>${label}</span>
    <input type="date" data-testid=${`cb-${key}`} .value=${ctx.fit.options[key]} @change=${(e: Event) => ctx.onOptions({ [key]: (e.target as HTMLInputElement).value })} />
    <span class="muted small">${hint}</span></label
  >`;
}

function options(ctx: CustomerBaseContext): TemplateResult {
  const { i18n, fit, result, money } = ctx;
  const unit = fit.options.timeUnit;
  const fitting = fit.status === 'fitting';
  return html`<div class="cb-options" data-testid="cb-options">
    <label class="cb-option"
      ><span>${i18n.t('cbTimeUnit')}</span>
      <select data-testid="cb-time-unit" @change=${(e: Event) => ctx.onOptions({ timeUnit: (e.target as HTMLSelectElement).value as TimeUnit })}>
        ${TIME_UNITS.map((u) => html`<option value=${u} ?selected=${u === unit}>${i18n.t(`cbUnit_${u}`)}</option>`)}
      </select></label
    >
    ${result.kind === 'transactions'
      ? html`${dateField(ctx, 'calibrationEnd', i18n.t('cbCalibrationEnd'), i18n.t('cbCalibrationEndHint'))}
        ${dateField(ctx, 'holdoutSplit', i18n.t('cbHoldoutSplit'), i18n.t('cbHoldoutSplitHint'))}`
      : nothing}
    ${result.kind === 'customer_summary'
      ? html`<label class="cb-option"
          ><span>${i18n.t('cbHoldoutLength', { unit: i18n.t(`cbUnits_${unit}`) })}</span>
          <input type="number" min="0" step="any" inputmode="decimal" data-testid="cb-holdout-length" .value=${fit.options.holdoutLength}
            @change=${(e: Event) => ctx.onOptions({ holdoutLength: (e.target as HTMLInputElement).value })} />
          <span class="muted small">${i18n.t('cbHoldoutLengthHint')}</span></label
        >`
      : nothing}
    ${result.kind !== 'subscriptions'
      ? html`<label class="cb-option cb-ranges"
          ><span
            ><input type="checkbox" data-testid="cb-ranges" .checked=${fit.options.ranges}
              @change=${(e: Event) => ctx.onOptions({ ranges: (e.target as HTMLInputElement).checked })} />
            ${i18n.t('cbRanges')}</span
          >
          <span class="muted small">${i18n.t('cbRangesHint', { draws: i18n.number(INTERVAL_DRAWS, 0) })}</span></label
        >`
      : nothing}
    ${result.kind !== 'subscriptions'
      ? html`<p class="muted small cb-money" data-testid="cb-money">
          ${money.margin !== null && money.margin > 0 && money.margin <= 1 ? i18n.t('cbMargin', { value: i18n.percent(money.margin) }) : i18n.t('cbMarginNone')} ·
          ${money.discountRate !== null && money.discountRate >= 0 && money.discountRate <= 1 ? i18n.t('cbDiscount', { value: i18n.percent(money.discountRate) }) : i18n.t('cbDiscountNone')}
        </p>`
      : nothing}
    <button type="button" class="btn primary cb-fit" data-testid="cb-fit" ?disabled=${fitting || ctx.busy} @click=${ctx.onFit}>
      ${fit.answer ? i18n.t('cbRefit') : i18n.t('cbFit')}
    </button>
  </div>`;
}

function status(ctx: CustomerBaseContext): TemplateResult | typeof nothing {
  const { i18n, fit } = ctx;
  if (fit.status === 'fitting') {
    return html`<div class="cb-progress" role="status" data-testid="cb-fitting"><progress aria-label=${i18n.t('cbFitting')}></progress> ${i18n.t('cbFitting')}</div>`;
  }
  if (fit.status === 'gone') return html`<p class="notice" role="status" data-testid="cb-gone">${i18n.t('cbGone')}</p>`;
  if (fit.status === 'failed') return html`<p class="notice error" role="alert" data-testid="cb-failed">${i18n.t('cbFailed', { message: fit.failure })}</p>`;
  return nothing;
}

function stat(testId: string, label: string, value: string, raw: number | null, note: string): TemplateResult {
  return html`<div class="stat" data-testid=${testId} data-raw=${raw === null ? '' : String(raw)}>
    <span>${label}</span><strong>${value}</strong>${note ? html`<span class="muted small" data-role="note">${note}</span>` : nothing}
  </div>`;
}

/** The value's horizon and discount rate, stated beside it (both count models use the same). */
function valueHorizon(i18n: I18n, answer: CustomerBaseAnswer): TemplateResult | typeof nothing {
  if (answer.clv_years === undefined || answer.discount_rate === undefined) return nothing;
  return html`<p class="muted small cb-horizon" data-testid="cb-value-horizon" data-years=${String(answer.clv_years)} data-rate=${String(answer.discount_rate)}
    >${i18n.t('cbValueHorizon', { years: i18n.number(answer.clv_years, 0), rate: i18n.percent(answer.discount_rate) })}</p
  >`;
}

function figures(ctx: CustomerBaseContext, answer: CustomerBaseAnswer): TemplateResult | typeof nothing {
  const { i18n } = ctx;
  const base = chosenBase(answer);
  const model = chosenModel(answer);
  if (base && model) {
    const range = valueRange(answer);
    const purchases = answer.intervals?.model === model ? answer.intervals.expected_purchases : null;
    const from = i18n.t('cbFromModel', { model: modelName(i18n, model) });
    return html`<div class="panel measures cb-figures" data-testid="cb-figures" data-model=${model}>
      ${stat('cb-value', i18n.t('cbBaseValue'), base.value === null ? '—' : i18n.money(base.value), base.value,
        base.value === null ? i18n.t('cbBaseValueNone') : range ? i18n.t('cbBaseValueRange', { low: i18n.money(range[0]), high: i18n.money(range[1]) }) : from)}
      ${stat('cb-expected', i18n.t('cbExpected'), base.expected_purchases === null ? '—' : i18n.number(base.expected_purchases, 0), base.expected_purchases,
        purchases?.p5 != null && purchases.p95 != null ? i18n.t('cbExpectedRange', { low: i18n.number(purchases.p5, 0), high: i18n.number(purchases.p95, 0) }) : from)}
      ${stat('cb-lost', i18n.t('cbProbablyLost'), base.probably_lost_share === null ? '—' : i18n.percent(base.probably_lost_share), base.probably_lost_share,
        i18n.t('cbProbablyLostHint', { n: i18n.number(base.probably_lost, 0), customers: i18n.number(base.customers, 0) }))}
      ${base.value === null ? nothing : valueHorizon(i18n, answer)}
    </div>`;
  }
  const s = answer.survival;
  if (!s) return nothing;
  const unit = i18n.t(`cbUnits_${ctx.fit.options.timeUnit}`);
  const from = i18n.t('cbFromModel', { model: modelName(i18n, 'km') });
  const year = survivalAt(answer, unitsPerYear(ctx.fit.options.timeUnit));
  return html`<div class="panel measures cb-figures" data-testid="cb-figures" data-model="km">
    ${stat('cb-median', i18n.t('cbMedian'), s.median === null ? '—' : i18n.t('cbMedianValue', { value: i18n.number(s.median, 1), unit }), s.median,
      s.median === null ? i18n.t('cbMedianNone') : from)}
    ${stat('cb-year', i18n.t('cbYearRetention'), year === null ? '—' : i18n.percent(year), year, from)}
  </div>`;
}

function fitted(ctx: CustomerBaseContext, answer: CustomerBaseAnswer): TemplateResult {
  const { i18n, fit } = ctx;
  // Subscriptions: every one is at risk at the curve's first step.
  const atRisk = answer.survival ? Math.max(0, ...answer.survival.rows.map((r) => Number(r[answer.survival?.columns.indexOf('at_risk') ?? -1]) || 0)) : 0;
  const customers = answer.customers_total ?? answer.summary?.customers ?? atRisk;
  const unit = i18n.t(`cbUnits_${fit.options.timeUnit}`);
  const date = answer.summary?.calibration_end;
  const ms = i18n.number(Math.round(fit.ms), 0);
  return html`${answer.errors.length
      ? html`<div class="notice error" role="alert" data-testid="cb-errors">
          <strong>${i18n.t('cbErrors')}</strong>
          <ul>
            ${answer.errors.map((e) => html`<li data-code=${e.code}>${modelMessage(e, ctx.messages)}</li>`)}
          </ul>
        </div>`
      : nothing}
    <p class="muted small" data-testid="cb-fit-info" data-request=${JSON.stringify(fit.request ?? {})}>
      ${date ? i18n.t('cbFitTime', { ms, customers: i18n.number(customers, 0), date, unit }) : i18n.t('cbFitTimeNoDate', { ms, customers: i18n.number(customers, 0), unit })}
    </p>
    ${figures(ctx, answer)} ${renderCustomerBaseCharts(i18n, answer, fit.options.timeUnit)}
    ${answer.base?.length && !answer.holdout ? html`<p class="muted small" data-testid="cb-holdout-none">${i18n.t('cbHoldoutNone')}</p>` : nothing}
    ${ctx.result.kind !== 'customer_summary' ? renderCohorts(i18n, answer, ctx.fit.cohortMeasure, ctx.onCohortMeasure, ctx.result.kind === 'subscriptions') : nothing}
    ${renderModels(i18n, ctx.messages, answer)}
    ${renderCustomerTable({ i18n, answer, kind: ctx.result.kind, fileName: ctx.result.fileName, seq: fit.seq, filter: ctx.fit.filter, onFilter: ctx.onFilter })}`;
}

export function renderCustomerBase(ctx: CustomerBaseContext): TemplateResult {
  const { i18n, fit } = ctx;
  return html`<section class="customer-base" data-testid="customer-base" data-kind=${ctx.result.kind} data-status=${fit.status} aria-labelledby="cb-title">
    <h3 class="results-title" id="cb-title">${i18n.t('cbTitle')}</h3>
    <p class="muted">${i18n.t(ctx.result.kind === 'subscriptions' ? 'cbIntroSubscriptions' : 'cbIntro')}</p>
    ${options(ctx)} ${status(ctx)} ${fit.answer && fit.status !== 'gone' ? fitted(ctx, fit.answer) : nothing}
  </section>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const customerBaseStyles = css`
  ${cohortStyles}

  .customer-base {
    display: flex;
    flex-direction: column;
    gap: 12px;
    min-width: 0;
    border-top: 1px solid var(--_border);
    padding-top: 14px;
  }

  .customer-base > p {
    margin: 0;
  }

  .cb-options {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 10px 18px;
  }

  .cb-option {
    display: flex;
    flex-direction: column;
    gap: 3px;
    max-width: 16rem;
  }

  .cb-fit {
    align-self: flex-end;
  }

  .cb-ranges {
    max-width: 24rem;
  }

  .cb-money {
    flex: 1 1 100%;
    margin: 0;
  }

  .cb-progress {
    display: flex;
    align-items: center;
    gap: 10px;
  }

  /* The value's horizon: one line under the figures, not a narrow column under the value. */
  .cb-figures .cb-horizon {
    grid-column: 1 / -1;
    margin: 0;
  }

  .cb-figures .stat {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }

  .cb-models {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 260px), 1fr));
    gap: 14px;
    align-items: start;
  }

  .cb-model .warnings {
    margin: 4px 0 0;
    padding-left: 18px;
    color: var(--_watch);
  }

  .cb-filters {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }

  .cb-filters [aria-pressed='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }

  .cb-table {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
  }

  .cb-table > p,
  .cb-subtitle {
    margin: 0;
  }
`;
