// The what-if panel's document, kept with the workspace: named scenarios (each a set of lever changes),
// the one the sliders edit, the levers' ranges for Monte Carlo, and the questions asked; its edits,
// its check when read back, and the migration from the one `scenario` older workspaces kept.
import type { LeverChange, LeverKey, LeverRange, OutputKey } from '../engine/whatif-contract';
import { LEVERS, OUTPUTS } from '../engine/whatif-contract';

/** A labelled starting point from the seeds' rules of thumb: an assumption, never a result. */
export type StartingPoint = 'retention_5' | 'cac_10' | 'both';
export const STARTING_POINTS: readonly StartingPoint[] = ['retention_5', 'cac_10', 'both'];

export type Changes = Partial<Record<LeverKey, LeverChange>>;

export interface NamedScenario {
  /** Stable within the document ("s1"); the engine knows a scenario by it. */
  id: string;
  /** As the user named it; "" shows the page's "Scenario n". */
  name: string;
  changes: Changes;
  /** The rule of thumb it started from, while its changes are still that rule's. */
  start?: StartingPoint;
}

export interface TornadoQuestion {
  output: OutputKey;
  /** A share (0.1 = ±10%) or each lever's plausible range. */
  step: number | 'range';
}

export interface GoalQuestion {
  lever: LeverKey;
  output: OutputKey;
  target: number;
  /** The lever's lowest value to search from (else its plausible range's). */
  low?: number;
}

export interface ChanceQuestion {
  output: OutputKey;
  atLeast: number;
}

export interface WhatIfDoc {
  scenarios: NamedScenario[];
  /** The id of the scenario the sliders edit. */
  selected: string;
  /** Levers drawn in Monte Carlo runs: absolute values (triangular or normal). */
  ranges: Partial<Record<LeverKey, LeverRange>>;
  tornado: TornadoQuestion;
  goal: GoalQuestion;
  chance: ChanceQuestion;
}

export const STARTING_CHANGES: Record<StartingPoint, Changes> = {
  retention_5: { retention_rate: { add: 0.05 } },
  cac_10: { cac: { mul: 0.9 } },
  both: { retention_rate: { add: 0.05 }, cac: { mul: 0.9 } },
};

/** The ready goal-seek questions: retention and the highest CAC for LTV:CAC = 3, the benefit for ROI = 15%. */
export const READY_GOALS: readonly GoalQuestion[] = [
  { lever: 'retention_rate', output: 'ltv_cac', target: 3 },
  { lever: 'cac', output: 'ltv_cac', target: 3 },
  // The seed's ROI is benefit ÷ investment: 15% needs far less benefit than the plausible range holds.
  { lever: 'benefit_per_year', output: 'roi', target: 0.15, low: 0 },
];

/** A document with one scenario and nothing changed. */
export function emptyDoc(changes: Changes = {}): WhatIfDoc {
  return {
    scenarios: [{ id: 's1', name: '', changes }],
    selected: 's1',
    ranges: {},
    tornado: { output: 'cumulative_profit', step: 0.1 },
    goal: { ...READY_GOALS[0]! },
    chance: { output: 'ltv_cac', atLeast: 3 },
  };
}

function nextId(doc: WhatIfDoc): string {
  const used = doc.scenarios.map((s) => Number(s.id.slice(1))).filter(Number.isFinite);
  return `s${Math.max(0, ...used) + 1}`;
}

export function selectedScenario(doc: WhatIfDoc): NamedScenario {
  return doc.scenarios.find((s) => s.id === doc.selected) ?? doc.scenarios[0]!;
}

/** A new scenario, selected; from a starting point when given. */
export function addScenario(doc: WhatIfDoc, start?: StartingPoint, name = ''): WhatIfDoc {
  const id = nextId(doc);
  const scenario: NamedScenario = { id, name, changes: start ? { ...STARTING_CHANGES[start] } : {} };
  if (start) scenario.start = start;
  return { ...doc, scenarios: [...doc.scenarios, scenario], selected: id };
}

export function renameScenario(doc: WhatIfDoc, id: string, name: string): WhatIfDoc {
  return { ...doc, scenarios: doc.scenarios.map((s) => (s.id === id ? { ...s, name: name.trim() } : s)) };
}

/** A copy after the original, selected; `name` is its name (the page says "copy of …"). */
export function duplicateScenario(doc: WhatIfDoc, id: string, name: string): WhatIfDoc {
  const at = doc.scenarios.findIndex((s) => s.id === id);
  const from = doc.scenarios[at];
  if (!from) return doc;
  const copy: NamedScenario = { ...from, id: nextId(doc), name, changes: { ...from.changes } };
  const scenarios = [...doc.scenarios];
  scenarios.splice(at + 1, 0, copy);
  return { ...doc, scenarios, selected: copy.id };
}

