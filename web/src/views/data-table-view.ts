// One table of an imported file's answer: localized column titles, numbers through Intl, texts and
// dates as the file gave them; a short table plain, a longer one scrolling through all its rows
// (virtual-table.ts); rows from a small sample are marked, with a legend under the table.
import { css, html, nothing, type TemplateResult } from 'lit';
import { columnLabel, tableLabel } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';
import { formatCell } from '../lib/data-format';
import { SMALL_SAMPLE, type TableContext, virtualTable, virtualTableStyles } from './virtual-table';

/** Tables up to this many rows are shown whole and plain; longer ones scroll, sort, filter and download. */
const PLAIN_ROWS = 12;
/** The core's kSmallSampleMinimum (core/src/kpi/metrics.hpp): a "small_sample" row rests on fewer. */
const SMALL_SAMPLE_MINIMUM = 30;

export type DataTableContext = TableContext;

export function renderDataTable(ctx: DataTableContext): TemplateResult {
  const { i18n, table } = ctx;
  const total = Math.max(table.total_rows ?? table.rows.length, table.rows.length);
  const legend = smallSampleLegend(ctx);
  if (total > PLAIN_ROWS) {
    return html`${virtualTable({ ...ctx, smallSampleCell: (cell) => smallSampleCell(i18n, cell), footer: legend })}`;
  }
  const rows = table.rows;
  // Numbers align right; a column of texts (names, periods, dates) reads from the left.
  const numeric = table.columns.map((_, i) => table.rows.some((r) => typeof r[i] === 'number'));
  const flagged = table.columns.indexOf(SMALL_SAMPLE);
  // Wide tables take a whole row of the grid; narrow ones sit side by side.
  return html`<figure class="file-table ${table.columns.length > 5 ? 'wide' : ''}" data-table=${ctx.id}>
    <figcaption>
      <h4>${tableLabel(i18n, ctx.id)}</h4>
      ${total > rows.length ? html`<span class="muted">${i18n.t('rowsShown', { shown: i18n.number(rows.length, 0), total: i18n.number(total, 0) })}</span>` : nothing}
    </figcaption>
    <div class="scroll-x" tabindex="0" role="region" aria-label=${tableLabel(i18n, ctx.id)}>
      <table class="data-table">
        <thead>
          <tr>
            ${table.columns.map((c, i) => html`<th scope="col" data-column=${c} class=${numeric[i] ? '' : 'txt'}>${columnLabel(i18n, ctx.kind, c)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr data-small-sample=${flagged >= 0 && row[flagged] === true ? 'true' : nothing}>
              ${table.columns.map((c, i) => html`<td data-column=${c} class=${numeric[i] ? '' : 'txt'}>${i === flagged ? smallSampleCell(i18n, row[i]) : formatCell(i18n, c, table.units?.[i], row[i] ?? null)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${legend}
  </figure>`;
}

/** Under a table with small-sample rows: what the mark means. */
function smallSampleLegend(ctx: DataTableContext): TemplateResult | typeof nothing {
  const { i18n, table } = ctx;
  const flagged = table.columns.indexOf(SMALL_SAMPLE);
  return flagged >= 0 && table.rows.some((r) => r[flagged] === true)
    ? html`<p class="small-sample-legend" data-role="small-sample-legend">${i18n.t('smallSampleLegend', { minimum: i18n.number(SMALL_SAMPLE_MINIMUM, 0) })}</p>`
    : nothing;
}

/** A row's small-sample flag: a warning mark when set, nothing otherwise. */
function smallSampleCell(i18n: I18n, cell: unknown): TemplateResult | string {
  return cell === true ? html`<span class="small-sample-mark">⚠ ${i18n.t('smallSampleMark')}</span>` : '';
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const dataTableStyles = css`
  ${virtualTableStyles}

  .file-table.wide {
    grid-column: 1 / -1;
  }

  /* A shadow at an edge where the table goes on: it scrolls sideways on narrow screens. */

  .file-table .scroll-x {
    background:
      linear-gradient(to right, var(--_surface) 30%, transparent) left / 24px 100% no-repeat local,
      linear-gradient(to left, var(--_surface) 30%, transparent) right / 24px 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 16%), transparent) left / 10px 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 16%), transparent) right / 10px 100% no-repeat scroll;
  }

  /* Dates, ids and Chinese titles read badly broken; a wide table scrolls instead. */

  .file-table .data-table th,

  .file-table .data-table td:first-child {
    white-space: nowrap;
  }

  .file-table {
    margin: 0;
    min-width: 0;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 12px 14px;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }

  .file-table figcaption {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
    flex-wrap: wrap;
  }

  .file-table figcaption h4 {
    margin: 0;
  }

  .file-table .small-sample-mark,

  .file-table .small-sample-legend {
    color: var(--_watch);
  }

  .file-table .small-sample-legend {
    margin: 0;
    font-size: 0.85em;
  }

  .file-table .btn {
    align-self: flex-start;
  }
`;
