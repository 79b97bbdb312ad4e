// The report and downloads bar: the company name the printed report carries, "Print report", and the
// KPIs, the scenario and the file results downloaded as CSV or JSON. Its state is the company name.
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { KpiResult, KpiSpec } from '../engine/contract';
import type { OutputKey } from '../engine/whatif-contract';
import { kindName } from '../i18n/data-labels';
import { downloadText } from '../lib/download';
import {
  type ExportContent,
  type ExportMeta,
  exportFileName,
  filesCsv,
  filesJson,
  kpisCsv,
  kpisJson,
  scenarioCsv,
  scenarioJson,
} from '../lib/export';
import { COMPARED } from './scenario-compare-view';
import { ruleText } from './kpi-card-view';
import type { ReportData } from './report-view';

const COMPANY_MAX = 120;
type Format = 'csv' | 'json';

/** The company name typed for the report, and what the bar's buttons do. */
export class ReportExport implements ReactiveController {
  company = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  setCompany(name: string): void {
    this.company = name.slice(0, COMPANY_MAX);
    this.host.requestUpdate();
  }

  print(): void {
    globalThis.print?.();
  }

  /** Writes one download of what the page shows now. */
  download(d: ReportData, content: ExportContent, format: Format): void {
    const now = new Date();
    const meta: ExportMeta = { i18n: d.i18n, company: this.company, exportedAt: now };
    const text = documentOf(meta, d, content, format);
    const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8';
    downloadText(exportFileName(content, format, now), text, type);
  }
}

function documentOf(meta: ExportMeta, d: ReportData, content: ExportContent, format: Format): string {
  // The rule as the KPI card words it.
  const ruleOf = (spec: KpiSpec, r: KpiResult) => ruleText(d.i18n, spec, r, spec.unit);
  if (content === 'kpis') {
    const input = { catalog: d.catalog, kpis: d.kpis, sourceOf: d.sourceOf, ruleOf };
    return format === 'csv' ? kpisCsv(meta, input) : kpisJson(meta, input);
  }
  if (content === 'scenario') {
    const input = { assumptions: d.assumptions, projection: d.projection, kpis: scenarioKpis(d) };
    return format === 'csv' ? scenarioCsv(meta, input) : scenarioJson(meta, input);
  }
  const input = { files: d.files, catalog: d.catalog, kindName: (k: string) => kindName(d.i18n, d.kinds, k), message: d.message, ruleOf };
  return format === 'csv' ? filesCsv(meta, input) : filesJson(meta, input);
}

/** The selected scenario's KPIs beside the baseline's, as the what-if engine gave them. */
function scenarioKpis(d: ReportData): Array<{ id: OutputKey; base: number | null; scn: number | null }> {
  const answer = d.scenarios?.answer;
  const base = answer?.scenarios?.[0];
  const scn = answer?.scenarios?.find((s) => s.name === d.scenarios?.selectedId);
  if (!base || !scn) return [];
  return COMPARED.map((id) => ({ id, base: base.kpis[id]?.value ?? null, scn: scn.kpis[id]?.value ?? null }));
}

function downloads(state: ReportExport, d: ReportData, content: ExportContent, label: string, enabled: boolean): TemplateResult {
  const { i18n } = d;
  const button = (format: Format) => html`<button
    type="button"
    class="btn small"
    data-testid=${`download-${content}-${format}`}
    aria-label=${i18n.t('downloadAs', { what: label, format: format.toUpperCase() })}
    ?disabled=${!enabled}
    @click=${() => state.download(d, content, format)}
  >
    ${format.toUpperCase()}
  </button>`;
  return html`<span class="dl" role="group" aria-label=${label}><span class="dl-name">${label}</span>${button('csv')}${button('json')}</span>`;
}

export function renderExportBar(state: ReportExport, d: ReportData): TemplateResult {
  const { i18n } = d;
  return html`<div class="panel export-bar" data-testid="export-bar">
    <h2 class="sr-only">${i18n.t('exportTitle')}</h2>
    <label class="company"
      ><span>${i18n.t('companyLabel')}</span
      ><input
        type="text"
        data-testid="report-company"
        maxlength=${COMPANY_MAX}
        autocomplete="organization"
        placeholder=${i18n.t('companyPlaceholder')}
        .value=${live(state.company)}
        @input=${(e: Event) => state.setCompany((e.target as HTMLInputElement).value)}
    /></label>
    <button type="button" class="btn primary" data-testid="print-report" title=${i18n.t('printHint')} @click=${() => state.print()}>
      ${i18n.t('printReport')}
    </button>
    <div class="downloads">
      ${downloads(state, d, 'kpis', i18n.t('downloadKpis'), d.kpis.length > 0)}
      ${downloads(state, d, 'scenario', i18n.t('downloadScenario'), d.projection !== null)}
      ${d.files.length > 0 ? downloads(state, d, 'files', i18n.t('downloadFiles'), true) : nothing}
    </div>
  </div>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const exportBarStyles = css`
  .export-bar {
    margin-top: 12px;
    padding: 10px 14px;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 14px;
  }

  .export-bar .company {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    font-size: 13px;
    color: var(--_muted);
    flex: 1 1 300px;
    min-width: 0;
  }

  .export-bar .company input {
    flex: 1;
    min-width: 0;
    max-width: 280px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 6px 10px;
    background: var(--_surface);
    color: var(--_text);
  }

  .export-bar .downloads {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 14px;
    margin-left: auto;
  }

  .export-bar .dl {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }

  .export-bar .btn:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }

  .export-bar .dl-name {
    font-size: 13px;
    color: var(--_muted);
    margin-right: 2px;
  }

  @container (max-width: 720px) {
    .export-bar .company {
      flex-basis: 100%;
      flex-wrap: wrap;
    }

    .export-bar .company input {
      max-width: none;
      flex-basis: 100%;
    }

    .export-bar .downloads {
      margin-left: 0;
    }
  }
`;
