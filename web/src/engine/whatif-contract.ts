// The what-if engine's request and answer as JSON (docs/JSON-API.md, `whatif(request)`; docs/WHATIF.md).
import type { EngineError } from './contract';

/** Every lever of the driver model, in the core's order (docs/WHATIF.md, "Levers"). */
export const LEVERS = [
  'starting_customers',
  'retention_rate',
  'new_customers_per_year',
  'cac',
  'avg_order_value',
  'purchases_per_year',
  'gross_margin',
  'price_change',
  'service_attach_rate',
  'service_revenue_per_customer',
  'service_gross_margin',
  'support_cost_per_customer',
  'first_contact_resolution',
  'investment_one_off',
  'investment_per_year',
  'benefit_per_year',
  'discount_rate',
] as const;

export type LeverKey = (typeof LEVERS)[number];
export type Levers = Partial<Record<LeverKey, number>>;

/** A lever's change in a scenario: added to, multiplied with, or in place of the baseline's value. */
export type LeverChange = { add: number } | { mul: number } | { set: number };

/** The outputs a KPI table, a tornado, a goal seek or a Monte Carlo target can name. */
export const OUTPUTS = [
  'cumulative_profit',
  'profit',
  'revenue',
  'customers',
  'profit_npv',
  'churn',
  'cltv',
  'ltv_cac',
  'cac_payback_months',
  'service_revenue_share',
  'roi',
  'net_roi',
  'npv',
  'irr',
  'payback_years',
] as const;

export type OutputKey = (typeof OUTPUTS)[number];

/** The yearly series of a scenario's answer. */
export type SeriesKey =
  | 'customers'
  | 'product_revenue'
  | 'service_revenue'
  | 'revenue'
  | 'gross_profit'
  | 'acquisition_cost'
  | 'service_cost'
  | 'investment'
  | 'benefit'
  | 'profit'
  | 'cumulative_profit';

export type LeverRange = { low: number; likely: number; high: number } | { mean: number; sd: number };

export interface WhatIfRequest {
  baseline: Levers;
  scenarios?: Array<{ name: string; changes: Partial<Record<LeverKey, LeverChange>> }>;
  horizon_years?: number;
  step?: 'year' | 'month';
  tornado?: { output: OutputKey; step?: number | 'range'; scenario?: string; year?: number };
  goal?: { lever: LeverKey; output: OutputKey; target: number; scenario?: string; low?: number; high?: number };
  monte_carlo?: {
    draws?: number;
    seed?: number;
    scenario?: string;
    ranges: Partial<Record<LeverKey, LeverRange>>;
    series?: SeriesKey[];
    target?: { output: OutputKey; at_least?: number; at_most?: number };
  };
}

/** One output's value (null with a code when it cannot be computed), its formula and what went in. */
export interface WhatIfKpi {
  value: number | null;
  code?: string;
  formula: string;
  inputs: Record<string, unknown>;
}

export interface ScenarioAnswer {
  name: string;
  levers: Record<LeverKey, number>;
  years: Record<SeriesKey, number[]>;
  kpis: Record<OutputKey, WhatIfKpi>;
  /** Every scenario but the baseline: its differences from the baseline (null where either has no value). */
  difference?: { years: Record<SeriesKey, number[]>; kpis: Record<OutputKey, number | null> };
}

export interface TornadoBar {
  lever: LeverKey;
  low: number;
  high: number;
  output_low: number | null;
  output_high: number | null;
  swing: number | null;
}

export interface GoalAnswer {
  lever: LeverKey;
  output: OutputKey;
  target: number;
  status: 'reached' | 'unreachable';
  value?: number;
  output_value?: number;
  range: { low: number; high: number };
  code?: string;
  best?: { value: number; output_value: number | null };
}

export interface Band {
  p10: number;
  p50: number;
  p90: number;
}

export interface MonteCarloAnswer {
  draws: number;
  seed: number;
  bands: Partial<Record<SeriesKey, Band[]>>;
  clamped: Partial<Record<LeverKey, number>>;
  target?: { output: OutputKey; at_least?: number; at_most?: number; met: number; defined: number; probability: number; values: Band };
}

export interface WhatIfAnswer {
  errors: EngineError[];
  horizon_years?: number;
  years?: number[];
  scenarios?: ScenarioAnswer[];
  tornado?: { output: OutputKey; step: number | 'range'; base: number | null; bars: TornadoBar[] };
  goal?: GoalAnswer;
  monte_carlo?: MonteCarloAnswer;
}
