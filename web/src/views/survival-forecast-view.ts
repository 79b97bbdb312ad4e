// The sBG forecast of a survival-table file: the model's assumption in plain words, its warnings,
// observed against fitted survival with the projection, the parameters with standard errors, the
// discounted expected lifetime (and lifetime value for a value per period), retention by period;
// and the period's length, discount rate and value a period the core reads the file with (the
// annual retention and CLV inputs the fit gives the workspace).
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Cell, DataTable, ImportAnswer, ImportOptions, Note } from '../engine/contract';
import type { I18n } from '../i18n/i18n';
import { type MessageContext, renderMessage } from '../i18n/render-message';
import { renderSurvivalChart, type SurvivalCurve, survivalChartStyles } from './survival-forecast-chart';

/** Notes that say how far to trust the fit, shown beside it. */
const WARNINGS: ReadonlySet<string> = new Set(['survival_few_periods', 'models_few_customers', 'survival_shares', 'models_not_converged', 'models_no_standard_errors']);
const DEFAULT_DISCOUNT = 0.1; // the core's default, per period

type Row = Record<string, Cell>;

/** What the survival table is read with again when the user changes it. */
export type SurvivalOptions = Pick<ImportOptions, 'period' | 'discount_rate' | 'value_per_period'>;

export interface SurvivalControls {
  options: ImportOptions;
  busy: boolean;
  onChange?: ((options: SurvivalOptions) => void) | undefined;
}

const PERIODS = ['week', 'month', 'quarter', 'year'] as const;
/** The core's note that the period's length came from the period column's header. */
const PERIOD_NOTE = 'survival_period_from_header';
/** Notes saying which retention feeds the inputs (the core's survival_retention_input*). */
const INPUT_NOTES: ReadonlySet<string> = new Set(['survival_retention_input', 'survival_retention_input_cohort']);

function rowsOf(table: DataTable | undefined): Row[] {
  if (!table) return [];
  return table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null])));
}

