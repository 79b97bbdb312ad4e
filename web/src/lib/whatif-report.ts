// The what-if answer in the shape the printed report and the scenario downloads read (the baseline
// against one scenario: ProjectionRequest / ProjectionAnswer), for the scenario the sliders edit.
import type { ProjectionAnswer, ProjectionAssumptions, ProjectionPath, ProjectionRequest } from '../engine/contract';
import type { ScenarioAnswer, WhatIfAnswer } from '../engine/whatif-contract';
import { ASSUMPTIONS } from './whatif';

function path(s: ScenarioAnswer): ProjectionPath {
  const y = s.years;
  return { customers: y.customers, revenue: y.revenue, gross_profit: y.gross_profit, acquisition_cost: y.acquisition_cost, profit: y.profit };
}

function minus(a: number[], b: number[]): number[] {
  return a.map((v, i) => v - (b[i] ?? 0));
}

const total = (values: number[]) => values.reduce((a, b) => a + b, 0);

function assumptions(s: ScenarioAnswer): ProjectionAssumptions {
  const out = {} as ProjectionAssumptions;
  for (const key of ASSUMPTIONS) out[key] = s.levers[key];
  return out;
}

/** The baseline and scenario `id` of an answer (null when the answer has no such scenario). */
export function projectionOf(answer: WhatIfAnswer | null, id: string): { assumptions: ProjectionRequest; projection: ProjectionAnswer } | null {
  const base = answer?.scenarios?.[0];
  const scn = answer?.scenarios?.find((s) => s.name === id);
  if (!answer?.years || !base || !scn) return null;
  const b = path(base);
  const s = path(scn);
  const difference: ProjectionPath = {
    customers: minus(s.customers, b.customers),
    revenue: minus(s.revenue, b.revenue),
    gross_profit: minus(s.gross_profit, b.gross_profit),
    acquisition_cost: minus(s.acquisition_cost, b.acquisition_cost),
    profit: minus(s.profit, b.profit),
  };
  const totals = (p: ProjectionPath) => ({ revenue: total(p.revenue), profit: total(p.profit) });
  return {
    assumptions: { starting_customers: base.levers.starting_customers, years: answer.years.length, baseline: assumptions(base), scenario: assumptions(scn) },
    projection: { years: answer.years, baseline: b, scenario: s, difference, totals: { baseline: totals(b), scenario: totals(s), difference: totals(difference) } },
  };
}
