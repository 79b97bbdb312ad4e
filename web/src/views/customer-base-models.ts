// The fitted models in words: which one the page uses and why (the answer's choice code), each
// model's parameters with their standard errors, its log-likelihood, and its warnings.
import { html, nothing, type TemplateResult } from 'lit';
import type { CoreMessage, CustomerBaseAnswer, ModelFitAnswer } from '../engine/contract';
import type { I18n } from '../i18n/i18n';
import { type MessageContext, renderMessage } from '../i18n/render-message';
import { modelName } from './customer-base-charts';

const MODEL_PARAMS: ReadonlySet<string> = new Set(['model', 'other']);

/** A message whose model params (bg_nbd) read as the models' names (BG/NBD). */
export function modelMessage(message: Pick<CoreMessage, 'code' | 'params'> & { message?: string }, ctx: MessageContext): string {
  const params = Object.fromEntries(
    Object.entries(message.params ?? {}).map(([k, v]) => [k, MODEL_PARAMS.has(k) && typeof v === 'string' ? modelName(ctx.i18n, v) : v]),
  );
  return renderMessage({ ...message, message: message.message ?? message.code, params }, ctx);
}

function fitTable(i18n: I18n, ctx: MessageContext, fit: ModelFitAnswer): TemplateResult {
  const names = Object.keys(fit.params);
  const ll = fit.log_likelihood === null ? '—' : i18n.number(fit.log_likelihood, 1);
  return html`<figure class="file-table cb-model" data-model=${fit.name}>
    <figcaption>
      <h4>${modelName(i18n, fit.name)}</h4>
      <span class="muted">${i18n.t('cbLogLik', { value: ll })}${fit.converged ? '' : ` · ${i18n.t('cbNotConverged')}`}</span>
    </figcaption>
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col" class="txt">${i18n.t('cbParam')}</th>
          <th scope="col">${i18n.t('cbEstimate')}</th>
          <th scope="col">${i18n.t('cbStdError')}</th>
        </tr>
      </thead>
      <tbody>
        ${names.map((p) => {
          const v = fit.params[p];
          const se = fit.std_errors[p];
          return html`<tr data-param=${p}>
            <th scope="row" class="txt">${p}</th>
            <td data-raw=${String(v)}>${v === null || v === undefined ? '—' : i18n.number(v, 4)}</td>
            <td>${se === null || se === undefined ? '—' : i18n.number(se, 4)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${fit.warnings.length
      ? html`<ul class="warnings" data-role="model-warnings">
          ${fit.warnings.map((w) => html`<li data-code=${w.code}>${modelMessage(w, ctx)}</li>`)}
        </ul>`
      : nothing}
  </figure>`;
}

export function renderModels(i18n: I18n, ctx: MessageContext, answer: CustomerBaseAnswer): TemplateResult | typeof nothing {
  const choice = answer.model_choice;
  const warnings = [...answer.warnings, ...(answer.summary?.warnings ?? []), ...(answer.survival?.warnings ?? [])];
  if (answer.models.length === 0 && warnings.length === 0) return nothing;
  return html`<h4 class="cb-subtitle">${i18n.t('cbModelsTitle')}</h4>
    ${choice
      ? html`<p data-testid="cb-choice" data-model=${choice.model} data-code=${choice.code}>
          <strong>${i18n.t('cbChoice', { model: modelName(i18n, choice.model) })}</strong> ${modelMessage(choice, ctx)}
        </p>`
      : nothing}
    ${warnings.length
      ? html`<div class="notice" data-testid="cb-warnings">
          <strong>${i18n.t('cbWarningsTitle')}</strong>
          <ul>
            ${warnings.map((w) => html`<li data-code=${w.code}>${modelMessage(w, ctx)}</li>`)}
          </ul>
        </div>`
      : nothing}
    <div class="cb-models" data-testid="cb-models">${answer.models.map((m) => fitTable(i18n, ctx, m))}</div>`;
}
