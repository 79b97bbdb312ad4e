// The cohort heatmap: a table of acquisition months × months since, each cell shaded by its share
// of the cohort's first month (active customers or revenue), so retention reads across a row alike
// for a large and a small cohort. Being a table, it is its own text alternative.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { CustomerBaseAnswer } from '../engine/contract';
import type { I18n } from '../i18n/i18n';
import { cssomStyle } from './cssom-style';

export type CohortMeasure = 'active' | 'revenue';

export function renderCohorts(i18n: I18n, answer: CustomerBaseAnswer, measure: CohortMeasure, onMeasure: (m: CohortMeasure) => void, subscriptions = false): TemplateResult | typeof nothing {
  const c = answer.cohorts;
  if (!c || c.cohorts.length === 0) return nothing;
  const grid = measure === 'active' ? c.active : c.revenue;
  const format = (v: number) => (measure === 'active' ? i18n.number(v, 0) : i18n.moneyCompact(v));
  const cell = (v: number | null, first: number) => {
    if (v === null) return html`<td class="empty"></td>`;
    // The square root keeps the later months' 10-20% visible beside the first month's 100%.
    const share = first > 0 ? Math.sqrt(Math.min(1, Math.max(0, v) / first)) : 0;
    // Dark text on light cells, light text on dark ones: readable at every share.
    const style = { background: `color-mix(in srgb, var(--_accent) ${Math.round(share * 85)}%, transparent)`, color: share > 0.55 ? 'white' : 'var(--_text)' };
    return html`<td ${cssomStyle(style)}>${format(v)}</td>`;
  };
  const pick = (e: Event) => onMeasure((e.target as HTMLSelectElement).value as CohortMeasure);
  return html`<figure class="file-table cb-cohorts" data-testid="cb-cohorts" data-measure=${measure}>
    <figcaption>
      <h4 id="cb-cohorts-title">${i18n.t(subscriptions ? 'cbCohortsTitleSubscriptions' : 'cbCohortsTitle')}</h4>
      <label class="inline"
        >${i18n.t('cbCohortsShow')}
        <select data-testid="cb-cohort-measure" @change=${pick}>
          <option value="active" ?selected=${measure === 'active'}>${i18n.t('cbCohortsActive')}</option>
          <option value="revenue" ?selected=${measure === 'revenue'}>${i18n.t('cbCohortsRevenue')}</option>
        </select></label
      >
    </figcaption>
    <div class="scroll-x" tabindex="0" role="region" aria-labelledby="cb-cohorts-title">
      <table class="data-table heatmap">
        <thead>
          <tr>
            <th scope="col" class="txt">${i18n.t('cbCohortAcquired')}</th>
            <th scope="col">${i18n.t('cbCohortSize')}</th>
            ${Array.from({ length: c.months_since }, (_, m) => html`<th scope="col">${i18n.t('cohortOffset', { n: m })}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${c.cohorts.map((name, i) => {
            // A month in which nobody started is no cohort: left out.
            if (!c.customers[i]) return nothing;
            const row = grid[i] ?? [];
            return html`<tr>
              <th scope="row" class="txt">${name}</th>
              <td>${i18n.number(c.customers[i] ?? 0, 0)}</td>
              ${row.map((v) => cell(v, row[0] ?? 0))}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <p class="muted small">${i18n.t('cbCohortsNote')}</p>
  </figure>`;
}

export const cohortStyles = css`
  .cb-cohorts .heatmap td,
  .cb-cohorts .heatmap th {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
    padding: 3px 6px;
  }

  .cb-cohorts .scroll-x {
    max-height: 420px;
    overflow: auto;
  }
`;
