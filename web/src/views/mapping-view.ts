// The mapping screen: for each field of the kind, the column of the file that holds it (guessed
// ones marked, required ones starred). Applying reads the file again with that mapping, which is
// then remembered for files with the same headers.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { DataKind, MappingEntry } from '../engine/contract';
import { fieldLabel } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';
import type { Mapping } from '../lib/mapping-memory';

export interface MappingContext {
  i18n: I18n;
  kind: DataKind;
  header: string[];
  mapping: MappingEntry[];
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

export function renderMapping(ctx: MappingContext): TemplateResult {
  const { i18n, kind } = ctx;
  const byField = new Map(ctx.mapping.map((m) => [m.field, m]));
  return html`<form class="mapping panel" data-testid="mapping" @submit=${(e: SubmitEvent) => submit(ctx, e)}>
    <h3>${i18n.t('mappingTitle')}</h3>
    <p class="muted">${i18n.t('mappingIntro')}</p>
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
              ${ctx.header.map((h, i) => html`<option value=${String(i)} ?selected=${chosen === String(i)}>${h || `#${i + 1}`}</option>`)}
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

  .req {
    color: var(--_bad);
    text-decoration: none;
    margin-left: 2px;
  }

  @media (max-width: 720px) {
    .mapping {
      padding-left: 14px;
      padding-right: 14px;
    }
  }
`;
