// How sure: levers given a range (low / likely / high, or a normal mean and spread), 10,000 seeded draws
// of the selected scenario, the chance of meeting a target, and its P10 / P50 / P90. The band itself is
// drawn on the projection chart (whatif-view.ts).
import { html, nothing, type TemplateResult } from 'lit';
import type { LeverKey, LeverRange, Levers, OutputKey } from '../engine/whatif-contract';
import { LEVERS } from '../engine/whatif-contract';
import type { I18n } from '../i18n/i18n';
import { numberText } from '../lib/form-model';
import { formatOutput, leverLabel, outputFromTyped, outputLabel, outputToTyped } from '../lib/whatif-format';
import { clampLever, fromDisplay, leverUnit, readTyped, toDisplay } from '../lib/whatif-levers';
import { MONTE_CARLO_DRAWS, MONTE_CARLO_SEED, scenarioLever } from '../lib/whatif-request';
import { COMPARED } from './scenario-compare-view';
import type { WhatIfController } from './whatif-controller';

export interface MonteCarloContext {
  i18n: I18n;
  wi: WhatIfController;
  levers: Levers;
  scenarioLabel: string;
}

/** A first range around the scenario's value: ±5 points for a rate, ±10% for an amount. */
export function defaultRange(levers: Levers, ctx: MonteCarloContext, key: LeverKey): LeverRange {
  const v = scenarioLever(levers, ctx.wi.doc, key);
  const spread = leverUnit(key) === 'rate' ? 0.05 : Math.abs(v) * 0.1 || 1;
  const r = (x: number) => Number.parseFloat(clampLever(key, x).toPrecision(6));
  return { low: r(v - spread), likely: r(v), high: r(v + spread) };
}

type Part = 'low' | 'likely' | 'high' | 'mean' | 'sd';

function field(ctx: MonteCarloContext, key: LeverKey, range: LeverRange, part: Part): TemplateResult {
  const { i18n, wi } = ctx;
  const value = (range as Record<string, number>)[part] ?? 0;
  const id = `mc-${key}-${part}`;
  const unit = leverUnit(key) === 'rate' ? '%' : leverUnit(key) === 'money' ? i18n.currency : '';
  return html`<label class="short" for=${id}
    >${i18n.t(`wiMc_${part}`)}
    <span class="typed"
      ><input
        id=${id}
        type="text"
        inputmode="decimal"
        data-testid=${id}
        .value=${numberText(part === 'sd' && leverUnit(key) === 'rate' ? value * 100 : toDisplay(key, value))}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const typed = readTyped(input.value);
          const next = { ...range, [part]: typed === null ? value : part === 'sd' && leverUnit(key) === 'rate' ? typed / 100 : fromDisplay(key, typed) } as LeverRange;
          const ordered = 'low' in next ? next.low <= next.likely && next.likely <= next.high : next.sd >= 0;
          if (typed === null || !ordered) {
            input.value = numberText(toDisplay(key, value));
            input.setCustomValidity(i18n.t('wiMcOrder'));
            input.reportValidity();
          } else {
            input.setCustomValidity('');
            wi.setRange(key, next);
          }
        }}
      />${unit ? html`<span class="unit">${unit}</span>` : nothing}</span
    ></label
  >`;
}

function rangeRow(ctx: MonteCarloContext, key: LeverKey, range: LeverRange): TemplateResult {
  const { i18n, wi } = ctx;
  const normal = 'mean' in range;
  const toNormal = (r: LeverRange): LeverRange =>
    'mean' in r ? r : { mean: r.likely, sd: Math.max(r.likely - r.low, r.high - r.likely) / 2 };
  const toTriangular = (r: LeverRange): LeverRange =>
    'low' in r ? r : { low: clampLever(key, r.mean - 2 * r.sd), likely: r.mean, high: clampLever(key, r.mean + 2 * r.sd) };
  return html`<fieldset class="mc-range" data-range=${key}>
    <legend>${leverLabel(i18n, key)}</legend>
    <label class="short"
      >${i18n.t('wiMcShape')}
      <select data-testid=${`mc-${key}-shape`} @change=${(e: Event) => wi.setRange(key, (e.target as HTMLSelectElement).value === 'normal' ? toNormal(range) : toTriangular(range))}>
        <option value="triangular" ?selected=${!normal}>${i18n.t('wiMcTriangular')}</option>
        <option value="normal" ?selected=${normal}>${i18n.t('wiMcNormal')}</option>
      </select></label
    >
    ${(normal ? (['mean', 'sd'] as const) : (['low', 'likely', 'high'] as const)).map((p) => field(ctx, key, range, p))}
    <button type="button" class="btn small" data-testid=${`mc-${key}-remove`} @click=${() => wi.setRange(key, null)}>${i18n.t('wiMcRemove')}</button>
  </fieldset>`;
}

