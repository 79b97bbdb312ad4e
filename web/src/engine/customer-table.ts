// The customers' table of a fit, kept in the worker as the typed columns the core handed over (no
// row objects): windows of it sorted by a column and filtered by id, the "valuable customers
// slipping away" view, and the CSV of a view, built in chunks into a Blob.
import type { FittedColumns } from '@wasm/servimetrics-files.js';
import { csvCell } from '../lib/csv';
import { PROBABLY_LOST, VALUABLE_SHARE } from '../lib/customer-base';
import type { Cell, CustomerTableInfo } from './contract';
import { filterKey, stableOrder, type TableSort, type TableView, type TableWindow, type TableWindowRequest } from './table-window';

/** The two tables a fit's customers are shown as: every customer, and those slipping away. */
export const CUSTOMER_TABLES = ['cb_customers', 'cb_slipping'] as const;
export type CustomerTableName = (typeof CUSTOMER_TABLES)[number];

/** Rows sent with the fit's answer, so the page draws the table before it asks for a window. */
const FIRST_ROWS = 100;
/** CSV rows joined into one string at a time: the Blob holds the parts, never one huge string. */
const CSV_CHUNK = 20_000;
/** Ids that sort by a cheap key (as TableWindower's shortcut): ASCII letters, digits, space, "-", ".". */
const PLAIN_TEXT = /^[A-Za-z0-9 .-]*$/;

/** What the fit's answer says of its customers' table. */
export type CustomerTableSummary = CustomerTableInfo;

const empty = new Float64Array(0);

export class CustomerTable {
  private readonly n: number;
  private readonly idText: string;
  /** Id i is idText[idStarts[i], idStarts[i + 1]). */
  private readonly idStarts: Uint32Array;
  private readonly past: Float64Array;
  private readonly numbers: ReadonlyMap<string, Float64Array>;
  readonly columns: string[];
  readonly threshold: number | null;
  private readonly slippingRows: Uint32Array;
  private readonly orders = new Map<string, Uint32Array>();
  private readonly views = new Map<string, Uint32Array>();

