// Values of an imported file's answer as shown to a person: measures in their unit, table cells by
// what their column holds. Numbers go through Intl; texts and dates are shown as the file gave them.
import type { Cell, Measure } from '../engine/import-types';
import type { Unit } from '../engine/types';
import type { I18n } from '../i18n/i18n';

const UNITS: ReadonlySet<string> = new Set<Unit>([
  'money', 'count', 'fraction', 'ratio', 'score', 'points', 'years', 'months', 'days', 'hours', 'per_year', 'per_month',
]);

export function formatMeasure(i18n: I18n, measure: Measure): string {
  if (typeof measure.value !== 'number') return String(measure.value ?? '—');
  return UNITS.has(measure.unit) ? i18n.value(measure.value, measure.unit as Unit) : i18n.smart(measure.value);
}

/** What a table column holds, from its id (tables list column ids only). */
export function columnUnit(id: string): 'money' | 'fraction' | 'hours' | 'number' {
  if (/(^|_)(rate|share|churn|retention)($|_)/.test(id)) return 'fraction';
  if (/(^|_)hours($|_)/.test(id)) return 'hours';
  if (/(^|_)(revenue|amount|spend|cac|cltv|clv|mrr|arr|value|price|money)($|_)/.test(id)) return 'money';
  return 'number';
}

export function formatCell(i18n: I18n, column: string, cell: Cell): string {
  if (cell === null || cell === undefined || cell === '') return '—';
  if (typeof cell === 'boolean') return i18n.t(cell ? 'yes' : 'no');
  if (typeof cell === 'string') return cell;
  switch (columnUnit(column)) {
    case 'fraction':
      return i18n.percent(cell);
    case 'money':
      return i18n.money(cell);
    case 'hours':
      return i18n.number(cell, 1);
    default:
      return Number.isInteger(cell) ? i18n.number(cell, 0) : i18n.smart(cell);
  }
}
