// Turns the core's catalog into forms, the typed form state into a compute request, and the
// answer's errors back onto the fields they name. No KPI arithmetic happens here.
import type {
  Catalog,
  CatalogInput,
  ComputeRequest,
  EngineError,
  GroupSpec,
  InputValue,
  KpiSpec,
} from '../engine/contract';

export interface GroupRow {
  name: string;
  /** A well-known row (order_processing, sales, …): its name is fixed and shown translated. */
  known: boolean;
  values: Record<string, string>;
}

export type FieldValue = string | string[] | GroupRow[];
export type FormState = Record<string, FieldValue>;

export interface FieldDef {
  /** The state key and request key: the input name, or "<kpi>.<input>" for scoped inputs. */
  key: string;
  /** Further request keys that receive the same value (scoped input of KPIs that share all inputs). */
  mirrors: string[];
  spec: CatalogInput;
  /** The KPI this field is listed under in its group. */
  kpi: string;
  optional: boolean;
  defaultValue: number | null;
  derivedFrom: string | null;
}

export interface FieldSet {
  kpi: KpiSpec;
  fields: FieldDef[];
  /** Every input of the KPI is optional: they are alternatives (e.g. counts or a typed average). */
  alternatives: boolean;
}

export interface GroupForm {
  group: GroupSpec;
  kpis: KpiSpec[];
  sets: FieldSet[];
}

export interface FormModel {
  catalog: Catalog;
  groups: GroupForm[];
  /** Every distinct field by key (a field listed in two groups is one field). */
  fields: Map<string, FieldDef>;
  /** Request key → state key, for mirrors and plain keys. */
  aliases: Map<string, string>;
  kpiById: Map<string, KpiSpec>;
}

/** Rows every page offers for the grouped inputs, before the user adds their own. */
export const KNOWN_ROWS: Record<string, string[]> = {
  processes: ['order_processing', 'customer_follow_up', 'after_sales', 'renewal_reminders'],
  roles: ['sales', 'customer_service'],
  channels: ['online_ads', 'offline_events', 'channel_commission', 'direct_sales'],
};

function inputSignature(kpi: KpiSpec): string {
  return kpi.inputs
    .map((i) => i.name)
    .sort()
    .join('|');
}

export function buildFormModel(catalog: Catalog): FormModel {
  const inputByName = new Map(catalog.inputs.map((i) => [i.name, i]));
  const kpiById = new Map(catalog.kpis.map((k) => [k.id, k]));
  const fields = new Map<string, FieldDef>();
  const aliases = new Map<string, string>();

  // KPIs with the same inputs are two views of one thing (the articles' ROI and the net ROI): a
  // scoped input then gets one field whose value goes to every one of them.
  const firstWithSignature = new Map<string, string>();
  for (const kpi of catalog.kpis) {
    const sig = inputSignature(kpi);
    if (!firstWithSignature.has(sig)) firstWithSignature.set(sig, kpi.id);
  }

  const groups: GroupForm[] = catalog.groups.map((group) => {
    const kpis = catalog.kpis.filter((k) => k.group === group.id);
    const seen = new Set<string>();
    const sets: FieldSet[] = [];
    for (const kpi of kpis) {
      const owner = firstWithSignature.get(inputSignature(kpi)) ?? kpi.id;
      const set: FieldSet = { kpi, fields: [], alternatives: kpi.inputs.length > 1 && kpi.inputs.every((i) => i.optional) };
      for (const input of kpi.inputs) {
        if (input.companion) continue;
        const spec = inputByName.get(input.name) ?? { ...input, used_by: [kpi.id] };
        const key = input.scoped ? `${owner}.${input.name}` : input.name;
        if (seen.has(key)) continue;
        seen.add(key);
        let def = fields.get(key);
        if (!def) {
          const mirrors = input.scoped
            ? catalog.kpis
                .filter((k) => k.id !== owner && firstWithSignature.get(inputSignature(k)) === owner)
                .map((k) => `${k.id}.${input.name}`)
            : [];
          def = {
            key,
            mirrors,
            spec,
            kpi: kpi.id,
            optional: input.optional,
            defaultValue: input.default,
            derivedFrom: input.derived_from,
          };
          fields.set(key, def);
          for (const mirror of mirrors) aliases.set(mirror, key);
        }
        set.fields.push(def);
      }
      sets.push(set);
    }
    return { group, kpis, sets };
  });
  return { catalog, groups, fields, aliases, kpiById };
}

// ---- state -----------------------------------------------------------------------------------