function result(ctx: MonteCarloContext): TemplateResult | typeof nothing {
  const { i18n, wi } = ctx;
  const mc = wi.answers.monte_carlo?.monte_carlo;
  const target = mc?.target;
  if (!mc || !target) return nothing;
  const output = target.output;
  const fmt = (v: number) => formatOutput(i18n, output, v);
  const clamped = Object.entries(mc.clamped).filter(([, n]) => (n ?? 0) > 0);
  return html`<p class="mc-chance" data-testid="mc-chance" data-probability=${target.probability}>
      ${i18n.t('wiMcChance', { output: outputLabel(i18n, output), target: fmt(target.at_least ?? 0), share: i18n.percent(target.probability, 1) })}
    </p>
    <p class="hint" data-testid="mc-values" data-p10=${target.values.p10} data-p50=${target.values.p50} data-p90=${target.values.p90}>
      ${i18n.t('wiMcValues', { output: outputLabel(i18n, output), p10: fmt(target.values.p10), p50: fmt(target.values.p50), p90: fmt(target.values.p90) })}
    </p>
    <p class="hint">${i18n.t('wiMcDraws', { n: i18n.number(mc.draws, 0), seed: i18n.number(mc.seed, 0) })}</p>
    ${clamped.map(([k, n]) => html`<p class="hint">${i18n.t('wiMcClamped', { n: i18n.number(n ?? 0, 0), lever: leverLabel(i18n, k as LeverKey) })}</p>`)}`;
}

export function renderMonteCarlo(ctx: MonteCarloContext): TemplateResult {
  const { i18n, wi } = ctx;
  const ranges = wi.doc.ranges;
  const free = LEVERS.filter((k) => !(k in ranges));
  const chance = wi.doc.chance;
  const first: LeverKey = free.includes('retention_rate') ? 'retention_rate' : (free[0] ?? 'retention_rate');
  // The lever is read from its list when the button is pressed: a re-render in between keeps the choice.
  const add = (e: Event) => {
    const select = (e.target as HTMLElement).closest('.question-controls')?.querySelector('select');
    const key = (select?.value ?? first) as LeverKey;
    wi.setRange(key, defaultRange(ctx.levers, ctx, key));
  };
  return html`<div class="panel question" data-testid="monte-carlo">
    <h3>${i18n.t('wiMcTitle')}</h3>
    <p class="hint">${i18n.t('wiMcIntro', { n: i18n.number(MONTE_CARLO_DRAWS, 0), seed: i18n.number(MONTE_CARLO_SEED, 0), name: ctx.scenarioLabel })}</p>
    ${(Object.entries(ranges) as Array<[LeverKey, LeverRange]>).map(([k, r]) => rangeRow(ctx, k, r))}
    ${free.length
      ? html`<div class="question-controls">
          <label
            >${i18n.t('wiMcLever')}
            <select data-testid="mc-add-lever">
              ${free.map((k) => html`<option value=${k} ?selected=${k === first}>${leverLabel(i18n, k)}</option>`)}
            </select></label
          >
          <button type="button" class="btn small" data-testid="mc-add" @click=${add}>
            ${i18n.t('wiMcAdd')}
          </button>
        </div>`
      : nothing}
    <div class="question-controls">
      <label
        >${i18n.t('wiMcTarget')}
        <select data-testid="mc-target-output" @change=${(e: Event) => wi.setChance({ ...chance, output: (e.target as HTMLSelectElement).value as OutputKey })}>
          ${COMPARED.map((o) => html`<option value=${o} ?selected=${o === chance.output}>${outputLabel(i18n, o)}</option>`)}
        </select></label
      >
      <label class="short"
        >${i18n.t('wiMcAtLeast')}
        <input
          type="text"
          inputmode="decimal"
          data-testid="mc-target-value"
          .value=${numberText(outputToTyped(chance.output, chance.atLeast))}
          @change=${(e: Event) => {
            const typed = readTyped((e.target as HTMLInputElement).value);
            if (typed !== null) wi.setChance({ ...chance, atLeast: outputFromTyped(chance.output, typed) });
          }}
      /></label>
    </div>
    ${Object.keys(ranges).length ? html`<div aria-live="polite">${result(ctx)}</div>` : html`<p class="muted">${i18n.t('wiMcNone')}</p>`}
  </div>`;
}
