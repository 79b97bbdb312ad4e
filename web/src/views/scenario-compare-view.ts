// Scenarios side by side: making, naming, copying and deleting them (with the seeds' rules of thumb as
// labelled starting points), the KPI table with each formula, the yearly table, and each scenario's
// differences from the baseline.
import { html, nothing, type TemplateResult } from 'lit';
import type { OutputKey, ScenarioAnswer, SeriesKey, WhatIfAnswer } from '../engine/whatif-contract';
import type { I18n } from '../i18n/i18n';
import { formatOutput, formatOutputChange, outputLabel } from '../lib/whatif-format';
import { type NamedScenario, STARTING_POINTS, type StartingPoint, type WhatIfDoc } from '../lib/whatif-scenarios';
import type { WhatIfController } from './whatif-controller';

/** The KPIs compared side by side, in the order a consultant reads them. */
export const COMPARED: readonly OutputKey[] = [
  'cumulative_profit',
  'revenue',
  'customers',
  'churn',
  'cltv',
  'ltv_cac',
  'cac_payback_months',
  'service_revenue_share',
  'roi',
  'net_roi',
  'npv',
  'irr',
  'payback_years',
  'profit_npv',
];

/** Claims the seeds quote with a starting point: shown to be tested, next to what the model gives. */
const CLAIMS: Partial<Record<StartingPoint, 'wiClaim_retention_5' | 'wiClaim_cac_10'>> = {
  retention_5: 'wiClaim_retention_5',
  cac_10: 'wiClaim_cac_10',
};

export function scenarioName(i18n: I18n, doc: WhatIfDoc, s: NamedScenario): string {
  return s.name || i18n.t('wiScenarioN', { n: doc.scenarios.indexOf(s) + 1 });
}

/** The answer of a scenario by its id (the engine's name for it); the baseline's is the first. */
export function answerOf(answer: WhatIfAnswer | null, id: string): ScenarioAnswer | undefined {
  return answer?.scenarios?.find((s) => s.name === id);
}

export interface CompareContext {
  i18n: I18n;
  wi: WhatIfController;
  narrow: boolean;
  metric: SeriesKey;
  /** Why a value has no number: the page's text for the engine's code. */
  why: (code: string) => string;
}

export function renderScenarioBar(ctx: CompareContext): TemplateResult {
  const { i18n, wi } = ctx;
  const doc = wi.doc;
  const selected = doc.scenarios.find((s) => s.id === doc.selected) ?? doc.scenarios[0]!;
  const name = scenarioName(i18n, doc, selected);
  return html`<div class="scenario-bar" data-testid="scenario-bar">
    <div class="scenario-actions">
      <label class="rename"
        ><span>${i18n.t('wiRenameLabel')}</span>
        <input
          type="text"
          data-testid="scenario-name"
          maxlength="60"
          .value=${name}
          @change=${(e: Event) => wi.rename(selected.id, (e.target as HTMLInputElement).value)}
      /></label>
      <button type="button" class="btn small" data-testid="scenario-new" @click=${() => wi.add()}>${i18n.t('wiNew')}</button>
      <button type="button" class="btn small" data-testid="scenario-duplicate" @click=${() => wi.duplicate(selected.id, i18n.t('wiCopyOf', { name }))}>
        ${i18n.t('wiDuplicate')}
      </button>
      <button type="button" class="btn small" data-testid="scenario-delete" ?disabled=${doc.scenarios.length <= 1} @click=${() => wi.remove(selected.id)}>
        ${i18n.t('wiDelete')}
      </button>
    </div>
    <div class="starting-points">
      <span>${i18n.t('wiStartingPoints')}</span>
      ${STARTING_POINTS.map(
        (p) => html`<button type="button" class="btn small" data-testid=${`start-${p}`} @click=${() => wi.add(p, i18n.t(`wiStart_${p}`))}>
          + ${i18n.t(`wiStart_${p}`)}
        </button>`,
      )}
    </div>
  </div>`;
}

function columns(ctx: CompareContext): Array<{ id: string; label: string; start?: StartingPoint }> {
  const { i18n, wi } = ctx;
  return [
    { id: 'baseline', label: i18n.t('baseline') },
    ...wi.doc.scenarios.map((s) => ({ id: s.id, label: scenarioName(i18n, wi.doc, s), ...(s.start ? { start: s.start } : {}) })),
  ];
}

function head(ctx: CompareContext, first: string): TemplateResult {
  return html`<thead>
    <tr>
      <th scope="col">${first}</th>
      ${columns(ctx).map(
        (c, i) => html`<th scope="col" class=${c.id === ctx.wi.doc.selected ? 'num sel' : 'num'} data-scenario=${c.id}>
          <i class="swatch t${i % 6}" aria-hidden="true"></i>${c.label}${c.start ? html`<small class="assumption">${ctx.i18n.t('wiAssumption')}</small>` : nothing}
        </th>`,
      )}
    </tr>
  </thead>`;
}