function knownRowsFor(model: FormModel, def: FieldDef): string[] {
  const names = [...(KNOWN_ROWS[def.spec.name] ?? [])];
  for (const kpiId of def.spec.used_by) {
    for (const variant of Object.keys(model.kpiById.get(kpiId)?.band_variants ?? {})) {
      // Variants of grouped KPIs name rows; variants chosen by a choice input (industry) do not.
      if (!names.includes(variant) && model.kpiById.get(kpiId)?.inputs.length === 1) names.push(variant);
    }
  }
  return names;
}

function emptyValue(model: FormModel, def: FieldDef): FieldValue {
  switch (def.spec.kind) {
    case 'counts5':
      return ['', '', '', '', ''];
    case 'groups':
      return knownRowsFor(model, def).map((name) => ({ name, known: true, values: emptyRowValues(def) }));
    default:
      return '';
  }
}

function emptyRowValues(def: FieldDef): Record<string, string> {
  return Object.fromEntries((def.spec.fields ?? []).map((f) => [f, '']));
}

export function emptyState(model: FormModel): FormState {
  const state: FormState = {};
  for (const def of model.fields.values()) state[def.key] = emptyValue(model, def);
  return state;
}

// Made at first use: the first Intl object of a page sets up its locale data, too long a wait to
// add to the task that runs the page's script.
let grouped: Intl.NumberFormat | null = null;

/**
 * A number as the form shows it: digits grouped (1,200,000) and without binary noise (0.28 * 100
 * gives "28", not "28.000000000000004"). parseTyped reads it back.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  grouped ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 10, useGrouping: true });
  return grouped.format(Number.parseFloat(value.toPrecision(12)));
}

/** Typed text tidied when the user leaves the field: "1200000" → "1,200,000"; not-a-number stays. */
export function tidyTyped(text: string): string {
  const n = parseTyped(text);
  return n === null ? text : numberText(n);
}

function toText(value: unknown, percent: boolean): string {
  if (typeof value === 'number') return numberText(percent ? value * 100 : value);
  if (typeof value === 'string') {
    const n = parseTyped(value);
    return percent && n !== null ? numberText(n * 100) : value;
  }
  return '';
}

export interface LoadedRequest {
  state: FormState;
  /** Request inputs the form has no field for; passed through so the core can report them. */
  extra: Record<string, InputValue>;
}

/** Fills the form from a compute request (the sample company, or a saved scenario). */
export function stateFromRequest(model: FormModel, request: ComputeRequest): LoadedRequest {
  const state = emptyState(model);
  const inputs = request.inputs ?? {};
  const used = new Set<string>();
  for (const def of model.fields.values()) {
    const candidates = [def.key, ...def.mirrors];
    if (def.spec.scoped) candidates.push(def.spec.name);
    const found = candidates.find((k) => inputs[k] !== undefined && inputs[k] !== null);
    candidates.forEach((k) => {
      if (inputs[k] !== undefined) used.add(k);
    });
    if (found === undefined) continue;
    const raw = inputs[found];
    const percent = def.spec.unit === 'fraction';
    switch (def.spec.kind) {
      case 'counts5': {
        const list = Array.isArray(raw) ? raw : [];
        state[def.key] = [0, 1, 2, 3, 4].map((i) => toText(list[i], false));
        break;
      }
      case 'groups': {
        const rows = emptyValue(model, def) as GroupRow[];
        if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
          for (const [name, values] of Object.entries(raw)) {
            let row = rows.find((r) => r.name === name);
            if (!row) {
              row = { name, known: false, values: emptyRowValues(def) };
              rows.push(row);
            }
            for (const field of def.spec.fields ?? []) row.values[field] = toText(values?.[field], false);
          }
        }
        state[def.key] = rows;
        break;
      }
      default:
        state[def.key] = def.spec.kind === 'number' ? toText(raw, percent) : typeof raw === 'string' ? raw : String(raw);
    }
  }
  const extra: Record<string, InputValue> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (!used.has(key) && !model.fields.has(key)) extra[key] = value;
  }
  return { state, extra };
}

// ---- request ---------------------------------------------------------------------------------

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B]/g;

const PLAIN_NUMBER = /^-?\d{1,15}(\.\d{1,15})?$/;

