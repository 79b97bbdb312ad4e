// Types of the JSON that the C++ core speaks (docs/JSON-API.md). The core is the source of truth;
// these types describe what the page reads and are deliberately tolerant of extra fields.

export interface LocalText {
  en: string;
  zh: string;
}

export type Unit =
  | 'money'
  | 'count'
  | 'fraction'
  | 'ratio'
  | 'score'
  | 'points'
  | 'years'
  | 'months'
  | 'days'
  | 'hours'
  | 'per_year'
  | 'per_month'
  | 'date'
  | 'choice'
  | 'groups';

export type InputKind = 'number' | 'counts5' | 'date' | 'choice' | 'groups';

export type Band = 'good' | 'watch' | 'bad' | 'none';

export interface Threshold {
  value: number;
  strict: boolean;
}

export interface Bands {
  direction: 'higher' | 'lower';
  good: Threshold | null;
  watch?: Threshold | null;
}

export interface InputSpec {
  name: string;
  unit: Unit;
  kind: InputKind;
  label: LocalText;
  scoped: boolean;
  min?: number;
  max?: number;
  choices?: string[];
  fields?: string[];
}

/** An input as listed under one KPI of the catalog. */
export interface KpiInputSpec extends InputSpec {
  optional: boolean;
  default: number | null;
  derived_from: string | null;
  /** Read when given for another KPI (LTV:CAC reads cac's channels); not shown among this KPI's fields. */
  companion?: boolean;
}

/** An input as listed once in the catalog's `inputs`. */
export interface CatalogInput extends InputSpec {
  used_by: string[];
}

export interface KpiSpec {
  id: string;
  group: string;
  unit: Unit;
  symbol: string;
  name: LocalText;
  formula: string;
  explanation: LocalText;
  inputs: KpiInputSpec[];
  bands: Bands | null;
  band_variants: Record<string, Bands> | null;
}

export interface GroupSpec {
  id: string;
  name: LocalText;
}

export interface Catalog {
  version: number;
  groups: GroupSpec[];
  kpis: KpiSpec[];
  inputs: CatalogInput[];
}

// ---- compute -------------------------------------------------------------------------------

/** A request value: numbers, decimal text (the core parses it), dates, choices, counts, groups. */
export type InputValue = number | string | Array<number | string> | Record<string, Record<string, number | string>>;

export interface ProjectionAssumptions {
  retention_rate: number;
  avg_order_value: number;
  purchases_per_year: number;
  gross_margin: number;
  cac: number;
  new_customers_per_year: number;
}

export type AssumptionKey = keyof ProjectionAssumptions;

export interface ProjectionRequest {
  starting_customers: number;
  years: number;
  baseline: ProjectionAssumptions;
  scenario: ProjectionAssumptions;
}

export interface ComputeRequest {
  inputs: Record<string, InputValue>;
  thresholds?: Record<string, { good?: number; watch?: number }>;
  projection?: ProjectionRequest | null;
  /** Leave out each KPI's formula and inputs_used (the page has the formulas from the catalog). */
  compact?: boolean;
}

export interface RuleSpec {
  band: Band;
  op: string;
  value: number;
}

export interface Interval {
  low: number;
  high: number;
  level: number;
}

export interface BreakdownRow {
  name: string;
  value: number;
  band: Band;
  rule?: string;
  rule_spec?: RuleSpec | null;
}

export interface KpiResult {
  id: string;
  value: number;
  unit: Unit;
  band: Band;
  rule: string;
  rule_spec?: RuleSpec | null;
  formula: string;
  variant?: string;
  interval?: Interval;
  details?: Record<string, unknown>;
  breakdown?: BreakdownRow[];
  inputs_used?: Record<string, unknown>;
}

export interface EngineError {
  kpi: string | null;
  input: string | null;
  message: string;
}

export interface ProjectionPath {
  customers: number[];
  revenue: number[];
  gross_profit: number[];
  acquisition_cost: number[];
  profit: number[];
}

export interface ProjectionTotals {
  revenue: number;
  profit: number;
  [key: string]: number;
}

export interface ProjectionAnswer {
  years: number[];
  baseline: ProjectionPath;
  scenario: ProjectionPath;
  difference: ProjectionPath;
  totals: {
    baseline: ProjectionTotals;
    scenario: ProjectionTotals;
    difference: ProjectionTotals;
  };
}

export interface ComputeAnswer {
  kpis: KpiResult[];
  errors: EngineError[];
  projection?: ProjectionAnswer;
}

// ---- analyze -------------------------------------------------------------------------------

export interface ImportReject {
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface ImportReport {
  rows_read: number;
  rows_used: number;
  rows_rejected: number;
  rejects: ImportReject[];
}

export interface SpendTableRow {
  channel: string;
  spend: number;
  new_customers: number;
  cac: number | null;
}

export interface AnalyzeAnswer {
  kpis: KpiResult[];
  errors: EngineError[];
  import?: ImportReport;
  table?: SpendTableRow[];
}

// ---- worker protocol -----------------------------------------------------------------------

export type WorkerRequest =
  | { id: number; type: 'catalog' }
  | { id: number; type: 'kinds' }
  // The request travels as JSON text: cloning a string across threads is one copy, while
  // cloning an object walks it on both sides.
  | { id: number; type: 'compute'; requestText: string; lane?: string }
  | { id: number; type: 'analyze'; kind: string; text: string }
  | { id: number; type: 'combine'; requestText: string }
  // The File itself crosses (a handle, not its bytes); the worker streams it.
  | { id: number; type: 'import'; file: Blob; requestText: string }
  // The CSV of every row the last finished import of this kind rejected (text, not JSON).
  | { id: number; type: 'rejects'; kind: string };

/** Messages without an answer of their own. */
export type WorkerSignal = { type: 'cancel'; importId: number } | { type: 'forget' };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  /** The idle warm-up of the import path has ended (engine/warm-up.ts). */
  | { type: 'warmed'; rows: number; ms: number }
  | { type: 'progress'; importId: number; bytes: number; total: number; rows: number; rowsPerSecond: number }
  | { id: number; ok: true; resultText: string }
  | { id: number; ok: false; superseded?: boolean; cancelled?: boolean; message: string };
