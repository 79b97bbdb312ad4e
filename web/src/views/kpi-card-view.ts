// One KPI card: value in its unit, band (colour and words), the deciding rule, formula, explanation,
// interval and breakdown.
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { Band, BreakdownRow, EngineError, KpiResult, KpiSpec, Unit } from '../engine/contract';
import type { I18n } from '../i18n/i18n';

const ROI_PAIR = new Set(['digital_transformation_roi', 'digital_transformation_net_roi']);

/** The input whose rows a grouped KPI breaks down by. */
function breakdownTitle(i18n: I18n, spec: KpiSpec): string {
  const grouped = spec.inputs.find((i) => i.kind === 'groups')?.name;
  if (grouped === 'processes') return i18n.t('breakdownProcesses');
  if (grouped === 'roles') return i18n.t('breakdownRoles');
  if (grouped === 'channels') return i18n.t('breakdownChannels');
  return i18n.t('breakdown');
}

const BAND_ICONS: Record<Band, ReturnType<typeof svg>> = {
  good: svg`<path d="M2 6.5l2.5 2.5L10 3.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`,
  watch: svg`<path d="M6 2.5v4.5M6 9.3v.2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  bad: svg`<path d="M3 3l6 6M9 3l-6 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  none: svg`<path d="M3 6h6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
};

export function bandChip(i18n: I18n, band: Band): TemplateResult {
  return html`<span class="chip ${band}" data-role="band" data-band=${band}
    ><svg viewBox="0 0 12 12" aria-hidden="true">${BAND_ICONS[band]}</svg>${i18n.band(band)}</span
  >`;
}

type RatePeriod = 'month' | 'quarter' | 'year';

/** The period a churn or retention rate is per (details.period), if it states one. */
function periodOf(result: KpiResult): RatePeriod | null {
  const period = result.details?.['period'];
  return period === 'month' || period === 'quarter' || period === 'year' ? period : null;
}

function detailItems(i18n: I18n, result: KpiResult): TemplateResult[] {
  const details = result.details ?? {};
  const items: TemplateResult[] = [];
  const num = (key: string) => (typeof details[key] === 'number' ? (details[key] as number) : null);
  const period = periodOf(result);
  if (period) {
    // "5.3% a month, 48% a year": the rate in its period, and its annual equivalent.
    const rate = i18n.t(`ratePer_${period}`, { value: i18n.percent(result.value) });
    const annual = num('annual_rate');
    const text =
      period !== 'year' && annual !== null
        ? i18n.t('rateAndAnnual', { rate, annual: i18n.t('ratePer_year', { value: i18n.percent(annual) }) })
        : rate;
    items.push(html`<span data-detail="period" data-period=${period}><b>${text}</b></span>`);
  }
  const shares: Array<
    [string, 'detail_top2_share' | 'detail_promoter_share' | 'detail_detractor_share' | 'detail_share_of_total' | 'detail_customers_share']
  > = [
    ['customers_share', 'detail_customers_share'],
    ['top2_share', 'detail_top2_share'],
    ['promoter_share', 'detail_promoter_share'],
    ['detractor_share', 'detail_detractor_share'],
    ['share_of_total', 'detail_share_of_total'],
  ];
  for (const [key, label] of shares) {
    const v = num(key);
    if (v !== null) items.push(html`<span data-detail=${key}>${i18n.t(label)} <b>${i18n.percent(v)}</b></span>`);
  }
  const respondents = num('respondents');
  if (respondents !== null) {
    items.push(html`<span data-detail="respondents">${i18n.t('detail_respondents')} <b>${i18n.number(respondents, 0)}</b></span>`);
  }
  return items;
}

/** The name a rule speaks of: the KPI's symbol in English (as the core writes it), its name in Chinese. */
function ruleLabel(i18n: I18n, spec: KpiSpec): string {
  return i18n.chinese ? i18n.text(spec.name) : spec.symbol || i18n.text(spec.name);
}

const WORST = /^worst of the parts: /;