/** Deletes a scenario; the last one stays (the sliders always edit one). */
export function deleteScenario(doc: WhatIfDoc, id: string): WhatIfDoc {
  if (doc.scenarios.length <= 1) return doc;
  const at = doc.scenarios.findIndex((s) => s.id === id);
  if (at < 0) return doc;
  const scenarios = doc.scenarios.filter((s) => s.id !== id);
  const selected = doc.selected === id ? scenarios[Math.min(at, scenarios.length - 1)]!.id : doc.selected;
  return { ...doc, scenarios, selected };
}

/** Sets (or with null drops) one lever's change in a scenario; it then no longer is a rule of thumb's. */
export function setChange(doc: WhatIfDoc, id: string, key: LeverKey, change: LeverChange | null): WhatIfDoc {
  return {
    ...doc,
    scenarios: doc.scenarios.map((s) => {
      if (s.id !== id) return s;
      const changes = { ...s.changes };
      if (change) changes[key] = change;
      else delete changes[key];
      const { start: _start, ...rest } = s;
      return { ...rest, changes };
    }),
  };
}

export function resetScenario(doc: WhatIfDoc, id: string): WhatIfDoc {
  return { ...doc, scenarios: doc.scenarios.map((s) => (s.id === id ? { id: s.id, name: s.name, changes: {} } : s)) };
}

export function setRange(doc: WhatIfDoc, key: LeverKey, range: LeverRange | null): WhatIfDoc {
  const ranges = { ...doc.ranges };
  if (range) ranges[key] = range;
  else delete ranges[key];
  return { ...doc, ranges };
}

// ---- reading a document back -------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isLever = (v: unknown): v is LeverKey => typeof v === 'string' && (LEVERS as readonly string[]).includes(v);
const isOutput = (v: unknown): v is OutputKey => typeof v === 'string' && (OUTPUTS as readonly string[]).includes(v);

function isChange(v: unknown): v is LeverChange {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && ['add', 'mul', 'set'].includes(keys[0]!) && isNumber(v[keys[0]!]);
}

function isChanges(v: unknown): v is Changes {
  return isObject(v) && Object.entries(v).every(([k, c]) => isLever(k) && isChange(c));
}

function isRange(v: unknown): v is LeverRange {
  if (!isObject(v)) return false;
  if (isNumber(v['mean'])) return isNumber(v['sd']) && v['sd'] >= 0;
  return isNumber(v['low']) && isNumber(v['likely']) && isNumber(v['high']) && v['low'] <= v['likely'] && v['likely'] <= v['high'];
}

function isScenario(v: unknown): v is NamedScenario {
  return (
    isObject(v) &&
    typeof v['id'] === 'string' &&
    /^s\d{1,6}$/.test(v['id']) &&
    typeof v['name'] === 'string' &&
    isChanges(v['changes']) &&
    (v['start'] === undefined || STARTING_POINTS.includes(v['start'] as StartingPoint))
  );
}

/** Checks a document read back (storage, a link): its parts of the right shape, or false. */
export function isWhatIfDoc(v: unknown): v is WhatIfDoc {
  if (!isObject(v) || !Array.isArray(v['scenarios']) || v['scenarios'].length === 0) return false;
  const scenarios = v['scenarios'];
  if (!scenarios.every(isScenario) || new Set(scenarios.map((s) => s.id)).size !== scenarios.length) return false;
  if (typeof v['selected'] !== 'string' || !scenarios.some((s) => s.id === v['selected'])) return false;
  if (!isObject(v['ranges']) || !Object.entries(v['ranges']).every(([k, r]) => isLever(k) && isRange(r))) return false;
  const t = v['tornado'];
  const g = v['goal'];
  const c = v['chance'];
  return (
    isObject(t) && isOutput(t['output']) && (t['step'] === 'range' || (isNumber(t['step']) && t['step'] > 0 && t['step'] <= 1)) &&
    isObject(g) && isLever(g['lever']) && isOutput(g['output']) && isNumber(g['target']) && (g['low'] === undefined || isNumber(g['low'])) &&
    isObject(c) && isOutput(c['output']) && isNumber(c['atLeast'])
  );
}

/**
 * The document of an older workspace, which kept one unnamed scenario of slider moves
 * ({"retention_rate": {"add": 0.05}, "cac": {"mul": 0.9}}): that scenario, alone. Null when the old
 * scenario is not of that shape.
 */
export function migrateScenario(old: unknown): WhatIfDoc | null {
  if (old === undefined || old === null) return emptyDoc();
  if (!isObject(old)) return null;
  const changes: Changes = {};
  for (const [key, change] of Object.entries(old)) {
    if (!isLever(key) || !isObject(change)) return null;
    if (isNumber(change['add'])) changes[key] = { add: change['add'] };
    else if (isNumber(change['mul'])) changes[key] = { mul: change['mul'] };
    else return null;
  }
  return emptyDoc(changes);
}
