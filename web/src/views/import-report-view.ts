// The import report of one file: rows read, used and rejected; how the file was read (format,
// encoding, delimiter); the detected date and number formats, with a date format override that
// reads the file again; the first rejected rows and a download of all of them; for transactions,
// the value the rejected rows carry, which every figure leaves out.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { DataKind, DateFormat, FormatEntry, ImportReport } from '../engine/contract';
import { fieldLabel } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';
import { type MessageContext, renderMessage, renderReason } from '../i18n/render-message';

const MAX_REJECTS_SHOWN = 10;

/** A report with its counts and rejects, zero and none where the core gave none. */
type CountedReport = ImportReport & Required<Pick<ImportReport, 'rows_read' | 'rows_used' | 'rows_rejected' | 'rejects'>>;

export interface ImportReportContext {
  i18n: I18n;
  kind: DataKind | undefined;
  /** The date formats a column can be read with, from the core's kinds(). */
  dateFormats: readonly DateFormat[];
  /** What the rejects' reasons are rendered with (the file's kind included). */
  messages: MessageContext;
  report: ImportReport;
  busy: boolean;
  onDateFormat: (field: string, format: DateFormat) => void;
  onDownloadRejects: () => void;
}

type CountedContext = ImportReportContext & { report: CountedReport };

const DELIMITERS: Record<string, 'delim_comma' | 'delim_semicolon' | 'delim_tab' | 'delim_pipe' | 'delim_spaces'> = {
  ',': 'delim_comma',
  ';': 'delim_semicolon',
  tab: 'delim_tab',
  '\t': 'delim_tab',
  '|': 'delim_pipe',
  spaces: 'delim_spaces',
  ' ': 'delim_spaces',
};

function bytes(i18n: I18n, n: number): string {
  if (n < 1024) return `${i18n.number(n, 0)} B`;
  if (n < 1024 * 1024) return `${i18n.number(n / 1024, 1)} KB`;
  return `${i18n.number(n / (1024 * 1024), 1)} MB`;
}

function fileFacts(ctx: ImportReportContext): TemplateResult {
  const { i18n, report } = ctx;
  const file = report.file;
  const delimiter = file.delimiter !== undefined ? DELIMITERS[file.delimiter] : undefined;
  const sheet = file.sheets && file.sheet !== undefined ? (typeof file.sheet === 'number' ? file.sheets[file.sheet] : file.sheet) : file.sheet;
  return html`<dl class="facts" data-testid="file-facts">
    <div><dt>${i18n.t('fileFormat')}</dt><dd data-fact="format">${(file.format ?? '').toUpperCase()}</dd></div>
    ${file.encoding
      ? html`<div>
          <dt>${i18n.t('fileEncoding')}</dt>
          <dd data-fact="encoding" title=${file.encoding_reason_code
            ? renderMessage({ code: file.encoding_reason_code, params: file.encoding_reason_params, message: file.encoding_reason ?? '' }, ctx.messages)
            : ''}>${file.encoding.toUpperCase()}</dd>
        </div>`
      : nothing}
    ${file.delimiter
      ? html`<div><dt>${i18n.t('fileDelimiter')}</dt><dd data-fact="delimiter">${delimiter ? i18n.t(delimiter) : file.delimiter}</dd></div>`
      : nothing}
    ${sheet !== undefined ? html`<div><dt>${i18n.t('fileSheet')}</dt><dd data-fact="sheet">${String(sheet)}</dd></div>` : nothing}
    <div><dt>${i18n.t('fileSize')}</dt><dd data-fact="bytes">${bytes(i18n, file.bytes ?? 0)}</dd></div>
  </dl>
  ${file.replaced_characters
    ? html`<p class="warn" data-testid="replaced-characters">${i18n.t('replacedChars', { n: i18n.number(file.replaced_characters, 0) })}</p>`
    : nothing}`;
}

/** The order of a detected date format ("dmy"), whichever field of the entry holds it. */
function dateOrder(formats: readonly DateFormat[], entry: FormatEntry): DateFormat | '' {
  const known = (v: string | undefined): v is DateFormat => v !== undefined && formats.includes(v);
  if (known(entry.order)) return entry.order;
  if (known(entry.format)) return entry.format;
  return '';
}

function numberFormat(i18n: I18n, entry: FormatEntry): string {
  if (entry.decimal === ',') return i18n.t('decimalComma');
  if (entry.decimal === '.') return i18n.t('decimalPoint');
  return entry.format ?? '';
}

function formatRow(ctx: ImportReportContext, entry: FormatEntry): TemplateResult {
  const { i18n } = ctx;
  const label = fieldLabel(i18n, ctx.kind, entry.field);
  const order = dateOrder(ctx.dateFormats, entry);
  // The core's own label of what it read, e.g. "DD/MM/YYYY h:mm", unless it is the order's id.
  const detected = entry.format && entry.format !== order ? entry.format : '';
  return html`<li class="format-row" data-format-field=${entry.field} data-ambiguous=${entry.ambiguous ? 'true' : 'false'}>
    <label class="format-main">
      <span class="format-name"><strong>${label}</strong> <code title=${i18n.t('formatColumn')}>${entry.column}</code></span>
      ${entry.type === 'date'
        ? html`<span class="format-value"
            >${detected ? html`<code data-role="detected">${detected}</code>` : nothing}<select
              data-role="date-format"
              aria-label=${i18n.t('dateOrder', { field: label })}
              ?disabled=${ctx.busy}
              @change=${(e: Event) => ctx.onDateFormat(entry.field, (e.target as HTMLSelectElement).value as DateFormat)}
            >
              ${order ? nothing : html`<option value="" selected>—</option>`}
              ${ctx.dateFormats.map((f) => html`<option value=${f} ?selected=${f === order}>${i18n.maybe(`datefmt_${f}`, f)}</option>`)}
            </select
            >${entry.chosen ? html`<span class="chip tiny" data-role="chosen">${i18n.t('formatChosen')}</span>` : nothing}</span
          >`
        : html`<span class="format-value">${numberFormat(i18n, entry)}</span>`}
    </label>
    ${entry.ambiguous ? html`<div class="warn" data-role="ambiguous">⚠ ${i18n.t('dateAmbiguous')}</div>` : nothing}
    ${entry.note && !(entry.ambiguous && i18n.chinese) // the warning says it in Chinese
      ? html`<div class="muted small">${(entry.note_parts ?? [{ code: '', params: {}, message: entry.note }]).map((part) => renderMessage(part, ctx.messages)).join(' ')}</div>`
      : nothing}
  </li>`;
}

