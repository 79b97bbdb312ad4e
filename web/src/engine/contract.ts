// The JSON the C++ core speaks (docs/JSON-API.md): catalog(), kinds(), compute(), a FileImport's
// answer and its rejects, combine(). The core is the source of truth; these types say what the page
// reads, and contract-schema.ts holds the same keys as data, so that tests/wasm/contract.test.mjs
// checks them against the built module's real answers (tsc checks that the two agree).
// Extra keys in an answer are allowed: the page reads what it knows.

export interface LocalText {
  en: string;
  zh: string;
}

// ---- messages ------------------------------------------------------------------------------

/**
 * What a message names, keyed by placeholder: numbers, input ids, KPI ids, field ids, column names,
 * lists of them, lines of the file (with "more" counting those left out).
 */
export type MessageParams = Record<string, unknown>;

/**
 * Every text the core writes for a person: a stable code (the key of the page's message tables,
 * web/src/i18n/messages), what it names, and the English sentence the CLI prints.
 */
export interface CoreMessage {
  code: string;
  params: MessageParams;
  message: string;
}

/** A problem with a KPI, an input, the request or a file. */
export interface EngineError extends CoreMessage {
  /** The KPI it stops, "projection", or null for the request or the file as a whole. */
  kpi: string | null;
  /** The input to blame ("file" and "kind" for a file's import), or null. */
  input: string | null;
}

/** What an answer assumed or could not compute. */
export interface Note extends CoreMessage {
  id: string;
}

/** A row of a file the import did not use, and why (the reason is the message). */
export interface ImportReject {
  /** The line of the file. */
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
  code: string;
  params: MessageParams;
}

// ---- catalog() -----------------------------------------------------------------------------

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

// ---- kinds() -------------------------------------------------------------------------------

export type FieldType = 'text' | 'number' | 'date' | 'flag' | 'category';

export interface KindField {
  id: string;
  type: FieldType;
  required: boolean;
  label: LocalText;
  aliases: string[];
  categories?: string[];
}

export interface DataKind {
  id: string;
  name: LocalText;
  description: LocalText;
  fields: KindField[];
  /** Groups of alternatives: in each group, one alternative must have all its fields mapped. */
  one_of: string[][][];
}

export interface KindsCatalog {
  kinds: DataKind[];
  /** The date formats a column can be read with (iso, ymd, mdy, dmy, cjk, compact, excel_serial), in the order offered. */
  date_formats: DateFormatSpec[];
}

/** A kind's id, as kinds() lists it. */
export type KindId = string;
/** What an import is asked to read a file as: a kind, or "auto" to let the core choose. */
export type ImportKind = KindId;
/** A date format's id, as kinds() lists it. */
export type DateFormat = string;
/** A date format kinds() lists: its id (a DateFormat), the label the import report shows, an example. */
export interface DateFormatSpec {
  id: DateFormat;
  label: string;
  example: string;
}

// ---- compute() -----------------------------------------------------------------------------

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
  /** How it was worked out: "mover_wilson" for the NPS (docs/JSON-API.md). */
  method?: string;
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
  /** Absent in a compact answer: the page shows the catalog's formula. */
  formula?: string;
  variant?: string;
  interval?: Interval;
  details?: Record<string, unknown>;
  breakdown?: BreakdownRow[];
  /** Shown with the value, never instead of it: a small sample, inputs that contradict each other. */
  warnings: EngineError[];
  inputs_used?: Record<string, unknown>;
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

export interface ProjectionTotalsSet {
  baseline: ProjectionTotals;
  scenario: ProjectionTotals;
  difference: ProjectionTotals;
}

export interface ProjectionAnswer {
  years: number[];
  baseline: ProjectionPath;
  scenario: ProjectionPath;
  difference: ProjectionPath;
  totals: ProjectionTotalsSet;
}

export interface ComputeAnswer {
  kpis: KpiResult[];
  errors: EngineError[];
  projection?: ProjectionAnswer;
}

// ---- FileImport ----------------------------------------------------------------------------

