// The keys of contract.ts as data, for tests/wasm/contract.test.mjs to check against the built
// module's real answers: every required key present with its JSON type, every optional key of its
// type when present, arrays and maps of a contract type checked element by element.
//
// contract.ts stays the one source of truth: `schemaAgrees` below does not compile unless each
// entry here lists exactly the keys of its interface, optional exactly where the interface says so,
// with exactly the JSON types the interface allows, and nests the interface of each array element
// or map value. The page never imports this file.
import type * as C from './contract';

export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** The interfaces checked, by name. */
export interface Contract {
  LocalText: C.LocalText;
  CoreMessage: C.CoreMessage;
  EngineError: C.EngineError;
  Note: C.Note;
  ImportReject: C.ImportReject;
  Threshold: C.Threshold;
  Bands: C.Bands;
  KpiInputSpec: C.KpiInputSpec;
  CatalogInput: C.CatalogInput;
  KpiSpec: C.KpiSpec;
  GroupSpec: C.GroupSpec;
  Catalog: C.Catalog;
  KindField: C.KindField;
  DataKind: C.DataKind;
  DateFormatSpec: C.DateFormatSpec;
  KindsCatalog: C.KindsCatalog;
  RuleSpec: C.RuleSpec;
  Interval: C.Interval;
  BreakdownRow: C.BreakdownRow;
  KpiResult: C.KpiResult;
  ProjectionPath: C.ProjectionPath;
  ProjectionTotals: C.ProjectionTotals;
  ProjectionTotalsSet: C.ProjectionTotalsSet;
  ProjectionAnswer: C.ProjectionAnswer;
  ComputeAnswer: C.ComputeAnswer;
  Measure: C.Measure;
  DataTable: C.DataTable;
  FileInfo: C.FileInfo;
  MappingEntry: C.MappingEntry;
  FormatEntry: C.FormatEntry;
  ImportReport: C.ImportReport;
  ImportAnswer: C.ImportAnswer;
  CombinedAnswer: C.CombinedAnswer;
}
export type ContractName = keyof Contract;

/**
 * One key: the JSON types it may hold; `of` for an array's elements, `values` for a map's values,
 * `shape` for an object's own keys, each a contract type checked in turn.
 */
export interface KeySpec {
  readonly type: readonly JsonType[];
  readonly optional?: true;
  readonly of?: ContractName;
  readonly values?: ContractName;
  readonly shape?: ContractName;
}

const t = <const J extends readonly JsonType[]>(...type: J) => ({ type }) as const;
const optional = <const S extends KeySpec>(spec: S) => ({ ...spec, optional: true }) as const;
const opt = <const J extends readonly JsonType[]>(...type: J) => optional(t(...type));
const arrayOf = <const N extends ContractName>(of: N) => ({ type: ['array'], of }) as const;
const mapOf = <const N extends ContractName>(values: N) => ({ type: ['object'], values }) as const;
const shape = <const N extends ContractName>(name: N) => ({ type: ['object'], shape: name }) as const;
const shapeOrNull = <const N extends ContractName>(name: N) => ({ type: ['object', 'null'], shape: name }) as const;

const str = t('string');
const num = t('number');
const bool = t('boolean');
const obj = t('object');
const arr = t('array');
const text = shape('LocalText');
const strOrNull = t('string', 'null');

const message = { code: str, params: obj, message: str } as const;
const input = {
  name: str,
  unit: str,
  kind: str,
  label: text,
  scoped: bool,
  min: opt('number'),
  max: opt('number'),
  choices: opt('array'),
  fields: opt('array'),
} as const;

