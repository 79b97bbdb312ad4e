// The data files panel: a drop zone and file picker with the kind to read the file as, a sample and
// templates per kind, the progress of a running import, the result of each kind loaded, and what
// the loaded files give together.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { DataKind, DateFormat, ImportKind } from '../engine/contract';
import type { KpiSpec } from '../engine/contract';
import { kindName } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';
import { type MessageContext, renderReason } from '../i18n/render-message';
import type { FileImports, KindResult } from '../lib/file-imports';
import { rejectsCsv } from '../lib/rejects-csv';
import { renderCombined } from './combined-result-view';
import { staged } from './staged-parts';
import { renderImportProgress } from './import-progress-view';
import { renderKindResult } from './kind-result-view';

export interface FilesContext {
  i18n: I18n;
  /** The data kinds and date formats, from the core's kinds(). */
  kinds: DataKind[];
  dateFormats: readonly DateFormat[];
  imports: FileImports;
  /** The page's base URL, for samples and templates. */
  base: string;
  kpiSpec: (id: string) => KpiSpec | undefined;
  /** What the core's messages are rendered with. */
  messages: MessageContext;
  /** The customer base of a file's result, for the kinds that have one (customer-base-view.ts). */
  customerBase?: (result: KindResult) => TemplateResult | typeof nothing;
}

const ACCEPT = '.csv,.tsv,.txt,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function dropzone(ctx: FilesContext): TemplateResult {
  const { i18n, imports } = ctx;
  const pick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (files.length) void imports.importFiles(files);
    input.value = ''; // choosing the same file again still reads it
  };
  return html`<div
    class="dropzone ${imports.dragging ? 'over' : ''}"
    data-testid="file-drop"
    @dragenter=${(e: DragEvent) => {
      e.preventDefault();
      imports.setDragging(true);
    }}
    @dragover=${(e: DragEvent) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    }}
    @dragleave=${(e: DragEvent) => {
      if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) imports.setDragging(false);
    }}
    @drop=${(e: DragEvent) => {
      e.preventDefault();
      imports.setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) void imports.importFiles(files);
    }}
  >
    <svg width="36" height="36" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5M12 17v-6M9.5 13.5 12 11l2.5 2.5" />
    </svg>
    <strong>${i18n.t('filesDrop')}</strong>
    <span class="muted small">${i18n.t('filesTypes')}</span>
    <label class="inline kind-select"
      >${i18n.t('filesKind')}
      <select data-testid="kind-select" @change=${(e: Event) => imports.setKind((e.target as HTMLSelectElement).value as ImportKind)}>
        <option value="auto" ?selected=${imports.kind === 'auto'}>${i18n.t('kindAuto')}</option>
        ${ctx.kinds.map((k) => html`<option value=${k.id} ?selected=${imports.kind === k.id}>${i18n.text(k.name)}</option>`)}
      </select></label
    >
    <label class="btn primary">
      ${i18n.t('filesChoose')}
      <input type="file" class="sr-only" accept=${ACCEPT} data-testid="file-input" multiple @change=${pick} />
    </label>
  </div>`;
}

function kindList(ctx: FilesContext): TemplateResult {
  const { i18n } = ctx;
  return html`<div class="panel kind-list" data-testid="kind-list">
    <h3 class="results-title">${i18n.t('filesKinds')}</h3>
    ${staged(false, () => kindItems(ctx), KINDS_LATER)}
  </div>`;
}

/** The list's stand-in until its frame comes (staged-parts.ts), about its height on a phone. */
const KINDS_LATER = html`<div class="part-later" data-part="kinds" aria-hidden="true"></div>`;