/** A FileImport request (what the page chooses; the core detects everything left out). */
export interface ImportOptions {
  kind: ImportKind;
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  delimiter?: ',' | ';' | 'tab' | '|' | 'spaces';
  sheet?: number;
  /**
   * Field id to the header of the file's column, or its position (1 for the first column), or null
   * for "not in this file". A file without a header line names its columns "1", "2", ...
   */
  mapping?: Record<string, string | number | null>;
  /** Whether the first row is a header line: true, false, or "auto" (the default) to detect it. */
  header?: boolean | 'auto';
  date_formats?: Record<string, DateFormat>;
  decimal?: '.' | ',';
  period?: 'week' | 'month' | 'quarter' | 'year';
  scale?: 'nps' | 'csat';
  as_of?: string;
  gross_margin?: number;
  discount_rate?: number;
  /** Survival tables: the value of one period, for the lifetime value and the CLV inputs. */
  value_per_period?: number;
}

export interface Measure {
  id: string;
  value: number;
  unit: string;
}

export type Cell = string | number | boolean | null;

export interface DataTable {
  columns: string[];
  /** What each column holds: "text", "date", "flag", "line" or a catalog unit ("money", "fraction", ...). */
  units?: string[];
  rows: Cell[][];
  total_rows: number;
}

export interface FileInfo {
  /** "csv" or "xlsx"; absent when the file was empty. */
  format?: string;
  encoding?: string;
  /** Why this encoding, in English; its code and params below are what the page shows. */
  encoding_reason?: string;
  encoding_reason_code?: string;
  encoding_reason_params?: Record<string, unknown>;
  delimiter?: string;
  bytes: number;
  replaced_characters?: number;
  sheets?: string[];
  sheet?: number | string;
  /** Whether the first row was a header line; false: the columns are "1", "2", ... by position. */
  header_row?: boolean;
  /** A file without a header line: its first two rows as read (20 cells each at most). */
  first_rows?: string[][];
}

export interface MappingEntry {
  field: string;
  column: string | null;
  index: number;
  guessed: boolean;
}

export interface FormatEntry {
  field: string;
  column: string;
  type: 'date' | 'number';
  format?: string;
  order?: string;
  ambiguous?: boolean;
  /** The user chose this format (date_formats) rather than the core detecting it. */
  chosen?: boolean;
  /** What to check about the format, in English; note_parts are its sentences as messages. */
  note?: string;
  note_parts?: CoreMessage[];
  decimal?: string;
  /** Number columns: how many of the first rows' cells carry each currency ("NT$": 120, "TWD": 3). */
  currencies?: Record<string, number>;
}

/**
 * How a file was read. A file that could not be read, or whose kind was not recognised, has only its
 * kind and file facts: everything from the header on is absent.
 */
export interface ImportReport {
  kind: string;
  file: FileInfo;
  header?: string[];
  mapping?: MappingEntry[];
  formats?: FormatEntry[];
  rows_read?: number;
  rows_used?: number;
  rows_rejected?: number;
  /** The first rejects (100 at most); FileImport.rejectsJson() has them all. */
  rejects?: ImportReject[];
  rejects_kept?: number;
  /** Transactions: the value (amount, else quantity × unit price, as written) of all rows and of
   * the rejected ones, its share, and how many rejected rows had no readable value. */
  file_value?: number;
  rejected_value?: number;
  rejected_value_share?: number | null;
  rejected_rows_without_value?: number;
}

/** A FileImport's finish(): compute()'s answer for the inputs derived from the file, and more. */
export interface ImportAnswer {
  /** The kind read (the detected one for "auto"); absent when the request itself was bad. */
  kind?: string;
  kpis: KpiResult[];
  errors: EngineError[];
  inputs?: Record<string, unknown>;
  measures?: Measure[];
  tables?: Record<string, DataTable>;
  notes?: Note[];
  import?: ImportReport;
}

// ---- combine() -----------------------------------------------------------------------------

/** KPIs that need two imported files at once (LTV:CAC per channel), from the core's combine(). */
export interface CombinedAnswer {
  kpis: KpiResult[];
  errors: EngineError[];
  inputs?: Record<string, unknown>;
  /** Which kind of file each merged input came from. */
  sources?: Record<string, string>;
  notes?: Note[];
}