export const schema = {
  LocalText: { en: str, zh: str },
  CoreMessage: { ...message },
  EngineError: { ...message, kpi: strOrNull, input: strOrNull },
  Note: { ...message, id: str },
  ImportReject: { row: num, column: strOrNull, value: strOrNull, reason: str, code: str, params: obj },
  Threshold: { value: num, strict: bool },
  Bands: { direction: str, good: shapeOrNull('Threshold'), watch: optional(shapeOrNull('Threshold')) },
  KpiInputSpec: {
    ...input,
    optional: bool,
    default: t('number', 'null'),
    derived_from: strOrNull,
    companion: opt('boolean'),
  },
  CatalogInput: { ...input, used_by: arr },
  KpiSpec: {
    id: str,
    group: str,
    unit: str,
    symbol: str,
    name: text,
    formula: str,
    explanation: text,
    inputs: arrayOf('KpiInputSpec'),
    bands: shapeOrNull('Bands'),
    band_variants: { type: ['object', 'null'], values: 'Bands' },
  },
  GroupSpec: { id: str, name: text },
  Catalog: { version: num, groups: arrayOf('GroupSpec'), kpis: arrayOf('KpiSpec'), inputs: arrayOf('CatalogInput') },
  KindField: { id: str, type: str, required: bool, label: text, aliases: arr, categories: opt('array') },
  DataKind: { id: str, name: text, description: text, fields: arrayOf('KindField'), one_of: arr },
  DateFormatSpec: { id: str, label: str, example: str },
  KindsCatalog: { kinds: arrayOf('DataKind'), date_formats: arrayOf('DateFormatSpec') },
  RuleSpec: { band: str, op: str, value: num },
  Interval: { low: num, high: num, level: num, method: opt('string') },
  BreakdownRow: { name: str, value: num, band: str, rule: opt('string'), rule_spec: optional(shapeOrNull('RuleSpec')) },
  KpiResult: {
    id: str,
    value: num,
    unit: str,
    band: str,
    rule: str,
    rule_spec: optional(shapeOrNull('RuleSpec')),
    formula: opt('string'),
    variant: opt('string'),
    interval: optional(shape('Interval')),
    details: opt('object'),
    breakdown: optional(arrayOf('BreakdownRow')),
    warnings: arrayOf('EngineError'),
    inputs_used: opt('object'),
  },
  ProjectionPath: { customers: arr, revenue: arr, gross_profit: arr, acquisition_cost: arr, profit: arr },
  ProjectionTotals: { revenue: num, profit: num },
  ProjectionTotalsSet: {
    baseline: shape('ProjectionTotals'),
    scenario: shape('ProjectionTotals'),
    difference: shape('ProjectionTotals'),
  },
  ProjectionAnswer: {
    years: arr,
    baseline: shape('ProjectionPath'),
    scenario: shape('ProjectionPath'),
    difference: shape('ProjectionPath'),
    totals: shape('ProjectionTotalsSet'),
  },
  ComputeAnswer: { kpis: arrayOf('KpiResult'), errors: arrayOf('EngineError'), projection: optional(shape('ProjectionAnswer')) },
  Measure: { id: str, value: num, unit: str },
  DataTable: { columns: arr, units: opt('array'), rows: arr, total_rows: num },
  FileInfo: {
    format: opt('string'),
    encoding: opt('string'),
    encoding_reason: opt('string'),
    encoding_reason_code: opt('string'),
    encoding_reason_params: opt('object'),
    delimiter: opt('string'),
    bytes: num,
    replaced_characters: opt('number'),
    sheets: opt('array'),
    sheet: opt('number', 'string'),
    header_row: opt('boolean'),
    first_rows: opt('array'),
  },
  MappingEntry: { field: str, column: strOrNull, index: num, guessed: bool },
  FormatEntry: {
    field: str,
    column: str,
    type: str,
    format: opt('string'),
    order: opt('string'),
    ambiguous: opt('boolean'),
    chosen: opt('boolean'),
    note: opt('string'),
    note_parts: optional(arrayOf('CoreMessage')),
    decimal: opt('string'),
    currencies: opt('object'),
  },
  ImportReport: {
    kind: str,
    file: shape('FileInfo'),
    header: opt('array'),
    mapping: optional(arrayOf('MappingEntry')),
    formats: optional(arrayOf('FormatEntry')),
    rows_read: opt('number'),
    rows_used: opt('number'),
    rows_rejected: opt('number'),
    rejects: optional(arrayOf('ImportReject')),
    rejects_kept: opt('number'),
    file_value: opt('number'),
    rejected_value: opt('number'),
    rejected_value_share: opt('number', 'null'),
    rejected_rows_without_value: opt('number'),
  },
  ImportAnswer: {
    kind: opt('string'),
    kpis: arrayOf('KpiResult'),
    errors: arrayOf('EngineError'),
    inputs: opt('object'),
    measures: optional(arrayOf('Measure')),
    tables: optional(mapOf('DataTable')),
    notes: optional(arrayOf('Note')),
    import: optional(shape('ImportReport')),
  },
  CombinedAnswer: {
    kpis: arrayOf('KpiResult'),
    errors: arrayOf('EngineError'),
    inputs: opt('object'),
    sources: opt('object'),
    notes: optional(arrayOf('Note')),
  },
} as const satisfies { readonly [N in ContractName]: Readonly<Record<string, KeySpec>> };

