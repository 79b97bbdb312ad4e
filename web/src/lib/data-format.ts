// Values of an imported file's answer as shown to a person: measures in their unit, table cells by
// what their column holds. Numbers go through Intl; texts and dates are shown as the file gave them.
import type { Cell, Measure } from '../engine/import-types';
import type { Unit } from '../engine/types';
import { cellText } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';

const UNITS: ReadonlySet<string> = new Set<Unit>([
  'money', 'count', 'fraction', 'ratio', 'score', 'points', 'years', 'months', 'days', 'hours', 'per_year', 'per_month',
]);

export function formatMeasure(i18n: I18n, measure: Measure): string {
  if (typeof measure.value !== 'number') return String(measure.value ?? '—');
  return UNITS.has(measure.unit) ? i18n.value(measure.value, measure.unit as Unit) : i18n.smart(measure.value);
}

type ColumnUnit = 'money' | 'fraction' | 'hours' | 'points' | 'score' | 'number';

// The columns of the core's tables by what they hold; other ids are read from their endings.
const COLUMN_UNITS: Record<string, ColumnUnit> = {
  product: 'money',
  basic_service: 'money',
  value_added_service: 'money',
  total: 'money',
  revenue: 'money',
  returns: 'money',
  clv: 'money',
  spend: 'money',
  cac: 'money',
  share: 'fraction',
  nps: 'points',
  nps_low: 'points',
  nps_high: 'points',
  csat_average: 'score',
  hours: 'hours',
};

/** What a table column holds, from its id (tables list column ids only). */
export function columnUnit(id: string): ColumnUnit {
  const known = COLUMN_UNITS[id];
  if (known) return known;
  if (/^\d+$/.test(id)) return 'fraction'; // cohort columns: the share still active
  if (/(_rate|_share|_retention)$/.test(id)) return 'fraction';
  if (/_hours$/.test(id)) return 'hours';
  if (/(^|_)(revenue|amount|spend|cac|cltv|clv|value|price)($|_)/.test(id)) return 'money';
  return 'number';
}

export function formatCell(i18n: I18n, column: string, cell: Cell): string {
  if (cell === null || cell === undefined || cell === '') return '—';
  if (typeof cell === 'boolean') return i18n.t(cell ? 'yes' : 'no');
  if (typeof cell === 'string') return cellText(i18n, column, cell);
  switch (columnUnit(column)) {
    case 'fraction':
      return i18n.percent(cell);
    case 'money':
      return i18n.money(cell);
    case 'hours':
    case 'points':
      return i18n.number(cell, 1);
    case 'score':
      return i18n.number(cell, 2);
    default:
      return Number.isInteger(cell) ? i18n.number(cell, 0) : i18n.smart(cell);
  }
}
