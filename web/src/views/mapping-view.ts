// The mapping screen: for each field of the kind, the column of the file that holds it (guessed
// ones marked, required ones starred). Applying reads the file again with that mapping, which is
// then remembered for files with the same headers. A file without a header line shows its first
// rows and offers its columns by position ("Column 1 (00001)").
import { css, html, nothing, type TemplateResult } from 'lit';
import type { DataKind, FileInfo, MappingEntry } from '../engine/contract';
import { fieldLabel } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';
import type { Mapping } from '../lib/mapping-memory';

export interface MappingContext {
  i18n: I18n;
  kind: DataKind;
  header: string[];
  mapping: MappingEntry[];
  /** The import report's file facts: header_row false and first_rows for a headerless file. */
  file?: FileInfo;
  busy: boolean;
  onApply: (mapping: Mapping) => void;
}

const NONE = '-1';

/** "Amount, or Quantity and Unit price" for each one-of group of the kind. */
function oneOfHints(i18n: I18n, kind: DataKind): string[] {
  return kind.one_of.map((group) =>
    group.map((alternative) => alternative.map((f) => fieldLabel(i18n, kind, f)).join(i18n.t('mappingAnd'))).join(i18n.t('mappingOr')),
  );
}

function submit(ctx: MappingContext, event: SubmitEvent): void {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const mapping: Mapping = {};
  for (const field of ctx.kind.fields) {
    const select = form.elements.namedItem(`map-${field.id}`) as HTMLSelectElement | null;
    const index = Number(select?.value ?? NONE);
    mapping[field.id] = index >= 0 ? (ctx.header[index] ?? null) : null;
  }
  ctx.onApply(mapping);
}

/** The label of column i in the selects: its header, or its position (and first value) without one. */
function columnLabel(ctx: MappingContext, header: string, i: number): string {
  if (ctx.file?.header_row !== false) return header || `#${i + 1}`;
  const n = ctx.i18n.number(i + 1, 0);
  const sample = ctx.file.first_rows?.[0]?.[i];
  return sample ? ctx.i18n.t('mappingColumnSample', { n, sample }) : ctx.i18n.t('mappingColumnN', { n });
}

/** A headerless file's first rows under "Column 1", "Column 2", ... */
function firstRows(ctx: MappingContext): TemplateResult | typeof nothing {
  const { i18n, file } = ctx;
  if (file?.header_row !== false) return nothing;
  const rows = file.first_rows ?? [];
  return html`<p class="notice" data-testid="mapping-no-header">${i18n.t('mappingNoHeader')}</p>
    <div class="table-wrap">
      <table class="first-rows" data-testid="mapping-first-rows">
        <caption class="muted small">${i18n.t('mappingFirstRows')}</caption>
        <thead>
          <tr>${ctx.header.map((_, i) => html`<th scope="col">${i18n.t('mappingColumnN', { n: i18n.number(i + 1, 0) })}</th>`)}</tr>
        </thead>
        <tbody>
          ${rows.map((row) => html`<tr>${ctx.header.map((_, i) => html`<td>${row[i] ?? ''}</td>`)}</tr>`)}
        </tbody>
      </table>
    </div>`;
}

export function renderMapping(ctx: MappingContext): TemplateResult {
  const { i18n, kind } = ctx;
  const byField = new Map(ctx.mapping.map((m) => [m.field, m]));
  return html`<form class="mapping panel" data-testid="mapping" @submit=${(e: SubmitEvent) => submit(ctx, e)}>
    <h3>${i18n.t('mappingTitle')}</h3>
    <p class="muted">${i18n.t('mappingIntro')}</p>
    ${firstRows(ctx)}
    ${oneOfHints(i18n, kind).map((hint) => html`<p class="muted">${i18n.t('mappingOneOf', { list: hint })}</p>`)}
    <div class="mapping-grid">
      ${kind.fields.map((field) => {
        const entry = byField.get(field.id);
        const chosen = entry && entry.column !== null ? String(entry.index) : NONE;
        const id = `map-${field.id}`;
        return html`<div class="field" data-map-field=${field.id}>
          <label for=${id}>
            ${i18n.text(field.label)}${field.required ? html`<abbr class="req" title=${i18n.t('mappingRequired')}>*</abbr>` : nothing}
            ${entry?.guessed && entry.column !== null ? html`<span class="chip tiny" data-role="guessed">${i18n.t('mappingGuessed')}</span>` : nothing}
          </label>
          <div class="control">
            <select id=${id} name=${id} ?disabled=${ctx.busy}>
              <option value=${NONE} ?selected=${chosen === NONE}>${i18n.t('mappingNotInFile')}</option>
              ${ctx.header.map((h, i) => html`<option value=${String(i)} ?selected=${chosen === String(i)}>${columnLabel(ctx, h, i)}</option>`)}
            </select>
          </div>
        </div>`;
      })}
    </div>
    <div class="row">
      <button type="submit" class="btn primary" data-testid="mapping-apply" ?disabled=${ctx.busy}>${i18n.t('mappingApply')}</button>
      <span class="muted small">${i18n.t('mappingSavedNote')}</span>
    </div>
  </form>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const mappingStyles = css`
  .mapping {
    padding: 14px 18px;
    display: flex;
    flex-direction: column;
    gap: 10px;
  }

  .mapping h3 {
    font-size: 15px;
  }

  .mapping-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(190px, 40%), 1fr));
    gap: 10px 14px;
  }

  .mapping .row {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
  }

  .mapping select {
    width: 100%;
  }

  .mapping .table-wrap {
    overflow-x: auto;
  }

  .mapping .first-rows {
    border-collapse: collapse;
    font-size: 13px;
  }

  .mapping .first-rows th,
  .mapping .first-rows td {
    padding: 2px 10px 2px 0;
    text-align: left;
    white-space: nowrap;
  }

  .req {
    color: var(--_bad);
    text-decoration: none;
    margin-left: 2px;
  }

  @container (max-width: 720px) {
    .mapping {
      padding-left: 14px;
      padding-right: 14px;
    }
  }
`;
