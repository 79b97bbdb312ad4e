// Where a number came from: the line under a field filled from a file (or typed over one), and the
// sources line of a KPI card, each linking to the file result or the field it names.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { DataKind } from '../engine/contract';
import { kindName } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';
import { type FieldDef, type FieldValue, parseTyped } from '../lib/form-model';
import { type OtherValue, type ResolvedInputs, sourceKey } from '../lib/input-sources';
import type { BaselineOrigin } from '../lib/whatif';
import type { FileSource, InputSource } from '../lib/workspace-doc';

export interface SourceContext {
  i18n: I18n;
  kinds: readonly DataKind[];
  resolved: ResolvedInputs;
  /** Shows a file's result (its kind). */
  onShowFile: (kind: string) => void;
  /** Moves to a field (its form key). */
  onShowField: (key: string) => void;
  /** Takes another source's value for a field: it is no longer typed. */
  onUseValue: (key: string) => void;
}

export function sourceLabel(ctx: Pick<SourceContext, 'i18n' | 'kinds'>, source: InputSource): string {
  const { i18n } = ctx;
  if (source.type === 'typed') return i18n.t('sourceTyped');
  if (source.type === 'sample') return i18n.t('sourceSample');
  const params = { file: source.fileName, kind: kindName(i18n, ctx.kinds, source.kind), date: i18n.dateTime(source.readAt) };
  if (source.model) return i18n.t('cbSource', { ...params, model: i18n.maybe(`cbModel_${source.model}`, source.model) });
  return i18n.t(source.viaLink ? 'sourceLinkedFile' : 'sourceFile', params);
}

/** A source in few words: a file by its name (sourceLabel says the rest, shown as a title). */
export function shortLabel(ctx: Pick<SourceContext, 'i18n' | 'kinds'>, source: InputSource): string {
  if (source.type === 'file' && source.model) return ctx.i18n.t('cbSourceShort', { file: source.fileName, model: ctx.i18n.maybe(`cbModel_${source.model}`, source.model) });
  return source.type === 'file' ? source.fileName : sourceLabel(ctx, source);
}

/** A field's value as a short text with its unit ("8,341.78 CNY", "70%"). */
function valueText(i18n: I18n, def: FieldDef, value: FieldValue): string {
  if (typeof value !== 'string') return '…';
  const n = parseTyped(value);
  if (n === null) return value;
  if (def.spec.unit === 'fraction') return i18n.percent(n / 100);
  if (def.spec.unit === 'money') return `${i18n.number(n, 2)} ${i18n.currency}`;
  return i18n.number(n);
}

function fileButton(ctx: SourceContext, source: InputSource): TemplateResult | typeof nothing {
  if (source.type !== 'file' || source.viaLink) return nothing;
  return html`<button type="button" class="linkish" data-role="show-file" @click=${() => ctx.onShowFile(source.kind)}>${ctx.i18n.t('showFile')}</button>`;
}

function otherLine(ctx: SourceContext, def: FieldDef, other: OtherValue, typed: boolean): TemplateResult {
  const { i18n } = ctx;
  const params = { source: shortLabel(ctx, other.source), value: valueText(i18n, def, other.value) };
  return html`<div class="source other" data-role="other-source" data-source=${sourceKey(other.source)} title=${sourceLabel(ctx, other.source)}>
    ${i18n.t(typed ? 'fieldTypedOver' : 'fieldFilesDisagree', params)}
    ${typed ? html`<button type="button" class="linkish" data-role="use-value" @click=${() => ctx.onUseValue(def.key)}>${i18n.t('useThisValue')}</button>` : nothing}
  </div>`;
}

/** Under a field: its file source, and any file that disagrees with the value shown. */
export function renderFieldSource(ctx: SourceContext, def: FieldDef): TemplateResult | typeof nothing {
  const source = ctx.resolved.sources.get(def.key);
  const others = ctx.resolved.others.get(def.key) ?? [];
  if (source?.type !== 'file' && others.length === 0) return nothing;
  const typed = source === undefined || source.type === 'typed';
  return html`${source?.type === 'file'
    ? html`<div class="source" data-role="field-source" data-source=${sourceKey(source)} title=${sourceLabel(ctx, source)}>
        ${ctx.i18n.t('fieldFromFile', { source: shortLabel(ctx, source) })} ${fileButton(ctx, source)}
      </div>`
    : nothing}
  ${others.map((o) => otherLine(ctx, def, o, typed))}`;
}

