// The embed's small layouts: `compact` (a card of a few inputs and the chosen KPIs) and `single` (one
// KPI, large, over its inputs). Markup and styles only; the element (embed-element.ts) owns the state.
// It imports none of the full calculator's views.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ComputeAnswer, EngineError, KpiResult, KpiSpec } from './engine/contract';
import type { I18n } from './i18n/i18n';
import { type FieldDef, type FormModel, type FormState, fieldForInput, numberText } from './lib/form-model';

export interface CardContext {
  i18n: I18n;
  model: FormModel;
  kpis: KpiSpec[];
  fields: FieldDef[];
  /** KPIs whose required inputs the card cannot offer (not plain numbers). */
  needsFull: ReadonlySet<string>;
  showInputs: boolean;
  single: boolean;
  form: FormState;
  answer: ComputeAnswer | null;
  errorsOf: (key: string) => EngineError[];
  kpiErrorsOf: (kpiId: string) => EngineError[];
  message: (error: EngineError) => string;
  onInput: (key: string, text: string) => void;
  onBlur: (key: string) => void;
}

/** The plain-number fields the chosen KPIs read, each once, in order; a derived input brings its KPI's. */
export function cardFields(model: FormModel, ids: readonly string[]): { fields: FieldDef[]; needsFull: Set<string> } {
  const keys: string[] = [];
  const needsFull = new Set<string>();
  const visit = (kpiId: string, owner: string, depth: number) => {
    for (const input of model.kpiById.get(kpiId)?.inputs ?? []) {
      if (input.companion) continue;
      if (input.derived_from && depth < 3) {
        visit(input.derived_from, owner, depth + 1);
        continue;
      }
      const key = fieldForInput(model, input.name) ?? fieldForInput(model, `${kpiId}.${input.name}`);
      const def = key ? model.fields.get(key) : undefined;
      if (!key || !def) continue;
      if (def.spec.kind !== 'number') {
        if (!input.optional) needsFull.add(owner);
      } else if (!keys.includes(key)) keys.push(key);
    }
  };
  for (const id of ids) visit(id, id, 0);
  return { fields: keys.flatMap((k) => model.fields.get(k) ?? []), needsFull };
}

