// The result of one imported file: the file-level problem first, then its KPIs (as the calculator's
// cards), measures, tables and notes, the column mapping and the import report.
import { css, html, nothing, type TemplateResult } from 'lit';
import { type DataKind, type DateFormat, fileError, type ImportKind } from '../engine/contract';
import type { EngineError, KpiResult, KpiSpec } from '../engine/contract';
import { kindName, measureLabel } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';
import { type MessageContext, renderMessage } from '../i18n/render-message';
import { formatMeasure } from '../lib/data-format';
import type { KindResult } from '../lib/file-imports';
import type { Mapping } from '../lib/mapping-memory';
import { renderDataTable } from './data-table-view';
import { renderImportReport } from './import-report-view';
import { kindChartsStyles, renderKindCharts } from './kind-charts-view';
import { renderKpiCard } from './kpi-card-view';
import { renderMapping } from './mapping-view';
import { renderNotes } from './notes-view';
import { renderSurvivalForecast, survivalForecastStyles, type SurvivalOptions } from './survival-forecast-view';

export interface KindResultContext {
  i18n: I18n;
  kinds: DataKind[];
  /** The date formats a column can be read with, from the core's kinds(). */
  dateFormats: readonly DateFormat[];
  result: KindResult;
  busy: boolean;
  mappingOpen: boolean;
  kpiSpec: (id: string) => KpiSpec | undefined;
  /** What the core's messages are rendered with (the file's kind is added here). */
  messages: MessageContext;
  onToggleMapping: () => void;
  onApplyMapping: (mapping: Mapping) => void;
  onForgetMapping: () => void;
  onDateFormat: (field: string, format: DateFormat) => void;
  onReadAs: (kind: ImportKind) => void;
  onDownloadRejects: () => void;
  /** A new gross margin (fraction) for a transactions file's CLTV: the file is read again. */
  onGrossMargin: (margin: number) => void;
  /** A survival table's period, discount rate and value a period: the file is read again. */
  onSurvivalOptions?: (options: SurvivalOptions) => void;
  /** The customer-base models of this file (customer-base-view.ts), shown after its charts. */
  customerBase?: TemplateResult | typeof nothing;
}

/** The message context of this file: field ids are labelled in its kind. */
function messagesOf(ctx: KindResultContext): MessageContext {
  return { ...ctx.messages, kind: ctx.kinds.find((k) => k.id === ctx.result.kind) };
}

/** The margin a transactions file's CLTV (and so LTV:CAC per channel) is computed with. */
function grossMargin(ctx: KindResultContext): TemplateResult | typeof nothing {
  const { i18n, result } = ctx;
  if (result.kind !== 'transactions' || fileError(result.answer)) return nothing;
  const margin = result.options.gross_margin;
  const change = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const percent = input.valueAsNumber;
    if (Number.isFinite(percent) && percent >= -1000 && percent <= 100) ctx.onGrossMargin(percent / 100);
    else input.value = margin === undefined ? '' : String(+(margin * 100).toFixed(4));
  };
  return html`<div class="margin-row">
    <label class="inline"
      >${i18n.t('fileGrossMargin')}
      <span class="control margin-control"
        ><input type="number" class="has-affix" min="-1000" max="100" step="any" inputmode="decimal" data-testid="file-gross-margin"
          .value=${margin === undefined ? '' : String(+(margin * 100).toFixed(4))} ?disabled=${ctx.busy} @change=${change} /><span
          class="affix"
          >%</span
        ></span
      ></label
    >
    <span class="muted small">${i18n.t(margin === undefined ? 'fileGrossMarginNone' : 'fileGrossMarginHint')}</span>
  </div>`;
}

function problem(ctx: KindResultContext, error: EngineError): TemplateResult {
  const { i18n, result } = ctx;
  return html`<div class="notice error file-error" role="alert" data-testid="file-error">
    <strong>${i18n.t('fileProblem')}</strong>
    <p data-role="message">${renderMessage(error, messagesOf(ctx))}</p>
    ${result.kind === 'auto'
      ? html`<label class="inline"
          >${i18n.t('readAs')}
          <select data-testid="read-as" @change=${(e: Event) => ctx.onReadAs((e.target as HTMLSelectElement).value as ImportKind)}>
            <option value="" selected>—</option>
            ${ctx.kinds.map((k) => html`<option value=${k.id}>${i18n.text(k.name)}</option>`)}
          </select></label
        >`
      : nothing}
  </div>`;
}

function kpiCards(ctx: KindResultContext): TemplateResult | typeof nothing {
  const { i18n, result } = ctx;
  const answer = result.answer;
  const results = new Map<string, KpiResult>(answer.kpis.map((k) => [k.id, k]));
  const errorsOf = new Map<string, EngineError[]>();
  for (const e of answer.errors) {
    if (e.kpi && e.input !== 'file') errorsOf.set(e.kpi, [...(errorsOf.get(e.kpi) ?? []), e]);
  }
  const ids = [...new Set([...results.keys(), ...errorsOf.keys()])].filter((id) => ctx.kpiSpec(id));
  if (ids.length === 0) return nothing;
  return html`<h3 class="results-title">${i18n.t('kpisFromFile')}</h3>
    <div class="cards" data-testid="file-kpis">
      ${ids.map((id) => renderKpiCard(i18n, ctx.kpiSpec(id) as KpiSpec, results.get(id), errorsOf.get(id), (e) => renderMessage(e, messagesOf(ctx)), results))}
    </div>`;
}

