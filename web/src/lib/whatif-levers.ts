// The what-if levers as the page shows them: each one's unit, valid range, slider range, keyboard step,
// how a value becomes a scenario's change, and how a typed value is read.
import { type LeverChange, type LeverKey, LEVERS } from '../engine/whatif-contract';
import { parseTyped } from './form-model';

/** rate: a fraction shown as a percent, moved by points; money and count: amounts moved by a factor. */
export type LeverUnit = 'rate' | 'money' | 'count' | 'number';

interface LeverSpec {
  unit: LeverUnit;
  /** The core's valid range (docs/WHATIF.md, "Levers"). */
  min: number;
  max: number;
  /** The slider's span when the baseline gives none (a rate's usual range; an amount's when it is 0). */
  slider?: [number, number];
}

const E12 = 1e12;
const E15 = 1e15;

export const LEVER_SPECS: Record<LeverKey, LeverSpec> = {
  starting_customers: { unit: 'count', min: 0, max: E12 },
  retention_rate: { unit: 'rate', min: 0, max: 1, slider: [0.3, 0.99] },
  new_customers_per_year: { unit: 'count', min: 0, max: E12 },
  cac: { unit: 'money', min: 0, max: E15 },
  avg_order_value: { unit: 'money', min: 0, max: E15 },
  purchases_per_year: { unit: 'number', min: 0, max: 1e6 },
  gross_margin: { unit: 'rate', min: -10, max: 1, slider: [0, 0.9] },
  price_change: { unit: 'rate', min: -0.9, max: 10, slider: [-0.3, 0.3] },
  service_attach_rate: { unit: 'rate', min: 0, max: 1, slider: [0, 1] },
  service_revenue_per_customer: { unit: 'money', min: 0, max: E15 },
  service_gross_margin: { unit: 'rate', min: -10, max: 1, slider: [0, 1] },
  support_cost_per_customer: { unit: 'money', min: 0, max: E15 },
  first_contact_resolution: { unit: 'rate', min: 0, max: 1, slider: [0.3, 1] },
  investment_one_off: { unit: 'money', min: 0, max: E15 },
  investment_per_year: { unit: 'money', min: 0, max: E15 },
  benefit_per_year: { unit: 'money', min: 0, max: E15 },
  discount_rate: { unit: 'rate', min: 0, max: 1, slider: [0, 0.3] },
};

/** The sliders shown first: the 5-year projection's own assumptions. */
export const MAIN_LEVERS: readonly LeverKey[] = [
  'retention_rate',
  'avg_order_value',
  'purchases_per_year',
  'gross_margin',
  'cac',
  'new_customers_per_year',
];

/** The rest, under "More levers": service, price, support, investment, the discount rate, then the
 * starting customers (the core's order otherwise). */
export const MORE_LEVERS: readonly LeverKey[] = [
  ...LEVERS.filter((key) => !MAIN_LEVERS.includes(key) && key !== 'starting_customers'),
  'starting_customers',
];

export function leverUnit(key: LeverKey): LeverUnit {
  return LEVER_SPECS[key].unit;
}

/** A lever's value in a scenario: the baseline's with the change applied. */
export function applyChange(base: number, change: LeverChange | undefined): number {
  if (!change) return base;
  if ('set' in change) return change.set;
  return 'add' in change ? base + change.add : base * change.mul;
}

/** The change that gives `value`: points for a rate, a factor for an amount (a set value from 0). */
export function changeTo(key: LeverKey, base: number, value: number): LeverChange {
  if (leverUnit(key) === 'rate') return { add: value - base };
  return base === 0 ? { set: value } : { mul: value / base };
}

/** Whether a value is within the lever's valid range. */
export function inRange(key: LeverKey, value: number): boolean {
  const spec = LEVER_SPECS[key];
  return Number.isFinite(value) && value >= spec.min && value <= spec.max;
}

export function clampLever(key: LeverKey, value: number): number {
  const spec = LEVER_SPECS[key];
  return Math.min(spec.max, Math.max(spec.min, value));
}

/**
 * The keyboard's step: 0.5 point for a rate, 1% of the baseline for money and counts (at least 1
 * customer), 0.05 for purchases a year.
 */
export function leverStep(key: LeverKey, base: number): number {
  switch (leverUnit(key)) {
    case 'rate':
      return 0.005;
    case 'number':
      return 0.05;
    case 'count':
      return Math.max(1, Math.round(Math.abs(base) / 100));
    default:
      return base !== 0 ? Math.abs(base) / 100 : defaultSpan(key) / 100;
  }
}

/** An amount's slider span when its baseline is 0. */
function defaultSpan(key: LeverKey): number {
  return key.endsWith('_per_customer') ? 1000 : 1_000_000;
}

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/**
 * The slider around the baseline: a rate over its usual span, an amount from 0 to twice the
 * baseline; the baseline sits on a step, and the range is widened to hold the scenario's value.
 */
export function sliderRange(key: LeverKey, base: number, current: number): SliderRange {
  const spec = LEVER_SPECS[key];
  const step = leverStep(key, base);
  let [lo, hi] = spec.slider ?? [0, base > 0 ? base * 2 : defaultSpan(key)];
  if (leverUnit(key) === 'count') hi = Math.max(hi, 10);
  lo = Math.min(lo, current, base);
  hi = Math.max(hi, current, base);
  // Whole steps from the baseline both ways, so the baseline is a value the slider can take.
  const min = Math.max(spec.min, base - Math.floor((base - lo) / step + 1e-9) * step);
  const max = Math.min(spec.max, base + Math.ceil((hi - base) / step - 1e-9) * step);
  return { min: round12(min), max: round12(max), step: round12(step) };
}

const round12 = (v: number) => Number.parseFloat(v.toPrecision(12));

/** A value in the unit it is typed in: a rate as a percent (82.5), anything else as it is. */
export function toDisplay(key: LeverKey, value: number): number {
  return leverUnit(key) === 'rate' ? round12(value * 100) : round12(value);
}

export function fromDisplay(key: LeverKey, typed: number): number {
  return leverUnit(key) === 'rate' ? round12(typed / 100) : typed;
}

/** A typed number (1,234.5, full-width digits, a trailing %, a typographic minus); null when it is not one. */
export function readTyped(text: string): number | null {
  return parseTyped(text.trim().replace(/[−–]/g, '-'));
}
