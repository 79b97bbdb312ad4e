// The what-if engine's requests from the page's baseline and document: the scenarios side by side, and
// the tornado, goal seek and Monte Carlo run on the scenario the sliders edit. Every scenario value is
// checked here, so one lever out of its range does not cost the whole comparison its answer.
import type { LeverChange, LeverKey, Levers, WhatIfRequest } from '../engine/whatif-contract';
import type { Baseline } from './whatif';
import { applyChange, clampLever, inRange } from './whatif-levers';
import { type Changes, type NamedScenario, selectedScenario, type WhatIfDoc } from './whatif-scenarios';

export const HORIZON_YEARS = 5;
export const MONTE_CARLO_DRAWS = 10_000;
export const MONTE_CARLO_SEED = 1;

/** The engine's baseline levers from the page's baseline (null while some are missing). */
export function baselineLevers(baseline: Baseline | null): Levers | null {
  if (!baseline || baseline.missing.length > 0) return null;
  const levers: Levers = {};
  for (const [key, value] of Object.entries(baseline.values)) if (typeof value === 'number') levers[key as LeverKey] = value;
  return levers;
}

/** The engine's default for a lever the baseline leaves out (docs/WHATIF.md, "Levers"). */
const DEFAULTS: Partial<Record<LeverKey, number>> = { service_gross_margin: 1, first_contact_resolution: 0.8 };

export function baseValue(levers: Levers, key: LeverKey): number {
  return levers[key] ?? DEFAULTS[key] ?? 0;
}

export interface ResolvedScenario {
  changes: Changes;
  /** Levers whose change would take them out of their valid range: held at its edge. */
  held: LeverKey[];
}

/** A scenario's changes as sent: each one that would leave the lever's range set to its edge instead. */
export function resolveScenario(levers: Levers, scenario: NamedScenario): ResolvedScenario {
  const changes: Changes = {};
  const held: LeverKey[] = [];
  for (const [key, change] of Object.entries(scenario.changes) as Array<[LeverKey, LeverChange]>) {
    const value = applyChange(baseValue(levers, key), change);
    if (inRange(key, value)) changes[key] = change;
    else {
      held.push(key);
      changes[key] = { set: Number.isFinite(value) ? clampLever(key, value) : baseValue(levers, key) };
    }
  }
  return { changes, held };
}

/** Baseline and every scenario, side by side (each known to the engine by its id). */
export function scenariosRequest(levers: Levers, doc: WhatIfDoc): WhatIfRequest {
  return {
    baseline: levers,
    horizon_years: HORIZON_YEARS,
    scenarios: doc.scenarios.map((s) => ({ name: s.id, changes: resolveScenario(levers, s).changes })),
  };
}

/** The baseline and the selected scenario, the base of every question. */
function questionBase(levers: Levers, doc: WhatIfDoc): { request: WhatIfRequest; scenario: string } {
  const s = selectedScenario(doc);
  return {
    request: { baseline: levers, horizon_years: HORIZON_YEARS, scenarios: [{ name: s.id, changes: resolveScenario(levers, s).changes }] },
    scenario: s.id,
  };
}

export function tornadoRequest(levers: Levers, doc: WhatIfDoc): WhatIfRequest {
  const { request, scenario } = questionBase(levers, doc);
  return { ...request, tornado: { output: doc.tornado.output, step: doc.tornado.step, scenario } };
}

export function goalRequest(levers: Levers, doc: WhatIfDoc): WhatIfRequest {
  const { request, scenario } = questionBase(levers, doc);
  const { lever, output, target, low } = doc.goal;
  return { ...request, goal: { lever, output, target, scenario, ...(low !== undefined ? { low } : {}) } };
}

/** Null when no lever carries a range (there is nothing to draw). */
export function monteCarloRequest(levers: Levers, doc: WhatIfDoc): WhatIfRequest | null {
  if (Object.keys(doc.ranges).length === 0) return null;
  const { request, scenario } = questionBase(levers, doc);
  return {
    ...request,
    monte_carlo: {
      draws: MONTE_CARLO_DRAWS,
      seed: MONTE_CARLO_SEED,
      scenario,
      ranges: doc.ranges,
      series: ['revenue', 'profit', 'cumulative_profit', 'customers'],
      target: { output: doc.chance.output, at_least: doc.chance.atLeast },
    },
  };
}

/** A lever's value in the selected scenario (what a goal seek's answer replaces). */
export function scenarioLever(levers: Levers, doc: WhatIfDoc, key: LeverKey): number {
  return applyChange(baseValue(levers, key), selectedScenario(doc).changes[key]);
}
