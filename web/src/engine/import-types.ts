// Types of the file import JSON (module.kinds(), FileImport requests and answers). The core is the
// source of truth; these describe what the page reads and tolerate extra fields.
import type { EngineError, KpiResult, LocalText } from './types';

export const KIND_IDS = ['transactions', 'subscriptions', 'survey', 'tickets', 'spend', 'ledger'] as const;
export type KindId = (typeof KIND_IDS)[number];
export type ImportKind = KindId | 'auto';

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
}

export const DATE_FORMATS = ['iso', 'ymd', 'mdy', 'dmy', 'cjk', 'compact', 'excel_serial'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A FileImport request (what the page chooses; the core detects everything left out). */
export interface ImportOptions {
  kind: ImportKind;
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  delimiter?: ',' | ';' | 'tab' | '|' | 'spaces';
  sheet?: number;
  /** Field id to the header of the file's column, or null for "not in this file". */
  mapping?: Record<string, string | null>;
  date_formats?: Record<string, DateFormat>;
  decimal?: '.' | ',';
  period?: 'month' | 'quarter' | 'year';
  scale?: 'nps' | 'csat';
  as_of?: string;
  gross_margin?: number;
  discount_rate?: number;
}

export interface ImportProgress {
  importId: number;
  bytes: number;
  total: number;
  rows: number;
  rowsPerSecond: number;
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

export interface Note {
  id: string;
  message: string;
}

export interface FileInfo {
  format: 'csv' | 'xlsx' | string;
  encoding?: string;
  encoding_reason?: string;
  delimiter?: string;
  bytes: number;
  replaced_characters?: number;
  sheets?: string[];
  sheet?: number | string;
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
  note?: string;
  decimal?: string;
}

export interface ImportReject {
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface ImportReport {
  kind: string;
  file: FileInfo;
  header: string[];
  mapping: MappingEntry[];
  formats: FormatEntry[];
  rows_read: number;
  rows_used: number;
  rows_rejected: number;
  rejects: ImportReject[];
  rejects_kept?: number;
}

export interface ImportAnswer {
  kind: string;
  kpis: KpiResult[];
  errors: EngineError[];
  inputs?: Record<string, unknown>;
  measures?: Measure[];
  tables?: Record<string, DataTable>;
  notes?: Note[];
  import?: ImportReport;
}

/** KPIs that need two imported files at once (LTV:CAC per channel), from the core's combine(). */
export interface CombinedAnswer {
  kpis: KpiResult[];
  errors: EngineError[];
  inputs?: Record<string, unknown>;
  /** Which kind of file each merged input came from. */
  sources?: Record<string, string>;
  notes?: Note[];
}

/** The file-level problem of an answer (wrong kind, missing column, unreadable file), if any. */
export function fileError(answer: ImportAnswer): EngineError | undefined {
  return answer.errors.find((e) => e.input === 'file');
}

/** The kind an import stands for: the one asked for, or the one the core detected for "auto". */
export function resolvedKind(asked: string, answer: { kind?: string; import?: { kind?: string } }): string {
  if (asked !== 'auto') return asked;
  return answer.kind || answer.import?.kind || asked;
}