function kindItems(ctx: FilesContext): TemplateResult {
  const { i18n, imports } = ctx;
  return html`<ul>
      ${ctx.kinds.map((kind) => {
        const id = kind.id;
        return html`<li data-kind=${id}>
          <div class="kind-text">
            <strong>${i18n.text(kind.name)}</strong>
            <span class="muted small">${i18n.text(kind.description)}</span>
          </div>
          <div class="kind-actions">
            <button type="button" class="btn small" data-testid=${`sample-${id}`} ?disabled=${imports.running !== null}
              @click=${() => void imports.importSample(id, `${ctx.base}samples/${id}.csv`)}>
              ${i18n.t('trySample')}
            </button>
            <span class="small templates">
              ${i18n.t('template')}:
              <a href=${`${ctx.base}templates/${id}.csv`} download=${`${id}-template.csv`} title=${i18n.t('templateEnglishTitle')} data-testid=${`template-${id}`}
                >${i18n.t('templateEnglish')}</a
              >
              ·
              <a href=${`${ctx.base}templates/${id}.zh.csv`} download=${`${id}-template.zh.csv`} title=${i18n.t('templateSimplifiedTitle')} lang="zh-CN" data-testid=${`template-${id}-zh`}
                >${i18n.t('templateSimplified')}</a
              >
              ·
              <a href=${`${ctx.base}templates/${id}.zh-TW.csv`} download=${`${id}-template.zh-TW.csv`} title=${i18n.t('templateTraditionalTitle')} lang="zh-TW" data-testid=${`template-${id}-zh-TW`}
                >${i18n.t('templateTraditional')}</a
              >
            </span>
          </div>
        </li>`;
      })}
    </ul>`;
}

function status(ctx: FilesContext): TemplateResult | typeof nothing {
  const { i18n, imports } = ctx;
  if (imports.running) return renderImportProgress(i18n, imports.running, imports.queued, () => imports.cancel());
  const m = imports.message;
  if (!m) return nothing;
  if (m.type === 'cancelled') return html`<p class="notice" role="status" data-testid="import-cancelled">${i18n.t('importCancelled', { file: m.fileName })}</p>`;
  if (m.type === 'needs-file') return html`<p class="notice" role="status" data-testid="import-needs-file" data-needs=${m.needs}>${i18n.t(`needsFile_${m.needs}`, { file: m.fileName })}</p>`;
  return html`<p class="notice error" role="alert" data-testid="import-failed">${i18n.t('importFailed', { file: m.fileName, message: m.text })}</p>`;
}

function results(ctx: FilesContext): TemplateResult {
  const { i18n, imports } = ctx;
  const active = imports.active ? imports.results.get(imports.active) : undefined;
  if (!active) return html`<p class="muted" data-testid="files-none">${i18n.t('filesNone')}</p>`;
  const kind = active.kind;
  return html`${imports.results.size > 1
      ? html`<div class="tabs" role="tablist" aria-label=${i18n.t('loadedFiles')}>
          ${[...imports.results.values()].map(
            (r) => html`<button type="button" role="tab" data-tab=${r.kind} aria-selected=${r.kind === kind ? 'true' : 'false'} @click=${() => imports.show(r.kind)}>
              ${kindName(i18n, ctx.kinds, r.kind)}<span class="muted small">${r.fileName}</span>
            </button>`,
          )}
        </div>`
      : nothing}
    ${active.file ? nothing : restoredWithoutFile(ctx, kind, active.fileName)}
    ${renderKindResult({
      i18n,
      kinds: ctx.kinds,
      dateFormats: ctx.dateFormats,
      result: active,
      // Kept without its bytes: what would read the file again waits for the file (restoredWithoutFile).
      busy: imports.running !== null || !active.file,
      mappingOpen: imports.mappingOpen,
      kpiSpec: ctx.kpiSpec,
      messages: ctx.messages,
      onToggleMapping: () => imports.toggleMapping(),
      onApplyMapping: (mapping) => void imports.applyMapping(kind, mapping),
      onForgetMapping: () => void imports.forgetMapping(kind),
      onDateFormat: (field, format) => void imports.setDateFormat(kind, field, format),
      onReadAs: (k) => void imports.readAs(kind, k),
      onDownloadRejects: () =>
        void imports.downloadRejects(kind, (rejects) =>
          rejectsCsv(rejects, [i18n.t('csvRow'), i18n.t('csvColumn'), i18n.t('csvValue'), i18n.t('csvReason')], (r) =>
            renderReason(r, { ...ctx.messages, kind: ctx.kinds.find((k) => k.id === kind) }),
          ),
        ),
      onGrossMargin: (margin) => void imports.setGrossMargin(kind, margin),
      onSurvivalOptions: (options) => void imports.setSurvivalOptions(kind, options),
      customerBase: ctx.customerBase?.(active),
    })}
    ${renderCombined({ i18n, combined: imports.combined, kpiSpec: ctx.kpiSpec, messages: ctx.messages })}`;
}

