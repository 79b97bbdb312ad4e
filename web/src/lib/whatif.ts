// The what-if panel's baseline, read from the user's inputs, the computed KPIs and the loaded files, and
// the scenario a loaded projection block holds. The what-if engine computes from them (whatif-request.ts).
import type {
  AssumptionKey,
  ComputeAnswer,
  ProjectionAssumptions,
  ProjectionRequest,
} from '../engine/contract';
import { type FormModel, type FormState, typedNumber } from './form-model';

export const ASSUMPTIONS: readonly AssumptionKey[] = [
  'retention_rate',
  'avg_order_value',
  'purchases_per_year',
  'gross_margin',
  'cac',
  'new_customers_per_year',
];

export type BaselineKey = AssumptionKey | 'starting_customers' | ExtraLever;

/** Levers the inputs may give beyond the projection's: the discount rate and a digital investment. */
export type ExtraLever = 'discount_rate' | 'investment_one_off' | 'benefit_per_year';
export const EXTRA_LEVERS: readonly ExtraLever[] = ['discount_rate', 'investment_one_off', 'benefit_per_year'];

/** Where a baseline value came from: a form input, a computed KPI, a file's measure, or the loaded projection. */
export type BaselineOrigin = { input: string } | { kpi: string } | { kind: string; measure: string } | { projection: true };

export interface Baseline {
  values: Partial<ProjectionAssumptions> & { starting_customers?: number } & Partial<Record<ExtraLever, number>>;
  /** Where each value came from (the page names the sources: input-sources.ts). */
  from: Partial<Record<BaselineKey, BaselineOrigin>>;
  /** Assumptions that neither the inputs nor a loaded projection give (the extra levers are never missing). */
  missing: Array<AssumptionKey | 'starting_customers'>;
}

type Candidate = [number | null | undefined, BaselineOrigin];

function kpiValue(answer: ComputeAnswer | null, id: string): number | null {
  const kpi = answer?.kpis.find((k) => k.id === id);
  return kpi && Number.isFinite(kpi.value) ? kpi.value : null;
}

/** A per-period rate's annual equivalent, as the core gives it in a KPI's details. */
function annualRate(answer: ComputeAnswer | null, id: string): number | null {
  const kpi = answer?.kpis.find((k) => k.id === id);
  const annual = kpi?.details?.['annual_rate'];
  if (typeof annual === 'number' && Number.isFinite(annual)) return annual;
  return kpi && Number.isFinite(kpi.value) ? kpi.value : null;
}

/** How many of the churn period make a year: counts over a month are per month. */
const PERIODS_A_YEAR: Record<string, number> = { month: 12, quarter: 4, year: 1 };

/** The rank of the loaded projection block: after every input, KPI and file. */
const LAST = 1e9;

/** The finite candidate of the best rank (lowest), the earlier of equals. */
function best(candidates: Candidate[], rank: (origin: BaselineOrigin) => number): [number, BaselineOrigin] | null {
  let found: [number, BaselineOrigin] | null = null;
  let foundRank = Infinity;
  for (const [v, origin] of candidates) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    const r = rank(origin);
    if (r < foundRank) [found, foundRank] = [[v, origin], r];
  }
  return found;
}

/**
 * Baseline assumptions from the inputs (typed, or from files: input-sources.ts) and what the core
 * computed from them, then the loaded files' measures ("<kind>.<measure>": the customers of a
 * transactions file); a projection block loaded with the data (the sample company) fills the rest.
 * Rates are annual: a monthly retention or churn is taken at its annual equivalent, and new
 * customers counted over a month or quarter are scaled to a year. `rank` orders the candidates by
 * their sources (typed before a file before the sample); without it, the first one listed wins.
 */
export function deriveBaseline(
  model: FormModel,
  state: FormState,
  answer: ComputeAnswer | null,
  loaded: ProjectionRequest | null,
  fileMeasures: Record<string, number> = {},
  rank: (origin: BaselineOrigin) => number = () => 0,
): Baseline {
  const typed = (key: string): Candidate => [typedNumber(model, state, key), { input: key }];
  const measure = (kind: string, id: string): Candidate => [fileMeasures[`${kind}.${id}`], { kind, measure: id }];
  const churn = annualRate(answer, 'churn_rate');
  const period = typeof state['churn_period'] === 'string' && state['churn_period'] !== '' ? state['churn_period'] : 'year';
  const newInPeriod = typedNumber(model, state, 'new_customers');
  const benefit3y = typedNumber(model, state, 'benefit_3y');
  const candidates: Record<BaselineKey, Candidate[]> = {
    retention_rate: [
      [annualRate(answer, 'retention_rate'), { kpi: 'retention_rate' }],
      [churn === null ? null : 1 - churn, { kpi: 'churn_rate' }],
      typed('annual_retention_rate'),
    ],
    avg_order_value: [typed('avg_purchase_value')],
    purchases_per_year: [typed('purchases_per_year')],
    gross_margin: [typed('gross_margin')],
    cac: [[kpiValue(answer, 'cac'), { kpi: 'cac' }], typed('cac')],
    new_customers_per_year: [
      typed('new_customers_per_year'),
      [newInPeriod === null ? null : newInPeriod * (PERIODS_A_YEAR[period] ?? 1), { input: 'new_customers' }],
      measure('transactions', 'new_buyers_last_year'),
    ],
    starting_customers: [typed('customers_end'), typed('customers'), typed('customers_start'), measure('transactions', 'buying_customers')],
    discount_rate: [typed('discount_rate')],
    // The digital transformation's investment and its benefits over three years (the seed's ROI).
    investment_one_off: [typed('digital_transformation_roi.investment')],
    benefit_per_year: [[benefit3y === null ? null : benefit3y / 3, { input: 'benefit_3y' }]],
  };
  const baseline: Baseline = { values: {}, from: {}, missing: [] };
  for (const key of [...ASSUMPTIONS, 'starting_customers'] as const) {
    const fallback = key === 'starting_customers' ? loaded?.starting_customers : loaded?.baseline[key];
    const found = best([...candidates[key], [fallback, { projection: true }]], (o) => ('projection' in o ? LAST : rank(o)));
    if (found === null) baseline.missing.push(key);
    else [baseline.values[key], baseline.from[key]] = found;
  }
  for (const key of EXTRA_LEVERS) {
    const found = best(candidates[key], rank);
    if (found) [baseline.values[key], baseline.from[key]] = found;
  }
  return baseline;
}

/**
 * A projection block's move, kept relative to its baseline so that it still means the same when the
 * inputs change: rates move by points (retention +5 pts), amounts by a factor (CAC × 0.9).
 */
export type Change = { add: number } | { mul: number };
export type Scenario = Partial<Record<AssumptionKey, Change>>;

const ADDITIVE: ReadonlySet<AssumptionKey> = new Set(['retention_rate', 'gross_margin']);

function changeFor(key: AssumptionKey, base: number, value: number): Change {
  if (ADDITIVE.has(key) || base === 0) return { add: value - base };
  return { mul: value / base };
}

/** The changes a loaded projection block makes, where its scenario differs from its baseline. */
export function scenarioFromLoaded(loaded: ProjectionRequest | null): Scenario {
  const scenario: Scenario = {};
  if (!loaded) return scenario;
  for (const key of ASSUMPTIONS) {
    const s = loaded.scenario?.[key];
    const b = loaded.baseline?.[key];
    if (typeof s === 'number' && typeof b === 'number' && s !== b) scenario[key] = changeFor(key, b, s);
  }
  return scenario;
}
