// Which lever matters most: a tornado chart of one output, each lever moved down and up by the same
// step (or over its plausible range) from the selected scenario, longest bar first; a table beside it
// for screen readers and for the exact figures.
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { OutputKey, TornadoBar } from '../engine/whatif-contract';
import type { I18n } from '../i18n/i18n';
import { formatLever, formatOutput, leverLabel, outputLabel } from '../lib/whatif-format';
import { readTyped } from '../lib/whatif-levers';
import type { WhatIfController } from './whatif-controller';

export const TORNADO_OUTPUTS: readonly OutputKey[] = ['cumulative_profit', 'cltv', 'ltv_cac', 'roi', 'npv'];

export interface TornadoContext {
  i18n: I18n;
  wi: WhatIfController;
  width: number;
  scenarioLabel: string;
}

function controls(ctx: TornadoContext): TemplateResult {
  const { i18n, wi } = ctx;
  const q = wi.doc.tornado;
  const byRange = q.step === 'range';
  const pct = byRange ? 10 : Math.round((q.step as number) * 1000) / 10;
  return html`<div class="question-controls">
    <label
      >${i18n.t('wiOutput')}
      <select data-testid="tornado-output" @change=${(e: Event) => wi.setTornado({ ...q, output: (e.target as HTMLSelectElement).value as OutputKey })}>
        ${TORNADO_OUTPUTS.map((o) => html`<option value=${o} ?selected=${o === q.output}>${outputLabel(i18n, o)}</option>`)}
      </select></label
    >
    <label
      >${i18n.t('wiTornadoMove')}
      <select
        data-testid="tornado-mode"
        @change=${(e: Event) => wi.setTornado({ ...q, step: (e.target as HTMLSelectElement).value === 'range' ? 'range' : pct / 100 })}
      >
        <option value="step" ?selected=${!byRange}>${i18n.t('wiTornadoByStep')}</option>
        <option value="range" ?selected=${byRange}>${i18n.t('wiTornadoByRange')}</option>
      </select></label
    >
    ${byRange
      ? nothing
      : html`<label class="short"
          >${i18n.t('wiTornadoStep')}
          <span class="typed"
            ><input
              type="text"
              inputmode="decimal"
              data-testid="tornado-step"
              .value=${String(pct)}
              @change=${(e: Event) => {
                const v = readTyped((e.target as HTMLInputElement).value);
                if (v !== null && v > 0 && v <= 100) wi.setTornado({ ...q, step: v / 100 });
                else (e.target as HTMLInputElement).value = String(pct);
              }}
            /><span class="unit">%</span></span
          ></label
        >`}
  </div>`;
}

function chart(ctx: TornadoContext, output: OutputKey, base: number, bars: TornadoBar[]): TemplateResult {
  const { i18n } = ctx;
  const width = Math.max(280, ctx.width);
  const narrow = width < 480;
  const fmt = (v: number) => formatOutput(i18n, output, v, true);
  const row = 40;
  const top = 8;
  const pad = narrow ? 8 : 12;
  const height = top + bars.length * row + 20;
  const values = bars.flatMap((b) => [b.output_low ?? base, b.output_high ?? base]);
  const lo = Math.min(base, ...values);
  const hi = Math.max(base, ...values);
  const span = hi - lo || 1;
  const x = (v: number) => pad + ((v - lo) / span) * (width - 2 * pad);
  const title = i18n.t('wiTornadoChartTitle', { output: outputLabel(i18n, output), base: fmt(base) });
  return html`<svg class="tornado" width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="img" aria-label=${title} data-testid="tornado-chart">
    <title>${title}</title>
    ${bars.map((b, i) => {
      const y = top + i * row;
      const low = b.output_low ?? base;
      const high = b.output_high ?? base;
      const label = leverLabel(i18n, b.lever);
      return svg`<g class="bar" data-lever=${b.lever}>
        <text class="lever" x=${pad} y=${y + 11}>${label}</text>
        <rect class="lowbar" x=${Math.min(x(low), x(base))} y=${y + 16} width=${Math.max(1, Math.abs(x(low) - x(base)))} height="14"><title>${label} ${formatLever(i18n, b.lever, b.low)}: ${fmt(low)}</title></rect>
        <rect class="highbar" x=${Math.min(x(high), x(base))} y=${y + 16} width=${Math.max(1, Math.abs(x(high) - x(base)))} height="14"><title>${label} ${formatLever(i18n, b.lever, b.high)}: ${fmt(high)}</title></rect>
        <text class="end" x=${width - pad} y=${y + 11} text-anchor="end">${fmt(Math.min(low, high))} – ${fmt(Math.max(low, high))}</text>
      </g>`;
    })}
    <line class="base" x1=${x(base)} x2=${x(base)} y1=${top + 12} y2=${height - 16}></line>
    <text class="base-label" x=${Math.min(Math.max(x(base), 60), width - 60)} y=${height - 4} text-anchor="middle">${fmt(base)}</text>
  </svg>`;
}

function table(ctx: TornadoContext, output: OutputKey, bars: TornadoBar[]): TemplateResult {
  const { i18n } = ctx;
  const fmt = (v: number | null) => (v === null ? '—' : formatOutput(i18n, output, v));
  return html`<details class="tornado-table">
    <summary>${i18n.t('wiAsTable')}</summary>
    <div class="scroll-x" tabindex="0" role="region" aria-label=${i18n.t('wiTornadoTitle')}>
      <table class="data-table" data-testid="tornado-table">
        <thead>
          <tr>
            <th scope="col">${i18n.t('wiLever')}</th>
            <th scope="col" class="num">${i18n.t('wiLowerValue')}</th>
            <th scope="col" class="num">${outputLabel(i18n, output)}</th>
            <th scope="col" class="num">${i18n.t('wiHigherValue')}</th>
            <th scope="col" class="num">${outputLabel(i18n, output)}</th>
          </tr>
        </thead>
        <tbody>
          ${bars.map(
            (b) => html`<tr data-lever=${b.lever}>
              <th scope="row">${leverLabel(i18n, b.lever)}</th>
              <td class="num">${formatLever(i18n, b.lever, b.low)}</td>
              <td class="num">${fmt(b.output_low)}</td>
              <td class="num">${formatLever(i18n, b.lever, b.high)}</td>
              <td class="num">${fmt(b.output_high)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}

export function renderTornado(ctx: TornadoContext): TemplateResult {
  const { i18n, wi } = ctx;
  const answer = wi.answers.tornado;
  const t = answer?.tornado;
  const moving = t?.bars.filter((b) => (b.swing ?? 0) > 0) ?? [];
  const still = t?.bars.filter((b) => !((b.swing ?? 0) > 0)) ?? [];
  return html`<div class="panel question" data-testid="tornado">
    <h3>${i18n.t('wiTornadoTitle')}</h3>
    <p class="hint">${i18n.t('wiTornadoIntro', { name: ctx.scenarioLabel })}</p>
    ${controls(ctx)}
    ${t && t.base !== null
      ? html`<div class="tornado-chart" tabindex="0" role="region" aria-label=${i18n.t('wiTornadoTitle')}>${chart(ctx, t.output, t.base, moving)}</div>
          ${still.length ? html`<p class="hint">${i18n.t('wiTornadoNoEffect', { list: i18n.list(still.map((b) => leverLabel(i18n, b.lever))) })}</p>` : nothing}
          ${table(ctx, t.output, t.bars)}`
      : t
        ? html`<p class="muted">${i18n.t('wiNoValue')}</p>`
        : nothing}
  </div>`;
}
