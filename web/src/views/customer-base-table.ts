// The customers' table of a fit: every customer, sortable and downloadable (virtual-table.ts; the
// rows stay in the worker, engine/customer-table.ts), and a ready filter "valuable customers
// slipping away" whose rule the page states.
import { html, nothing, type TemplateResult } from 'lit';
import type { CustomerBaseAnswer, DataTable } from '../engine/contract';
import type { I18n } from '../i18n/i18n';
import { customerTable, slippingAway, valuableThreshold } from '../lib/customer-base';
import { virtualTable } from './virtual-table';

export type CustomerFilter = 'all' | 'slipping';

/** The tables of one fit, made once per answer (100,000 customers need not be mapped per render). */
const made = new WeakMap<CustomerBaseAnswer, { all: DataTable; slipping: DataTable; threshold: number | null }>();

function tablesOf(answer: CustomerBaseAnswer) {
  let t = made.get(answer);
  if (!t) {
    const all = customerTable(answer);
    t = { all, slipping: slippingAway(all), threshold: valuableThreshold(all) };
    made.set(answer, t);
  }
  return t;
}

export interface CustomerTableContext {
  i18n: I18n;
  answer: CustomerBaseAnswer;
  kind: string;
  fileName: string;
  /** The fit's number: a new fit starts the table over. */
  seq: number;
  filter: CustomerFilter;
  onFilter: (filter: CustomerFilter) => void;
}

/**
 * The table from the worker's columns (answer.customer_table): the first rows came with the answer,
 * the rest in windows; sorting, the filter and the CSV are the worker's. Else from the answer's rows.
 */
function shownTables(ctx: CustomerTableContext) {
  const info = ctx.answer.customer_table;
  if (!info) {
    const t = tablesOf(ctx.answer);
    return { fit: ctx.seq, all: t.all, slipping: t.slipping, allCount: t.all.rows.length, slippingCount: t.slipping.rows.length, threshold: t.threshold, inWorker: false };
  }
  const table = (rows: DataTable['rows'], total: number): DataTable => ({ columns: info.columns, units: info.units, rows, total_rows: total });
  return {
    fit: info.fit,
    all: table(info.first_rows, info.total),
    slipping: table(info.first_slipping, info.slipping),
    allCount: info.total,
    slippingCount: info.slipping,
    threshold: info.threshold,
    inWorker: true,
  };
}

export function renderCustomerTable(ctx: CustomerTableContext): TemplateResult | typeof nothing {
  const { i18n } = ctx;
  if (!ctx.answer.customer_table?.total && !ctx.answer.customers?.length) return nothing;
  const t = shownTables(ctx);
  const table = ctx.filter === 'slipping' ? t.slipping : t.all;
  const id = ctx.filter === 'slipping' ? 'cb_slipping' : 'cb_customers';
  const button = (filter: CustomerFilter, label: string, n: number) =>
    html`<button type="button" class="btn small" data-testid=${`cb-filter-${filter}`} aria-pressed=${ctx.filter === filter ? 'true' : 'false'} @click=${() => ctx.onFilter(filter)}>
      ${label} (${i18n.number(n, 0)})
    </button>`;
  return html`<div class="cb-table" data-testid="cb-table" data-filter=${ctx.filter}>
    <div class="cb-filters" role="group">
      ${button('all', i18n.t('cbFilterAll'), t.allCount)} ${button('slipping', i18n.t('cbFilterSlipping'), t.slippingCount)}
    </div>
    <p class="muted small" data-testid="cb-slipping-rule" data-threshold=${String(t.threshold ?? '')}>
      ${t.threshold === null ? i18n.t('cbSlippingNone') : i18n.t('cbSlippingRule', { threshold: i18n.money(t.threshold), n: i18n.number(t.slippingCount, 0) })}
    </p>
    ${virtualTable({ i18n, kind: undefined, kindId: ctx.kind, importId: t.fit, fileName: ctx.fileName, id, table, smallSampleCell: () => '', footer: nothing, csvInWorker: t.inWorker })}
    <p class="muted small">${i18n.t('cbPastValueNote')}</p>
  </div>`;
}