/** The distinct sources of a KPI's inputs (their form keys), each with the first field it came in. */
export function kpiSources(ctx: SourceContext, fieldKeys: readonly string[]): Array<{ source: InputSource; field: string }> {
  const found = new Map<string, { source: InputSource; field: string }>();
  for (const key of fieldKeys) {
    const source = ctx.resolved.sources.get(key);
    if (!source) continue;
    const id = sourceKey(source);
    if (!found.has(id)) found.set(id, { source, field: key });
  }
  return [...found.values()];
}

/** The sources line of a KPI card. */
export function renderCardSources(ctx: SourceContext, sources: Array<{ source: InputSource; field: string }>): TemplateResult | typeof nothing {
  if (sources.length === 0) return nothing;
  return html`<dt>${ctx.i18n.t('sourcesTitle')}</dt>
    <dd data-role="sources">
      ${sources.map(
        ({ source, field }) => html`<span class="source-item" data-source=${sourceKey(source)}>
          <button
            type="button"
            class="linkish"
            title=${sourceLabel(ctx, source)}
            @click=${() => (source.type === 'file' && !source.viaLink ? ctx.onShowFile(source.kind) : ctx.onShowField(field))}
          >
            ${shortLabel(ctx, source)}
          </button>
        </span>`,
      )}
    </dd>`;
}

/** The distinct sources of the what-if baseline: each origin's input, KPI inputs or file; the loaded projection is the sample's. */
export function baselineSources(
  ctx: SourceContext,
  origins: readonly BaselineOrigin[],
  kpiFieldKeys: (kpi: string) => readonly string[],
  fileSource: (kind: string) => FileSource | undefined,
): Array<{ source: InputSource; field: string }> {
  const found = new Map<string, { source: InputSource; field: string }>();
  const add = (source: InputSource | undefined, field: string) => {
    if (source && !found.has(sourceKey(source))) found.set(sourceKey(source), { source, field });
  };
  for (const origin of origins) {
    if ('input' in origin) add(ctx.resolved.sources.get(origin.input), origin.input);
    else if ('kpi' in origin) kpiSources(ctx, kpiFieldKeys(origin.kpi)).forEach((s) => add(s.source, s.field));
    else if ('kind' in origin) add(fileSource(origin.kind), '');
    else add({ type: 'sample' }, '');
  }
  return [...found.values()];
}

/** "Baseline from: …" under the what-if's title. */
export function renderBaselineSources(ctx: SourceContext, sources: Array<{ source: InputSource; field: string }>): TemplateResult | typeof nothing {
  if (sources.length === 0) return nothing;
  return html`<p class="source baseline-sources" data-role="baseline-sources">
    ${ctx.i18n.t('whatIfFrom', { sources: '' })}${sources.map(
      ({ source, field }, i) => html`${i > 0 ? ' · ' : ''}<button
          type="button"
          class="linkish"
          title=${sourceLabel(ctx, source)}
          ?disabled=${source.type !== 'file' && field === ''}
          @click=${() => (source.type === 'file' && !source.viaLink ? ctx.onShowFile(source.kind) : field && ctx.onShowField(field))}
        >${shortLabel(ctx, source)}</button>`,
    )}
  </p>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const sourceStyles = css`
  .source {
    font-size: 12px;
    color: var(--_muted);
    margin-top: 3px;
  }

  .source.other {
    color: var(--_text);
    background: color-mix(in srgb, var(--_watch) 12%, transparent);
    border-radius: 6px;
    padding: 2px 6px;
  }

  .source .linkish {
    margin-left: 4px;
  }

  .source-item + .source-item::before {
    content: ' · ';
    color: var(--_muted);
  }
`;
