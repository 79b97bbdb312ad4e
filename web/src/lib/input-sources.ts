// One model of the business: every input of the form gets one value and its source. A typed value
// wins, then the latest file that determines the input (or a file value that came in a link), then
// the sample company's value. Where a file disagrees with what was typed, or two files disagree,
// both are kept so the page can show them side by side.
import type { InputValue } from '../engine/contract';
import { type FieldValue, type FormModel, type FormState, stateFromRequest } from './form-model';
import type { FileSource, FormSource, InputSource, LinkedInput } from './workspace-doc';

/** A loaded file's answer, as far as the inputs are concerned. */
export interface FileInputs {
  source: FileSource;
  /** The core's derived catalog inputs of that file (its answer's `inputs`). */
  inputs: Record<string, InputValue>;
}

/** What a model fitted on a loaded file gives the inputs (customer-base-fits.ts). */
export interface ModelInputs {
  /** The model whose fit it is (bg_nbd, pareto_nbd, km). */
  model: string;
  kind: string;
  fileName: string;
  readAt: string;
  inputs: Record<string, InputValue>;
}

/** The fits' layers: a file source that names the model, before the files' own values. */
export function modelLayers(fits: readonly ModelInputs[]): FileInputs[] {
  return fits.map((f) => ({ source: { type: 'file', kind: f.kind, fileName: f.fileName, readAt: f.readAt, model: f.model }, inputs: f.inputs }));
}

/** A value that lost to the one shown, with its source. */
export interface OtherValue {
  source: InputSource;
  value: FieldValue;
}

export interface ResolvedInputs {
  /** What the fields show and the request is built from. */
  form: FormState;
  /** The source of every non-blank field, by form key. */
  sources: Map<string, InputSource>;
  /** Values that differ from the one shown (a file against a typed value, two files), by form key. */
  others: Map<string, OtherValue[]>;
  /** Request inputs of the files that no field holds, passed through to the core. */
  extra: Record<string, InputValue>;
}

/** Whether a field holds nothing. */
export function isBlank(value: FieldValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (value.length === 0) return true;
  return value.every((v) => (typeof v === 'string' ? v.trim() === '' : Object.values(v.values).every((x) => x.trim() === '')));
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Significant digits a file's number keeps in the form: 8,341.78, not 8,341.77777778. */
const FILE_DIGITS = 6;

function rounded(value: InputValue): InputValue {
  if (typeof value === 'number') return Number.isFinite(value) ? Number(value.toPrecision(FILE_DIGITS)) : value;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'number' ? (rounded(v) as number) : v));
  const out: Record<string, Record<string, number | string>> = {};
  for (const [row, fields] of Object.entries(value)) {
    out[row] = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'number' ? (rounded(v) as number) : v]));
  }
  return out;
}

/** A file's inputs as the form shows them: numbers to six significant digits. */
export function formInputs(inputs: Record<string, InputValue>): Record<string, InputValue> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, rounded(v)]));
}

/** Kinds whose every input is a model's fit on the file: its source names the model. */
const FITTED_KINDS: Readonly<Record<string, string>> = { survival_table: 'sbg' };

/** The files' inputs, the latest file first, and the link's file values after them. */
export function fileLayers(files: readonly FileInputs[], linked: Record<string, LinkedInput>): FileInputs[] {
  const layers = [...files].reverse().map((f) => {
    const model = FITTED_KINDS[f.source.kind];
    return { source: model && !f.source.model ? { ...f.source, model } : f.source, inputs: formInputs(f.inputs) };
  });
  const bySource = new Map<string, FileInputs>();
  for (const [key, item] of Object.entries(linked)) {
    const id = `${item.source.kind}|${item.source.fileName}|${item.source.readAt}`;
    let layer = bySource.get(id);
    if (!layer) {
      layer = { source: { ...item.source, viaLink: true }, inputs: {} };
      bySource.set(id, layer);
      layers.push(layer);
    }
    layer.inputs[key] = rounded(item.value);
  }
  return layers;
}

/** Resolves every field: typed ▸ latest file ▸ sample (see the top of this file). */
export function resolveInputs(
  model: FormModel,
  form: FormState,
  formSources: Record<string, FormSource>,
  layers: readonly FileInputs[],
): ResolvedInputs {
  const fromFiles = layers.map((layer) => ({ layer, loaded: stateFromRequest(model, { inputs: layer.inputs }) }));
  const resolved: ResolvedInputs = { form: { ...form }, sources: new Map(), others: new Map(), extra: {} };
  for (const key of model.fields.keys()) {
    const candidates: OtherValue[] = [];
    for (const { layer, loaded } of fromFiles) {
      const value = loaded.state[key];
      if (value !== undefined && !isBlank(value)) candidates.push({ source: layer.source, value });
    }
    const own = form[key];
    const ownSource = formSources[key];
    // A typed field wins even when emptied on purpose: the files' values are then offered beside it.
    const typed = ownSource === 'typed' && own !== undefined;
    let shown: OtherValue | undefined;
    if (typed) shown = { source: { type: 'typed' }, value: own };
    else if (candidates.length > 0) shown = candidates[0];
    else if (own !== undefined && !isBlank(own)) shown = { source: { type: ownSource ?? 'typed' }, value: own };
    if (!shown) continue;
    resolved.form[key] = shown.value;
    if (!isBlank(shown.value)) resolved.sources.set(key, shown.source);
    const others = candidates.filter((c) => c !== shown && !sameValue(c.value, shown.value));
    if (others.length > 0) resolved.others.set(key, others);
  }
  // The oldest file first, so that the latest one's value of an input without a field wins.
  for (const { loaded } of [...fromFiles].reverse()) Object.assign(resolved.extra, loaded.extra);
  return resolved;
}

/** A stable key of what a source is, for comparing and for element ids. */
export function sourceKey(source: InputSource): string {
  if (source.type !== 'file') return source.type;
  return `file:${source.kind}:${source.fileName}:${source.readAt}${source.model ? `:${source.model}` : ''}`;
}
