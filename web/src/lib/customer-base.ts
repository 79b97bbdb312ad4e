// What the page reads from a customer-base fit (the core's fitModels answer): the options it asks
// with, the chosen model's figures, the customers' table with its "slipping away" rule, and the
// values that become the workspace's inputs. No DOM: the node tests run it on real answers.
import type { Cell, CustomerBaseAnswer, DataTable, InputValue, ModelBase } from '../engine/contract';

export type TimeUnit = 'day' | 'week' | 'month';
export const TIME_UNITS: readonly TimeUnit[] = ['day', 'week', 'month'];

/** The kinds a customer base is fitted on. */
export const CUSTOMER_BASE_KINDS: readonly string[] = ['transactions', 'customer_summary', 'subscriptions'];

/** What the user chooses before a fit; dates "YYYY-MM-DD" or blank. */
export interface CustomerBaseOptions {
  timeUnit: TimeUnit;
  /** Transactions: the calibration end (blank: the file's last date). */
  calibrationEnd: string;
  /** Transactions: a split date; the purchases after it, to the calibration end, are the holdout. */
  holdoutSplit: string;
  /** A customer-summary file: the length of its holdout in time units (blank: no holdout check). */
  holdoutLength: string;
  /**
   * P5–P95 ranges of each CLV and of the base value, from draws of the parameters: each draw
   * predicts every customer again, so it is asked for, not done by default.
   */
  ranges: boolean;
}

/** The workspace's inputs the fit reads: fractions, null when not given. */
export interface WorkspaceMoney {
  margin: number | null;
  discountRate: number | null;
}

/** Draws of the parameters for the CLV ranges: enough for a P5–P95 that does not jump between fits. */
export const INTERVAL_DRAWS = 100;
/** P(alive) below this: the customer has probably gone. */
export const PROBABLY_LOST = 0.5;
/** "Valuable": past value in this top share of customers. */
export const VALUABLE_SHARE = 0.2;

const DAYS_PER_UNIT: Record<TimeUnit, number> = { day: 1, week: 7, month: 365.25 / 12 };

