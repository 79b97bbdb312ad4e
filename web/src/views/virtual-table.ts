// A long answer table that scrolls through all its rows: fixed row height, only the rows in sight
// (and a few around them) in the DOM, a sticky header whose buttons sort, a filter, a row count and
// a CSV download of the whole sorted, filtered table. The rows come from the worker, which keeps
// the whole table of the file it read; without it, from the answer's first rows, which it says.
import { css, html, nothing, type TemplateResult } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { Cell, DataKind, DataTable } from '../engine/contract';
import { EngineClient } from '../engine/engine-client';
import { filterKey, type TableSort, type TableView, type TableWindow, TableWindower } from '../engine/table-window';
import { cellText, columnLabel, tableLabel } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';
import { csvDocument } from '../lib/csv';
import { formatCell } from '../lib/data-format';
import { cssomStyle } from './cssom-style';
import { downloadBlob, downloadText } from '../lib/download';

const ROW_PX = 32;
const VIEW_PX = 420;
const OVERSCAN = 8;
/** Rows asked of the worker at once: a few screens, so scrolling asks seldom. */
const BLOCK = 240;
/** Browsers cap an element's height (about 16 million px in Chromium); longer tables scroll proportionally. */
const MAX_PX = 12_000_000;
const FILTER_DELAY_MS = 150;
/** The flag column of rows resting on a small sample. */
export const SMALL_SAMPLE = 'small_sample';

/** One answer table and where it is from: the import (the worker keeps its whole tables) and the file. */
export interface TableContext {
  i18n: I18n;
  kind: DataKind | undefined;
  /** The import the table is from: the worker answers only for the import it still keeps. */
  kindId: string;
  importId: number;
  fileName: string;
  id: string;
  table: DataTable;
}

export interface VirtualTableContext extends TableContext {
  smallSampleCell: (cell: Cell) => TemplateResult | string;
  /** Under the table (the small-sample legend). */
  footer: TemplateResult | typeof nothing;
  /** The worker writes the CSV from its columns (a fit's customers), the page only names the columns. */
  csvInWorker?: boolean;
}

interface Block extends TableWindow {
  view: string;
}

function viewKey(view: TableView): string {
  return `${view.sort ? `${view.sort.column}:${view.sort.descending}` : '-'}|${filterKey(view.filter)}`;
}

/** A column's width: what its values need, or its title when longer (a CJK character is 1em). */
function columnWidth(unit: string | undefined, label: string): number {
  const values = unit === 'date' ? 11 : unit === 'text' ? 10 : unit === 'money' ? 8.5 : 7;
  const title = [...label].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.55), 0) + 2.2;
  return Math.max(values, Math.min(title, 15));
}

class VirtualTable extends AsyncDirective {
  private ctx!: VirtualTableContext;
  private key = '';
  private view: TableView = { sort: null, filter: '' };
  private filterText = '';
  private first = 0;
  private block: Block | null = null;
  /** The answer's rows, sorted and filtered here: the whole table when the answer has it, or the worker lost the file. */
  private local: TableWindower | null = null;
  private seq = 0;
  private asking = '';
  private scroller: HTMLElement | null = null;
  private filterTimer: ReturnType<typeof setTimeout> | undefined;
  private downloading = false;

  render(ctx: VirtualTableContext): TemplateResult {
    this.ctx = ctx;
    const key = `${ctx.kindId}/${ctx.importId}/${ctx.id}`;
    if (key !== this.key) this.reset(key);
    this.ensureRows();
    return this.template();
  }

  private reset(key: string): void {
    const { table, i18n } = this.ctx;
    this.key = key;
    this.view = { sort: null, filter: '' };
    this.filterText = '';
    this.first = 0;
    this.seq++;
    this.asking = '';
    const whole = table.rows.length >= (table.total_rows ?? 0);
    this.local = whole || !EngineClient.current ? new TableWindower(table.rows, i18n.locale) : null;
    // Until the worker answers, the answer's rows are the table's first rows in its own order.
    this.block = null;
    if (this.local) return;
    // Until the worker answers, the answer's rows are the table's first rows in its own order; it
    // is asked at once, so a lost file shows as such before anyone scrolls.
    this.block = { view: viewKey(this.view), rows: table.rows, offset: 0, matching: table.total_rows, total: table.total_rows };
    this.asking = `${viewKey(this.view)}@0`;
    void this.ask(viewKey(this.view), 0);
  }

