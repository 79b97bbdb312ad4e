// What one workspace is: every input with its source, the file results, the what-if scenarios, thresholds,
// language and currency; what the page saves in this browser and what a shared link carries.
import type {
  CombinedAnswer,
  ComputeRequest,
  ImportAnswer,
  ImportOptions,
  InputValue,
  ProjectionRequest,
} from '../engine/contract';
import { isCurrency, isLang, type Currency, type Lang } from '../i18n/i18n';
import type { FormState } from './form-model';
import { isWhatIfDoc, migrateScenario, type WhatIfDoc } from './whatif-scenarios';

/** Where a value in the form came from: the user typed it, or the sample company gave it. */
export type FormSource = 'typed' | 'sample';

/** A file an input's value was read from; `viaLink` when it arrived in a shared link, without the file. */
export interface FileSource {
  type: 'file';
  kind: string;
  fileName: string;
  /** ISO 8601. */
  readAt: string;
  viaLink?: boolean;
  /** The value is a model's fitted on that file (bg_nbd, pareto_nbd, km: the customer base). */
  model?: string;
}

export type InputSource = { type: 'typed' } | { type: 'sample' } | FileSource;

/** A file-derived input that arrived as a value (a shared link, a saved workspace whose file is gone). */
export interface LinkedInput {
  value: InputValue;
  source: FileSource;
}

/** A file result as kept: the answer and how it was read; the file's bytes only when the user asked. */
export interface SavedFile {
  kind: string;
  fileName: string;
  readAt: string;
  options: ImportOptions;
  answer: ImportAnswer;
  headerKey: string | null;
  remembered: boolean;
  bytes?: Blob;
}

/** The page's whole state of work, as saved and restored. */
export interface WorkspaceState {
  form: FormState;
  /** The source of every non-blank form value, by form key. */
  formSources: Record<string, FormSource>;
  /** Request inputs the form has no field for, passed through to the core. */
  extra: Record<string, InputValue>;
  thresholds?: ComputeRequest['thresholds'];
  loadedProjection: ProjectionRequest | null;
  /** The what-if scenarios, ranges and questions (older workspaces kept one `scenario`: migrated). */
  whatif: WhatIfDoc;
  notice: 'sample' | 'cleared' | null;
  lang: Lang;
  currency: Currency;
  companyName: string;
  files: SavedFile[];
  combined: CombinedAnswer | null;
  activeFile: string | null;
  linkedInputs: Record<string, LinkedInput>;
  keepFileBytes: boolean;
}

// ---- reading a state back ----------------------------------------------------------------------

/** A state read back from storage or a link: valid (with defaults filled in), or where it is not. */
export type StateCheck = { ok: true; state: WorkspaceState } | { ok: false; where: string };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isRecordOf = (v: unknown, item: (x: unknown) => boolean): boolean => isObject(v) && Object.values(v).every(item);

function isGroupRow(v: unknown): boolean {
  return isObject(v) && isString(v['name']) && typeof v['known'] === 'boolean' && isRecordOf(v['values'], isString);
}

function isFieldValue(v: unknown): boolean {
  if (isString(v)) return true;
  if (!Array.isArray(v)) return false;
  return v.every(isString) || v.every(isGroupRow);
}

/** A request value: the shapes InputValue allows, with finite numbers only. */
export function isInputValue(v: unknown): v is InputValue {
  if (isNumber(v) || isString(v)) return true;
  if (Array.isArray(v)) return v.every((x) => isNumber(x) || isString(x));
  return isRecordOf(v, (row) => isRecordOf(row, (x) => isNumber(x) || isString(x)));
}

function isAssumptions(v: unknown): boolean {
  const keys = ['retention_rate', 'avg_order_value', 'purchases_per_year', 'gross_margin', 'cac', 'new_customers_per_year'];
  return isObject(v) && keys.every((k) => isNumber(v[k]));
}

