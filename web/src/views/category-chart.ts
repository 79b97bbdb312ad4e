// A small SVG chart over categories (periods, segments, bands): bars on the left axis and/or a line
// (with an optional shaded range) on the right one, drawn in pixels of the width it is given, inside
// a <figure> with a title and a text summary for screen readers.
import { css, html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { AsyncDirective, directive, type PartInfo, PartType, type ChildPart } from 'lit/async-directive.js';
import { niceTicks } from './chart-view';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** A value as read (tooltips, summary). */
  format: (value: number) => string;
  /** An axis tick, shorter where it helps (1.2M). */
  tick: (value: number) => string;
}

export interface LineSeries extends ChartSeries {
  /** A shaded range around the line (a confidence interval). */
  low?: (number | null)[];
  high?: (number | null)[];
}

export interface CategoryChartData {
  id: string;
  title: string;
  xLabel: string;
  categories: string[];
  bars?: ChartSeries;
  line?: LineSeries;
  /** What the chart shows, in words (its text alternative). */
  summary: string;
  note?: string;
}

/** Re-draws its content at the width of the element it sits in (a ResizeObserver), and nothing before. */
class Measured extends AsyncDirective {
  private observer: ResizeObserver | null = null;
  private width = 0;
  private draw: ((width: number) => TemplateResult | SVGTemplateResult) | null = null;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('measured() goes in a child position');
  }

  render(draw: (width: number) => TemplateResult | SVGTemplateResult): unknown {
    this.draw = draw;
    return this.width > 0 ? draw(this.width) : nothing;
  }

  override update(part: ChildPart, [draw]: [(width: number) => TemplateResult | SVGTemplateResult]): unknown {
    const host = part.parentNode as Element | null;
    if (!this.observer && host && typeof ResizeObserver !== 'undefined') {
      this.observer = new ResizeObserver((entries) => {
        const width = Math.floor(entries[0]?.contentRect.width ?? 0);
        if (width === this.width || width <= 0) return;
        this.width = width;
        if (this.isConnected && this.draw) this.setValue(this.draw(width));
      });
      this.observer.observe(host);
    }
    return this.render(draw);
  }

  protected override disconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  protected override reconnected(): void {
    this.width = 0; // the next render observes again and draws at the width then
  }
}

export const measured = directive(Measured);

/** About how wide a label is drawn at 11px (a CJK character about twice a Latin one). */
function labelWidth(text: string): number {
  return [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 12 : 6.6), 0);
}

/** Shows every k-th category label so that they do not overlap. */
function labelStep(lines: string[][], plotWidth: number): number {
  const widest = Math.max(...lines.map((l) => Math.max(...l.map(labelWidth))));
  const fits = Math.max(1, Math.floor(plotWidth / (widest + 10)));
  return Math.max(1, Math.ceil(lines.length / fits));
}

/**
 * Each category's label as lines: one line, or (a few categories whose labels do not fit side by
 * side) two, split at the last space, so every band keeps its name.
 */
function labelLines(categories: string[], plotWidth: number): string[][] {
  const single = categories.map((c) => [c]);
  if (categories.length > 8 || labelStep(single, plotWidth) === 1) return single;
  return categories.map((c) => {
    const at = c.lastIndexOf(' ');
    return at > 0 ? [c.slice(0, at), c.slice(at + 1)] : [c];
  });
}

interface Scale {
  ticks: number[];
  y: (value: number) => number;
}

function scaleOf(values: (number | null)[], top: number, height: number, ticksWanted: number): Scale {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const ticks = niceTicks(Math.min(0, ...finite), Math.max(0, ...finite), ticksWanted);
  const lo = ticks[0] ?? 0;
  const hi = ticks.at(-1) ?? 1;
  return { ticks, y: (v) => top + height - ((v - lo) / (hi - lo || 1)) * height };
}