const num = (v: Cell | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const cohortKey = (v: Cell | undefined): string => (typeof v === 'string' ? v : '');

function cohortName(i18n: I18n, key: string): string {
  return key === '' ? i18n.t('sbgAllCustomers') : key;
}

function curves(i18n: I18n, forecast: Row[], fits: Row[]): SurvivalCurve[] {
  return fits.map((fit) => {
    const key = cohortKey(fit['cohort']);
    const rows = forecast.filter((r) => cohortKey(r['cohort']) === key);
    const size = Math.max(0, ...rows.map((r) => (num(r['periods_since_start']) ?? 0) + 1));
    const observed: (number | null)[] = new Array(size).fill(null);
    const fitted: (number | null)[] = new Array(size).fill(null);
    let lastObserved = 0;
    for (const r of rows) {
      const t = num(r['periods_since_start']) ?? 0;
      observed[t] = num(r['observed_survival']);
      fitted[t] = num(r['fitted_survival']);
      if (r['projected'] !== true) lastObserved = Math.max(lastObserved, t);
    }
    return { cohort: cohortName(i18n, key), observed, fitted, lastObserved };
  });
}

function discountRate(notes: Note[]): number {
  const note = notes.find((n) => n.code === 'survival_lifetime_in_periods' || n.code === 'survival_lifetime_value');
  const rate = note?.params?.['rate'];
  return typeof rate === 'number' ? rate : DEFAULT_DISCOUNT;
}

function withError(i18n: I18n, value: number | null, error: number | null): string {
  if (value === null) return '—';
  return error === null ? i18n.number(value, 3) : `${i18n.number(value, 3)} ± ${i18n.number(error, 3)}`;
}

/** Fills in each cohort's lifetime value as the user types a value per period (value × discounted lifetime). */
function onValue(i18n: I18n, e: Event): void {
  const input = e.target as HTMLInputElement;
  const value = input.valueAsNumber;
  const panel = input.closest('.sbg-forecast');
  panel?.querySelectorAll<HTMLOutputElement>('output[data-lifetime]').forEach((out) => {
    const lifetime = Number(out.dataset['lifetime']);
    out.value = Number.isFinite(value) && value >= 0 && Number.isFinite(lifetime) ? i18n.money(value * lifetime) : '—';
  });
}

function paramsTable(i18n: I18n, fits: Row[]): TemplateResult {
  return html`<div class="table-scroll"><table class="sbg-params" data-testid="sbg-params">
    <thead><tr>
      <th scope="col">${i18n.t('sbgCohort')}</th><th scope="col">${i18n.t('col_customers')}</th>
      <th scope="col">α</th><th scope="col">β</th><th scope="col">${i18n.t('col_log_likelihood')}</th>
      <th scope="col">${i18n.t('col_discounted_lifetime')}</th><th scope="col">${i18n.t('sbgLifetimeValue')}</th>
    </tr></thead>
    <tbody>${fits.map((f) => {
      const lifetime = num(f['discounted_lifetime']);
      const given = num(f['expected_lifetime_value']);
      const customers = num(f['customers']);
      return html`<tr data-cohort=${cohortKey(f['cohort'])}>
        <th scope="row">${cohortName(i18n, cohortKey(f['cohort']))}</th>
        <td>${customers === null ? '—' : i18n.number(customers, 0)}</td>
        <td data-param="alpha" data-raw=${String(f['alpha'])}>${withError(i18n, num(f['alpha']), num(f['alpha_se']))}</td>
        <td data-param="beta" data-raw=${String(f['beta'])}>${withError(i18n, num(f['beta']), num(f['beta_se']))}</td>
        <td>${num(f['log_likelihood']) === null ? '—' : i18n.number(num(f['log_likelihood']) as number, 1)}</td>
        <td data-param="discounted_lifetime" data-raw=${String(lifetime)}>${lifetime === null ? '—' : i18n.number(lifetime, 2)}</td>
        <td><output data-lifetime=${String(lifetime)}>${given === null ? '—' : i18n.money(given)}</output></td>
      </tr>`;
    })}</tbody>
  </table></div>`;
}

function retentionTable(i18n: I18n, forecast: Row[], fits: Row[]): TemplateResult {
  const keys = fits.map((f) => cohortKey(f['cohort']));
  const last = Math.max(0, ...forecast.map((r) => num(r['periods_since_start']) ?? 0));
  const at = (key: string, t: number) => forecast.find((r) => cohortKey(r['cohort']) === key && r['periods_since_start'] === t);
  const pct = (v: Cell | undefined) => (num(v ?? null) === null ? '—' : i18n.percent(num(v ?? null) as number));
  const periods = Array.from({ length: last }, (_, i) => i + 1);
  return html`<details class="sbg-retention" data-testid="sbg-retention">
    <summary>${i18n.t('sbgRetentionTitle')}</summary>
    <div class="table-scroll"><table>
      <thead><tr><th scope="col">${i18n.t('col_periods_since_start')}</th>
        ${keys.map((k) => html`<th scope="col">${cohortName(i18n, k)} · ${i18n.t('sbgObserved')}</th><th scope="col">${cohortName(i18n, k)} · ${i18n.t('sbgModel')}</th>`)}
      </tr></thead>
      <tbody>${periods.map((t) => {
        const projected = keys.every((k) => at(k, t)?.['projected'] === true);
        return html`<tr class=${projected ? 'projected' : ''}>
          <th scope="row">${i18n.number(t, 0)}${projected ? html` <span class="muted small">${i18n.t('sbgProjection')}</span>` : nothing}</th>
          ${keys.map((k) => html`<td>${pct(at(k, t)?.['observed_retention'])}</td><td>${pct(at(k, t)?.['fitted_retention'])}</td>`)}
        </tr>`;
      })}</tbody>
    </table></div>
  </details>`;
}

/** The period's length, the discount rate and the value a period, and the retention they give the inputs. */
function controls(i18n: I18n, c: SurvivalControls, notes: Note[], messages: MessageContext): TemplateResult {
  const o = c.options;
  const inputNote = notes.find((n) => INPUT_NOTES.has(n.code));
  const periodNote = notes.find((n) => n.code === PERIOD_NOTE);
  // The period the core used: the user's, else the one its header named, else a year.
  const used = inputNote?.params?.['period'];
  const period = o.period ?? (PERIODS.find((p) => p === used) ?? 'year');
  const rate = o.discount_rate ?? DEFAULT_DISCOUNT;
  const send = (options: SurvivalOptions) => c.onChange?.({ period: o.period, discount_rate: o.discount_rate, value_per_period: o.value_per_period, ...options });
  const onRate = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const percent = input.valueAsNumber;
    if (Number.isFinite(percent) && percent >= 0 && percent <= 100) send({ discount_rate: percent / 100 });
    else input.value = String(+(rate * 100).toFixed(4));
  };
  const onValueChange = (e: Event) => {
    const value = (e.target as HTMLInputElement).valueAsNumber;
    if (Number.isFinite(value) && value >= 0) send({ value_per_period: value });
    else if ((e.target as HTMLInputElement).value.trim() === '') send({ value_per_period: undefined });
  };
  return html`<div class="sbg-controls" data-testid="sbg-controls">
    <label class="inline">${i18n.t('sbgPeriodLength')}
      <select data-testid="sbg-period" ?disabled=${c.busy || !c.onChange} @change=${(e: Event) => send({ period: (e.target as HTMLSelectElement).value as (typeof PERIODS)[number] })}>
        ${PERIODS.map((p) => html`<option value=${p} ?selected=${p === period}>${i18n.t(`sbgPeriod_${p}`)}</option>`)}
      </select></label>
    <label class="inline">${i18n.t('sbgDiscountRate')}
      <span class="control"><input type="number" class="has-affix" min="0" max="100" step="any" inputmode="decimal" data-testid="sbg-discount"
        .value=${String(+(rate * 100).toFixed(4))} ?disabled=${c.busy || !c.onChange} @change=${onRate} /><span class="affix">%</span></span></label>
    <label class="inline sbg-value">${i18n.t('sbgValuePerPeriod')}
      <input type="number" min="0" step="any" inputmode="decimal" data-testid="sbg-value" .value=${o.value_per_period === undefined ? '' : String(o.value_per_period)}
        ?disabled=${c.busy} @input=${(e: Event) => onValue(i18n, e)} @change=${onValueChange} /></label>
    ${periodNote && !o.period ? html`<p class="muted small" data-testid="sbg-period-note">${renderMessage(periodNote, messages)}</p>` : nothing}
    ${inputNote ? html`<p class="muted small" data-testid="sbg-input-note">${renderMessage(inputNote, messages)}</p>` : nothing}
  </div>`;
}

