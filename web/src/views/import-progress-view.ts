// The progress of a running import: a bar of bytes read, rows and rows per second, the files waiting
// after it, and Cancel.
import { css, html, type TemplateResult } from 'lit';
import type { I18n } from '../i18n/i18n';
import type { RunningImport } from '../lib/file-imports';

function size(i18n: I18n, n: number): string {
  if (n < 1024 * 1024) return `${i18n.number(n / 1024, 0)} KB`;
  return `${i18n.number(n / (1024 * 1024), 1)} MB`;
}

export function renderImportProgress(i18n: I18n, running: RunningImport, queued: readonly File[], onCancel: () => void): TemplateResult {
  const p = running.progress;
  const fraction = p && p.total > 0 ? Math.min(1, p.bytes / p.total) : 0;
  return html`<div class="panel import-progress" role="status" data-testid="import-progress">
    <div class="progress-top">
      <strong>${i18n.t('importReading', { file: running.fileName })}</strong>
      <button type="button" class="btn small" data-testid="import-cancel" @click=${onCancel}>${i18n.t('cancel')}</button>
    </div>
    <progress max="1" .value=${fraction} aria-label=${i18n.t('importReading', { file: running.fileName })}></progress>
    <div class="progress-sub">
      <span data-testid="progress-bytes">${p ? i18n.t('importBytes', { bytes: size(i18n, p.bytes), total: size(i18n, p.total) }) : '…'}</span>
      <span data-testid="progress-rows"
        >${p ? i18n.t('importRows', { rows: i18n.number(p.rows, 0), rate: i18n.number(p.rowsPerSecond, 0) }) : ''}</span
      >
    </div>
    ${queued.length
      ? html`<div class="progress-sub" data-testid="import-queue">
          ${i18n.t('importQueued', { count: i18n.number(queued.length, 0), files: queued.map((f) => f.name).join(', ') })}
        </div>`
      : ''}
  </div>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const importProgressStyles = css`
  .import-progress {
    margin-top: 16px;
    padding: 12px 16px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }

  .progress-top,

  .progress-sub {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 10px;
    flex-wrap: wrap;
    overflow-wrap: anywhere;
  }

  .progress-sub {
    font-size: 13px;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  progress {
    width: 100%;
    height: 10px;
    accent-color: var(--_accent);
  }
`;
