// The marketing-spend file panel: drop zone and picker, CAC overall and per channel, import report.
import { html, nothing, type TemplateResult } from 'lit';
import type { AnalyzeAnswer } from '../engine/types';
import type { I18n } from '../i18n/i18n';

export interface SpendState {
  status: 'idle' | 'reading' | 'done' | 'error';
  fileName: string;
  answer: AnalyzeAnswer | null;
  message: string;
}

export interface SpendContext {
  i18n: I18n;
  spend: SpendState;
  dragging: boolean;
  sampleUrl: string;
  onFile: (file: File) => void;
  onSample: () => void;
  onDrag: (over: boolean) => void;
}

const MAX_REJECTS_SHOWN = 10;

function results(ctx: SpendContext): TemplateResult {
  const { i18n, spend } = ctx;
  if (spend.status === 'idle') return html`<p class="muted">${i18n.t('spendNone')}</p>`;
  if (spend.status === 'reading') return html`<p class="muted" role="status">${i18n.t('spendReading', { file: spend.fileName })}</p>`;
  if (spend.status === 'error' || !spend.answer) {
    return html`<p class="notice error" role="alert">${i18n.t('spendReadFailed', { message: spend.message })}</p>`;
  }
  const answer = spend.answer;
  const cac = answer.kpis.find((k) => k.id === 'cac');
  const table = answer.table ?? [];
  const report = answer.import;
  const totalSpend = table.reduce((s, r) => s + r.spend, 0);
  const totalNew = table.reduce((s, r) => s + r.new_customers, 0);
  return html`
    <p class="muted" data-testid="spend-file-name">${i18n.t('spendFile', { file: spend.fileName })}</p>
    <h4 class="sr-only">${i18n.t('importReport')}</h4>
    <div class="stats" data-testid="import-report">
      <div class="stat big" data-testid="spend-cac">
        <span>${i18n.t('spendCac')} · ${i18n.t('spendOverall')}</span>
        <strong data-role="value">${cac ? i18n.money(cac.value) : '—'}</strong>
      </div>
      ${report
        ? html`<div class="stat" data-testid="rows-read"><span>${i18n.t('rowsRead')}</span><strong>${i18n.number(report.rows_read, 0)}</strong></div>
            <div class="stat" data-testid="rows-used"><span>${i18n.t('rowsUsed')}</span><strong>${i18n.number(report.rows_used, 0)}</strong></div>
            <div class="stat" data-testid="rows-rejected">
              <span>${i18n.t('rowsRejected')}</span><strong class=${report.rows_rejected > 0 ? 'neg' : ''}>${i18n.number(report.rows_rejected, 0)}</strong>
            </div>`
        : nothing}
    </div>
    ${table.length
      ? html`<div class="scroll-x">
          <table class="data-table" data-testid="spend-table">
            <thead>
              <tr>
                <th scope="col">${i18n.t('spendChannel')}</th>
                <th scope="col">${i18n.t('spendSpend')}</th>
                <th scope="col">${i18n.t('spendNewCustomers')}</th>
                <th scope="col">${i18n.t('spendCac')}</th>
              </tr>
            </thead>
            <tbody>
              ${table.map(
                (row) => html`<tr data-channel=${row.channel}>
                  <td>${i18n.rowName(row.channel)}</td>
                  <td>${i18n.money(row.spend)}</td>
                  <td>${i18n.number(row.new_customers, 0)}</td>
                  <td data-role="cac">${row.cac === null || row.cac === undefined ? '—' : i18n.money(row.cac)}</td>
                </tr>`,
              )}
            </tbody>
            <tfoot>
              <tr data-channel="all">
                <td>${i18n.t('spendOverall')}</td>
                <td>${i18n.money(totalSpend)}</td>
                <td>${i18n.number(totalNew, 0)}</td>
                <td data-role="cac">${cac ? i18n.money(cac.value) : '—'}</td>
              </tr>
            </tfoot>
          </table>
        </div>`
      : nothing}
    ${report && report.rejects.length
      ? html`<div data-testid="import-rejects">
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
                  (r) => html`<tr>
                    <td>${r.row}</td>
                    <td>${r.column ?? '—'}</td>
                    <td><code>${r.value ?? ''}</code></td>
                    <td class="wrap">${r.reason}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
        </div>`
      : nothing}
    ${answer.errors.length
      ? html`<div data-testid="spend-errors">
          <h4>${i18n.t('fileErrors')}</h4>
          <ul class="errors">
            ${answer.errors.map((e) => html`<li>${e.message}</li>`)}
          </ul>
        </div>`
      : nothing}
  `;
}

export function renderSpend(ctx: SpendContext): TemplateResult {
  const { i18n } = ctx;
  const pick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) ctx.onFile(file);
    input.value = ''; // choosing the same file again still reads it
  };
  return html`<div class="section-head">
      <div>
        <h2>${i18n.t('spendTitle')}</h2>
        <p>${i18n.t('spendIntro')}</p>
      </div>
    </div>
    <div class="spend-grid">
      <div
        class="dropzone ${ctx.dragging ? 'over' : ''}"
        data-testid="spend-drop"
        @dragenter=${(e: DragEvent) => {
          e.preventDefault();
          ctx.onDrag(true);
        }}
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        }}
        @dragleave=${(e: DragEvent) => {
          if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) ctx.onDrag(false);
        }}
        @drop=${(e: DragEvent) => {
          e.preventDefault();
          ctx.onDrag(false);
          const file = e.dataTransfer?.files?.[0];
          if (file) ctx.onFile(file);
        }}
      >
        <svg width="36" height="36" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" style="color:var(--_accent)">
          <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
          <path d="M14 3v5h5M12 17v-6M9.5 13.5 12 11l2.5 2.5" />
        </svg>
        <strong>${i18n.t('spendDrop')}</strong>
        <div class="row">
          <label class="btn primary">
            ${i18n.t('spendChoose')}
            <input type="file" class="sr-only" accept=".csv,text/csv,text/plain" data-testid="spend-file" @change=${pick} />
          </label>
          <button type="button" class="btn" data-testid="spend-sample" @click=${ctx.onSample}>${i18n.t('spendUseSample')}</button>
        </div>
        <a href=${ctx.sampleUrl} download="marketing-spend.csv">${i18n.t('spendSample')}</a>
      </div>
      <div class="panel spend-results" aria-live="polite">${results(ctx)}</div>
    </div>`;
}