/** Typed text as a number, or null when it is not one. Accepts 1,234.5 and full-width digits. */
export function parseTyped(text: string): number | null {
  // Plain digits, nearly everything typed or loaded, skip the clean-up below.
  if (PLAIN_NUMBER.test(text)) return Number(text);
  let s = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u202f_]/g, '')
    .replace(/%$/, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** What goes to the core for one typed number: a number when it is one, else the text for the core to reject. */
function numberValue(text: string, percent: boolean): number | string {
  const n = parseTyped(text);
  if (n === null) return text.trim();
  return percent ? Number.parseFloat((n / 100).toPrecision(15)) : n;
}

function fieldRequestValue(def: FieldDef, value: FieldValue): InputValue | undefined {
  switch (def.spec.kind) {
    case 'counts5': {
      const list = value as string[];
      if (list.every((v) => v.trim() === '')) return undefined;
      // Blank scores count as nobody.
      return list.map((v) => (v.trim() === '' ? 0 : numberValue(v, false)));
    }
    case 'groups': {
      const out: Record<string, Record<string, number | string>> = {};
      (value as GroupRow[]).forEach((row, index) => {
        const filled = Object.values(row.values).some((v) => v.trim() !== '');
        if (!filled) return;
        const name = row.name.trim() || `row_${index + 1}`;
        const entry: Record<string, number | string> = {};
        for (const [field, text] of Object.entries(row.values)) {
          if (text.trim() !== '') entry[field] = numberValue(text, false);
        }
        out[name] = entry;
      });
      return Object.keys(out).length > 0 ? out : undefined;
    }
    case 'number': {
      const text = value as string;
      return text.trim() === '' ? undefined : numberValue(text, def.spec.unit === 'fraction');
    }
    default: {
      const text = (value as string).trim();
      return text === '' ? undefined : text;
    }
  }
}

export function buildInputs(
  model: FormModel,
  state: FormState,
  extra: Record<string, InputValue> = {},
): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = { ...extra };
  for (const def of model.fields.values()) {
    const value = state[def.key];
    if (value === undefined) continue;
    const out = fieldRequestValue(def, value);
    if (out === undefined) continue;
    inputs[def.key] = out;
    for (const mirror of def.mirrors) inputs[mirror] = out;
  }
  return inputs;
}

/** A typed number of the form (fractions as fractions), or null when blank or not a number. */
export function typedNumber(model: FormModel, state: FormState, key: string): number | null {
  const def = model.fields.get(key);
  const value = state[key];
  if (!def || typeof value !== 'string') return null;
  const n = parseTyped(value);
  if (n === null) return null;
  return def.spec.unit === 'fraction' ? n / 100 : n;
}

// ---- errors ----------------------------------------------------------------------------------

export interface PlacedErrors {
  /** Errors by field key. */
  byField: Map<string, EngineError[]>;
  /** Errors by KPI id (every error that names a KPI). */
  byKpi: Map<string, EngineError[]>;
  /** Errors that name no field of the form (request-level problems). */
  general: EngineError[];
}

/** The field an error's input belongs to: "processes.sales.passed" → "processes". */
export function fieldForInput(model: FormModel, input: string): string | null {
  const direct = model.aliases.get(input) ?? (model.fields.has(input) ? input : null);
  if (direct) return direct;
  let best: string | null = null;
  const consider = (key: string, target: string) => {
    if ((input.startsWith(`${key}.`) || input.startsWith(`${key}[`)) && (best === null || key.length > best.length)) {
      best = target;
    }
  };
  for (const key of model.fields.keys()) consider(key, key);
  for (const [alias, key] of model.aliases) consider(alias, key);
  return best;
}

export function placeErrors(model: FormModel, errors: EngineError[]): PlacedErrors {
  const placed: PlacedErrors = { byField: new Map(), byKpi: new Map(), general: [] };
  const seen = new Set<string>();
  for (const error of errors) {
    let field = error.input ? fieldForInput(model, error.input) : null;
    // An error on a plain scoped name (e.g. "investment") belongs to the KPI's own field.
    if (!field && error.input && error.kpi) {
      const scoped = fieldForInput(model, `${error.kpi}.${error.input}`);
      if (scoped) field = scoped;
    }
    if (error.kpi) {
      const list = placed.byKpi.get(error.kpi) ?? [];
      list.push(error);
      placed.byKpi.set(error.kpi, list);
    }
    if (field) {
      // A mirrored value is checked once per request key, and a missing input once per KPI that
      // needs it: show each problem once next to the field.
      let gist = error.message.replace(/\s*\(needed for [^)]*\)\s*$/, '');
      for (const [alias, key] of model.aliases) if (key === field) gist = gist.split(alias).join(field);
      const dedupe = `${field}|${gist}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const list = placed.byField.get(field) ?? [];
      list.push(error);
      placed.byField.set(field, list);
    } else if (!error.kpi) {
      placed.general.push(error);
    }
  }
  return placed;
}
