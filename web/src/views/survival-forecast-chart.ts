// The sBG chart of a survival table: each cohort's observed survival as dots, the fitted curve as a
// line through them, dashed where it projects beyond the data, over a shaded "projection" band.
import { css, html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { I18n } from '../i18n/i18n';
import { measured } from './category-chart';
import { niceTicks } from './chart-view';

export interface SurvivalCurve {
  cohort: string;
  /** Share still active after t periods, t = 0, 1, …; null where unknown. */
  observed: (number | null)[];
  fitted: (number | null)[];
  /** The last observed period: beyond it the fitted curve is a projection. */
  lastObserved: number;
}

export interface SurvivalChartData {
  title: string;
  xLabel: string;
  projectionLabel: string;
  observedLabel: string;
  fittedLabel: string;
  curves: SurvivalCurve[];
  summary: string;
}

const COLOURS = 4; // .c0 … .c3 in the styles

function path(values: (number | null)[], from: number, to: number, x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (let t = from; t <= to && t < values.length; t++) {
    const v = values[t];
    if (v === null || v === undefined) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  }
  return d;
}

function draw(i18n: I18n, d: SurvivalChartData, width: number): SVGTemplateResult {
  const narrow = width < 480;
  const m = { top: 22, right: 12, bottom: 44, left: narrow ? 40 : 50 };
  const height = narrow ? 250 : 300;
  const w = Math.max(40, width - m.left - m.right);
  const h = height - m.top - m.bottom;
  const periods = Math.max(1, ...d.curves.map((c) => Math.max(c.observed.length, c.fitted.length) - 1));
  const observedEnd = Math.min(...d.curves.map((c) => c.lastObserved));
  const x = (t: number) => m.left + (t / periods) * w;
  const y = (v: number) => m.top + h - v * h;
  const yTicks = [0, 0.25, 0.5, 0.75, 1];
  const xTicks = niceTicks(0, periods, narrow ? 5 : 8).filter((t) => Number.isInteger(t) && t <= periods);
  return svg`<svg width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="sbg-chart-summary" class="sbg-chart">
    <rect class="projection" x=${x(observedEnd)} y=${m.top} width=${x(periods) - x(observedEnd)} height=${h}></rect>
    <text class="projection-label" x=${x(observedEnd) + 6} y=${m.top + 14}>${d.projectionLabel}</text>
    ${yTicks.map(
      (t) => svg`<line class="grid" x1=${m.left} x2=${m.left + w} y1=${y(t)} y2=${y(t)}></line>
        <text class="tick" x=${m.left - 6} y=${y(t) + 4} text-anchor="end">${i18n.percent(t, 0)}</text>`,
    )}
    ${xTicks.map((t) => svg`<text class="tick" x=${x(t)} y=${m.top + h + 16} text-anchor="middle">${i18n.number(t, 0)}</text>`)}
    <line class="axis" x1=${m.left} x2=${m.left + w} y1=${y(0)} y2=${y(0)}></line>
    ${d.curves.map((c, k) => {
      const colour = `c${k % COLOURS}`;
      return svg`<g class=${colour} data-cohort=${c.cohort}>
        <path class="fitted" d=${path(c.fitted, 0, c.lastObserved, x, y)}></path>
        <path class="fitted projected" d=${path(c.fitted, c.lastObserved, periods, x, y)}></path>
        ${c.observed.map((v, t) =>
          v === null ? nothing : svg`<circle class="observed" cx=${x(t)} cy=${y(v)} r="3.5"><title>${c.cohort} ${i18n.number(t, 0)}: ${i18n.percent(v)}</title></circle>`,
        )}
      </g>`;
    })}
    <text class="axis-title" x=${m.left + w / 2} y=${height - 6} text-anchor="middle">${d.xLabel}</text>
  </svg>`;
}

function legend(d: SurvivalChartData): TemplateResult {
  return html`<ul class="sbg-legend">
    ${d.curves.map(
      (c, k) => html`<li class="c${k % COLOURS}"><span class="swatch"></span>${c.cohort}</li>`,
    )}
    <li class="key"><span class="dot-key"></span>${d.observedLabel}</li>
    <li class="key"><span class="line-key"></span>${d.fittedLabel}</li>
    <li class="key"><span class="dash-key"></span>${d.projectionLabel}</li>
  </ul>`;
}

export function renderSurvivalChart(i18n: I18n, d: SurvivalChartData): TemplateResult {
  return html`<figure class="file-chart sbg-figure" data-chart="sbg-survival" data-testid="sbg-chart">
    <figcaption><h4>${d.title}</h4></figcaption>
    ${legend(d)}
    <div class="chart-box">${measured((width) => draw(i18n, d, width))}</div>
    <p class="sr-only" id="sbg-chart-summary" data-role="chart-summary">${d.summary}</p>
  </figure>`;
}

export const survivalChartStyles = css`
  .sbg-chart {
    display: block;
    overflow: visible;
  }

  .sbg-chart .grid {
    stroke: var(--_border);
  }

  .sbg-chart .axis {
    stroke: var(--_muted);
  }

  .sbg-chart .tick {
    fill: var(--_muted);
    font-size: 11px;
  }

  .sbg-chart .axis-title {
    fill: var(--_text);
    font-size: 12px;
    font-weight: 600;
  }

  .sbg-chart .projection {
    fill: color-mix(in srgb, var(--_muted) 12%, transparent);
  }

  .sbg-chart .projection-label {
    fill: var(--_muted);
    font-size: 11px;
    font-style: italic;
  }

  .sbg-chart .fitted {
    fill: none;
    stroke-width: 2;
  }

  .sbg-chart .fitted.projected {
    stroke-dasharray: 6 4;
  }

  .c0 {
    --_series: var(--_accent);
  }

  .c1 {
    --_series: var(--_watch);
  }

  .c2 {
    --_series: var(--_good);
  }

  .c3 {
    --_series: var(--_bad);
  }

  .sbg-chart g .fitted {
    stroke: var(--_series);
  }

  .sbg-chart g .observed {
    fill: var(--_surface);
    stroke: var(--_series);
    stroke-width: 2;
  }

  .sbg-legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    list-style: none;
    margin: 0 0 6px;
    padding: 0;
    font-size: 13px;
  }

  .sbg-legend li {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }

  .sbg-legend .swatch {
    width: 14px;
    height: 4px;
    border-radius: 2px;
    background: var(--_series);
  }

  .sbg-legend .dot-key {
    width: 8px;
    height: 8px;
    border: 2px solid var(--_muted);
    border-radius: 50%;
  }

  .sbg-legend .line-key,
  .sbg-legend .dash-key {
    width: 18px;
    border-top: 2px solid var(--_muted);
  }

  .sbg-legend .dash-key {
    border-top-style: dashed;
  }
`;