/** A result kept in this browser without its file: what needs the file says so, and offers to read it again. */
function restoredWithoutFile(ctx: FilesContext, kind: string, fileName: string): TemplateResult {
  const { i18n, imports } = ctx;
  const pick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void imports.readAgain(kind, file);
    input.value = '';
  };
  return html`<div class="notice restored" data-testid="file-restored">
    <p><strong>${i18n.t('fileRestored')}</strong> ${i18n.t('fileRestoredHint')}</p>
    <label class="btn small">
      ${i18n.t('fileReadAgain')}<span class="sr-only"> (${fileName})</span>
      <input type="file" class="sr-only" accept=${ACCEPT} data-testid="file-read-again" ?disabled=${imports.running !== null} @change=${pick} />
    </label>
  </div>`;
}

export function renderFiles(ctx: FilesContext): TemplateResult {
  const { i18n } = ctx;
  return html`<div class="section-head">
      <div>
        <h2>${i18n.t('filesTitle')}</h2>
        <p>${i18n.t('filesIntro')}</p>
      </div>
    </div>
    <div class="files-grid">${dropzone(ctx)} ${kindList(ctx)}</div>
    ${status(ctx)}
    <div class="files-results" aria-live="polite">${results(ctx)}</div>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const filesStyles = css`
  .part-later[data-part='kinds'] {
    min-height: 40rem;
  }

  @container (max-width: 720px) {
    .part-later[data-part='kinds'] {
      min-height: 55rem;
    }
  }

  .files-grid {
    display: grid;
    grid-template-columns: minmax(260px, 4fr) 8fr;
    gap: 16px;
    align-items: stretch;
  }

  .dropzone {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 10px;
    text-align: center;
    padding: 26px 18px;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-height: 190px;
    transition: border-color 0.15s, background 0.15s;
  }

  .dropzone > svg {
    color: var(--_accent);
  }

  .dropzone.over {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }

  .dropzone .row {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    justify-content: center;
  }

  .dropzone a {
    color: var(--_accent);
    font-size: 13px;
  }

  .kind-list {
    padding: 14px 18px;
    min-width: 0;
  }

  .kind-list ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .kind-list li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 6px 16px;
    padding: 9px 0;
    border-top: 1px solid var(--_border);
    flex-wrap: wrap;
  }

  .kind-list li:first-child {
    border-top: 0;
  }

  .kind-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
    flex: 1 1 260px;
  }

  .kind-text strong {
    font-size: 14px;
  }

  .kind-actions {
    display: flex;
    align-items: center;
    gap: 10px;
    flex-wrap: wrap;
  }

  .templates {
    color: var(--_muted);
    white-space: nowrap;
  }

  .templates a {
    color: var(--_accent);
  }

  .files-results {
    margin-top: 18px;
    min-width: 0;
  }

  .notice.restored {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    margin: 0 0 14px;
  }

  .notice.restored p {
    flex: 1 1 20rem;
  }

  .tabs {
    display: flex;
    gap: 6px;
    overflow-x: auto;
    border-bottom: 1px solid var(--_border);
    margin-bottom: 14px;
  }

  .tabs button {
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    padding: 8px 12px;
    cursor: pointer;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    font-weight: 600;
    white-space: nowrap;
  }

  .tabs button[aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_accent);
  }

  .tabs button span {
    font-weight: 400;
  }

  @container (max-width: 1100px) {
    .files-grid {
      grid-template-columns: 1fr;
    }
  }

  @container (max-width: 720px) {
    .kind-list {
      padding-left: 14px;
      padding-right: 14px;
    }
  }
`;
