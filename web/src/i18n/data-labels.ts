// Names of what an imported file's answer holds (kinds, fields, measures, tables, columns, notes) in
// the page's language. Kinds and fields come with their names from the core; measures, tables,
// and columns are looked up in the message catalog, and an id it does not know is shown as is. Notes
// are the core's messages (render-message.ts).
import type { DataKind } from '../engine/contract';
import type { I18n } from './i18n';

export function kindName(i18n: I18n, kinds: readonly DataKind[], id: string): string {
  const kind = kinds.find((k) => k.id === id);
  return kind ? i18n.text(kind.name) : id === 'auto' ? i18n.t('unknownKind') : id;
}

export function fieldLabel(i18n: I18n, kind: DataKind | undefined, fieldId: string): string {
  const field = kind?.fields.find((f) => f.id === fieldId);
  return field ? i18n.text(field.label) : fieldId;
}

export function measureLabel(i18n: I18n, id: string): string {
  return i18n.maybe(`measure_${id}`, id);
}

export function tableLabel(i18n: I18n, id: string): string {
  return i18n.maybe(`table_${id}`, id);
}

/** A table column: its own label, else a measure or field of the same id, else the id. */
export function columnLabel(i18n: I18n, kind: DataKind | undefined, id: string): string {
  if (/^\d+$/.test(id)) return i18n.t('cohortOffset', { n: id }); // periods after a cohort started
  const own = i18n.maybe(`col_${id}`, '');
  if (own) return own;
  const measure = i18n.maybe(`measure_${id}`, '');
  if (measure) return measure;
  return fieldLabel(i18n, kind, id);
}

/** Columns whose texts are the core's own codes (categories, value segments, scales, response bands), not the file's. */
const CODED_COLUMNS: ReadonlySet<string> = new Set(['category', 'segment', 'scale', 'band']);

/** A text cell: a code of the core in words, anything else as the file gave it. */
export function cellText(i18n: I18n, column: string, text: string): string {
  return CODED_COLUMNS.has(column) ? i18n.maybe(`value_${text}`, text) : text;
}
