// What it takes: "what value of <lever> makes <output> equal <target>?", with ready questions, the answer
// in words (or, when the target is out of reach, the closest value), and a button that puts the answer
// into the selected scenario.
import { html, nothing, type TemplateResult } from 'lit';
import type { LeverKey, OutputKey } from '../engine/whatif-contract';
import { LEVERS } from '../engine/whatif-contract';
import type { I18n } from '../i18n/i18n';
import { numberText } from '../lib/form-model';
import { formatLever, formatOutput, inSentence, leverLabel, outputFromTyped, outputLabel, outputToTyped } from '../lib/whatif-format';
import { readTyped } from '../lib/whatif-levers';
import { READY_GOALS, type GoalQuestion } from '../lib/whatif-scenarios';
import { COMPARED } from './scenario-compare-view';
import type { WhatIfController } from './whatif-controller';

export interface GoalContext {
  i18n: I18n;
  wi: WhatIfController;
  scenarioLabel: string;
}

function words(ctx: GoalContext): TemplateResult | typeof nothing {
  const { i18n, wi } = ctx;
  const g = wi.answers.goal?.goal;
  if (!g) return nothing;
  const lever = inSentence(i18n, leverLabel(i18n, g.lever));
  const output = inSentence(i18n, outputLabel(i18n, g.output));
  const target = formatOutput(i18n, g.output, g.target);
  if (g.status === 'reached' && typeof g.value === 'number') {
    const value = g.value;
    return html`<p class="goal-answer" data-testid="goal-answer" data-status="reached" data-value=${value}>
        ${i18n.t('wiGoalReached', { lever, value: formatLever(i18n, g.lever, value), output, target })}
      </p>
      <button type="button" class="btn small primary" data-testid="goal-apply" @click=${() => wi.setLever(g.lever, value)}>
        ${i18n.t('wiGoalApply', { name: ctx.scenarioLabel })}
      </button>`;
  }
  const best = g.best;
  const range = { low: formatLever(i18n, g.lever, g.range.low), high: formatLever(i18n, g.lever, g.range.high) };
  return html`<p class="goal-answer" data-testid="goal-answer" data-status="unreachable" data-value=${best?.value ?? ''}>
    ${best && best.output_value !== null
      ? i18n.t('wiGoalUnreachable', { ...range, lever, output, target, value: formatLever(i18n, g.lever, best.value), best: formatOutput(i18n, g.output, best.output_value) })
      : i18n.t('wiGoalUndefined', { ...range, lever, output })}
  </p>`;
}

function setTarget(ctx: GoalContext, q: GoalQuestion, input: HTMLInputElement): void {
  const typed = readTyped(input.value);
  if (typed === null) input.value = numberText(outputToTyped(q.output, q.target));
  else ctx.wi.setGoal({ ...q, target: outputFromTyped(q.output, typed) });
}

export function renderGoalSeek(ctx: GoalContext): TemplateResult {
  const { i18n, wi } = ctx;
  const q = wi.doc.goal;
  const { low: _low, ...plain } = q;
  const ask = (next: GoalQuestion) => wi.setGoal(next);
  return html`<div class="panel question" data-testid="goal-seek">
    <h3>${i18n.t('wiGoalTitle')}</h3>
    <div class="ready" role="group" aria-label=${i18n.t('wiGoalReady')}>
      ${READY_GOALS.map(
        (r, i) => html`<button
          type="button"
          class="btn small"
          data-testid=${`goal-ready-${i}`}
          aria-pressed=${r.lever === q.lever && r.output === q.output && r.target === q.target ? 'true' : 'false'}
          @click=${() => ask({ ...r })}
        >
          ${i18n.t('wiGoalQuestion', { lever: inSentence(i18n, leverLabel(i18n, r.lever)), output: inSentence(i18n, outputLabel(i18n, r.output)), target: formatOutput(i18n, r.output, r.target) })}
        </button>`,
      )}
    </div>
    <div class="question-controls">
      <label
        >${i18n.t('wiLever')}
        <select data-testid="goal-lever" @change=${(e: Event) => ask({ ...plain, lever: (e.target as HTMLSelectElement).value as LeverKey })}>
          ${LEVERS.map((l) => html`<option value=${l} ?selected=${l === q.lever}>${leverLabel(i18n, l)}</option>`)}
        </select></label
      >
      <label
        >${i18n.t('wiOutput')}
        <select data-testid="goal-output" @change=${(e: Event) => ask({ ...plain, output: (e.target as HTMLSelectElement).value as OutputKey })}>
          ${COMPARED.map((o) => html`<option value=${o} ?selected=${o === q.output}>${outputLabel(i18n, o)}</option>`)}
        </select></label
      >
      <label class="short"
        >${i18n.t('wiTarget')}
        <input
          type="text"
          inputmode="decimal"
          data-testid="goal-target"
          .value=${numberText(outputToTyped(q.output, q.target))}
          @change=${(e: Event) => setTarget(ctx, q, e.target as HTMLInputElement)}
      /></label>
    </div>
    <div aria-live="polite">${words(ctx)}</div>
  </div>`;
}