export function ruleText(i18n: I18n, spec: KpiSpec, result: KpiResult, unit: Unit): string {
  if (WORST.test(result.rule)) {
    // The part that decided is the breakdown row with the same rule.
    const inner = result.rule.replace(WORST, '');
    const row = result.breakdown?.find((r) => r.rule === inner);
    const label = row ? i18n.qualified(ruleLabel(i18n, spec), i18n.rowName(row.name)) : ruleLabel(i18n, spec);
    return i18n.t('worstOfParts', { rule: i18n.rule(inner, result.rule_spec, label, unit) });
  }
  const period = periodOf(result);
  // A rate over a month or quarter is judged by its annual equivalent, and the rule says so.
  const label =
    period && period !== 'year' && typeof result.details?.['annual_rate'] === 'number'
      ? i18n.t('annualRuleLabel', { name: ruleLabel(i18n, spec) })
      : ruleLabel(i18n, spec);
  return i18n.rule(result.rule, result.rule_spec, label, unit);
}

function breakdownTable(i18n: I18n, spec: KpiSpec, result: KpiResult): TemplateResult | typeof nothing {
  const rows = result.breakdown ?? [];
  if (rows.length === 0) return nothing;
  const rowRule = (row: BreakdownRow) =>
    row.rule && row.band !== 'none' ? i18n.rule(row.rule, row.rule_spec, i18n.rowName(row.name), spec.unit) : '';
  return html`<table class="breakdown" data-role="breakdown">
    <caption>
      ${breakdownTitle(i18n, spec)}
    </caption>
    <tbody>
      ${rows.map(
        (row) => html`<tr data-row=${row.name} data-band=${row.band} data-raw=${String(row.value)} title=${rowRule(row)}>
          <td>${i18n.rowName(row.name)}</td>
          <td class="num">${i18n.value(row.value, spec.unit)}</td>
          <td class="band">${row.band !== 'none' ? bandChip(i18n, row.band) : nothing}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Why the articles' ROI and the net ROI differ, with this request's numbers when both are there. */
function roiNote(i18n: I18n, results: Map<string, KpiResult>): string {
  const roi = results.get('digital_transformation_roi');
  const net = results.get('digital_transformation_net_roi');
  if (!roi || !net) return i18n.t('roiNoteGeneric');
  return i18n.t(net.value < 0 ? 'roiNoteNotPaidBack' : 'roiNotePaidBack', {
    roi: i18n.percent(roi.value),
    net: i18n.percent(net.value).replace(/^-/, '−'),
  });
}

export function renderKpiCard(
  i18n: I18n,
  spec: KpiSpec,
  result: KpiResult | undefined,
  errors: EngineError[] | undefined,
  message: (error: EngineError) => string,
  siblings: Map<string, KpiResult>,
  /** The sources line (source-view.ts): where its inputs came from. */
  sources: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const name = i18n.text(spec.name);
  const band: Band = result?.band ?? 'none';
  const state = result ? band : 'empty';
  const interval = result?.interval ?? (result?.details?.['interval'] as KpiResult['interval'] | undefined);
  return html`<article
    class="panel kpi ${state}"
    data-kpi=${spec.id}
    data-band=${result ? band : 'empty'}
    aria-labelledby=${`kpi-${spec.id}-name`}
  >
    <div class="kpi-head">
      <h3 id=${`kpi-${spec.id}-name`}>${name}</h3>
      ${result ? bandChip(i18n, band) : nothing}
    </div>
    <div class="value" data-role="value" data-raw=${result ? String(result.value) : ''}>
      ${result ? i18n.value(result.value, spec.unit) : '—'}
    </div>
    ${interval
      ? html`<div class="sub" data-role="interval">
          ${i18n.t('interval', {
            level: i18n.percent(interval.level, 0),
            low: i18n.number(interval.low, 1),
            high: i18n.number(interval.high, 1),
          })}
        </div>`
      : nothing}
    ${result?.variant && spec.band_variants && result.band !== 'none'
      ? html`<div class="sub" data-role="variant">${i18n.t('variant', { name: i18n.choice(result.variant) })}</div>`
      : nothing}
    ${result ? html`<div class="details">${detailItems(i18n, result)}</div>` : nothing}
    ${result?.warnings?.length
      ? html`<div class="kpi-warning" role="note" data-role="warnings">
          ${result.warnings.map((w) => html`<p data-code=${w.code}>${message(w)}</p>`)}
        </div>`
      : nothing}
    ${errors?.length
      ? html`<div class="kpi-error" role="status" data-role="error">
          <strong>${i18n.t('cannotCompute')}:</strong> ${errors.map((e) => message(e)).join(' · ')}
        </div>`
      : !result
        ? html`<div class="sub">${i18n.t('noValue')}</div>`
        : nothing}
    ${result ? breakdownTable(i18n, spec, result) : nothing}
    <p class="explanation">${i18n.text(spec.explanation)}</p>
    ${ROI_PAIR.has(spec.id)
      ? html`<div class="note" data-role="roi-note"><strong>${i18n.t('roiNoteTitle')}</strong>${roiNote(i18n, siblings)}</div>`
      : nothing}
    <dl class="meta">
      ${result
        ? html`<dt>${i18n.t('rule')}</dt>
            <dd data-role="rule" data-rule=${result.rule}>
              ${ruleText(i18n, spec, result, spec.unit)}
            </dd>`
        : nothing}
      <dt>${i18n.t('formula')}</dt>
      <dd><code data-role="formula">${result?.formula ?? spec.formula}</code></dd>
      ${sources}
    </dl>
  </article>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const kpiCardStyles = css`
  .kpi {
    position: relative;
    padding: 14px 16px 14px 18px;
    display: flex;
    flex-direction: column;
    gap: 8px;
    overflow: hidden;
    min-width: 0;
  }

  .kpi::before {
    content: '';
    position: absolute;
    left: 0;
    top: 0;
    bottom: 0;
    width: 4px;
    background: var(--_band, var(--_border));
  }

  .kpi.good {
    --_band: var(--_good);
  }

  .kpi.watch {
    --_band: var(--_watch);
  }

  .kpi.bad {
    --_band: var(--_bad);
  }

  .kpi.none {
    --_band: color-mix(in srgb, var(--_none) 50%, transparent);
  }

  .kpi.empty {
    box-shadow: none;
    background: color-mix(in srgb, var(--_surface) 60%, transparent);
  }

  .kpi-head {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 8px;
  }

  .kpi h3 {
    font-size: 14px;
    font-weight: 600;
    line-height: 1.3;
  }

  .value {
    font-size: 28px;
    font-weight: 700;
    letter-spacing: -0.02em;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  .kpi.empty .value {
    color: var(--_muted);
    font-weight: 500;
  }

  .sub {
    font-size: 13px;
    color: var(--_muted);
  }

  .kpi-warning {
    margin: 0.4rem 0;
    padding: 0.35rem 0.5rem;
    border-left: 3px solid var(--watch, #b7791f);
    background: var(--watch-bg, #fff8e6);
    font-size: 0.85rem;
  }
  .kpi-warning p {
    margin: 0.15rem 0;
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    font-size: 13px;
    color: var(--_muted);
  }

  .details b {
    color: var(--_text);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .explanation {
    font-size: 13px;
    color: var(--_text);
  }

  .meta {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 3px 10px;
    font-size: 12px;
    color: var(--_muted);
    border-top: 1px dashed var(--_border);
    padding-top: 8px;
  }

  .meta dt {
    font-weight: 600;
  }

  .meta dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .meta code {
    font-family: var(--_mono);
    font-size: 11.5px;
    color: var(--_text);
  }

  .kpi-error {
    font-size: 13px;
    color: var(--_bad);
    background: color-mix(in srgb, var(--_bad) 7%, transparent);
    border-radius: 6px;
    padding: 6px 8px;
  }

  .breakdown {
    font-size: 13px;
  }

  .breakdown caption {
    text-align: left;
    font-size: 12px;
    color: var(--_muted);
    font-weight: 600;
    padding-bottom: 4px;
  }

  .breakdown td {
    padding: 3px 0;
    border-top: 1px solid var(--_border);
    vertical-align: top;
  }

  .breakdown td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    padding: 3px 8px;
    white-space: nowrap;
  }

  .breakdown td.band {
    text-align: right;
    width: 1%;
  }

  .note {
    font-size: 12.5px;
    background: var(--_accent-soft);
    border-radius: 6px;
    padding: 8px 10px;
  }

  .note strong {
    display: block;
    margin-bottom: 2px;
  }
`;