  /** Whether the answer's rows stand in for a longer table the worker no longer has. */
  private get partial(): boolean {
    return this.local !== null && this.ctx.table.rows.length < (this.ctx.table.total_rows ?? 0);
  }

  private visibleRows(): number {
    return Math.ceil(VIEW_PX / ROW_PX) + 1;
  }

  /** Makes sure the rows in sight (and the overscan) are at hand, asking the worker when not. */
  private ensureRows(): void {
    const key = viewKey(this.view);
    const from = Math.max(0, this.first - OVERSCAN);
    const to = this.first + this.visibleRows() + OVERSCAN;
    const b = this.block;
    if (b && b.view === key && b.offset <= from && (b.offset + b.rows.length >= Math.min(to, b.matching))) return;
    const offset = Math.max(0, this.first - Math.floor(BLOCK / 3));
    if (this.local) {
      this.block = { view: key, ...this.local.window({ ...this.view, offset, count: BLOCK }) };
      return;
    }
    const asking = `${key}@${offset}`;
    if (this.asking === asking) return;
    this.asking = asking;
    void this.ask(key, offset);
  }

  private async ask(key: string, offset: number): Promise<void> {
    const { ctx } = this;
    const seq = this.seq;
    let answer: TableWindow | null = null;
    try {
      answer = (await EngineClient.current?.tableWindow(ctx.kindId, ctx.importId, ctx.id, ctx.i18n.locale, { ...this.view, offset, count: BLOCK })) ?? null;
    } catch {
      answer = null; // a stopped engine: the answer's rows are all there is
    }
    if (seq !== this.seq) return;
    if (this.asking === `${key}@${offset}`) this.asking = '';
    if (!answer) this.local = new TableWindower(ctx.table.rows, ctx.i18n.locale);
    else if (key === viewKey(this.view)) this.block = { view: key, ...answer };
    this.ensureRows();
    this.redraw();
  }

  private redraw(): void {
    if (this.isConnected) this.setValue(this.template());
  }

  private readonly onScroll = (event: Event): void => {
    const el = event.currentTarget as HTMLElement;
    this.scroller = el;
    const first = this.firstInSight(el.scrollTop, el.scrollHeight - el.clientHeight);
    if (first === this.first) return;
    this.first = first;
    this.ensureRows();
    this.redraw();
  };

  private matching(): number {
    return this.block?.matching ?? this.ctx.table.total_rows ?? this.ctx.table.rows.length;
  }

  private contentPx(): number {
    return Math.min(this.matching() * ROW_PX, MAX_PX);
  }

  private firstInSight(scrollTop: number, scrollRange: number): number {
    const matching = this.matching();
    const exact = matching * ROW_PX <= MAX_PX;
    const first = exact ? Math.floor(scrollTop / ROW_PX) : Math.round((scrollTop / Math.max(1, scrollRange)) * Math.max(0, matching - this.visibleRows() + 1));
    return Math.max(0, Math.min(first, Math.max(0, matching - 1)));
  }

  private sortBy(column: number, numeric: boolean): void {
    const now = this.view.sort;
    const sort: TableSort = now && now.column === column ? { column, descending: !now.descending } : { column, descending: numeric };
    this.changeView({ ...this.view, sort });
  }

  private readonly onFilter = (event: Event): void => {
    this.filterText = (event.target as HTMLInputElement).value;
    clearTimeout(this.filterTimer);
    this.filterTimer = setTimeout(() => this.changeView({ ...this.view, filter: this.filterText }), this.local ? 0 : FILTER_DELAY_MS);
  };

  private changeView(view: TableView): void {
    this.view = view;
    this.first = 0;
    if (this.scroller) this.scroller.scrollTop = 0;
    this.ensureRows();
    this.redraw();
  }

