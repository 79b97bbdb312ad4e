// The charts of a file's result, drawn from its answer's tables: transactions' revenue and orders by
// period and customers by value segment, subscriptions' churn by tenure (or by period), the survey's
// NPS over time, the tickets' first response times.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Cell, DataKind, DataTable, ImportAnswer } from '../engine/contract';
import { cellText, columnLabel } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';
import { type CategoryChartData, type ChartSeries, categoryChartStyles, renderCategoryChart } from './category-chart';

interface ChartContext {
  i18n: I18n;
  kind: DataKind | undefined;
  kindId: string;
  tables: Record<string, DataTable>;
}

function column(table: DataTable, name: string): number {
  return table.columns.indexOf(name);
}

function numbers(table: DataTable, name: string): (number | null)[] {
  const i = column(table, name);
  return table.rows.map((r) => {
    const v: Cell | undefined = r[i];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  });
}

function labels(ctx: ChartContext, table: DataTable, name: string): string[] {
  const i = column(table, name);
  return table.rows.map((r) => {
    const v = r[i];
    return v === null || v === undefined ? '—' : cellText(ctx.i18n, name, String(v));
  });
}

/** The chart's words for screen readers: the series, its range, and where it peaks and bottoms out. */
function summary(i18n: I18n, series: ChartSeries, axis: string, categories: string[]): string {
  let max = -1;
  let min = -1;
  series.values.forEach((v, i) => {
    if (v === null) return;
    if (max < 0 || v > (series.values[max] as number)) max = i;
    if (min < 0 || v < (series.values[min] as number)) min = i;
  });
  if (max < 0) return series.label;
  return i18n.t('chartSummary', {
    series: series.label,
    axis,
    count: i18n.number(series.values.filter((v) => v !== null).length, 0),
    first: categories[0] ?? '',
    last: categories.at(-1) ?? '',
    max: series.format(series.values[max] as number),
    maxAt: categories[max] ?? '',
    min: series.format(series.values[min] as number),
    minAt: categories[min] ?? '',
  });
}

function series(ctx: ChartContext, table: DataTable, name: string, format: (v: number) => string, tick = format): ChartSeries {
  return { label: columnLabel(ctx.i18n, ctx.kind, name), values: numbers(table, name), format, tick };
}

/** A chart of `valueColumn` (and maybe a line) over the categories of `categoryColumn`, when the table has them. */
function chart(ctx: ChartContext, id: string, table: DataTable | undefined, categoryColumn: string, make: (t: DataTable) => Omit<CategoryChartData, 'id' | 'xLabel' | 'categories' | 'summary'>): CategoryChartData | null {
  if (!table || table.rows.length === 0 || column(table, categoryColumn) < 0) return null;
  const categories = labels(ctx, table, categoryColumn);
  const xLabel = columnLabel(ctx.i18n, ctx.kind, categoryColumn);
  const parts = make(table);
  const main = parts.bars ?? parts.line;
  if (!main || main.values.every((v) => v === null)) return null;
  const said = [parts.bars, parts.line].filter((s): s is ChartSeries => Boolean(s)).map((s) => summary(ctx.i18n, s, xLabel, categories));
  return { id: `chart-${ctx.kindId}-${id}`, xLabel, categories, ...parts, summary: [...said, parts.note ?? ''].join(' ').trim() };
}

function transactionCharts(ctx: ChartContext): (CategoryChartData | null)[] {
  const { i18n, tables } = ctx;
  const money = (v: number) => i18n.money(v);
  const count = (v: number) => i18n.number(v, 0);
  const compact = (v: number) => i18n.compact(v);
  return [
    chart(ctx, 'periods', tables['periods'], 'period', (t) => ({
      title: i18n.t('chartRevenueOrders'),
      bars: series(ctx, t, 'revenue', money, (v) => i18n.moneyCompact(v)),
      line: series(ctx, t, 'orders', count, compact),
    })),
    chart(ctx, 'segments', tables['segments'], 'segment', (t) => ({
      title: i18n.t('chartSegments'),
      bars: series(ctx, t, 'customers', count, compact),
    })),
  ];
}

function subscriptionCharts(ctx: ChartContext): (CategoryChartData | null)[] {
  const { i18n, tables } = ctx;
  const percent = (v: number) => i18n.percent(v);
  const tenure = chart(ctx, 'tenure', tables['tenure_bands'], 'tenure_months', (t) => ({
    title: i18n.t('chartChurnTenure'),
    bars: series(ctx, t, 'churned_share', percent, (v) => i18n.percent(v, 0)),
  }));
  // A file of start and end dates has no tenure bands; its churn by period is the chart then.
  return [
    tenure ??
      chart(ctx, 'churn', tables['periods'], 'period', (t) => ({
        title: i18n.t('chartChurnPeriod'),
        bars: series(ctx, t, 'churn_rate', percent, (v) => i18n.percent(v, 0)),
      })),
  ];
}

function surveyCharts(ctx: ChartContext): (CategoryChartData | null)[] {
  const { i18n, tables } = ctx;
  const points = (v: number) => i18n.number(v, 1);
  return [
    chart(ctx, 'nps', tables['trend'], 'period', (t) => ({
      title: i18n.t('chartNpsTrend'),
      line: { ...series(ctx, t, 'nps', points, (v) => i18n.number(v, 0)), low: numbers(t, 'nps_low'), high: numbers(t, 'nps_high') },
      ...(column(t, 'nps_low') >= 0 ? { note: i18n.t('chartRange') } : {}),
    })),
  ];
}

function ticketCharts(ctx: ChartContext): (CategoryChartData | null)[] {
  const { i18n, tables } = ctx;
  return [
    chart(ctx, 'response', tables['response_bands'], 'band', (t) => ({
      title: i18n.t('chartResponseTimes'),
      bars: series(ctx, t, 'tickets', (v) => i18n.number(v, 0), (v) => i18n.compact(v)),
    })),
  ];
}

const CHARTS: Record<string, (ctx: ChartContext) => (CategoryChartData | null)[]> = {
  transactions: transactionCharts,
  subscriptions: subscriptionCharts,
  survey: surveyCharts,
  tickets: ticketCharts,
};

export function renderKindCharts(i18n: I18n, kind: DataKind | undefined, kindId: string, answer: ImportAnswer): TemplateResult | typeof nothing {
  const make = CHARTS[kindId];
  if (!make || !answer.tables) return nothing;
  const charts = make({ i18n, kind, kindId, tables: answer.tables }).filter((c): c is CategoryChartData => c !== null);
  if (charts.length === 0) return nothing;
  return html`<h3 class="results-title">${i18n.t('chartsTitle')}</h3>
    <div class="kind-charts" data-testid="kind-charts">${charts.map(renderCategoryChart)}</div>`;
}

// How the charts sit; kindResultStyles (kind-result-view.ts) carries these into the calculator.
export const kindChartsStyles = css`
  .kind-charts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 440px), 1fr));
    gap: 14px;
  }

  ${categoryChartStyles}
`;