/** Path through the values, broken where one is missing. */
function linePath(values: (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let path = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return path;
}

/** The shaded range, one polygon per run of categories that have both ends. */
function rangePaths(low: (number | null)[], high: (number | null)[], x: (i: number) => number, y: (v: number) => number): string[] {
  const paths: string[] = [];
  let run: number[] = [];
  const close = () => {
    if (run.length > 0) {
      const up = run.map((i, k) => `${k === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(high[i] as number).toFixed(1)}`).join('');
      const down = [...run].reverse().map((i) => `L${x(i).toFixed(1)},${y(low[i] as number).toFixed(1)}`).join('');
      paths.push(`${up}${down}Z`);
    }
    run = [];
  };
  low.forEach((l, i) => {
    const h = high[i];
    if (l === null || h === null || h === undefined || !Number.isFinite(l) || !Number.isFinite(h)) close();
    else run.push(i);
  });
  close();
  return paths;
}

function drawChart(d: CategoryChartData, width: number): SVGTemplateResult {
  const narrow = width < 480;
  const n = d.categories.length;
  const both = Boolean(d.bars && d.line);
  const margin = { top: 26, right: both ? (narrow ? 40 : 52) : 14, bottom: 50, left: narrow ? 46 : 62 };
  const w = Math.max(40, width - margin.left - margin.right);
  const lines = labelLines(d.categories, w);
  if (lines.some((l) => l.length > 1)) margin.bottom += 13; // room for the labels' second line
  const height = (narrow ? 230 : 270) + (margin.bottom - 50);
  const h = height - margin.top - margin.bottom;
  const band = w / Math.max(1, n);
  const x = (i: number) => margin.left + band * (i + 0.5);
  const left = d.bars ?? d.line;
  const leftScale = scaleOf([...(left?.values ?? []), ...(d.bars ? [] : [...(d.line?.low ?? []), ...(d.line?.high ?? [])])], margin.top, h, narrow ? 4 : 5);
  const lineScale = d.line && d.bars ? scaleOf(d.line.values, margin.top, h, narrow ? 4 : 5) : leftScale;
  const step = labelStep(lines, w);
  const barWidth = Math.max(1, Math.min(band * 0.72, 64));
  const zero = leftScale.y(0);
  return svg`<svg width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="img" aria-labelledby=${`${d.id}-summary`} class="category-chart">
    ${leftScale.ticks.map(
      (t) => svg`<line class="grid" x1=${margin.left} x2=${margin.left + w} y1=${leftScale.y(t)} y2=${leftScale.y(t)}></line>
        <text class="tick" x=${margin.left - 6} y=${leftScale.y(t) + 4} text-anchor="end">${(left as ChartSeries).tick(t)}</text>`,
    )}
    ${both ? lineScale.ticks.map((t) => svg`<text class="tick line-tick" x=${margin.left + w + 6} y=${lineScale.y(t) + 4} text-anchor="start">${(d.line as LineSeries).tick(t)}</text>`) : nothing}
    ${d.line?.low && d.line.high ? rangePaths(d.line.low, d.line.high, x, lineScale.y).map((p) => svg`<path class="range" d=${p}></path>`) : nothing}
    ${d.bars
      ? d.bars.values.map((v, i) => {
          if (v === null || !Number.isFinite(v)) return nothing;
          const y = leftScale.y(v);
          return svg`<rect class="bar" x=${x(i) - barWidth / 2} y=${Math.min(y, zero)} width=${barWidth} height=${Math.max(1, Math.abs(zero - y))}><title>${d.categories[i]}: ${(d.bars as ChartSeries).format(v)}</title></rect>`;
        })
      : nothing}
    <line class="axis" x1=${margin.left} x2=${margin.left + w} y1=${zero} y2=${zero}></line>
    ${d.line ? svg`<path class="series-line" d=${linePath(d.line.values, x, lineScale.y)}></path>` : nothing}
    ${d.line
      ? d.line.values.map((v, i) =>
          v === null || !Number.isFinite(v) ? nothing : svg`<circle class="dot" cx=${x(i)} cy=${lineScale.y(v)} r="3"><title>${d.categories[i]}: ${(d.line as LineSeries).format(v)}</title></circle>`,
        )
      : nothing}
    ${lines.map((l, i) =>
      i % step === 0
        ? svg`<text class="tick" x=${x(i)} y=${margin.top + h + 16} text-anchor="middle">${l.map((part, k) => svg`<tspan x=${x(i)} dy=${k === 0 ? 0 : 13}>${part}</tspan>`)}</text>`
        : nothing,
    )}
    <text class="axis-title" x=${margin.left + w / 2} y=${height - 8} text-anchor="middle">${d.xLabel}</text>
    ${left ? svg`<text class="axis-title ${d.bars ? 'bars' : 'line'}" x=${margin.left - (narrow ? 40 : 56)} y="14" text-anchor="start">${left.label}</text>` : nothing}
    ${both ? svg`<text class="axis-title line" x=${width - 4} y="14" text-anchor="end">${(d.line as LineSeries).label}</text>` : nothing}
  </svg>`;
}

/** One chart in its figure: title, the drawing at the figure's width, the summary (for screen readers) and a note. */
export function renderCategoryChart(d: CategoryChartData): TemplateResult {
  return html`<figure class="file-chart" data-chart=${d.id}>
    <figcaption><h4>${d.title}</h4></figcaption>
    <div class="chart-box">${measured((width) => drawChart(d, width))}</div>
    <p class="sr-only" id=${`${d.id}-summary`} data-role="chart-summary">${d.summary}</p>
    ${d.note ? html`<p class="muted small chart-note">${d.note}</p>` : nothing}
  </figure>`;
}

// How the charts look; kindChartsStyles (kind-charts-view.ts) carries these into the calculator.
export const categoryChartStyles = css`
  .file-chart {
    margin: 0;
    min-width: 0;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 12px 14px;
  }

  .file-chart h4 {
    margin: 0 0 6px;
  }

  .file-chart .chart-box {
    min-height: 230px;
  }

  .category-chart {
    display: block;
    overflow: visible;
  }

  .category-chart .grid {
    stroke: var(--_border);
  }

  .category-chart .axis {
    stroke: var(--_muted);
  }

  .category-chart .tick {
    fill: var(--_muted);
    font-size: 11px;
  }

  .category-chart .axis-title {
    fill: var(--_text);
    font-size: 12px;
    font-weight: 600;
  }

  .category-chart .axis-title.bars {
    fill: var(--_accent);
  }

  .category-chart .axis-title.line,
  .category-chart .line-tick {
    fill: var(--_watch);
  }

  .category-chart .bar {
    fill: var(--_accent);
    opacity: 0.85;
  }

  .category-chart .series-line {
    fill: none;
    stroke: var(--_watch);
    stroke-width: 2;
  }

  .category-chart .dot {
    fill: var(--_watch);
  }

  .category-chart .range {
    fill: color-mix(in srgb, var(--_watch) 16%, transparent);
  }

  .file-chart .chart-note {
    margin: 4px 0 0;
  }
`;