// ---- the compile-time check that this file says what contract.ts says ------------------------

type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type JsonTypeOf<V> = unknown extends V
  ? JsonType
  : V extends string
    ? 'string'
    : V extends number
      ? 'number'
      : V extends boolean
        ? 'boolean'
        : V extends null
          ? 'null'
          : V extends readonly unknown[]
            ? 'array'
            : V extends object
              ? 'object'
              : never;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type IsOptional<T, K extends keyof T> = {} extends Pick<T, K> ? true : false;
type Element<V> = V extends readonly (infer E)[] ? E : never;
type MapValue<V> = V extends Readonly<Record<string, infer E>> ? E : never;
type Named<V> = { [N in ContractName]: Equal<Contract[N], V> extends true ? N : never }[ContractName];

type Field<S, F extends string> = S extends { readonly [P in F]: infer N } ? N : undefined;
/** The contract type named in the schema is the one the interface holds there (or neither names one). */
type Holds<N, V> = [N] extends [undefined] ? ([Named<V>] extends [never] ? true : false) : Equal<N, Named<V>>;

type KeyAgrees<T, K extends keyof T, S> = S extends { readonly type: readonly (infer J)[] }
  ? [
      Equal<J, JsonTypeOf<Exclude<T[K], undefined>>>,
      Equal<S extends { readonly optional: true } ? true : false, IsOptional<T, K>>,
      Holds<Field<S, 'of'>, Element<Exclude<T[K], undefined | null>>>,
      Holds<Field<S, 'values'>, MapValue<Exclude<T[K], undefined | null>>>,
      Holds<Field<S, 'shape'>, Exclude<T[K], undefined | null>>,
    ] extends [true, true, true, true, true]
    ? true
    : K
  : K;
/** Without index signatures: the keys an interface names. */
type KnownKeys<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
type SchemaAgrees<I, S, T = KnownKeys<I>> =
  Equal<keyof T, keyof S> extends true
    ? { [K in keyof T & keyof S]-?: KeyAgrees<T, K, S[K]> }[keyof T & keyof S] extends true
      ? true
      : ['wrong keys', Exclude<{ [K in keyof T & keyof S]-?: KeyAgrees<T, K, S[K]> }[keyof T & keyof S], true>]
    : ['keys differ', Exclude<keyof T, keyof S> | Exclude<keyof S, keyof T>];

/** Each entry is `true`, or tsc names the key of that interface the schema gets wrong. */
export const schemaAgrees: { [N in ContractName]: SchemaAgrees<Contract[N], (typeof schema)[N]> } = {
  LocalText: true,
  CoreMessage: true,
  EngineError: true,
  Note: true,
  ImportReject: true,
  Threshold: true,
  Bands: true,
  KpiInputSpec: true,
  CatalogInput: true,
  KpiSpec: true,
  GroupSpec: true,
  Catalog: true,
  KindField: true,
  DataKind: true,
  DateFormatSpec: true,
  KindsCatalog: true,
  RuleSpec: true,
  Interval: true,
  BreakdownRow: true,
  KpiResult: true,
  ProjectionPath: true,
  ProjectionTotals: true,
  ProjectionTotalsSet: true,
  ProjectionAnswer: true,
  ComputeAnswer: true,
  Measure: true,
  DataTable: true,
  FileInfo: true,
  MappingEntry: true,
  FormatEntry: true,
  ImportReport: true,
  ImportAnswer: true,
  CombinedAnswer: true,
};
