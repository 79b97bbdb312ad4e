// What the loaded files give only together (LTV:CAC per channel from spend + transactions): the
// core's combine() answer as KPI cards, with the notes that say which channels could not be matched.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { CombinedAnswer } from '../engine/contract';
import type { EngineError, KpiResult, KpiSpec } from '../engine/contract';
import type { I18n } from '../i18n/i18n';
import { type MessageContext, renderMessage } from '../i18n/render-message';
import { renderKpiCard } from './kpi-card-view';
import { renderNotes } from './notes-view';

export interface CombinedContext {
  i18n: I18n;
  combined: CombinedAnswer | null;
  kpiSpec: (id: string) => KpiSpec | undefined;
  messages: MessageContext;
}

export function renderCombined(ctx: CombinedContext): TemplateResult | typeof nothing {
  const { i18n, combined } = ctx;
  if (!combined) return nothing;
  const results = new Map<string, KpiResult>(combined.kpis.map((k) => [k.id, k]));
  const errorsOf = new Map<string, EngineError[]>();
  for (const e of combined.errors) if (e.kpi) errorsOf.set(e.kpi, [...(errorsOf.get(e.kpi) ?? []), e]);
  const ids = [...new Set([...results.keys(), ...errorsOf.keys()])].filter((id) => ctx.kpiSpec(id));
  return html`<div class="kind-result combined" data-testid="combined-result">
    <div class="result-head">
      <div>
        <h3>${i18n.t('combinedTitle')}</h3>
        <p class="muted">${i18n.t('combinedIntro')}</p>
      </div>
    </div>
    ${ids.length
      ? html`<div class="cards" data-testid="combined-kpis">
          ${ids.map((id) => renderKpiCard(i18n, ctx.kpiSpec(id) as KpiSpec, results.get(id), errorsOf.get(id), (e) => renderMessage(e, ctx.messages), results))}
        </div>`
      : nothing}
    ${renderNotes(ctx.messages, combined.notes ?? [], 'combined-notes')}
  </div>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const combinedResultStyles = css`
  .kind-result.combined {
    margin-top: 20px;
  }
`;