  /** Every row of the table as sorted and filtered now, as a CSV file with the columns' titles. */
  private async download(): Promise<void> {
    const { ctx } = this;
    if (this.downloading) return;
    this.downloading = true;
    this.redraw();
    try {
      const base = ctx.fileName.replace(/\.[^./\\]*$/, '') || 'table';
      const { columns } = ctx.table;
      const header = columns.map((c) => columnLabel(ctx.i18n, ctx.kind, c));
      if (!this.local && ctx.csvInWorker) {
        const blob = await EngineClient.current?.tableCsv(ctx.kindId, ctx.importId, ctx.id, ctx.i18n.locale, this.view, header).catch(() => null);
        if (blob) return downloadBlob(`${base}-${ctx.id}.csv`, blob);
      }
      const all = { ...this.view, offset: 0, count: Number.MAX_SAFE_INTEGER };
      let rows = this.local?.window(all).rows;
      if (!rows) {
        const answer = await EngineClient.current?.tableWindow(ctx.kindId, ctx.importId, ctx.id, ctx.i18n.locale, all).catch(() => null);
        rows = answer?.rows ?? new TableWindower(ctx.table.rows, ctx.i18n.locale).window(all).rows;
      }
      const cells = rows.map((row) => row.map((cell, i) => (typeof cell === 'string' ? cellText(ctx.i18n, columns[i] ?? '', cell) : cell)));
      downloadText(`${base}-${ctx.id}.csv`, csvDocument(header, cells));
    } finally {
      this.downloading = false;
      this.redraw();
    }
  }

  private template(): TemplateResult {
    const { i18n, table, id } = this.ctx;
    const headId = `table-title-${this.ctx.kindId}-${id}`;
    const matching = this.matching();
    const total = this.local ? this.local.total : (table.total_rows ?? table.rows.length);
    const height = Math.min(VIEW_PX, (matching + 1.5) * ROW_PX + 24);
    return html`<figure class="file-table virtual ${table.columns.length > 5 ? 'wide' : ''}" data-table=${id} data-virtual="true">
      <figcaption>
        <h4 id=${headId}>${tableLabel(i18n, id)}</h4>
        <span class="muted" data-role="row-count" aria-live="polite"
          >${matching === total && !filterKey(this.view.filter)
            ? i18n.t('tableRows', { n: i18n.number(total, 0) })
            : i18n.t('tableRowsMatch', { shown: i18n.number(matching, 0), total: i18n.number(total, 0) })}</span
        >
      </figcaption>
      <div class="table-tools">
        <label class="inline"
          >${i18n.t('tableFilter')}
          <input type="search" data-role="table-filter" .value=${this.filterText} @input=${this.onFilter} />
        </label>
        <button type="button" class="btn small" data-role="download-table" ?disabled=${this.downloading} @click=${() => void this.download()}>
          ${i18n.t('tableDownload')}
        </button>
      </div>
      ${this.partial
        ? html`<p class="notice" data-role="partial-rows">
            ${i18n.t('tablePartial', { shown: i18n.number(table.rows.length, 0), total: i18n.number(table.total_rows, 0) })}
          </p>`
        : nothing}
      <div class="vt-scroll" data-role="table-scroll" tabindex="0" role="region" aria-labelledby=${headId} ${cssomStyle({ height: `${height}px` })} @scroll=${this.onScroll}>
        ${this.grid(matching)}
      </div>
      ${matching === 0 ? html`<p class="muted" data-role="no-match">${i18n.t('tableNoMatch')}</p>` : nothing} ${this.ctx.footer}
    </figure>`;
  }

  private grid(matching: number): TemplateResult {
    const { i18n, table, kind } = this.ctx;
    const units = table.units ?? [];
    const labels = table.columns.map((c) => columnLabel(i18n, kind, c));
    const numeric = table.columns.map((_, i) => !['text', 'date', 'flag', 'line'].includes(units[i] ?? 'text')); // a line number reads as an id
    const widths = table.columns.map((_, i) => columnWidth(units[i], labels[i] ?? ''));
    const start = Math.max(0, this.first - OVERSCAN);
    const end = Math.min(matching, this.first + this.visibleRows() + OVERSCAN);
    const scrollTop = this.scroller?.scrollTop ?? 0;
    const exact = matching * ROW_PX <= MAX_PX;
    const top = exact ? start * ROW_PX : Math.max(0, scrollTop - (this.first - start) * ROW_PX);
    const bottom = Math.max(0, this.contentPx() - top - (end - start) * ROW_PX);
    return html`<table class="data-table vt" aria-rowcount=${matching + 1} ${cssomStyle({ width: `max(100%, ${widths.reduce((a, b) => a + b, 0)}em)` })}>
      <colgroup>
        ${widths.map((w) => html`<col ${cssomStyle({ width: `${w}em` })} />`)}
      </colgroup>
      <thead>
        <tr aria-rowindex="1">
          ${table.columns.map((c, i) => this.header(c, i, labels[i] ?? c, numeric[i] ?? false))}
        </tr>
      </thead>
      <tbody>
        ${top > 0 ? html`<tr class="vt-gap" aria-hidden="true" ${cssomStyle({ height: `${top}px` })}><td colspan=${table.columns.length}></td></tr>` : nothing}
        ${this.rows(start, end, numeric)}
        ${bottom > 0 ? html`<tr class="vt-gap" aria-hidden="true" ${cssomStyle({ height: `${bottom}px` })}><td colspan=${table.columns.length}></td></tr>` : nothing}
      </tbody>
    </table>`;
  }

