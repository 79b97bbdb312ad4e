// Names of what an imported file's answer holds (kinds, fields, measures, tables, columns, notes) in
// the page's language. Kinds and fields come with their names from the core; measures, tables,
// columns and notes are looked up in the message catalog, and an id it does not know is shown as is.
import type { DataKind, Note } from '../engine/import-types';
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
  const own = i18n.maybe(`col_${id}`, '');
  if (own) return own;
  const measure = i18n.maybe(`measure_${id}`, '');
  if (measure) return measure;
  return fieldLabel(i18n, kind, id);
}

/** A note: the core's English sentence, or its Chinese wording when the catalog has one. */
export function noteText(i18n: I18n, note: Note): string {
  return i18n.lang === 'zh-CN' ? i18n.maybe(`note_${note.id}`, note.message) : note.message;
}