function measures(ctx: KindResultContext): TemplateResult | typeof nothing {
  const list = ctx.result.answer.measures ?? [];
  if (list.length === 0) return nothing;
  const { i18n } = ctx;
  return html`<h3 class="results-title">${i18n.t('measuresTitle')}</h3>
    <div class="panel measures" data-testid="measures">
      ${list.map(
        (m) => html`<div class="stat" data-measure=${m.id} data-raw=${String(m.value)}>
          <span>${measureLabel(i18n, m.id)}</span><strong>${formatMeasure(i18n, m)}</strong>
        </div>`,
      )}
    </div>`;
}

function tables(ctx: KindResultContext): TemplateResult | typeof nothing {
  const entries = Object.entries(ctx.result.answer.tables ?? {});
  if (entries.length === 0) return nothing;
  const kind = ctx.kinds.find((k) => k.id === ctx.result.kind);
  return html`<div class="file-tables" data-testid="file-tables">
    ${entries.map(([id, table]) =>
      renderDataTable({ i18n: ctx.i18n, kind, kindId: ctx.result.kind, importId: ctx.result.importId, fileName: ctx.result.fileName, id, table }),
    )}
  </div>`;
}

function notesAndErrors(ctx: KindResultContext): TemplateResult | typeof nothing {
  const { i18n } = ctx;
  const notes = ctx.result.answer.notes ?? [];
  const others = ctx.result.answer.errors.filter((e) => e.input !== 'file' && !(e.kpi && ctx.kpiSpec(e.kpi)));
  if (notes.length === 0 && others.length === 0) return nothing;
  return html`${renderNotes(messagesOf(ctx), notes, 'notes', i18n.t('notesTitle'))}
    ${others.length
      ? html`<div data-testid="file-errors">
          <h4>${i18n.t('otherErrors')}</h4>
          <ul class="errors">
            ${others.map((e) => html`<li>${renderMessage(e, messagesOf(ctx))}</li>`)}
          </ul>
        </div>`
      : nothing}`;
}

export function renderKindResult(ctx: KindResultContext): TemplateResult {
  const { i18n, result } = ctx;
  const report = result.answer.import;
  const kind = ctx.kinds.find((k) => k.id === result.kind);
  const error = fileError(result.answer);
  const canMap = Boolean(kind && report?.header?.length);
  return html`<div class="kind-result" data-testid="kind-result" data-kind=${result.kind} data-import=${String(result.importId)}>
    <div class="result-head">
      <div>
        <h3>${kindName(i18n, ctx.kinds, result.kind)}</h3>
        <p class="muted" data-testid="file-name">${i18n.t('fileName', { file: result.fileName })}</p>
      </div>
      ${canMap
        ? html`<button type="button" class="btn" data-testid="mapping-toggle" aria-expanded=${ctx.mappingOpen ? 'true' : 'false'} @click=${ctx.onToggleMapping}>
            ${ctx.mappingOpen ? i18n.t('mappingHide') : i18n.t('mappingEdit')}
          </button>`
        : nothing}
    </div>
    ${result.remembered
      ? html`<p class="notice" data-testid="mapping-remembered">
          ${i18n.t('mappingRemembered')}
          <button type="button" class="linkish" data-testid="mapping-forget" ?disabled=${ctx.busy} @click=${ctx.onForgetMapping}>
            ${i18n.t('mappingForget')}
          </button>
        </p>`
      : nothing}
    ${error ? problem(ctx, error) : nothing} ${grossMargin(ctx)}
    ${canMap && ctx.mappingOpen && kind && report
      ? renderMapping({ i18n, kind, header: report.header ?? [], mapping: report.mapping ?? [], file: report.file, busy: ctx.busy, onApply: ctx.onApplyMapping })
      : nothing}
    ${kpiCards(ctx)} ${measures(ctx)} ${error ? nothing : renderKindCharts(i18n, kind, result.kind, result.answer)} ${error ? nothing : (ctx.customerBase ?? nothing)} ${error || result.kind !== 'survival_table' ? nothing : renderSurvivalForecast(i18n, result.answer, messagesOf(ctx), { options: result.options, busy: ctx.busy, onChange: ctx.onSurvivalOptions })} ${tables(ctx)} ${notesAndErrors(ctx)}
    ${report
      ? renderImportReport({ i18n, kind, dateFormats: ctx.dateFormats, messages: messagesOf(ctx), report, busy: ctx.busy, onDateFormat: ctx.onDateFormat, onDownloadRejects: ctx.onDownloadRejects })
      : nothing}
  </div>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const kindResultStyles = css`
  ${kindChartsStyles}
  ${survivalForecastStyles}

  .margin-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
    margin: 8px 0 4px;
  }

  .margin-control {
    width: 7.5em;
  }

  .kind-result {
    display: flex;
    flex-direction: column;
    gap: 14px;
    min-width: 0;
  }

  .kind-result > .notice {
    margin: 0;
  }

  .result-head {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 10px;
    flex-wrap: wrap;
  }

  .result-head h3 {
    font-size: 18px;
  }

  .result-head p {
    overflow-wrap: anywhere;
  }

  .file-error {
    border-left: 4px solid var(--_bad);
    display: flex;
    flex-direction: column;
    gap: 6px;
    font-size: 15px;
  }

  .file-error p {
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  .measures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(140px, 40%), 1fr));
    gap: 14px 20px;
    padding: 14px 18px;
  }

  .measures .stat strong {
    font-size: 20px;
    overflow-wrap: anywhere;
  }

  .file-tables {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 460px), 1fr));
    gap: 14px;
    align-items: start;
  }

  @container (max-width: 720px) {
    .measures {
      padding-left: 14px;
      padding-right: 14px;
    }
  }
`;
