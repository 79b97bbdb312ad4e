// The inputs of the KPIs, generated from the catalog: one panel per KPI, placed with its card.
import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ComputeAnswer, EngineError } from '../engine/contract';
import type { I18n } from '../i18n/i18n';
import { renderFieldSource, type SourceContext } from './source-view';
import { type FieldDef, type FieldSet, type FieldValue, type FormState, type GroupRow, tidyTyped } from '../lib/form-model';

export interface FieldsContext {
  i18n: I18n;
  state: FormState;
  errors: Map<string, EngineError[]>;
  answer: ComputeAnswer | null;
  onChange: (key: string, value: FieldValue) => void;
  /** The short symbol of a KPI (CLTV, CAC) for hints. */
  kpiSymbol: (id: string) => string;
  /** An engine error as shown to a person (i18n/render-message.ts). */
  message: (error: EngineError) => string;
  /** Where each field's value came from (a file, typed over a file). */
  source?: SourceContext;
}

/** An id usable in the shadow root for a state key ("a.b" → "in-a--b"). */
/** Groups the digits of a typed number once the user leaves the field. */
function tidy(ctx: FieldsContext, key: string, input: HTMLInputElement): void {
  const tidied = tidyTyped(input.value);
  if (tidied !== input.value) ctx.onChange(key, tidied);
}

export function domId(prefix: string, key: string): string {
  return `${prefix}-${key.replace(/[^A-Za-z0-9_-]/g, '--')}`;
}

const HUGE = 1e9;

function rangeHint(ctx: FieldsContext, def: FieldDef): string {
  const { i18n } = ctx;
  const { min, max, unit } = def.spec;
  if (min === undefined || max === undefined) return '';
  const show = (v: number) => (unit === 'fraction' ? i18n.number(v * 100, 2) : i18n.number(v, 2));
  if (max >= HUGE) return i18n.t('rangeAtLeast', { min: show(min) });
  return i18n.t('rangeBetween', { min: show(min), max: show(max) });
}

function unitWord(ctx: FieldsContext, def: FieldDef): string {
  const unit = def.spec.unit;
  if (unit === 'choice' || unit === 'groups' || unit === 'date' || unit === 'score') return '';
  if (unit === 'money') return ctx.i18n.currency;
  if (unit === 'fraction') return ctx.i18n.t('percentHint');
  return ctx.i18n.maybe(`unit_${unit}`, unit);
}

function hintText(ctx: FieldsContext, def: FieldDef): string {
  const { i18n } = ctx;
  const parts: string[] = [];
  const unit = unitWord(ctx, def);
  if (unit) parts.push(unit);
  const range = def.spec.kind === 'number' ? rangeHint(ctx, def) : '';
  if (range) parts.push(range);
  if (def.derivedFrom) {
    parts.push(i18n.t('derivedHint', { kpi: ctx.kpiSymbol(def.derivedFrom) }));
  } else if (def.optional) {
    parts.push(
      def.defaultValue !== null
        ? i18n.t('optionalDefault', {
            value: def.spec.unit === 'fraction' ? i18n.percent(def.defaultValue) : i18n.number(def.defaultValue),
          })
        : i18n.t('optional'),
    );
  }
  return parts.join(' · ');
}

function errorBlock(ctx: FieldsContext, def: FieldDef, id: string): TemplateResult | typeof nothing {
  const errors = ctx.errors.get(def.key);
  if (!errors?.length) return nothing;
  return html`<div class="field-error" id=${id} role="alert" data-error-for=${def.key}>
    <span aria-hidden="true">⚠</span><span title=${errors.map((e) => ctx.message(e)).join('\n')}>${errors.map((e) => ctx.message(e)).join(' · ')}</span>
  </div>`;
}

