// The printed report: a plain document of the results (title, date, company, health summary, KPIs by
// group, what-if assumptions with chart and yearly table, file import summaries), hidden on screen and
// the only thing printed. Saving it as PDF from the print dialog is the PDF export.
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type {
  AssumptionKey,
  Band,
  Catalog,
  DataKind,
  EngineError,
  KpiResult,
  KpiSpec,
  ProjectionAnswer,
  ProjectionRequest,
} from '../engine/contract';
import { fileError } from '../engine/contract';
import { kindName } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';
import { formatAssumption, formatAssumptionChange } from '../lib/export';
import type { KindResult } from '../lib/file-imports';
import { ASSUMPTIONS } from '../lib/whatif';
import { renderLineChart } from './chart-view';
import { ruleText } from './kpi-card-view';
import { staged } from './staged-parts';
import type { ProjectionMetric as Metric } from './whatif-view';
import type { WhatIfAnswer } from '../engine/whatif-contract';
import { formatOutput, formatOutputChange, outputLabel } from '../lib/whatif-format';
import { COMPARED } from './scenario-compare-view';
import { currencyName } from '../i18n/currencies';

/** A fixed width that fits an A4 page with its margins, whatever the screen's width. */
const PRINT_CHART_WIDTH = 680;
const PRINT_CHART_HEIGHT = 250;
const BANDS: readonly Band[] = ['good', 'watch', 'bad', 'none'];
const BAND_MARKS: Record<Band, string> = { good: '✓', watch: '!', bad: '✕', none: '–' };

/** What the report and the downloads read: the page's state as it is shown. */
export interface ReportData {
  i18n: I18n;
  catalog: Catalog;
  kpis: readonly KpiResult[];
  /** The what-if assumptions (baseline and scenario); null while some are missing. */
  assumptions: ProjectionRequest | null;
  /** The assumptions neither the inputs nor a loaded projection give. */
  missing: ReadonlyArray<AssumptionKey | 'starting_customers'>;
  projection: ProjectionAnswer | null;
  metric: Metric;
  files: readonly KindResult[];
  kinds: readonly DataKind[];
  message: (error: EngineError) => string;
  /** Where a KPI's inputs came from; '' or absent when not known. */
  sourceOf?: ((kpiId: string) => string) | undefined;
  /** The what-if scenarios side by side: each column's engine id and name; the selected one's name. */
  scenarios?: { answer: WhatIfAnswer | null; columns: Array<{ id: string; name: string }>; selected: string; selectedId: string } | undefined;
}

function bandMark(i18n: I18n, band: Band): TemplateResult {
  return html`<span class="r-band ${band}"><b aria-hidden="true">${BAND_MARKS[band]}</b> ${i18n.band(band)}</span>`;
}

function health(data: ReadonlyArray<KpiResult | undefined>): Record<Band, number> {
  const tally: Record<Band, number> = { good: 0, watch: 0, bad: 0, none: 0 };
  for (const r of data) if (r) tally[r.band] += 1;
  return tally;
}