  constructor(
    readonly fit: number,
    private readonly data: FittedColumns,
  ) {
    const ends = data.idEnds ?? new Uint32Array(0);
    this.n = ends.length;
    [this.idText, this.idStarts] = decodeIds(data.ids ?? new Uint8Array(0), ends);
    const x = data.x ?? empty;
    const spend = data.mean_spend ?? empty;
    this.past = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) this.past[i] = (x[i] as number) * (spend[i] as number);
    const ranges = (data.clv_p5?.length ?? 0) === this.n && this.n > 0;
    this.columns = ['customer_id', 'p_alive', 'expected_purchases', 'clv', ...(ranges ? ['clv_p5', 'clv_p95'] : []), 'past_value', 'x', 't_x', 'T'];
    const prediction = (column: Float64Array | undefined) => (column && column.length === this.n ? column : new Float64Array(this.n).fill(Number.NaN));
    this.numbers = new Map([
      ['p_alive', prediction(data.p_alive)],
      ['expected_purchases', prediction(data.expected)],
      ['clv', prediction(data.clv)],
      ['clv_p5', prediction(data.clv_p5)],
      ['clv_p95', prediction(data.clv_p95)],
      ['past_value', this.past],
      ['x', x],
      ['t_x', data.t_x ?? empty],
      ['T', data.T ?? empty],
    ]);
    this.threshold = valuableThreshold(this.past);
    this.slippingRows = this.slipping();
  }

  get total(): number {
    return this.n;
  }

  summary(): CustomerTableSummary {
    const units = this.columns.map((c) => UNITS[c] ?? 'count');
    const first = (rows: Uint32Array) => Array.from(rows.subarray(0, FIRST_ROWS), (i) => this.row(i));
    const all = Uint32Array.from({ length: Math.min(this.n, FIRST_ROWS) }, (_, i) => i);
    return { fit: this.fit, model: this.data.model ?? '', columns: this.columns, units, total: this.n, slipping: this.slippingRows.length, threshold: this.threshold, first_rows: first(all), first_slipping: first(this.slippingRows) };
  }

  window(table: CustomerTableName, locale: string, request: TableWindowRequest): TableWindow {
    const order = this.view(table, locale, request);
    const offset = Math.max(0, Math.min(Math.floor(request.offset) || 0, order.length));
    const end = Math.min(order.length, offset + Math.max(0, Math.floor(request.count) || 0));
    const rows: Cell[][] = [];
    for (let k = offset; k < end; k++) rows.push(this.row(order[k] as number));
    return { rows, offset, matching: order.length, total: table === 'cb_slipping' ? this.slippingRows.length : this.n };
  }

  /** The view as a CSV file (UTF-8 with BOM, CRLF, as lib/csv.ts writes), its header the page's titles. */
  csv(table: CustomerTableName, locale: string, view: TableView, header: readonly string[]): Blob {
    const order = this.view(table, locale, view);
    const parts: string[] = [`\ufeff${header.map(csvCell).join(',')}\r\n`];
    for (let from = 0; from < order.length; from += CSV_CHUNK) {
      let part = '';
      for (let k = from; k < Math.min(order.length, from + CSV_CHUNK); k++) {
        const row = this.row(order[k] as number);
        part += `${row.map((cell) => (typeof cell === 'string' ? csvCell(cell) : cell === null ? '' : String(cell))).join(',')}\r\n`;
      }
      parts.push(part);
    }
    return new Blob(parts, { type: 'text/csv;charset=utf-8' });
  }

  private id(i: number): string {
    return this.idText.slice(this.idStarts[i], this.idStarts[i + 1]);
  }

  private row(i: number): Cell[] {
    return this.columns.map((c) => {
      if (c === 'customer_id') return this.id(i);
      const v = (this.numbers.get(c) as Float64Array)[i] as number;
      return Number.isFinite(v) ? v : null;
    });
  }

  /** "Valuable customers slipping away": past value at or above the threshold, P(alive) below 0.5. */
  private slipping(): Uint32Array {
    const alive = this.numbers.get('p_alive') as Float64Array;
    const out: number[] = [];
    if (this.threshold !== null) {
      for (let i = 0; i < this.n; i++) if ((this.past[i] as number) >= this.threshold && (alive[i] as number) < PROBABLY_LOST) out.push(i);
    }
    return Uint32Array.from(out);
  }

  /** Row positions in view order; the last few views are kept, so scrolling only slices. */
  private view(table: CustomerTableName, locale: string, view: TableView): Uint32Array {
    const filter = filterKey(view.filter);
    const key = `${table}|${view.sort ? `${view.sort.column}${view.sort.descending ? 'd' : 'a'}` : '-'}|${filter}`;
    const kept = this.views.get(key);
    if (kept) return kept;
    let order = this.sorted(view.sort, locale);
    if (table === 'cb_slipping') order = keep(order, membership(this.n, this.slippingRows));
    if (filter) order = keep(order, this.idsHolding(filter));
    if (this.views.size >= 8) this.views.delete(this.views.keys().next().value as string);
    this.views.set(key, order);
    return order;
  }

  private sorted(sort: TableSort | null, locale: string): Uint32Array {
    const name = sort ? this.columns[sort.column] : undefined;
    const key = sort && name ? `${name}${sort.descending ? 'd' : 'a'}` : '-';
    let order = this.orders.get(key);
    if (!order) {
      if (!sort || !name) order = Uint32Array.from({ length: this.n }, (_, i) => i);
      else order = stableOrder(name === 'customer_id' ? this.idRanks(locale) : (this.numbers.get(name) as Float64Array), sort.descending);
      this.orders.set(key, order);
    }
    return order;
  }

  /** A mark per customer whose id holds the filter text (case folded). */
  private idsHolding(filter: string): Uint8Array {
    const hits = new Uint8Array(this.n);
    const lower = this.idText.toLocaleLowerCase();
    if (lower.length !== this.idText.length) {
      for (let i = 0; i < this.n; i++) hits[i] = this.id(i).toLocaleLowerCase().includes(filter) ? 1 : 0;
      return hits;
    }
    for (let at = lower.indexOf(filter); at >= 0; ) {
      const i = this.customerAt(at);
      const end = this.idStarts[i + 1] as number;
      if (at + filter.length <= end) {
        hits[i] = 1;
        at = lower.indexOf(filter, end);
      } else {
        at = lower.indexOf(filter, at + 1);
      }
    }
    return hits;
  }

  /** The customer whose id holds the text position `at`. */
  private customerAt(at: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.idStarts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Each id's rank in the locale's order (as TableWindower sorts texts): plain ASCII ids by a key
   * with digit runs padded, so they compare as numbers, in one native sort; others by the collator.
   */
  private idRanks(locale: string): Float64Array {
    const ranks = new Float64Array(this.n);
    if (PLAIN_TEXT.test(this.idText)) {
      const width = String(this.n).length;
      const keys = Array.from({ length: this.n }, (_, i) => `${plainKey(this.id(i))}\u0000${String(i).padStart(width, '0')}`);
      keys.sort();
      let place = -1;
      let previous = '';
      for (const key of keys) {
        const cut = key.lastIndexOf('\u0000');
        const text = key.slice(0, cut);
        if (place < 0 || text !== previous) place++;
        previous = text;
        ranks[Number(key.slice(cut + 1))] = place;
      }
      return ranks;
    }
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    const ids = Array.from({ length: this.n }, (_, i) => this.id(i));
    const order = Array.from({ length: this.n }, (_, i) => i).sort((a, b) => collator.compare(ids[a] as string, ids[b] as string) || a - b);
    let place = -1;
    order.forEach((i, k) => {
      if (k === 0 || collator.compare(ids[order[k - 1] as number] as string, ids[i] as string) !== 0) place++;
      ranks[i] = place;
    });
    return ranks;
  }
}