function numberField(ctx: FieldsContext, def: FieldDef, inputId: string, describedBy: string): TemplateResult {
  const value = (ctx.state[def.key] as string | undefined) ?? '';
  const affix = def.spec.unit === 'fraction' ? '%' : def.spec.unit === 'money' ? ctx.i18n.currency : '';
  let placeholder = '';
  if (def.derivedFrom) {
    const kpi = ctx.answer?.kpis.find((k) => k.id === def.derivedFrom);
    if (kpi) placeholder = ctx.i18n.t('derivedPlaceholder', { value: ctx.i18n.number(kpi.value, 0) });
  } else if (def.defaultValue !== null) {
    placeholder = def.spec.unit === 'fraction' ? ctx.i18n.number(def.defaultValue * 100) : ctx.i18n.number(def.defaultValue);
  }
  return html`<div class="control">
    <input
      id=${inputId}
      type="text"
      inputmode="decimal"
      autocomplete="off"
      spellcheck="false"
      class=${affix ? 'has-affix' : ''}
      data-input=${def.key}
      placeholder=${placeholder}
      aria-describedby=${describedBy}
      aria-invalid=${ctx.errors.has(def.key) ? 'true' : 'false'}
      .value=${live(value)}
      @input=${(e: Event) => ctx.onChange(def.key, (e.target as HTMLInputElement).value)}
      @change=${(e: Event) => tidy(ctx, def.key, e.target as HTMLInputElement)}
    />
    ${affix ? html`<span class="affix" aria-hidden="true">${affix}</span>` : nothing}
  </div>`;
}

function dateField(ctx: FieldsContext, def: FieldDef, inputId: string, describedBy: string): TemplateResult {
  const value = (ctx.state[def.key] as string | undefined) ?? '';
  return html`<div class="control">
    <input
      id=${inputId}
      type="date"
      data-input=${def.key}
      aria-describedby=${describedBy}
      aria-invalid=${ctx.errors.has(def.key) ? 'true' : 'false'}
      .value=${live(value)}
      @input=${(e: Event) => ctx.onChange(def.key, (e.target as HTMLInputElement).value)}
    />
  </div>`;
}

function choiceField(ctx: FieldsContext, def: FieldDef, inputId: string, describedBy: string): TemplateResult {
  const value = (ctx.state[def.key] as string | undefined) ?? '';
  return html`<div class="control">
    <select
      id=${inputId}
      data-input=${def.key}
      aria-describedby=${describedBy}
      .value=${live(value)}
      @change=${(e: Event) => ctx.onChange(def.key, (e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${value === ''}>${ctx.i18n.maybe(`defaultChoice_${def.spec.name}`, ctx.i18n.t('chooseOne'))}</option>
      ${(def.spec.choices ?? []).map(
        (c) => html`<option value=${c} ?selected=${value === c}>${ctx.i18n.choice(c)}</option>`,
      )}
    </select>
  </div>`;
}

function countsField(ctx: FieldsContext, def: FieldDef, inputId: string, describedBy: string): TemplateResult {
  const values = (ctx.state[def.key] as string[] | undefined) ?? ['', '', '', '', ''];
  const invalid = ctx.errors.has(def.key);
  return html`<div
    class="counts"
    data-input=${def.key}
    role="group"
    aria-labelledby=${`${inputId}-label`}
    aria-describedby=${describedBy}
  >
    ${values.map(
      (v, i) => html`<label
        >${ctx.i18n.t('score', { n: i + 1 })}
        <input
          id=${i === 0 ? inputId : `${inputId}-${i}`}
          type="text"
          inputmode="numeric"
          autocomplete="off"
          class=${invalid ? 'invalid' : ''}
          data-input=${`${def.key}.${i}`}
          data-index=${i}
          .value=${live(v)}
          @input=${(e: Event) => {
            const next = [...values];
            next[i] = (e.target as HTMLInputElement).value;
            ctx.onChange(def.key, next);
          }}
      /></label>`,
    )}
  </div>`;
}

