// A window of one answer table's rows, sorted by a column and filtered by a text: the worker serves
// the whole tables of a kept import with it, and the page the rows it already has (no DOM, no worker).
import type { Cell } from './contract';

export interface TableSort {
  /** The column's position in the table. */
  column: number;
  descending: boolean;
}

/** Which rows, in which order: sort (none keeps the core's order) and filter (any cell's text holds it). */
export interface TableView {
  sort: TableSort | null;
  filter: string;
}

export interface TableWindowRequest extends TableView {
  offset: number;
  count: number;
}

export interface TableWindow {
  /** The rows from `offset` on, at most `count`. */
  rows: Cell[][];
  offset: number;
  /** Rows matching the filter (all rows without one). */
  matching: number;
  /** Rows of the table. */
  total: number;
}

/** The filter text as compared: trimmed, lower case. */
export function filterKey(filter: string): string {
  return filter.trim().toLocaleLowerCase();
}

function cellText(cell: Cell): string {
  return cell === null ? '' : String(cell);
}

/** Texts whose order the shortcut in textRanks() gets right: ASCII letters, digits, spaces, "-" and ".". */
const PLAIN_TEXT = /^[A-Za-z0-9 .-]*$/;

/** Case folded, digit runs without leading zeros and padded to 20 places: sorts as the numeric, base collator. */
function plainKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(20, '0'));
}

/**
 * Row positions ordered by their keys (NaN last in both directions), equal keys in row order: each
 * key's rank among the distinct keys (a native sort), then a counting sort by rank, so 400,000 rows
 * take no comparator calls.
 */
export function stableOrder(keys: Float64Array, descending: boolean): Uint32Array {
  const distinct = keys.filter((k) => !Number.isNaN(k)).sort();
  let unique = 0;
  for (let k = 0; k < distinct.length; k++) if (k === 0 || distinct[k] !== distinct[unique - 1]) distinct[unique++] = distinct[k] as number;
  const rankOf = (key: number): number => {
    if (Number.isNaN(key)) return unique; // blanks after every value
    let lo = 0;
    let hi = unique - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((distinct[mid] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    return descending ? unique - 1 - lo : lo;
  };
  const ranks = new Uint32Array(keys.length);
  const starts = new Uint32Array(unique + 2);
  for (let k = 0; k < keys.length; k++) {
    ranks[k] = rankOf(keys[k] as number);
    starts[(ranks[k] as number) + 1]!++;
  }
  for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1] as number;
  const order = new Uint32Array(keys.length);
  for (let k = 0; k < keys.length; k++) order[starts[ranks[k] as number]!++] = k;
  return order;
}

export class TableWindower {
  private readonly collator: Intl.Collator;
  private haystack: string[] | null = null;
  private readonly orders = new Map<string, Uint32Array>();
  private readonly views = new Map<string, Uint32Array>();

  constructor(
    private readonly rows: readonly Cell[][],
    locale = 'en',
  ) {
    this.collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  }

  get total(): number {
    return this.rows.length;
  }

  window(request: TableWindowRequest): TableWindow {
    const order = this.view(request);
    const offset = Math.max(0, Math.min(Math.floor(request.offset) || 0, order.length));
    const end = Math.min(order.length, offset + Math.max(0, Math.floor(request.count) || 0));
    const rows: Cell[][] = [];
    for (let k = offset; k < end; k++) rows.push(this.rows[order[k] as number] as Cell[]);
    return { rows, offset, matching: order.length, total: this.rows.length };
  }

  /** Row positions in view order; the last few views are kept, so scrolling only slices. */
  private view(view: TableView): Uint32Array {
    const filter = filterKey(view.filter);
    const key = `${view.sort ? `${view.sort.column}${view.sort.descending ? 'd' : 'a'}` : '-'}|${filter}`;
    const kept = this.views.get(key);
    if (kept) return kept;
    const order = this.sorted(view.sort);
    let result = order;
    if (filter) {
      const haystack = this.texts();
      const matching: number[] = [];
      for (const row of order) if ((haystack[row] as string).includes(filter)) matching.push(row);
      result = Uint32Array.from(matching);
    }
    if (this.views.size >= 8) this.views.delete(this.views.keys().next().value as string);
    this.views.set(key, result);
    return result;
  }

  /** Every row's cells as one lower-case text, made once, for the filter. */
  private texts(): string[] {
    this.haystack ??= this.rows.map((row) => row.map(cellText).join('\u0001').toLocaleLowerCase());
    return this.haystack;
  }

  private sorted(sort: TableSort | null): Uint32Array {
    const identity = () => Uint32Array.from(this.rows.keys());
    if (!sort) return this.cached('-', identity);
    return this.cached(`${sort.column}${sort.descending ? 'd' : 'a'}`, () => {
      const keys = this.sortKeys(sort.column);
      return stableOrder(keys, sort.descending);
    });
  }

  private cached(key: string, make: () => Uint32Array): Uint32Array {
    let order = this.orders.get(key);
    if (!order) {
      order = make();
      this.orders.set(key, order);
    }
    return order;
  }

  /**
   * Each distinct text's place in the locale's order; texts the collator holds equal share it. Plain
   * ASCII names and ids (C000123, "North 2") take a shortcut with the same order: lower case, digit
   * runs padded so they compare as numbers, then compared by code unit; 400,000 ids sort in a
   * fraction of the collator's time.
   */
  private textRanks(texts: string[]): Map<string, number> {
    const rank = new Map<string, number>();
    const plain = texts.every((t) => PLAIN_TEXT.test(t));
    const keyed = plain ? texts.map((t) => [plainKey(t), t] as const) : texts.map((t) => [t, t] as const);
    if (plain) keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    else keyed.sort((a, b) => this.collator.compare(a[0], b[0]));
    let place = -1;
    keyed.forEach(([key, text], k) => {
      const previous = keyed[k - 1];
      const same = previous !== undefined && (plain ? previous[0] === key : this.collator.compare(previous[0], key) === 0);
      if (!same) place++;
      rank.set(text, place);
    });
    return rank;
  }

  /**
   * One number per row to sort by: the number itself, a flag as 0 or 1, a text by its rank among the
   * column's distinct texts in the locale's order (each distinct text compared once, not per row);
   * NaN for a blank cell. Numbers come before texts in a column holding both.
   */
  private sortKeys(column: number): Float64Array {
    const keys = new Float64Array(this.rows.length);
    const texts = new Set<string>();
    let largest = 0;
    for (const row of this.rows) {
      const cell = row[column];
      if (typeof cell === 'string' && cell.trim() !== '') texts.add(cell);
      else if (typeof cell === 'number' && Number.isFinite(cell)) largest = Math.max(largest, Math.abs(cell));
    }
    const rank = this.textRanks([...texts]);
    const textBase = largest + 1;
    this.rows.forEach((row, k) => {
      const cell = row[column];
      if (typeof cell === 'number') keys[k] = Number.isFinite(cell) ? cell : Number.NaN;
      else if (typeof cell === 'boolean') keys[k] = cell ? 1 : 0;
      else if (typeof cell === 'string' && rank.has(cell)) keys[k] = textBase + (rank.get(cell) as number);
      else keys[k] = Number.NaN;
    });
    return keys;
  }
}