function kpiCell(ctx: CompareContext, key: OutputKey, id: string, s: ScenarioAnswer | undefined): TemplateResult {
  const { i18n, narrow } = ctx;
  const isBase = id === 'baseline';
  const kpi = s?.kpis[key];
  if (!kpi) return html`<td class="num" data-scenario=${id}>—</td>`;
  if (kpi.value === null) {
    const why = kpi.code ? ctx.why(kpi.code) : '';
    return html`<td class="num muted" title=${why} data-scenario=${id} data-raw="">—<span class="sr-only"> ${why}</span></td>`;
  }
  const diff = s?.difference?.kpis[key];
  return html`<td class="num" title=${kpi.formula} data-scenario=${id} data-raw=${kpi.value}>
    ${formatOutput(i18n, key, kpi.value, narrow)}${!isBase && typeof diff === 'number'
      ? html`<small class=${diff > 1e-12 ? 'pos' : diff < -1e-12 ? 'neg' : ''}>${formatOutputChange(i18n, key, diff, narrow)}</small>`
      : nothing}
  </td>`;
}

export function renderKpiTable(ctx: CompareContext): TemplateResult {
  const { i18n, wi } = ctx;
  const answer = wi.answers.scenarios;
  const cols = columns(ctx);
  const base = answer?.scenarios?.[0];
  return html`<div class="scroll-x" tabindex="0" role="region" aria-label=${i18n.t('wiCompareTitle')}>
    <table class="data-table compare" data-testid="compare-table">
      <caption class="sr-only">${i18n.t('wiCompareTitle')}</caption>
      ${head(ctx, i18n.t('wiKpi'))}
      <tbody>
        ${COMPARED.map(
          (key) => html`<tr data-output=${key}>
            <th scope="row">${outputLabel(i18n, key)}</th>
            ${cols.map((c, i) => kpiCell(ctx, key, c.id, i === 0 ? base : answerOf(answer, c.id)))}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>
  ${renderClaims(ctx)} ${renderFormulas(ctx, base)}`;
}

/** A starting point's quoted claim, and the model's own 5-year profit change beside it. */
function renderClaims(ctx: CompareContext): TemplateResult | typeof nothing {
  const { i18n, wi } = ctx;
  const answer = wi.answers.scenarios;
  const base = answer?.scenarios?.[0]?.kpis.cumulative_profit.value;
  const rows = wi.doc.scenarios.flatMap((s) => {
    const claim = s.start ? CLAIMS[s.start] : undefined;
    const diff = answerOf(answer, s.id)?.difference?.kpis.cumulative_profit;
    if (!claim || typeof diff !== 'number' || typeof base !== 'number' || base === 0) return [];
    const model = i18n.signed(i18n.percent(diff / Math.abs(base), 1), diff);
    return [html`<li data-claim=${s.start}><strong>${scenarioName(i18n, wi.doc, s)}:</strong> ${i18n.t(claim, { model })}</li>`];
  });
  return rows.length ? html`<ul class="claims" data-testid="claims">${rows}</ul>` : nothing;
}

function renderFormulas(ctx: CompareContext, base: ScenarioAnswer | undefined): TemplateResult | typeof nothing {
  const { i18n } = ctx;
  if (!base) return nothing;
  return html`<details class="formulas">
    <summary>${i18n.t('wiFormulas')}</summary>
    <p class="hint">${i18n.t('wiFormulasNote')}</p>
    <dl>
      ${COMPARED.map((key) => html`<dt>${outputLabel(i18n, key)}</dt><dd lang="en">${base.kpis[key]?.formula ?? ''}</dd>`)}
    </dl>
  </details>`;
}

/** The yearly table of one series: baseline and every scenario, each with its difference. */
export function renderYearlyTable(ctx: CompareContext): TemplateResult | typeof nothing {
  const { i18n, wi, metric, narrow } = ctx;
  const answer = wi.answers.scenarios;
  if (!answer?.scenarios || !answer.years) return nothing;
  const cols = columns(ctx);
  const key: OutputKey = metric === 'customers' ? 'customers' : 'revenue';
  const fmt = (v: number) => formatOutput(i18n, key, v, narrow);
  const change = (v: number) => formatOutputChange(i18n, key, v, narrow);
  const series = cols.map((c, i) => (i === 0 ? answer.scenarios![0] : answerOf(answer, c.id)));
  return html`<div class="scroll-x" tabindex="0" role="region" aria-label=${i18n.t('wiYearly', { metric: i18n.t(metric === 'cumulative_profit' ? 'wiMetric_cumulative_profit' : `metric_${metric as 'revenue'}`) })}>
    <table class="data-table compare" data-testid="projection-table" data-metric=${metric}>
      ${head(ctx, i18n.t('year'))}
      <tbody>
        ${answer.years.map(
          (year, y) => html`<tr data-year=${year}>
            <th scope="row">${i18n.t('yearN', { n: year })}</th>
            ${series.map((s, i) => {
              const v = s?.years[metric]?.[y];
              const d = s?.difference?.years[metric]?.[y];
              return html`<td class="num" data-raw=${v ?? ''}>
                ${typeof v === 'number' ? fmt(v) : '—'}${i > 0 && typeof d === 'number'
                  ? html`<small class=${d > 1e-9 ? 'pos' : d < -1e-9 ? 'neg' : ''}>${change(d)}</small>`
                  : nothing}
              </td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