export function renderSurvivalForecast(i18n: I18n, answer: ImportAnswer, messages: MessageContext, controlsOf: SurvivalControls = { options: { kind: 'survival_table' }, busy: false }): TemplateResult | typeof nothing {
  const forecast = rowsOf(answer.tables?.['survival_forecast']);
  const fits = rowsOf(answer.tables?.['survival_fits']).filter((f) => f['converged'] === true);
  if (fits.length === 0) return nothing;
  const notes = answer.notes ?? [];
  const warnings = notes.filter((n) => WARNINGS.has(n.code));
  const data = curves(i18n, forecast, fits);
  const summary = data
    .map((c) => i18n.t('sbgChartSummary', { cohort: c.cohort, periods: i18n.number(c.lastObserved, 0), last: c.fitted.length > 0 ? i18n.percent(c.fitted.at(-1) ?? 0) : '—', until: i18n.number(c.fitted.length - 1, 0) }))
    .join(' ');
  return html`<section class="panel sbg-forecast" data-testid="sbg-forecast">
    <h3>${i18n.t('sbgTitle')}</h3>
    <p class="sbg-assumption" data-testid="sbg-assumption">${i18n.t('sbgAssumption')}</p>
    ${warnings.map((w) => html`<p class="notice warn" data-testid="sbg-warning" data-code=${w.code}>${renderMessage(w, messages)}</p>`)}
    ${renderSurvivalChart(i18n, {
      title: i18n.t('sbgChartTitle'),
      xLabel: i18n.t('sbgPeriodsAxis'),
      projectionLabel: i18n.t('sbgProjection'),
      observedLabel: i18n.t('sbgObserved'),
      fittedLabel: i18n.t('sbgModel'),
      curves: data,
      summary,
    })}
    <h4>${i18n.t('sbgParamsTitle')}</h4>
    ${paramsTable(i18n, fits)}
    <p class="muted small">${i18n.t('sbgLifetimeHint', { rate: i18n.percent(discountRate(notes), 0) })}</p>
    ${controls(i18n, controlsOf, notes, messages)}
    ${retentionTable(i18n, forecast, fits)}
  </section>`;
}

export const survivalForecastStyles = css`
  ${survivalChartStyles}

  .sbg-forecast {
    display: flex;
    flex-direction: column;
    gap: 10px;
    padding: 14px 18px;
    min-width: 0;
  }

  .sbg-forecast h3,
  .sbg-forecast h4,
  .sbg-forecast p {
    margin: 0;
  }

  .sbg-assumption {
    border-left: 4px solid var(--_accent);
    padding-left: 10px;
  }

  .sbg-forecast .table-scroll {
    overflow-x: auto;
  }

  .sbg-forecast table {
    border-collapse: collapse;
    font-size: 14px;
    min-width: 100%;
  }

  .sbg-forecast th,
  .sbg-forecast td {
    padding: 4px 8px;
    border-bottom: 1px solid var(--_border);
    text-align: right;
    white-space: nowrap;
  }

  .sbg-forecast th:first-child {
    text-align: left;
  }

  .sbg-forecast tr.projected {
    font-style: italic;
    color: var(--_muted);
  }

  .sbg-value input,
  .sbg-controls input[type='number'] {
    width: 8em;
  }

  .sbg-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 18px;
    align-items: center;
  }

  .sbg-controls p {
    flex-basis: 100%;
  }
`;
