// The detail of servimetrics-ready and servimetrics-update (docs/EMBED.md): each KPI shown with its
// value, unit and band, and the inputs it was computed from. Plain data, so an iframe can post it.
import type { Band, ComputeAnswer, InputValue, Unit } from './engine/contract';

export interface KpiUpdate {
  id: string;
  value: number;
  unit: Unit;
  band: Band;
}

export interface UpdateDetail {
  /** The KPIs computed, in the order of the `kpis` attribute when given (those it names only). */
  kpis: KpiUpdate[];
  /** The request's inputs, as the core read them. */
  inputs: Record<string, InputValue>;
}

export function updateDetail(answer: ComputeAnswer, inputs: Record<string, InputValue>, ids: readonly string[] | null): UpdateDetail {
  const byId = new Map(answer.kpis.map((k) => [k.id, k]));
  const chosen = ids ? ids.flatMap((id) => byId.get(id) ?? []) : answer.kpis;
  return { kpis: chosen.map(({ id, value, unit, band }) => ({ id, value, unit, band })), inputs };
}