function groupsField(ctx: FieldsContext, def: FieldDef, inputId: string, describedBy: string): TemplateResult {
  const rows = (ctx.state[def.key] as GroupRow[] | undefined) ?? [];
  const fields = def.spec.fields ?? [];
  const { i18n } = ctx;
  const errors = ctx.errors.get(def.key) ?? [];
  const rowHasError = (name: string, field?: string) =>
    errors.some((e) => e.input !== null && e.input.startsWith(`${def.key}.${name}${field ? `.${field}` : ''}`));
  const update = (index: number, patch: Partial<GroupRow>) => {
    const next = rows.map((r, i) => (i === index ? { ...r, ...patch, values: { ...r.values, ...(patch.values ?? {}) } } : r));
    ctx.onChange(def.key, next);
  };
  return html`<table class="rows" data-input=${def.key} aria-labelledby=${`${inputId}-label`} aria-describedby=${describedBy}>
      <thead>
        <tr>
          <th scope="col">${i18n.t('rowName')}</th>
          ${fields.map((f) => html`<th scope="col">${i18n.maybe(`field_${f}`, f)}</th>`)}
          <th><span class="sr-only">${i18n.t('removeRow', { name: '' })}</span></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row, index) => html`<tr data-row=${row.name}>
            <td class="rowname">
              ${row.known
                ? html`<span>${i18n.rowName(row.name)}</span>`
                : html`<input
                    type="text"
                    aria-label=${i18n.t('rowName')}
                    placeholder=${i18n.t('newRowName')}
                    data-field="name"
                    .value=${live(row.name)}
                    @input=${(e: Event) => update(index, { name: (e.target as HTMLInputElement).value })}
                  />`}
            </td>
            ${fields.map(
              (f) => html`<td>
                <input
                  type="text"
                  inputmode="decimal"
                  autocomplete="off"
                  aria-label=${`${i18n.rowName(row.name)}: ${i18n.maybe(`field_${f}`, f)}`}
                  class=${rowHasError(row.name, f) ? 'invalid' : ''}
                  data-field=${f}
                  .value=${live(row.values[f] ?? '')}
                  @input=${(e: Event) => update(index, { values: { [f]: (e.target as HTMLInputElement).value } })}
                  @change=${(e: Event) => {
                    const input = e.target as HTMLInputElement;
                    const tidied = tidyTyped(input.value);
                    if (tidied !== input.value) update(index, { values: { [f]: tidied } });
                  }}
                />
              </td>`,
            )}
            <td class="remove">
              <button
                type="button"
                class="icon-btn"
                title=${i18n.t('removeRow', { name: i18n.rowName(row.name) })}
                aria-label=${i18n.t('removeRow', { name: i18n.rowName(row.name) })}
                @click=${() => ctx.onChange(def.key, rows.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
    <button
      type="button"
      class="btn small add-row"
      data-testid=${`add-row-${def.key}`}
      @click=${() =>
        ctx.onChange(def.key, [
          ...rows,
          { name: '', known: false, values: Object.fromEntries(fields.map((f) => [f, ''])) },
        ])}
    >
      + ${i18n.t('addRow')}
    </button>`;
}

export function renderField(ctx: FieldsContext, def: FieldDef, prefix: string): TemplateResult {
  const inputId = domId(`${prefix}-in`, def.key);
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const hasError = ctx.errors.has(def.key);
  const describedBy = hasError ? `${hintId} ${errorId}` : hintId;
  const wide = def.spec.kind === 'groups' || def.spec.kind === 'counts5';
  const label = ctx.i18n.text(def.spec.label);
  let control: TemplateResult;
  switch (def.spec.kind) {
    case 'counts5':
      control = countsField(ctx, def, inputId, describedBy);
      break;
    case 'groups':
      control = groupsField(ctx, def, inputId, describedBy);
      break;
    case 'date':
      control = dateField(ctx, def, inputId, describedBy);
      break;
    case 'choice':
      control = choiceField(ctx, def, inputId, describedBy);
      break;
    default:
      control = numberField(ctx, def, inputId, describedBy);
  }
  const labelEl =
    def.spec.kind === 'groups' || def.spec.kind === 'counts5'
      ? html`<span class="label" id=${`${inputId}-label`}>${label}</span>`
      : html`<label for=${inputId}>${label}</label>`;
  return html`<div class="field ${wide ? 'wide' : ''} ${hasError ? 'invalid' : ''}" data-field-key=${def.key}>
    ${labelEl} ${control}
    <div class="hint" id=${hintId}>${hintText(ctx, def)}</div>
    ${ctx.source ? renderFieldSource(ctx.source, def) : nothing}
    ${errorBlock(ctx, def, errorId)}
  </div>`;
}

/** The inputs only one KPI (`set.kpi`) needs, as a panel of their own placed with its card. */
export function renderSetInputs(ctx: FieldsContext, set: FieldSet, prefix: string): TemplateResult | typeof nothing {
  if (set.fields.length === 0) return nothing;
  return html`<div class="panel inputs" data-set-inputs=${set.kpi.id}>
    <fieldset data-kpi-inputs=${set.kpi.id}>
      <legend>
        <span class="legend-tag">${ctx.i18n.t('kpiInputsTag')}</span>
        ${ctx.i18n.text(set.kpi.name)}
        ${set.alternatives ? html`<span class="legend-note">${ctx.i18n.t('alternatives')}</span>` : nothing}
      </legend>
      <div class="fields">${set.fields.map((def) => renderField(ctx, def, prefix))}</div>
    </fieldset>
  </div>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const fieldsStyles = css`
  .inputs {
    padding: 6px 18px 16px;
  }

  .inputs h3 {
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--_muted);
    font-weight: 600;
  }

  fieldset {
    border: 0;
    border-top: 1px solid var(--_border);
    margin: 0;
    padding: 12px 0 6px;
  }

  fieldset:first-of-type {
    border-top: 0;
  }

  legend {
    padding: 0;
    font-weight: 600;
    font-size: 14px;
    float: left;
    width: 100%;
    margin-bottom: 8px;
  }

  legend + * {
    clear: both;
  }

  /* Only under the card on a narrow screen, where the KPI's name alone would read as a repeat. */
  .legend-tag {
    display: none;
  }

  .legend-note {
    font-weight: 400;
    color: var(--_muted);
    font-size: 12px;
    display: block;
  }

  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
    gap: 10px 14px;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 3px;
    min-width: 0;
  }

  .field.wide {
    grid-column: 1 / -1;
  }

  .field > label,

  .field .label {
    font-size: 13px;
    font-weight: 500;
    color: var(--_text);
  }

  .control {
    position: relative;
    display: flex;
    align-items: stretch;
  }

  .control input,

  .control select,

  .counts input,

  .rows input {
    width: 100%;
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: 7px;
    padding: 7px 9px;
    background: var(--_surface);
    font-variant-numeric: tabular-nums;
    font-size: 15px;
  }

  .control .affix {
    position: absolute;
    right: 9px;
    top: 50%;
    transform: translateY(-50%);
    color: var(--_muted);
    font-size: 13px;
    pointer-events: none;
  }

  .control .affix + input,

  .control input.has-affix {
    padding-right: 42px;
  }

  .hint {
    font-size: 12px;
    color: var(--_muted);
  }

  .field-error {
    font-size: 12px;
    color: var(--_bad);
    display: flex;
    gap: 4px;
  }

  .field.invalid input,

  .field.invalid select,

  input.invalid {
    border-color: var(--_bad);
    background: color-mix(in srgb, var(--_bad) 4%, var(--_surface));
  }

  .counts {
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: 6px;
  }

  .counts label {
    display: flex;
    flex-direction: column;
    font-size: 11px;
    color: var(--_muted);
    gap: 2px;
    text-align: center;
  }

  .counts input {
    color: var(--_text);
    text-align: center;
    padding: 7px 4px;
  }

  .rows th {
    font-size: 12px;
    font-weight: 500;
    color: var(--_muted);
    text-align: left;
    padding: 0 6px 4px 0;
  }

  .rows td {
    padding: 3px 6px 3px 0;
    vertical-align: middle;
  }

  .rows td.rowname {
    font-size: 13px;
    width: 38%;
  }

  .rows td.remove {
    width: 30px;
    padding-right: 0;
  }

  .icon-btn {
    border: 0;
    background: none;
    cursor: pointer;
    color: var(--_muted);
    border-radius: 6px;
    width: 28px;
    height: 28px;
    font-size: 16px;
    line-height: 1;
  }

  .icon-btn:hover {
    color: var(--_bad);
    background: color-mix(in srgb, var(--_bad) 8%, transparent);
  }

  .add-row {
    margin-top: 6px;
  }

  @container (max-width: 1100px) {
    legend {
      font-size: 13px;
      color: var(--_muted);
      font-weight: 500;
    }

    .legend-tag {
      display: inline-block;
      margin-right: 6px;
      font-size: 11px;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--_accent);
    }
  }

  @container (max-width: 720px) {
    .fields {
      grid-template-columns: 1fr 1fr;
    }

    .inputs {
      padding-left: 14px;
      padding-right: 14px;
    }
  }

  @container (max-width: 340px) {
    .fields {
      grid-template-columns: 1fr;
    }
  }
`;