function rejects(ctx: CountedContext): TemplateResult | typeof nothing {
  const { i18n, report } = ctx;
  if (report.rows_rejected === 0 && report.rejects.length === 0) return nothing;
  return html`<div data-testid="import-rejects">
    <h4>${i18n.t('firstRejects')}</h4>
    <div class="scroll-x">
      <table class="data-table text">
        <thead>
          <tr>
            <th scope="col">${i18n.t('rejectRow')}</th>
            <th scope="col">${i18n.t('rejectColumn')}</th>
            <th scope="col">${i18n.t('rejectValue')}</th>
            <th scope="col">${i18n.t('rejectReason')}</th>
          </tr>
        </thead>
        <tbody>
          ${report.rejects.slice(0, MAX_REJECTS_SHOWN).map(
            (r) => html`<tr data-reject-row=${r.row}>
              <td>${r.row}</td>
              <td>${r.column ?? '—'}</td>
              <td><code>${r.value ?? ''}</code></td>
              <td class="wrap">${renderReason(r, ctx.messages)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <button type="button" class="btn small" data-testid="download-rejects" @click=${ctx.onDownloadRejects}>
      ${i18n.t('downloadRejects')}
    </button>
  </div>`;
}

/** The value carried by rejected rows and its share of the file's value (transactions only). */
function rejectedValue(ctx: CountedContext): TemplateResult | typeof nothing {
  const { i18n, report } = ctx;
  if (report.rejected_value === undefined || report.rows_rejected === 0) return nothing;
  const share = report.rejected_value_share;
  return html`<p class="warn" data-testid="rejected-value">
    ${typeof share === 'number'
      ? i18n.t('rejectedValueShare', {
          value: i18n.money(report.rejected_value),
          share: i18n.percent(share),
          total: i18n.money(report.file_value ?? 0),
        })
      : i18n.t('rejectedValue', { value: i18n.money(report.rejected_value) })}
    ${report.rejected_rows_without_value
      ? html`<span data-role="without-value">${i18n.t('rejectedWithoutValue', { n: i18n.number(report.rejected_rows_without_value, 0) })}</span>`
      : nothing}
  </p>`;
}

export function renderImportReport(given: ImportReportContext): TemplateResult {
  // A file that could not be read, or whose kind was not recognised, is answered without row counts.
  const r = given.report;
  const report: CountedReport = {
    ...r,
    rows_read: r.rows_read ?? 0,
    rows_used: r.rows_used ?? 0,
    rows_rejected: r.rows_rejected ?? 0,
    rejects: r.rejects ?? [],
  };
  const ctx: CountedContext = { ...given, report };
  const { i18n } = ctx;
  return html`<section class="import-report" aria-label=${i18n.t('importReport')}>
    <h3 class="results-title">${i18n.t('importReport')}</h3>
    <div class="stats" data-testid="import-report">
      <div class="stat" data-testid="rows-read"><span>${i18n.t('rowsRead')}</span><strong>${i18n.number(report.rows_read, 0)}</strong></div>
      <div class="stat" data-testid="rows-used"><span>${i18n.t('rowsUsed')}</span><strong>${i18n.number(report.rows_used, 0)}</strong></div>
      <div class="stat" data-testid="rows-rejected">
        <span>${i18n.t('rowsRejected')}</span><strong class=${report.rows_rejected > 0 ? 'neg' : ''}>${i18n.number(report.rows_rejected, 0)}</strong>
      </div>
    </div>
    ${rejectedValue(ctx)}
    ${fileFacts(ctx)}
    ${report.formats?.length
      ? html`<div data-testid="formats">
          <h4>${i18n.t('formatsTitle')}</h4>
          <ul class="formats">
            ${report.formats.map((f) => formatRow(ctx, f))}
          </ul>
        </div>`
      : nothing}
    ${rejects(ctx)}
  </section>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const importReportStyles = css`
  .import-report {
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 14px 18px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }

  .import-report .results-title {
    margin: 0;
  }

  .import-report .btn {
    margin-top: 8px;
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 22px;
    margin: 0;
    font-size: 13px;
  }

  .facts div {
    display: flex;
    gap: 6px;
  }

  .facts dt {
    color: var(--_muted);
  }

  .facts dd {
    margin: 0;
    font-weight: 600;
  }

  ul.formats {
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 14px;
  }

  .format-row {
    padding: 7px 0;
    border-bottom: 1px solid var(--_border);
  }

  .format-main {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
  }

  .format-name {
    flex: 0 1 260px;
  }

  .format-name code,

  .format-value code {
    font-family: var(--_mono);
    font-size: 12.5px;
    color: var(--_muted);
  }

  .format-value {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
    min-width: 0;
  }

  .warn {
    color: var(--_watch);
    font-size: 13px;
    margin-top: 4px;
  }

  @container (max-width: 720px) {
    .import-report {
      padding-left: 14px;
      padding-right: 14px;
    }
  }
`;