// ---- fitModels() (customer-base models on a kept import) -----------------------------------

/** One fitted model: its parameters and their standard errors (null: none), and what to know about it. */
export interface ModelFitAnswer {
  name: string;
  params: Record<string, number | null>;
  std_errors: Record<string, number | null>;
  log_likelihood: number | null;
  converged: boolean;
  evaluations: number;
  warnings: CoreMessage[];
}

export interface Percentiles {
  p5: number | null;
  p50: number | null;
  p95: number | null;
}

/** The customer base as one count model sees it. */
export interface ModelBase {
  model: string;
  customers: number;
  expected_purchases: number | null;
  value: number | null;
  probably_lost: number;
  probably_lost_share: number | null;
  /** Customers by P(alive), 10 bins of 0.1 from 0. */
  p_alive_histogram: number[];
}

export interface HoldoutFrequency {
  frequency: number;
  customers: number;
  mean_actual: number | null;
  mean_predicted: number | null;
}

export interface HoldoutModel {
  model: string;
  by_frequency: HoldoutFrequency[];
  mean_absolute_error: number | null;
  total_actual: number | null;
  total_predicted: number | null;
  total_error: number | null;
}

/** A table of rows under named columns (the retention and survival curves). */
export interface ColumnsRows {
  columns: string[];
  rows: (number | boolean | null)[][];
}

/**
 * The customers' table of a fit as the worker keeps it (engine/customer-table.ts): the page asks for
 * windows of "cb_customers" and "cb_slipping" with `fit` as the import id.
 */
export interface CustomerTableInfo {
  fit: number;
  /** The count model of P(alive), expected purchases and CLV ("" none). */
  model: string;
  columns: string[];
  units: string[];
  total: number;
  /** "Valuable customers slipping away": how many, and the past value that makes one valuable. */
  slipping: number;
  threshold: number | null;
  first_rows: Cell[][];
  first_slipping: Cell[][];
}

/** FileImport.fitModels()'s answer (docs/JSON-API.md); a value that cannot be computed is null. */
export interface CustomerBaseAnswer {
  models: ModelFitAnswer[];
  customer_columns?: string[];
  customers?: Cell[][];
  customers_total?: number;
  /** Added by the worker: the customers' table it keeps as columns (then "customers" is empty). */
  customer_table?: CustomerTableInfo;
  horizon?: number;
  /** The value's horizon in years and discount rate a year: the same for both count models. */
  clv_years?: number;
  discount_rate?: number;
  base?: ModelBase[];
  holdout?: { length: number; models: HoldoutModel[] };
  model_choice?: { model: string; other: string | null; code: string; params: MessageParams };
  intervals?: {
    model: string;
    draws: number;
    seed: number;
    expected_purchases: Percentiles | null;
    value: Percentiles | null;
    customer_columns: string[];
    customers: ([number | null, number | null, number | null] | null)[];
  };
  retention?: ColumnsRows & { discounted_expected_lifetime: number | null; expected_lifetime_value: number | null };
  survival?: ColumnsRows & { median: number | null; warnings: CoreMessage[] };
  summary?: { customers: number; calibration_end: string | null; time_unit: string; warnings: CoreMessage[] };
  cohorts?: {
    cohorts: string[];
    customers: number[];
    /** How many months-since columns each row has (0, 1, ...; the core's cap). */
    months_since: number;
    active: (number | null)[][];
    revenue: (number | null)[][];
  };
  errors: CoreMessage[];
  warnings: CoreMessage[];
}

// ---- reading answers -------------------------------------------------------------------------

/** The file-level problem of an answer (wrong kind, missing column, unreadable file), if any. */
export function fileError(answer: ImportAnswer): EngineError | undefined {
  return answer.errors.find((e) => e.input === 'file');
}

/** The kind an import stands for: the one asked for, or the one the core detected for "auto". */
export function resolvedKind(asked: string, answer: { kind?: string | undefined; import?: { kind?: string } | undefined }): string {
  if (asked !== 'auto') return asked;
  return answer.kind || answer.import?.kind || asked;
}
