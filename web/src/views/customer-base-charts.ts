// The customer base's charts: customers by P(alive), the holdout check (actual against predicted
// repeat purchases by calibration frequency 0..7+) and the subscriptions' Kaplan-Meier curve.
import { html, nothing, type TemplateResult } from 'lit';
import type { CustomerBaseAnswer, HoldoutModel } from '../engine/contract';
import type { I18n } from '../i18n/i18n';
import { chosenBase, chosenModel, type TimeUnit } from '../lib/customer-base';
import { type CategoryChartData, type ChartSeries, renderCategoryChart } from './category-chart';

export function modelName(i18n: I18n, model: string): string {
  return i18n.maybe(`cbModel_${model}`, model);
}

function series(label: string, values: (number | null)[], format: (v: number) => string, tick = format): ChartSeries {
  return { label, values, format, tick };
}

function pAliveChart(i18n: I18n, answer: CustomerBaseAnswer): CategoryChartData | null {
  const base = chosenBase(answer);
  if (!base) return null;
  const bins = base.p_alive_histogram;
  const categories = bins.map((_, i) => `${i18n.number(i / 10, 1)}–${i18n.number((i + 1) / 10, 1)}`);
  const counts = series(i18n.t('cbCustomersAxis'), bins, (v) => i18n.number(v, 0), (v) => i18n.compact(v));
  const said = bins.map((n, i) => `${categories[i]}: ${i18n.number(n, 0)}`).join('; ');
  return { id: 'cb-p-alive', title: i18n.t('cbPAliveChart'), xLabel: i18n.t('cbPAliveAxis'), categories, bars: counts, summary: `${i18n.t('cbPAliveChart')}: ${said}.` };
}

function holdoutFor(answer: CustomerBaseAnswer): HoldoutModel | null {
  const models = answer.holdout?.models ?? [];
  return models.find((m) => m.model === chosenModel(answer)) ?? models[0] ?? null;
}

/** The holdout's error figures in words, for every model checked. */
export function holdoutErrors(i18n: I18n, answer: CustomerBaseAnswer): string[] {
  return (answer.holdout?.models ?? []).map((m) =>
    i18n.t('cbHoldoutErrors', {
      model: modelName(i18n, m.model),
      mae: m.mean_absolute_error === null ? '—' : i18n.number(m.mean_absolute_error, 3),
      predicted: m.total_predicted === null ? '—' : i18n.number(m.total_predicted, 0),
      actual: m.total_actual === null ? '—' : i18n.number(m.total_actual, 0),
      error: m.total_error === null ? '—' : i18n.signed(i18n.percent(m.total_error), m.total_error),
    }),
  );
}

function holdoutChart(i18n: I18n, answer: CustomerBaseAnswer): CategoryChartData | null {
  const model = holdoutFor(answer);
  if (!model) return null;
  const bins = model.by_frequency;
  const categories = bins.map((b) => (b.frequency >= 7 ? '7+' : i18n.number(b.frequency, 0)));
  const format = (v: number) => i18n.number(v, 2);
  const actual = series(i18n.t('cbHoldoutActual'), bins.map((b) => b.mean_actual), format);
  const predicted = series(i18n.t('cbHoldoutPredicted', { model: modelName(i18n, model.model) }), bins.map((b) => b.mean_predicted), format);
  const said = bins.map((b, i) => `${categories[i]}: ${b.mean_actual === null ? '—' : format(b.mean_actual)} / ${b.mean_predicted === null ? '—' : format(b.mean_predicted)}`).join('; ');
  return {
    id: 'cb-holdout',
    title: i18n.t('cbHoldoutChart'),
    xLabel: i18n.t('cbHoldoutAxis'),
    categories,
    bars: actual,
    line: predicted,
    summary: `${i18n.t('cbHoldoutChart')} (${actual.label} / ${predicted.label}): ${said}.`,
    note: holdoutErrors(i18n, answer).join(' '),
  };
}

function retentionChart(i18n: I18n, answer: CustomerBaseAnswer, unit: TimeUnit): CategoryChartData | null {
  const s = answer.survival;
  if (!s || s.rows.length === 0) return null;
  const col = (name: string) => s.columns.indexOf(name);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const rows = s.rows;
  const categories = rows.map((r) => i18n.number(num(r[col('time')]) ?? 0, 1));
  const line = {
    ...series(i18n.t('cbSurvival'), rows.map((r) => num(r[col('survival')])), (v) => i18n.percent(v), (v) => i18n.percent(v, 0)),
    low: rows.map((r) => num(r[col('lower')])),
    high: rows.map((r) => num(r[col('upper')])),
  };
  const last = rows.at(-1);
  const said = `${line.label}: ${categories[0]} → ${categories.at(-1)}, ${line.format(line.values[0] ?? 1)} → ${line.format(num(last?.[col('survival')]) ?? 0)}.`;
  return {
    id: 'cb-retention',
    title: i18n.t('cbRetentionChart'),
    xLabel: i18n.t('cbRetentionAxis', { unit: i18n.t(`cbUnits_${unit}`) }),
    categories,
    line,
    summary: said,
    note: i18n.t('cbRetentionBand'),
  };
}

export function renderCustomerBaseCharts(i18n: I18n, answer: CustomerBaseAnswer, unit: TimeUnit): TemplateResult | typeof nothing {
  const charts = [pAliveChart(i18n, answer), holdoutChart(i18n, answer), retentionChart(i18n, answer, unit)].filter((c): c is CategoryChartData => c !== null);
  if (charts.length === 0) return nothing;
  return html`<div class="kind-charts" data-testid="cb-charts">${charts.map(renderCategoryChart)}</div>`;
}