/** The symbol typed values of this unit are in: %, or the currency's. */
function unitMark(i18n: I18n, def: FieldDef): string {
  if (def.spec.unit === 'fraction') return '%';
  if (def.spec.unit !== 'money') return '';
  const parts = new Intl.NumberFormat(i18n.locale, { style: 'currency', currency: i18n.currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? i18n.currency;
}

function renderField(ctx: CardContext, def: FieldDef): TemplateResult {
  const { i18n } = ctx;
  const value = ctx.form[def.key];
  const text = typeof value === 'string' ? value : '';
  const errors = ctx.errorsOf(def.key);
  const id = `f-${def.key.replace(/[^\w-]/g, '_')}`;
  const mark = unitMark(i18n, def);
  return html`<div class="field" part="field">
    <label for=${id} part="label">${i18n.text(def.spec.label)}${def.optional ? html`<span class="optional">${i18n.chinese ? `（${i18n.t('optional')}）` : ` (${i18n.t('optional')})`}</span>` : nothing}</label>
    <span class="entry">
      <input
        id=${id}
        part="input"
        inputmode="decimal"
        autocomplete="off"
        .value=${text}
        placeholder=${def.defaultValue !== null && def.defaultValue !== undefined ? numberText(def.spec.unit === 'fraction' ? def.defaultValue * 100 : def.defaultValue) : ''}
        aria-invalid=${errors.length > 0 ? 'true' : 'false'}
        @input=${(e: Event) => ctx.onInput(def.key, (e.target as HTMLInputElement).value)}
        @blur=${() => ctx.onBlur(def.key)}
      />${mark ? html`<span class="mark" aria-hidden="true">${mark}</span>` : nothing}
    </span>
    ${errors.map((e) => html`<span class="problem" part="message">${ctx.message(e)}</span>`)}
  </div>`;
}

function renderResult(ctx: CardContext, kpi: KpiSpec, result: KpiResult | undefined): TemplateResult {
  const { i18n } = ctx;
  const errors = ctx.kpiErrorsOf(kpi.id);
  const why = ctx.needsFull.has(kpi.id)
    ? i18n.t('embedNeedsFull')
    : errors.length > 0
      ? errors.map(ctx.message).join(' ')
      : i18n.t('embedEnterValues');
  return html`<div class="result ${result?.band ?? 'none'}" part="result" data-kpi=${kpi.id}>
    <span class="name" part="kpi-name">${i18n.text(kpi.name)}</span>
    <output class="value" part="kpi-value" aria-live="polite">${result ? i18n.value(result.value, kpi.unit) : '—'}</output>
    ${result && result.band !== 'none' ? html`<span class="band" part="band">${i18n.band(result.band)}</span>` : nothing}
    ${result ? nothing : html`<span class="why" part="message">${why}</span>`}
  </div>`;
}

export function renderCard(ctx: CardContext): TemplateResult {
  const results = new Map((ctx.answer?.kpis ?? []).map((k) => [k.id, k]));
  const fields = ctx.showInputs && ctx.fields.length > 0 ? html`<div class="fields" part="fields">${ctx.fields.map((f) => renderField(ctx, f))}</div>` : nothing;
  const outcome = html`<div class="results" part="results">${ctx.kpis.map((k) => renderResult(ctx, k, results.get(k.id)))}</div>`;
  return html`${ctx.single ? html`${outcome}${fields}` : html`${fields}${outcome}`}
    <p class="foot" part="footer">${ctx.i18n.t('embedFooter')}</p>`;
}

/** Fields per KPI a card asks for, about (clv 3, cltv 4, nps 3): how many boxes the loading card holds. */
const FIELDS_PER_KPI = 10 / 3;

/**
 * The card while the engine starts: boxes where its fields and results will be, in the same grids and
 * about their size, so neither the card nor the host page below it jumps when they come (issue 16).
 */
export function renderCardSkeleton(starting: string, kpiCount: number, showInputs: boolean, single: boolean, footer: string): TemplateResult {
  const boxes = (n: number, cls: string) => Array.from({ length: n }, () => html`<div class=${cls} aria-hidden="true"></div>`);
  const fields = showInputs ? html`<div class="fields">${boxes(Math.floor(kpiCount * FIELDS_PER_KPI + 0.01), 'field-later')}</div>` : nothing;
  const outcome = html`<div class="results">
    <p class="result-later starting" role="status">${starting}</p>
    ${boxes(kpiCount - 1, 'result-later')}
  </div>`;
  return html`${single ? html`${outcome}${fields}` : html`${fields}${outcome}`}
    <p class="foot">${footer}</p>`;
}

export const embedCardStyles = css`
  /* The loading card's boxes (renderCardSkeleton): a field's and a result's height. */
  .field-later {
    min-height: 63px;
    /* Where the input box will be: a faint bar under the label's line. */
    background: linear-gradient(var(--_accent-soft), var(--_accent-soft)) bottom / 100% 38px no-repeat;
    border-radius: 6px;
  }

  .result-later {
    min-height: 75px;
    margin: 0;
    padding: 12px 14px;
    border-radius: calc(var(--_radius) * 0.8);
    background: var(--_accent-soft);
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: 16px;
    display: flex;
    flex-direction: column;
    gap: 14px;
    max-width: 100%;
    overflow-wrap: anywhere;
  }

  .problems {
    margin: 0;
    padding: 8px 12px 8px 28px;
    border-radius: 8px;
    background: color-mix(in srgb, var(--_bad) 8%, var(--_surface));
    color: var(--_bad);
    font-size: 13px;
  }

  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 170px), 1fr));
    gap: 12px;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }

  .field label {
    font-size: 13px;
    color: var(--_muted);
  }

  .optional {
    font-size: 12px;
  }

  .entry {
    display: flex;
    align-items: center;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    background: var(--_surface);
  }

  .entry:focus-within {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  .entry input {
    flex: 1;
    min-width: 0;
    width: 100%;
    border: 0;
    background: transparent;
    padding: 8px 10px;
    font: inherit;
    color: inherit;
    font-variant-numeric: tabular-nums;
  }

  .entry input:focus {
    outline: none;
  }

  .mark {
    padding-right: 10px;
    color: var(--_muted);
  }

  .problem {
    color: var(--_bad);
    font-size: 12px;
  }

  .results {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 190px), 1fr));
    gap: 10px;
  }

  .result {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 12px 14px;
    border-radius: calc(var(--_radius) * 0.8);
    background: var(--_accent-soft);
    min-width: 0;
  }

  .name {
    font-size: 13px;
    color: var(--_muted);
  }

  .value {
    font-size: 26px;
    font-weight: 700;
    line-height: 1.15;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }

  .single .value {
    font-size: 36px;
  }

  .band {
    font-size: 12px;
    font-weight: 600;
  }

  .good .band {
    color: var(--_good);
  }

  .watch .band {
    color: var(--_watch);
  }

  .bad .band {
    color: var(--_bad);
  }

  .why {
    font-size: 12px;
    color: var(--_muted);
  }

  .foot {
    margin: 0;
    font-size: 11px;
    color: var(--_muted);
  }

  .starting {
    margin: 0;
    color: var(--_muted);
  }

  @container (max-width: 300px) {
    .card {
      padding: 12px;
    }

    .value {
      font-size: 22px;
    }
  }
`;
