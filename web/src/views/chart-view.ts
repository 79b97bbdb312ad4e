// Small SVG line charts drawn in pixels of the measured width: baseline against one scenario (the
// printed report), and the what-if panel's baseline with every scenario and a Monte Carlo band.
import { css, html, svg, nothing, type TemplateResult } from 'lit';

export interface LineChartData {
  years: number[];
  baseline: number[];
  scenario: number[];
  width: number;
  height: number;
  format: (value: number) => string;
  yearLabel: (year: number) => string;
  title: string;
  baselineLabel: string;
  scenarioLabel: string;
  /** The chart's test id: the page's chart and the printed report's are told apart. */
  testId?: string;
}

/** Round axis values from min to max, about `count` steps (also the file charts' axes: category-chart.ts). */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const step = (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10) * power;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= max + step * 0.5; v += step) ticks.push(Number.parseFloat(v.toPrecision(12)));
  if ((ticks.at(-1) ?? max) < max) ticks.push((ticks.at(-1) ?? max) + step);
  return ticks;
}

export function renderLineChart(d: LineChartData): TemplateResult {
  const n = d.years.length;
  if (n === 0 || d.width <= 0) return html``;
  const narrow = d.width < 480;
  const margin = { top: 14, right: 24, bottom: 28, left: narrow ? 52 : 70 };
  const w = Math.max(40, d.width - margin.left - margin.right);
  const h = Math.max(40, d.height - margin.top - margin.bottom);
  const all = [...d.baseline, ...d.scenario];
  const lo = Math.min(0, ...all);
  const hi = Math.max(0, ...all);
  const ticks = niceTicks(lo, hi, narrow ? 4 : 5);
  const y0 = ticks[0] ?? lo;
  const y1 = ticks.at(-1) ?? hi;
  const x = (i: number) => margin.left + (n === 1 ? w / 2 : (i * w) / (n - 1));
  const y = (v: number) => margin.top + h - ((v - y0) / (y1 - y0 || 1)) * h;
  const path = (values: number[]) => values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const area =
    `${path(d.scenario)}` +
    d.baseline
      .map((v, i) => [i, v] as const)
      .reverse()
      .map(([i, v]) => `L${x(i).toFixed(1)},${y(v).toFixed(1)}`)
      .join('') +
    'Z';
  return html`<svg
    width=${d.width}
    height=${d.height}
    viewBox="0 0 ${d.width} ${d.height}"
    role="img"
    aria-label=${d.title}
    data-testid=${d.testId ?? 'projection-chart'}
  >
    <title>${d.title}</title>
    ${ticks.map(
      (t) => svg`<line class=${t === 0 ? 'zero' : 'grid'} x1=${margin.left} x2=${margin.left + w} y1=${y(t)} y2=${y(t)}></line>
        <text x=${margin.left - 8} y=${y(t) + 4} text-anchor="end">${d.format(t)}</text>`,
    )}
    ${d.years.map(
      (year, i) => svg`<text x=${x(i)} y=${margin.top + h + 18} text-anchor="middle">${d.yearLabel(year)}</text>`,
    )}
    <path class="area" d=${area}></path>
    <path class="base" d=${path(d.baseline)}></path>
    <path class="scn" d=${path(d.scenario)}></path>
    ${d.baseline.map(
      (v, i) => svg`<circle class="base" cx=${x(i)} cy=${y(v)} r="3"><title>${d.baselineLabel}: ${d.format(v)}</title></circle>`,
    )}
    ${d.scenario.map(
      (v, i) => svg`<circle class="scn" cx=${x(i)} cy=${y(v)} r="4"><title>${d.scenarioLabel}: ${d.format(v)}</title></circle>`,
    )}
    ${n > 0 && !narrow
      ? svg`<text class="end-label" x=${x(n - 1) - 6} y=${y(d.scenario[n - 1] ?? 0) - 10} text-anchor="end">${d.format(d.scenario[n - 1] ?? 0)}</text>`
      : nothing}
  </svg>`;
}

export interface ScenarioLine {
  label: string;
  values: number[];
  /** 0 for the baseline (dashed), 1.. for the scenarios' colours; the selected one is drawn bold. */
  tone: number;
  selected?: boolean;
}

export interface ScenariosChartData {
  years: number[];
  lines: ScenarioLine[];
  /** The P10–P90 band and P50 of a Monte Carlo run, drawn under the lines. */
  band?: { p10: number[]; p50: number[]; p90: number[]; label: string };
  width: number;
  height: number;
  format: (value: number) => string;
  yearLabel: (year: number) => string;
  title: string;
}

