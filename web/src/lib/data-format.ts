// Values of an imported file's answer as shown to a person: measures in their unit, table cells by
// what their column holds. Numbers go through Intl; texts and dates are shown as the file gave them.
import type { Cell, Measure } from '../engine/contract';
import type { Unit } from '../engine/contract';
import { cellText } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';

const UNITS: ReadonlySet<string> = new Set<Unit>([
  'money', 'count', 'fraction', 'ratio', 'score', 'points', 'years', 'months', 'days', 'hours', 'per_year', 'per_month',
]);

export function formatMeasure(i18n: I18n, measure: Measure): string {
  if (typeof measure.value !== 'number') return String(measure.value ?? '—');
  return UNITS.has(measure.unit) ? i18n.value(measure.value, measure.unit as Unit) : i18n.smart(measure.value);
}

/** A table cell as shown: by its column's unit, as the core's table states it ("units"). */
export function formatCell(i18n: I18n, column: string, unit: string | undefined, cell: Cell): string {
  if (cell === null || cell === undefined || cell === '') return '—';
  if (typeof cell === 'boolean') return i18n.t(cell ? 'yes' : 'no');
  if (typeof cell === 'string') return cellText(i18n, column, cell);
  switch (unit) {
    case 'fraction':
      return i18n.percent(cell);
    case 'money':
      return i18n.money(cell);
    case 'hours':
    case 'points':
      return i18n.number(cell, 1);
    case 'score':
      return i18n.number(cell, 2);
    case 'line':
      return String(cell);
    default:
      return Number.isInteger(cell) ? i18n.number(cell, 0) : i18n.smart(cell);
  }
}