  private header(column: string, i: number, label: string, numeric: boolean): TemplateResult {
    const sort = this.view.sort?.column === i ? this.view.sort : null;
    return html`<th scope="col" data-column=${column} class=${numeric ? '' : 'txt'} aria-sort=${sort ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" data-role="sort" @click=${() => this.sortBy(i, numeric)}>
        <span>${label}</span><span class="sort-mark" aria-hidden="true">${sort ? (sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>`;
  }

  private rows(start: number, end: number, numeric: boolean[]): TemplateResult[] {
    const { i18n, table } = this.ctx;
    const flagged = table.columns.indexOf(SMALL_SAMPLE);
    const b = this.block;
    const out: TemplateResult[] = [];
    for (let k = start; k < end; k++) {
      const row = b && b.view === viewKey(this.view) ? b.rows[k - b.offset] : undefined;
      if (!row) {
        out.push(html`<tr class="vt-pending" aria-rowindex=${k + 2}><td colspan=${table.columns.length}>…</td></tr>`);
        continue;
      }
      out.push(html`<tr aria-rowindex=${k + 2} data-small-sample=${flagged >= 0 && row[flagged] === true ? 'true' : nothing}>
        ${table.columns.map((c, i) => {
          const text = i === flagged ? this.ctx.smallSampleCell(row[i] ?? null) : formatCell(i18n, c, table.units?.[i], row[i] ?? null);
          return html`<td data-column=${c} class=${numeric[i] ? '' : 'txt'} title=${typeof text === 'string' ? text : nothing}>${text}</td>`;
        })}
      </tr>`);
    }
    return out;
  }
}

/** The virtual table of one answer table; its state (sort, filter, scroll) lives as long as its place. */
export const virtualTable = directive(VirtualTable);

// How a long table looks; dataTableStyles (data-table-view.ts) carries these into the calculator.
export const virtualTableStyles = css`
  .file-table .table-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px 12px;
  }

  .file-table .table-tools input {
    width: min(16em, 60vw);
  }

  /* No scroll anchoring: the gap above the rows changes as they scroll, and must not move them. */

  .file-table .vt-scroll {
    overflow: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
    border-top: 1px solid var(--_border);
  }

  .file-table .vt-scroll:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .file-table table.vt {
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 0;
  }

  .file-table table.vt thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    padding: 0;
    vertical-align: bottom;
    white-space: normal;
  }

  .file-table table.vt th .sort {
    display: flex;
    width: 100%;
    align-items: flex-end;
    justify-content: flex-start;
    gap: 4px;
    padding: 6px 8px;
    border: 0;
    background: none;
    font: inherit;
    font-weight: 600;
    color: inherit;
    text-align: inherit;
    cursor: pointer;
  }

  .file-table table.vt th:not(.txt) .sort {
    justify-content: flex-end;
    text-align: right;
  }

  .file-table table.vt th .sort:hover {
    background: var(--_accent-soft);
  }

  .file-table table.vt th .sort:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }

  .file-table table.vt th[aria-sort='ascending'] .sort-mark,
  .file-table table.vt th[aria-sort='descending'] .sort-mark {
    color: var(--_accent);
  }

  .file-table table.vt th[aria-sort='none'] .sort-mark {
    color: var(--_muted);
    opacity: 0.6;
  }

  .file-table table.vt tbody tr {
    height: 32px;
  }

  .file-table table.vt tbody td {
    height: 32px;
    padding-top: 0;
    padding-bottom: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    box-sizing: border-box;
  }

  .file-table table.vt tr.vt-gap,
  .file-table table.vt tr.vt-gap td {
    padding: 0;
    border: 0;
  }

  .file-table table.vt tr.vt-pending td {
    color: var(--_muted);
  }

  .file-table [data-role='partial-rows'] {
    margin: 0;
  }
`;