export function defaultOptions(kind: string): CustomerBaseOptions {
  return { timeUnit: kind === 'subscriptions' ? 'month' : 'week', calibrationEnd: '', holdoutSplit: '', holdoutLength: '', ranges: false };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The fitModels options (docs/JSON-API.md) for a kind. `lastDate` is the file's last date: the
 * holdout of a transactions file runs from the split to the calibration end, else to it.
 */
export function fitRequest(kind: string, o: CustomerBaseOptions, money: WorkspaceMoney, lastDate: string | null): Record<string, unknown> {
  const request: Record<string, unknown> = { time_unit: o.timeUnit };
  if (money.margin !== null && money.margin > 0 && money.margin <= 1) request['margin'] = money.margin;
  if (money.discountRate !== null && money.discountRate >= 0 && money.discountRate <= 1) request['discount_rate'] = money.discountRate;
  if (kind === 'subscriptions') return { ...request, models: ['km'] };
  // Both count models: the core chooses between them by likelihood and holdout error and says why.
  request['models'] = ['bg_nbd', 'pareto_nbd', 'gamma_gamma'];
  if (o.ranges) request['intervals'] = { draws: INTERVAL_DRAWS, seed: 1 };
  if (kind === 'customer_summary') {
    const length = Number(o.holdoutLength);
    if (o.holdoutLength.trim() !== '' && Number.isFinite(length) && length > 0) request['holdout'] = length;
    return request;
  }
  const end = DATE.test(o.calibrationEnd) ? o.calibrationEnd : null;
  if (DATE.test(o.holdoutSplit)) {
    request['calibration_end'] = o.holdoutSplit;
    const holdoutEnd = end ?? lastDate;
    if (holdoutEnd) request['holdout_end'] = holdoutEnd;
  } else if (end) {
    request['calibration_end'] = end;
  }
  return request;
}

/** The count model the page shows: the answer's choice, else the first one with totals. */
export function chosenModel(answer: CustomerBaseAnswer): string | null {
  return answer.model_choice?.model ?? answer.base?.[0]?.model ?? null;
}

export function chosenBase(answer: CustomerBaseAnswer): ModelBase | null {
  const model = chosenModel(answer);
  return answer.base?.find((b) => b.model === model) ?? null;
}

/** The base value's P5–P95 range, when the intervals are of the chosen model. */
export function valueRange(answer: CustomerBaseAnswer): [number, number] | null {
  const v = answer.intervals?.model === chosenModel(answer) ? answer.intervals?.value : null;
  return v && v.p5 !== null && v.p95 !== null ? [v.p5, v.p95] : null;
}

/** Columns of the customers' table the page shows, with their units (data-format.ts). */
export const CUSTOMER_COLUMNS = ['customer_id', 'p_alive', 'expected_purchases', 'clv', 'clv_p5', 'clv_p95', 'past_value', 'x', 't_x', 'T'] as const;
const CUSTOMER_UNITS = ['text', 'fraction', 'count', 'money', 'money', 'money', 'money', 'count', 'count', 'count'];

const numberOr = (cell: Cell | undefined): number | null => (typeof cell === 'number' && Number.isFinite(cell) ? cell : null);

/**
 * Every customer with the chosen model's P(alive), expected purchases and CLV (its P5–P95), and the
 * past value: repeat purchases × mean repeat spend, the spend the models see up to the calibration end.
 */
export function customerTable(answer: CustomerBaseAnswer): DataTable {
  const columns = answer.customer_columns ?? [];
  const model = chosenModel(answer);
  const at = (name: string) => columns.indexOf(name);
  const [alive, expected, clv] = ['_p_alive', '_expected', '_clv'].map((s) => at(`${model}${s}`));
  const [x, tx, age, spend] = ['x', 't_x', 'T', 'mean_spend'].map(at);
  const intervals = answer.intervals?.model === model ? answer.intervals.customers : [];
  const rows = (answer.customers ?? []).map((row, i): Cell[] => {
    const pick = (k: number | undefined) => (k === undefined || k < 0 ? null : numberOr(row[k]));
    const repeat = pick(x);
    const mean = pick(spend);
    const range = intervals[i] ?? null;
    return [String(row[0] ?? ''), pick(alive), pick(expected), pick(clv), range?.[0] ?? null, range?.[2] ?? null,
      repeat !== null && mean !== null ? repeat * mean : null, repeat, pick(tx), pick(age)];
  });
  // Without ranges the two range columns would be blank on every row: they are left out.
  if (intervals.length === 0) return withoutColumns({ columns: [...CUSTOMER_COLUMNS], units: CUSTOMER_UNITS, rows, total_rows: rows.length }, ['clv_p5', 'clv_p95']);
  return { columns: [...CUSTOMER_COLUMNS], units: CUSTOMER_UNITS, rows, total_rows: rows.length };
}

function withoutColumns(table: DataTable, names: readonly string[]): DataTable {
  const keep = table.columns.map((c, i) => (names.includes(c) ? -1 : i)).filter((i) => i >= 0);
  return {
    columns: keep.map((i) => table.columns[i] as string),
    units: keep.map((i) => table.units?.[i] ?? 'text'),
    rows: table.rows.map((r) => keep.map((i) => r[i] ?? null)),
    total_rows: table.total_rows,
  };
}

/** A column's position in a customers' table (the range columns may be left out). */
export function customerColumn(table: DataTable, name: (typeof CUSTOMER_COLUMNS)[number]): number {
  return table.columns.indexOf(name);
}

/** The smallest past value among the top VALUABLE_SHARE of customers (ties included); null when nobody spent. */
export function valuableThreshold(table: DataTable): number | null {
  const past = customerColumn(table, 'past_value');
  const values = table.rows.map((r) => numberOr(r[past])).filter((v): v is number => v !== null && v > 0).sort((a, b) => b - a);
  if (values.length === 0) return null;
  const top = Math.max(1, Math.ceil(VALUABLE_SHARE * table.rows.length));
  return values[Math.min(top, values.length) - 1] as number;
}

/** "Valuable customers slipping away": past value in the top 20% and P(alive) below 0.5. */
export function slippingAway(table: DataTable): DataTable {
  const threshold = valuableThreshold(table);
  const past = customerColumn(table, 'past_value');
  const alive = customerColumn(table, 'p_alive');
  const rows =
    threshold === null
      ? []
      : table.rows.filter((r) => {
          const value = numberOr(r[past]);
          const p = numberOr(r[alive]);
          return value !== null && value >= threshold && p !== null && p < PROBABLY_LOST;
        });
  return { ...table, rows, total_rows: rows.length };
}

/** Kaplan-Meier's survival at `time` (a step function), null past the curve's last step. */
export function survivalAt(answer: CustomerBaseAnswer, time: number): number | null {
  const s = answer.survival;
  if (!s || s.rows.length === 0) return null;
  const [t, value] = ['time', 'survival'].map((c) => s.columns.indexOf(c)) as [number, number];
  const last = s.rows.at(-1) as (number | boolean | null)[];
  if (numberOr(last[t] as Cell) === null || (last[t] as number) < time) return null;
  let found = 1;
  for (const row of s.rows) {
    if ((row[t] as number) > time) break;
    const v = numberOr(row[value] as Cell);
    if (v !== null) found = v;
  }
  return found;
}

/** One year in the fit's time unit. */
export function unitsPerYear(unit: TimeUnit): number {
  return 365.25 / DAYS_PER_UNIT[unit];
}

/**
 * The workspace's inputs a fit gives: a count model's mean CLV per customer as `cltv` (what LTV:CAC
 * compares with CAC), Kaplan-Meier's survival one year after a start as `annual_retention_rate`.
 */
export function modelInputs(answer: CustomerBaseAnswer, unit: TimeUnit): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = {};
  const base = chosenBase(answer);
  if (base && base.value !== null && base.customers > 0 && answer.models.some((m) => m.name === 'gamma_gamma')) {
    inputs['cltv'] = base.value / base.customers;
  }
  const year = survivalAt(answer, unitsPerYear(unit));
  if (year !== null && year > 0 && year < 1) inputs['annual_retention_rate'] = year;
  return inputs;
}

/** The model whose fit gave the inputs: the chosen count model, or "km". */
export function inputsModel(answer: CustomerBaseAnswer): string | null {
  return chosenModel(answer) ?? (answer.survival ? 'km' : null);
}