function healthSummary(d: ReportData, results: Map<string, KpiResult>): TemplateResult {
  const { i18n, catalog } = d;
  const total = health([...results.values()]);
  const groups = catalog.groups.filter((g) => catalog.kpis.some((k) => k.group === g.id && results.has(k.id)));
  return html`<section class="r-section" data-report="health">
    <h2>${i18n.t('overviewTitle')}</h2>
    <p>${i18n.t('overviewComputed', { n: results.size, total: catalog.kpis.length })}</p>
    <table class="r-table r-health">
      <thead>
        <tr>
          <th scope="col">${i18n.t('reportGroup')}</th>
          ${BANDS.map((b) => html`<th scope="col" class="num">${bandMark(i18n, b)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${groups.map((g) => {
          const tally = health(catalog.kpis.filter((k) => k.group === g.id).map((k) => results.get(k.id)));
          return html`<tr>
            <th scope="row">${i18n.text(g.name)}</th>
            ${BANDS.map((b) => html`<td class="num">${tally[b]}</td>`)}
          </tr>`;
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${i18n.t('col_total')}</th>
          ${BANDS.map((b) => html`<td class="num" data-report-tally=${b}>${total[b]}</td>`)}
        </tr>
      </tfoot>
    </table>
  </section>`;
}

/** "5.3% a month, 48% a year" for a rate that states its period; nothing otherwise. */
function periodLine(i18n: I18n, result: KpiResult): string {
  const period = result.details?.['period'];
  if (period !== 'month' && period !== 'quarter' && period !== 'year') return '';
  const rate = i18n.t(`ratePer_${period}`, { value: i18n.percent(result.value) });
  const annual = result.details?.['annual_rate'];
  return period !== 'year' && typeof annual === 'number'
    ? i18n.t('rateAndAnnual', { rate, annual: i18n.t('ratePer_year', { value: i18n.percent(annual) }) })
    : rate;
}

function kpiCard(d: ReportData, spec: KpiSpec, result: KpiResult): TemplateResult {
  const { i18n } = d;
  const period = periodLine(i18n, result);
  const interval = result.interval ?? (result.details?.['interval'] as KpiResult['interval'] | undefined);
  const source = d.sourceOf?.(spec.id) ?? '';
  return html`<article class="r-card ${result.band}" data-report-kpi=${spec.id}>
    <div class="r-card-head">
      <h4>${i18n.text(spec.name)}</h4>
      ${bandMark(i18n, result.band)}
    </div>
    <div class="r-value">${i18n.value(result.value, spec.unit)}</div>
    ${period ? html`<p class="r-line">${period}</p>` : nothing}
    ${interval
      ? html`<p class="r-line">
          ${i18n.t('interval', { level: i18n.percent(interval.level, 0), low: i18n.number(interval.low, 1), high: i18n.number(interval.high, 1) })}
        </p>`
      : nothing}
    ${result.breakdown?.length
      ? html`<ul class="r-parts">
          ${result.breakdown.map(
            (row) => html`<li><span>${i18n.rowName(row.name)}</span> <span>${i18n.value(row.value, spec.unit)}</span> ${row.band !== 'none' ? bandMark(i18n, row.band) : nothing}</li>`,
          )}
        </ul>`
      : nothing}
    <p class="r-line"><b>${i18n.t('rule')}:</b> ${ruleText(i18n, spec, result, spec.unit)}</p>
    ${result.warnings.map((w) => html`<p class="r-line r-warn">⚠ ${d.message(w)}</p>`)}
    ${source ? html`<p class="r-line">${i18n.t('reportSource', { source })}</p>` : nothing}
  </article>`;
}

function kpiSection(d: ReportData, results: Map<string, KpiResult>): TemplateResult {
  const { i18n, catalog } = d;
  const groups = catalog.groups
    .map((g) => ({ group: g, kpis: catalog.kpis.filter((k) => k.group === g.id && results.has(k.id)) }))
    .filter((g) => g.kpis.length > 0);
  return html`<section class="r-section" data-report="kpis">
    <h2>${i18n.t('reportKpisTitle')}</h2>
    ${groups.length === 0 ? html`<p>${i18n.t('reportNoKpis')}</p>` : nothing}
    ${groups.map(
      ({ group, kpis }) => html`<div class="r-group">
        <h3>${i18n.text(group.name)}</h3>
        <div class="r-cards">${kpis.map((spec) => kpiCard(d, spec, results.get(spec.id) as KpiResult))}</div>
      </div>`,
    )}
  </section>`;
}

function assumptionsTable(i18n: I18n, a: ProjectionRequest): TemplateResult {
  const row = (key: AssumptionKey | 'starting_customers', base: number, scn: number) => html`<tr>
    <th scope="row">${i18n.t(`assume_${key}`)}</th>
    <td class="num">${formatAssumption(i18n, key, base)}</td>
    <td class="num">${formatAssumption(i18n, key, scn)}</td>
    <td class="num">${Math.abs(scn - base) < 1e-12 ? '±0' : formatAssumptionChange(i18n, key, scn - base)}</td>
  </tr>`;
  return html`<table class="r-table r-assumptions">
    <caption>${i18n.t('reportAssumptions')}</caption>
    <thead>
      <tr>
        <th scope="col"></th>
        <th scope="col" class="num">${i18n.t('baseline')}</th>
        <th scope="col" class="num">${i18n.t('scenario')}</th>
        <th scope="col" class="num">${i18n.t('reportChange')}</th>
      </tr>
    </thead>
    <tbody>
      ${row('starting_customers', a.starting_customers, a.starting_customers)}
      ${ASSUMPTIONS.map((key) => row(key, a.baseline[key], a.scenario[key]))}
    </tbody>
  </table>`;
}

const YEARLY: readonly Metric[] = ['customers', 'revenue', 'profit'];

function yearlyTable(i18n: I18n, p: ProjectionAnswer): TemplateResult {
  const fmt = (metric: Metric, v: number) => (metric === 'customers' ? i18n.number(v, 0) : i18n.money(v));
  const total = (metric: Metric, side: 'baseline' | 'scenario') => {
    const v = metric === 'customers' ? undefined : p.totals[side][metric];
    return v === undefined ? '' : fmt(metric, v);
  };
  return html`<table class="r-table r-yearly">
    <caption>${i18n.t('reportByYear')}</caption>
    <thead>
      <tr>
        <th scope="col" rowspan="2">${i18n.t('year')}</th>
        ${YEARLY.map((m) => html`<th scope="colgroup" colspan="2" class="num">${i18n.t(`metric_${m}`)}</th>`)}
      </tr>
      <tr>
        ${YEARLY.map(() => html`<th scope="col" class="num">${i18n.t('baseline')}</th><th scope="col" class="num">${i18n.t('scenario')}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${p.years.map(
        (year, i) => html`<tr>
          <th scope="row">${i18n.t('yearN', { n: year })}</th>
          ${YEARLY.map((m) => html`<td class="num">${fmt(m, p.baseline[m][i] ?? 0)}</td><td class="num">${fmt(m, p.scenario[m][i] ?? 0)}</td>`)}
        </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">${i18n.t('total')}</th>
        ${YEARLY.map((m) => html`<td class="num">${total(m, 'baseline')}</td><td class="num">${total(m, 'scenario')}</td>`)}
      </tr>
    </tfoot>
  </table>`;
}

function chart(d: ReportData, p: ProjectionAnswer): TemplateResult {
  const { i18n, metric } = d;
  const title = i18n.t('chartTitle', { metric: i18n.t(`metric_${metric}`) });
  const format = metric === 'customers' ? (v: number) => i18n.compact(v) : (v: number) => i18n.moneyCompact(v);
  return html`<figure class="r-chart">
    <figcaption>
      <span>${title}</span>
      <span class="r-legend"
        ><svg width="22" height="8" aria-hidden="true">${svg`<line class="base" x1="1" x2="21" y1="4" y2="4"></line>`}</svg>${i18n.t('baseline')}
        <svg width="22" height="8" aria-hidden="true">${svg`<line class="scn" x1="1" x2="21" y1="4" y2="4"></line>`}</svg>${i18n.t('scenario')}</span
      >
    </figcaption>
    ${renderLineChart({
      testId: 'report-chart',
      years: p.years,
      baseline: p.baseline[metric],
      scenario: p.scenario[metric],
      width: PRINT_CHART_WIDTH,
      height: PRINT_CHART_HEIGHT,
      format,
      yearLabel: (year) => i18n.t('yearN', { n: year }),
      title,
      baselineLabel: i18n.t('baseline'),
      scenarioLabel: i18n.t('scenario'),
    })}
  </figure>`;
}

/** Every scenario's KPIs beside the baseline's, each with its difference from it. */
function scenariosTable(d: ReportData): TemplateResult | typeof nothing {
  const { i18n } = d;
  const answer = d.scenarios?.answer;
  const base = answer?.scenarios?.[0];
  if (!d.scenarios || !base) return nothing;
  const cols = d.scenarios.columns.map((c) => ({ ...c, s: answer?.scenarios?.find((s) => s.name === c.id) }));
  return html`<table class="r-table r-scenarios" data-testid="report-scenarios">
    <caption>${i18n.t('wiCompareTitle')}</caption>
    <thead>
      <tr>
        <th scope="col"></th>
        <th scope="col" class="num">${i18n.t('baseline')}</th>
        ${cols.map((c) => html`<th scope="col" class="num">${c.name}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${COMPARED.map((key) => {
        const b = base.kpis[key]?.value;
        return html`<tr>
          <th scope="row">${outputLabel(i18n, key)}</th>
          <td class="num">${typeof b === 'number' ? formatOutput(i18n, key, b) : '—'}</td>
          ${cols.map((c) => {
            const v = c.s?.kpis[key]?.value;
            const diff = c.s?.difference?.kpis[key];
            return html`<td class="num">
              ${typeof v === 'number' ? formatOutput(i18n, key, v) : '—'}${typeof diff === 'number' && Math.abs(diff) > 1e-12
                ? html`<br /><small>${formatOutputChange(i18n, key, diff)}</small>`
                : nothing}
            </td>`;
          })}
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function whatIfSection(d: ReportData): TemplateResult {
  const { i18n, assumptions, projection } = d;
  return html`<section class="r-section" data-report="whatif">
    <h2>${i18n.t('whatIfTitle')}</h2>
    ${!assumptions
      ? html`<p>${i18n.t('projectionMissing', { list: i18n.list(d.missing.map((k) => i18n.t(`assume_${k}`))) })}</p>`
      : html`${scenariosTable(d)}
        ${d.scenarios ? html`<h3>${i18n.t('wiReportSelected', { name: d.scenarios.selected })}</h3>` : nothing}
        ${assumptionsTable(i18n, assumptions)}
        ${projection ? html`${chart(d, projection)} ${yearlyTable(i18n, projection)}` : nothing}
        <p class="r-note">${i18n.t('wiProfitNote')}</p>`}
  </section>`;
}

function filesSection(d: ReportData): TemplateResult {
  const { i18n } = d;
  const when = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const count = (n: number | undefined) => (n === undefined ? '—' : i18n.number(n, 0));
  return html`<section class="r-section" data-report="files">
    <h2>${i18n.t('filesTitle')}</h2>
    ${d.files.length === 0
      ? html`<p>${i18n.t('reportNoFiles')}</p>`
      : html`<table class="r-table r-files">
          <thead>
            <tr>
              <th scope="col">${i18n.t('exportColFile')}</th>
              <th scope="col">${i18n.t('exportColKind')}</th>
              <th scope="col">${i18n.t('reportReadAt')}</th>
              <th scope="col" class="num">${i18n.t('rowsRead')}</th>
              <th scope="col" class="num">${i18n.t('rowsUsed')}</th>
              <th scope="col" class="num">${i18n.t('rowsRejected')}</th>
            </tr>
          </thead>
          <tbody>
            ${d.files.map((f) => {
              const report = f.answer.import;
              const problem = fileError(f.answer);
              return html`<tr data-report-file=${f.kind}>
                  <td class="r-file">${f.fileName}</td>
                  <td>${kindName(i18n, d.kinds, f.kind)}</td>
                  <td>${when.format(new Date(f.readAt))}</td>
                  <td class="num">${count(report?.rows_read)}</td>
                  <td class="num">${count(report?.rows_used)}</td>
                  <td class="num">${count(report?.rows_rejected)}</td>
                </tr>
                ${problem ? html`<tr><td colspan="6" class="r-warn">⚠ ${d.message(problem)}</td></tr>` : nothing}`;
            })}
          </tbody>
        </table>`}
  </section>`;
}

/**
 * The whole printed document; `company` is what the user typed for it. Its sections are built one per
 * frame when the page is idle (staged-parts.ts), all at once when `now` (a print is coming).
 */
export function renderReport(d: ReportData, company: string, now: boolean): TemplateResult {
  const { i18n } = d;
  const results = new Map(d.kpis.map((k) => [k.id, k]));
  const date = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'long' }).format(new Date());
  const name = company.trim();
  return html`<div class="print-only report" data-testid="report" lang=${i18n.lang}>
    <header class="r-head">
      <p class="r-brand">${i18n.t('appTitle')}</p>
      <h1>${i18n.t('reportTitle')}</h1>
      ${name ? html`<p class="r-company" data-testid="report-company-name">${name}</p>` : nothing}
      <p class="r-meta">${i18n.t('reportMeta', { date, currency: i18n.qualified(currencyName(i18n.currency, i18n.locale), i18n.currency) })}</p>
    </header>
    ${staged(now, () => healthSummary(d, results), nothing)} ${staged(now, () => kpiSection(d, results), nothing)}
    ${staged(now, () => whatIfSection(d), nothing)} ${staged(now, () => filesSection(d), nothing)}
    <footer class="r-foot">${i18n.t('reportFooter')}</footer>
  </div>`;
}

// On screen the report is hidden; in print it is all there is, black on white, nothing split.
export const reportStyles = css`
  .print-only {
    display: none;
  }

  @media print {
    :host {
      background: #fff;
      color: #000;
    }

    .app > :not(.print-only) {
      display: none !important;
    }

    .print-only {
      display: block;
    }
  }

  .report {
    color: #000;
    background: #fff;
    font-size: 9.5pt;
    line-height: 1.35;
  }

  .report h1 {
    font-size: 20pt;
    line-height: 1.15;
  }

  .report h2 {
    font-size: 13pt;
    border-bottom: 1.5pt solid #000;
    padding-bottom: 2pt;
    margin: 14pt 0 6pt;
    break-after: avoid;
  }

  .report h3 {
    font-size: 10.5pt;
    margin: 8pt 0 4pt;
    break-after: avoid;
  }

  .report h4 {
    font-size: 9.5pt;
    font-weight: 600;
  }

  .r-head {
    border-bottom: 2.5pt solid #000;
    padding-bottom: 8pt;
  }

  .r-brand {
    font-size: 9pt;
    letter-spacing: 0.08em;
    text-transform: uppercase;
  }

  .r-company {
    font-size: 14pt;
    font-weight: 600;
    margin-top: 4pt;
  }

  .r-meta {
    margin-top: 2pt;
    color: #333;
  }

  .r-cards {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 5pt 8pt;
  }

  .r-card {
    border: 0.75pt solid #000;
    border-left-width: 3pt;
    padding: 5pt 7pt;
    break-inside: avoid;
    display: flex;
    flex-direction: column;
    gap: 2pt;
  }

  .r-card.watch {
    border-left-style: double;
  }

  .r-card.none {
    border-left: 0.75pt solid #000;
  }

  .r-card-head {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 6pt;
  }

  .r-band {
    white-space: nowrap;
    font-size: 8.5pt;
    border: 0.75pt solid #000;
    border-radius: 3pt;
    padding: 0 3pt;
  }

  .r-band.bad {
    border-width: 1.5pt;
    font-weight: 700;
  }

  .r-band.none {
    border-style: dotted;
  }

  .r-value {
    font-size: 14pt;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .r-line,
  .r-note,
  .r-parts {
    font-size: 8.5pt;
  }

  .r-warn {
    font-style: italic;
  }

  .r-parts {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .r-parts li {
    display: flex;
    gap: 6pt;
    justify-content: space-between;
    border-top: 0.5pt dotted #000;
  }

  .r-parts li > span:first-child {
    flex: 1;
  }

  .r-table {
    border-collapse: collapse;
    width: 100%;
    font-size: 8.5pt;
    margin: 4pt 0 8pt;
    font-variant-numeric: tabular-nums;
  }

  .r-table caption {
    text-align: left;
    font-weight: 600;
    font-size: 9.5pt;
    padding-bottom: 3pt;
  }

  .r-table th,
  .r-table td {
    border-bottom: 0.5pt solid #000;
    padding: 2pt 4pt;
    text-align: left;
    vertical-align: top;
  }

  .r-table thead th {
    border-bottom-width: 1pt;
  }

  .r-table tfoot th,
  .r-table tfoot td {
    border-top: 1pt solid #000;
    font-weight: 700;
  }

  .r-table .num {
    text-align: right;
    white-space: nowrap;
  }

  .r-table th[scope='colgroup'] {
    text-align: center;
  }

  .r-table thead th[rowspan] {
    vertical-align: bottom;
  }

  .r-table tr {
    break-inside: avoid;
  }

  .r-health,
  .r-assumptions {
    width: auto;
    min-width: 60%;
  }

  .r-scenarios small {
    font-size: 0.85em;
    color: #555;
  }

  .r-file {
    overflow-wrap: anywhere;
  }

  .r-chart {
    margin: 4pt 0 8pt;
    break-inside: avoid;
  }

  .r-chart figcaption {
    display: flex;
    justify-content: space-between;
    font-weight: 600;
    font-size: 9.5pt;
    margin-bottom: 3pt;
  }

  .r-legend {
    font-weight: 400;
    font-size: 8.5pt;
    display: inline-flex;
    align-items: center;
    gap: 4pt;
  }

  .r-chart svg {
    display: block;
    max-width: 100%;
    height: auto;
    overflow: visible;
  }

  .r-chart text {
    font-family: var(--_font);
    font-size: 10px;
    fill: #000;
  }

  .r-chart .grid {
    stroke: #bbb;
    stroke-width: 0.5;
  }

  .r-chart .zero {
    stroke: #000;
  }

  .r-chart .base {
    stroke: #555;
    stroke-width: 1.5;
    stroke-dasharray: 5 4;
    fill: none;
  }

  .r-chart .scn {
    stroke: #000;
    stroke-width: 2.5;
    fill: none;
  }

  .r-chart .area {
    fill: #000;
    opacity: 0.06;
  }

  .r-chart circle.base,
  .r-chart circle.scn {
    fill: #fff;
    stroke-dasharray: none;
  }

  .r-chart .end-label {
    font-weight: 700;
  }

  .r-note {
    color: #333;
  }

  .r-foot {
    margin-top: 14pt;
    padding: 4pt 0 0;
    text-align: left;
    border-top: 0.5pt solid #000;
    font-size: 8pt;
    color: #333;
  }
`;