/** The baseline and every scenario on one chart; a Monte Carlo band under them when there is one. */
export function renderScenariosChart(d: ScenariosChartData): TemplateResult {
  const n = d.years.length;
  if (n === 0 || d.width <= 0) return html``;
  const narrow = d.width < 480;
  const margin = { top: 14, right: 16, bottom: 28, left: narrow ? 52 : 70 };
  const w = Math.max(40, d.width - margin.left - margin.right);
  const h = Math.max(40, d.height - margin.top - margin.bottom);
  const all = [...d.lines.flatMap((l) => l.values), ...(d.band ? [...d.band.p10, ...d.band.p90] : [])].filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all), narrow ? 4 : 5);
  const y0 = ticks[0] ?? 0;
  const y1 = ticks.at(-1) ?? 1;
  const x = (i: number) => margin.left + (n === 1 ? w / 2 : (i * w) / (n - 1));
  const y = (v: number) => margin.top + h - ((v - y0) / (y1 - y0 || 1)) * h;
  const path = (values: number[]) => values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const band = d.band;
  const bandArea = band
    ? `${path(band.p90)}${band.p10.map((v, i) => [i, v] as const).reverse().map(([i, v]) => `L${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('')}Z`
    : '';
  // The selected scenario is drawn last, over the others.
  const lines = [...d.lines].sort((a, b) => Number(a.selected ?? false) - Number(b.selected ?? false));
  return html`<svg width=${d.width} height=${d.height} viewBox="0 0 ${d.width} ${d.height}" role="img" aria-label=${d.title} data-testid="projection-chart">
    <title>${d.title}</title>
    ${ticks.map(
      (t) => svg`<line class=${t === 0 ? 'zero' : 'grid'} x1=${margin.left} x2=${margin.left + w} y1=${y(t)} y2=${y(t)}></line>
        <text x=${margin.left - 8} y=${y(t) + 4} text-anchor="end">${d.format(t)}</text>`,
    )}
    ${d.years.map((year, i) => svg`<text x=${x(i)} y=${margin.top + h + 18} text-anchor="middle">${d.yearLabel(year)}</text>`)}
    ${band
      ? svg`<path class="band" data-testid="mc-band" d=${bandArea}><title>${band.label}</title></path>
          <path class="band-mid" d=${path(band.p50)}></path>`
      : nothing}
    ${lines.map(
      (l) => svg`<g class="line t${l.tone % 6}${l.tone === 0 ? ' base-line' : ''}${l.selected ? ' selected' : ''}" data-line=${l.label}>
        <path d=${path(l.values)}></path>
        ${l.values.map((v, i) => svg`<circle cx=${x(i)} cy=${y(v)} r=${l.selected ? 4 : 3}><title>${l.label}, ${d.yearLabel(d.years[i] ?? i + 1)}: ${d.format(v)}</title></circle>`)}
      </g>`,
    )}
  </svg>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const chartStyles = css`
  .chart {
    width: 100%;
    min-height: 220px;
  }

  .chart.tall {
    min-height: 280px;
  }

  /* Kept on screen above the sliders on a phone (whatif-view.ts). */
  .chart.short {
    min-height: 150px;
  }

  .chart svg {
    display: block;
    overflow: visible;
  }

  .chart text {
    font-family: var(--_font);
    font-size: 11px;
    fill: var(--_muted);
  }

  .chart .grid {
    stroke: var(--_border);
  }

  .chart .base {
    stroke: var(--_none);
    stroke-width: 2;
    stroke-dasharray: 5 4;
    fill: none;
  }

  .chart .scn {
    stroke: var(--_accent);
    stroke-width: 3;
    fill: none;
  }

  .chart .area {
    fill: var(--_accent);
    opacity: 0.08;
  }

  .chart circle.scn {
    fill: var(--_surface);
    stroke-width: 2.5;
  }

  .chart circle.base {
    fill: var(--_surface);
    stroke-dasharray: none;
  }

  .chart .end-label {
    font-weight: 600;
    fill: var(--_accent);
  }

  .chart .zero {
    stroke: var(--_muted);
    stroke-width: 1;
  }

  .chart .line path {
    fill: none;
    stroke-width: 2.5;
  }

  .chart .line.selected path {
    stroke-width: 3.5;
  }

  .chart .line circle {
    fill: var(--_surface);
    stroke-width: 2;
  }

  .chart .line.base-line path {
    stroke-dasharray: 5 4;
    stroke-width: 2;
  }

  .chart .t0 path, .chart .t0 circle { stroke: var(--_none); }
  .chart .t1 path, .chart .t1 circle { stroke: var(--_accent); }
  .chart .t2 path, .chart .t2 circle { stroke: #c2410c; }
  .chart .t3 path, .chart .t3 circle { stroke: #6d28d9; }
  .chart .t4 path, .chart .t4 circle { stroke: #0369a1; }
  .chart .t5 path, .chart .t5 circle { stroke: #a16207; }

  .chart .band {
    fill: var(--_accent);
    opacity: 0.16;
  }

  .chart .band-mid {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1;
    stroke-dasharray: 2 3;
  }
`;