function isProjection(v: unknown): boolean {
  return v === null || (isObject(v) && isNumber(v['starting_customers']) && isNumber(v['years']) && isAssumptions(v['baseline']) && isAssumptions(v['scenario']));
}

function isThresholds(v: unknown): boolean {
  return v === undefined || isRecordOf(v, (t) => isObject(t) && ['good', 'watch'].every((k) => t[k] === undefined || isNumber(t[k])));
}

function isFileSource(v: unknown): boolean {
  return isObject(v) && v['type'] === 'file' && isString(v['kind']) && isString(v['fileName']) && isString(v['readAt']);
}

export function isLinkedInput(v: unknown): v is LinkedInput {
  return isObject(v) && isInputValue(v['value']) && isFileSource(v['source']);
}

/** An answer is kept as the core gave it; what the page reads first of it must be there. */
function isAnswerLike(v: unknown): boolean {
  return isObject(v) && Array.isArray(v['kpis']) && Array.isArray(v['errors']);
}

function isSavedFile(v: unknown): boolean {
  if (!isObject(v)) return false;
  const bytes = v['bytes'];
  return (
    isString(v['kind']) &&
    isString(v['fileName']) &&
    isString(v['readAt']) &&
    isObject(v['options']) &&
    isString(v['options']['kind']) &&
    isAnswerLike(v['answer']) &&
    (v['headerKey'] === null || isString(v['headerKey'])) &&
    typeof v['remembered'] === 'boolean' &&
    (bytes === undefined || (typeof Blob !== 'undefined' && bytes instanceof Blob))
  );
}

/** Each part of a state and its test; the first that fails names where the state is damaged. */
const PARTS: Array<[keyof WorkspaceState, (v: unknown) => boolean]> = [
  ['form', (v) => isRecordOf(v, isFieldValue)],
  ['formSources', (v) => isRecordOf(v, (s) => s === 'typed' || s === 'sample')],
  ['extra', (v) => isRecordOf(v, isInputValue)],
  ['thresholds', isThresholds],
  ['loadedProjection', isProjection],
  ['whatif', isWhatIfDoc],
  ['notice', (v) => v === 'sample' || v === 'cleared' || v === null],
  ['lang', isLang],
  ['currency', isCurrency],
  ['companyName', isString],
  ['files', (v) => Array.isArray(v) && v.every(isSavedFile)],
  ['combined', (v) => v === null || isAnswerLike(v)],
  ['activeFile', (v) => v === null || isString(v)],
  ['linkedInputs', (v) => isRecordOf(v, isLinkedInput)],
  ['keepFileBytes', (v) => typeof v === 'boolean'],
];

/** What a state written before a part existed gets for it (so older saves and links still read). */
const DEFAULTS: Partial<WorkspaceState> = {
  extra: {},
  loadedProjection: null,
  notice: null,
  companyName: '',
  files: [],
  combined: null,
  activeFile: null,
  linkedInputs: {},
  keepFileBytes: false,
};

/** Checks a state read back (IndexedDB, a link): every part of the right shape, or where it is not. */
export function validateState(read: unknown): StateCheck {
  if (!isObject(read)) return { ok: false, where: 'state' };
  let value: Json = read;
  if (value['whatif'] === undefined) {
    // Written before the what-if scenarios: its one scenario becomes the first of them.
    const migrated = migrateScenario(value['scenario']);
    if (!migrated) return { ok: false, where: 'scenario' };
    value = { ...value, whatif: migrated };
  }
  const given = (key: string) => (value[key] === undefined ? (DEFAULTS as Json)[key] : value[key]);
  // Only the parts a state has are kept: anything else read back is left out.
  const clean: Json = {};
  for (const [key, test] of PARTS) {
    const part = given(key);
    if (part === undefined && key === 'thresholds') continue; // optional
    if (!test(part)) return { ok: false, where: key };
    clean[key] = part;
  }
  return { ok: true, state: clean as unknown as WorkspaceState };
}
