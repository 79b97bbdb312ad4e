// The what-if levers of the selected scenario: a slider and a number field for each, with the baseline
// and the change from it in the lever's unit; the six projection levers first, the rest folded away.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LeverKey, Levers } from '../engine/whatif-contract';
import type { I18n } from '../i18n/i18n';
import { numberText } from '../lib/form-model';
import { formatLever, formatLeverChange, leverLabel } from '../lib/whatif-format';
import { fromDisplay, inRange, LEVER_SPECS, leverStep, leverUnit, MAIN_LEVERS, MORE_LEVERS, readTyped, sliderRange, toDisplay } from '../lib/whatif-levers';
import { baseValue, resolveScenario, scenarioLever } from '../lib/whatif-request';
import { selectedScenario } from '../lib/whatif-scenarios';
import type { WhatIfController } from './whatif-controller';

export interface LeversContext {
  i18n: I18n;
  wi: WhatIfController;
  levers: Levers;
  /** Typed values that were not taken, by lever: what was typed and why. */
  typed: Map<LeverKey, { text: string; problem: string }>;
  onTyped: () => void;
}

function unitText(i18n: I18n, key: LeverKey): string {
  const unit = leverUnit(key);
  return unit === 'rate' ? '%' : unit === 'money' ? i18n.currency : '';
}

/** A typed value: taken when it is a number within the lever's range, else kept with the reason. */
function onTypedValue(ctx: LeversContext, key: LeverKey, text: string): void {
  const { i18n } = ctx;
  const typed = readTyped(text);
  const spec = LEVER_SPECS[key];
  if (typed === null) {
    ctx.typed.set(key, { text, problem: i18n.t('wiNotNumber') });
  } else if (!inRange(key, fromDisplay(key, typed))) {
    const range = { min: formatLever(i18n, key, spec.min), max: formatLever(i18n, key, spec.max) };
    ctx.typed.set(key, { text, problem: i18n.t('wiTypedOut', range) });
  } else {
    ctx.typed.delete(key);
    ctx.wi.setLever(key, fromDisplay(key, typed));
  }
  ctx.onTyped();
}

/** Arrow keys in the number field step as the slider does (0.5 point, 1% of the baseline); Shift ×10. */
function onTypedKey(ctx: LeversContext, key: LeverKey, event: KeyboardEvent, value: number): void {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  event.preventDefault();
  const step = leverStep(key, baseValue(ctx.levers, key)) * (event.shiftKey ? 10 : 1);
  const next = value + (event.key === 'ArrowUp' ? step : -step);
  if (inRange(key, next)) {
    ctx.typed.delete(key);
    ctx.wi.setLever(key, Number.parseFloat(next.toPrecision(12)));
  }
}

function leverRow(ctx: LeversContext, key: LeverKey, held: boolean): TemplateResult {
  const { i18n } = ctx;
  const base = baseValue(ctx.levers, key);
  const value = scenarioLever(ctx.levers, ctx.wi.doc, key);
  const range = sliderRange(key, base, value);
  const id = `slider-${key}`;
  const shown = formatLever(i18n, key, value);
  const typed = ctx.typed.get(key);
  const change = formatLeverChange(i18n, key, base, value);
  const diff = value - base;
  // Lower CAC and costs are better; for everything else, higher is.
  const lowerIsBetter = key === 'cac' || key.includes('cost') || key.startsWith('investment') || key === 'discount_rate';
  const tone = Math.abs(diff) < 1e-12 ? '' : (diff < 0) === lowerIsBetter ? 'up' : 'down';
  return html`<div class="slider" data-slider=${key}>
    <div class="slider-top">
      <label for=${id} id=${`${id}-label`}>${leverLabel(i18n, key)}</label>
      <output for=${id} data-role="scenario-value">${shown}</output>
    </div>
    <div class="slider-row">
      <input
        type="range"
        id=${id}
        name=${key}
        data-testid=${id}
        min=${range.min}
        max=${range.max}
        step=${range.step}
        .value=${live(String(value))}
        aria-valuetext=${shown}
        @input=${(e: Event) => ctx.wi.setLever(key, Number((e.target as HTMLInputElement).value))}
      />
      <span class="typed">
        <!-- Not live(): an answer arriving while one types must not put the old value back. -->
        <input
          type="text"
          inputmode="decimal"
          autocomplete="off"
          data-testid=${`type-${key}`}
          aria-labelledby=${`${id}-label ${id}-unit`}
          aria-invalid=${typed ? 'true' : 'false'}
          .value=${typed?.text ?? numberText(toDisplay(key, value))}
          @change=${(e: Event) => onTypedValue(ctx, key, (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => onTypedKey(ctx, key, e, value)}
        />
        <span class="unit" id=${`${id}-unit`}>${unitText(i18n, key) || i18n.t('wiUnitNone')}</span>
      </span>
    </div>
    <div class="slider-sub">
      <span>${i18n.t('baselineFrom', { value: formatLever(i18n, key, base) })}</span>
      <span class="delta ${tone}" data-role="change">${change}</span>
    </div>
    ${typed ? html`<p class="field-problem" role="alert" data-testid=${`typed-problem-${key}`}>${typed.problem}</p>` : nothing}
    ${held ? html`<p class="field-problem" data-testid=${`held-${key}`}>${i18n.t('wiHeld', { value: shown })}</p>` : nothing}
  </div>`;
}

export function renderLevers(ctx: LeversContext): TemplateResult {
  const held = new Set(resolveScenario(ctx.levers, selectedScenario(ctx.wi.doc)).held);
  const changedMore = MORE_LEVERS.filter((k) => selectedScenario(ctx.wi.doc).changes[k] !== undefined).length;
  return html`${MAIN_LEVERS.map((key) => leverRow(ctx, key, held.has(key)))}
    <div>
      <button type="button" class="btn small" data-testid="reset-scenario" @click=${() => ctx.wi.reset()}>${ctx.i18n.t('resetScenario')}</button>
    </div>
    <details class="more-levers" ?open=${changedMore > 0}>
      <summary data-testid="more-levers">${ctx.i18n.t('wiMoreLevers')}</summary>
      <div class="more-list">${MORE_LEVERS.map((key) => leverRow(ctx, key, held.has(key)))}</div>
    </details>`;
}
