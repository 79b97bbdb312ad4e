// What-if values as a person reads them: levers in their unit, the engine's outputs in theirs, and
// changes from the baseline in the lever's or output's unit (+5.0 pts, −10%).
import type { LeverKey, OutputKey } from '../engine/whatif-contract';
import type { I18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { leverUnit } from './whatif-levers';

export function leverLabel(i18n: I18n, key: LeverKey): string {
  return i18n.maybe(`assume_${key}`, '') || i18n.t(`wiLever_${key}` as MessageKey);
}

/** A label inside an English sentence: "retention rate", but "CAC" and "LTV:CAC" as they are. */
export function inSentence(i18n: I18n, label: string): string {
  return i18n.lang === 'en' && !/^[A-Z]{2}/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

export function outputLabel(i18n: I18n, key: OutputKey): string {
  return i18n.t(`wiOut_${key}` as MessageKey);
}

export function formatLever(i18n: I18n, key: LeverKey, value: number): string {
  switch (leverUnit(key)) {
    case 'rate':
      return i18n.percent(value, 1);
    case 'money':
      return i18n.money(value);
    case 'number':
      return i18n.number(value, 2);
    default:
      return i18n.number(value, 0);
  }
}

/** The change from the baseline in the lever's unit: points for a rate, percent for an amount. */
export function formatLeverChange(i18n: I18n, key: LeverKey, base: number, value: number): string {
  const diff = value - base;
  if (Math.abs(diff) < 1e-12) return '±0';
  if (leverUnit(key) === 'rate') return i18n.points(diff);
  if (base !== 0) return i18n.signed(i18n.percent(diff / Math.abs(base), 1), diff);
  return i18n.signed(formatLever(i18n, key, diff), diff);
}

type OutputKind = 'money' | 'count' | 'fraction' | 'ratio' | 'months' | 'years';

const KIND: Record<OutputKey, OutputKind> = {
  cumulative_profit: 'money',
  profit: 'money',
  revenue: 'money',
  customers: 'count',
  profit_npv: 'money',
  churn: 'fraction',
  cltv: 'money',
  ltv_cac: 'ratio',
  cac_payback_months: 'months',
  service_revenue_share: 'fraction',
  roi: 'fraction',
  net_roi: 'fraction',
  npv: 'money',
  irr: 'fraction',
  payback_years: 'years',
};

export function outputKind(key: OutputKey): OutputKind {
  return KIND[key];
}

/** An output's value; `compact` shortens money for a phone ($69.6M). */
export function formatOutput(i18n: I18n, key: OutputKey, value: number, compact = false): string {
  switch (KIND[key]) {
    case 'money':
      return compact ? i18n.moneyCompact(value) : i18n.money(value);
    case 'count':
      return i18n.number(value, 0);
    case 'fraction':
      return i18n.percent(value, 1);
    case 'ratio':
      return i18n.t('times', { value: i18n.number(value, 2) });
    case 'months':
      return i18n.value(value, 'months');
    default:
      return i18n.value(value, 'years');
  }
}

/** A difference of an output: points for a fraction, signed amounts otherwise. */
export function formatOutputChange(i18n: I18n, key: OutputKey, diff: number, compact = false): string {
  if (Math.abs(diff) < 1e-12) return '±0';
  if (KIND[key] === 'fraction') return i18n.points(diff);
  const text = formatOutput(i18n, key, Math.abs(diff), compact);
  return diff > 0 ? `+${text}` : `−${text}`;
}

/** A value typed for a goal or a chance target, in the output's unit (a fraction as a percent). */
export function outputToTyped(key: OutputKey, value: number): number {
  return KIND[key] === 'fraction' ? Number.parseFloat((value * 100).toPrecision(12)) : value;
}

export function outputFromTyped(key: OutputKey, typed: number): number {
  return KIND[key] === 'fraction' ? typed / 100 : typed;
}
