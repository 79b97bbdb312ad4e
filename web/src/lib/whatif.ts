// The what-if panel's assumptions: a baseline read from the user's inputs and computed KPIs, and a
// scenario the sliders move. The projection itself is computed by the core.
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

export const PROJECTION_YEARS = 5;

export type BaselineKey = AssumptionKey | 'starting_customers';

/** Where a baseline value came from: a form input, a computed KPI, a file's measure, or the loaded projection. */
export type BaselineOrigin = { input: string } | { kpi: string } | { kind: string; measure: string } | { projection: true };

export interface Baseline {
  values: Partial<ProjectionAssumptions> & { starting_customers?: number };
  /** Where each value came from (the page names the sources: input-sources.ts). */
  from: Partial<Record<BaselineKey, BaselineOrigin>>;
  /** Assumptions that neither the inputs nor a loaded projection give. */
  missing: BaselineKey[];
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
  };
  const baseline: Baseline = { values: {}, from: {}, missing: [] };
  for (const key of [...ASSUMPTIONS, 'starting_customers'] as const) {
    const fallback = key === 'starting_customers' ? loaded?.starting_customers : loaded?.baseline[key];
    const found = best([...candidates[key], [fallback, { projection: true }]], (o) => ('projection' in o ? LAST : rank(o)));
    if (found === null) baseline.missing.push(key);
    else [baseline.values[key], baseline.from[key]] = found;
  }
  return baseline;
}

/**
 * A slider's move, kept relative to the baseline so that it still means the same when the inputs
 * change: rates move by points (retention +5 pts), amounts by a factor (CAC × 0.9).
 */
export type Change = { add: number } | { mul: number };
export type Scenario = Partial<Record<AssumptionKey, Change>>;

const ADDITIVE: ReadonlySet<AssumptionKey> = new Set(['retention_rate', 'gross_margin']);

export function scenarioValue(key: AssumptionKey, base: number, scenario: Scenario): number {
  const change = scenario[key];
  if (!change) return base;
  return 'add' in change ? base + change.add : base * change.mul;
}

export function changeFor(key: AssumptionKey, base: number, value: number): Change {
  if (ADDITIVE.has(key) || base === 0) return { add: value - base };
  return { mul: value / base };
}

export function buildProjection(baseline: Baseline, scenario: Scenario): ProjectionRequest | null {
  if (baseline.missing.length > 0) return null;
  const base = baseline.values as ProjectionAssumptions & { starting_customers: number };
  const pick = (key: AssumptionKey) => scenarioValue(key, base[key], scenario);
  return {
    starting_customers: base.starting_customers,
    years: PROJECTION_YEARS,
    baseline: {
      retention_rate: base.retention_rate,
      avg_order_value: base.avg_order_value,
      purchases_per_year: base.purchases_per_year,
      gross_margin: base.gross_margin,
      cac: base.cac,
      new_customers_per_year: base.new_customers_per_year,
    },
    scenario: {
      retention_rate: pick('retention_rate'),
      avg_order_value: pick('avg_order_value'),
      purchases_per_year: pick('purchases_per_year'),
      gross_margin: pick('gross_margin'),
      cac: pick('cac'),
      new_customers_per_year: pick('new_customers_per_year'),
    },
  };
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

export interface SliderRange {
  min: number;
  max: number;
  step: number;
  percent: boolean;
}

function niceStep(span: number): number {
  const raw = span / 200;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit < 2 ? 1 : unit < 5 ? 2 : 5) * power;
}

/** Slider range around the baseline, widened to hold the current scenario value. */
export function sliderRange(key: AssumptionKey, base: number, current: number): SliderRange {
  let range: SliderRange;
  switch (key) {
    case 'retention_rate':
      range = { min: 0.3, max: 0.99, step: 0.005, percent: true };
      break;
    case 'gross_margin':
      range = { min: 0, max: 0.9, step: 0.005, percent: true };
      break;
    case 'purchases_per_year': {
      const max = Math.max(1, base * 2);
      range = { min: 0, max, step: max <= 4 ? 0.05 : niceStep(max), percent: false };
      break;
    }
    case 'new_customers_per_year': {
      const max = Math.max(10, Math.ceil(base * 2));
      range = { min: 0, max, step: max <= 400 ? 1 : niceStep(max), percent: false };
      break;
    }
    default: {
      const max = base > 0 ? base * 2 : 1000;
      range = { min: 0, max, step: niceStep(max), percent: false };
    }
  }
  range.min = Math.min(range.min, current, base);
  range.max = Math.max(range.max, current, base);
  return range;
}