const UNITS: Record<string, string> = { customer_id: 'text', p_alive: 'fraction', expected_purchases: 'count', clv: 'money', clv_p5: 'money', clv_p95: 'money', past_value: 'money' };

/** Case folded, digit runs without leading zeros and padded to 20 places: sorts as the numeric, base collator. */
function plainKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(20, '0'));
}

/** The ids as one string and each one's start in it (UTF-16 units), from the UTF-8 bytes and their ends. */
function decodeIds(bytes: Uint8Array, ends: Uint32Array): [string, Uint32Array] {
  const text = new TextDecoder().decode(bytes);
  const starts = new Uint32Array(ends.length + 1);
  if (text.length === bytes.length) {
    starts.set(ends, 1); // all ASCII: bytes and units are one
    return [text, starts];
  }
  // A UTF-8 lead byte starts one UTF-16 unit, a 4-byte one two (a surrogate pair).
  let units = 0;
  let at = 0;
  for (let i = 0; i < ends.length; i++) {
    for (const end = ends[i] as number; at < end; at++) {
      const b = bytes[at] as number;
      if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
    }
    starts[i + 1] = units;
  }
  if (units === text.length) return [text, starts];
  // Bytes that are no UTF-8 decode to replacement marks: each id decoded on its own then.
  const decoder = new TextDecoder();
  const ids = Array.from(ends, (end, i) => decoder.decode(bytes.subarray(i === 0 ? 0 : ends[i - 1], end)));
  ids.forEach((id, i) => (starts[i + 1] = (starts[i] as number) + id.length));
  return [ids.join(''), starts];
}

/** The smallest past value among the top VALUABLE_SHARE of customers (ties included), as lib/customer-base.ts; null when nobody spent. */
export function valuableThreshold(past: Float64Array): number | null {
  const positive = past.filter((v) => Number.isFinite(v) && v > 0).sort();
  if (positive.length === 0) return null;
  const top = Math.max(1, Math.ceil(VALUABLE_SHARE * past.length));
  return positive[positive.length - Math.min(top, positive.length)] as number;
}

function membership(n: number, rows: Uint32Array): Uint8Array {
  const marks = new Uint8Array(n);
  for (const i of rows) marks[i] = 1;
  return marks;
}

function keep(order: Uint32Array, marks: Uint8Array): Uint32Array {
  let count = 0;
  for (const i of order) count += marks[i] as number;
  const out = new Uint32Array(count);
  let k = 0;
  for (const i of order) if (marks[i]) out[k++] = i;
  return out;
}
