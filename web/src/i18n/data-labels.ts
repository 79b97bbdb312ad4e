// Names of what an imported file's answer holds (kinds, fields, measures, tables, columns, notes) in
// the page's language. Kinds and fields come with their names from the core; measures, tables,
// columns and notes are looked up in the message catalog, and an id it does not know is shown as is.
import type { DataKind, Note } from '../engine/contract';
import type { I18n } from './i18n';
import { NOTES_ZH } from './notes-zh';

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

/** Columns whose texts are the core's own codes (categories, value segments, scales), not the file's. */
const CODED_COLUMNS: ReadonlySet<string> = new Set(['category', 'segment', 'scale']);

/** A text cell: a code of the core in words, anything else as the file gave it. */
export function cellText(i18n: I18n, column: string, text: string): string {
  return CODED_COLUMNS.has(column) ? i18n.maybe(`value_${text}`, text) : text;
}

/**
 * A note in the page's language: in English the core's sentence; in Chinese its wording from the
 * catalog, with the core's sentence as the detail when that names counts or lines.
 */
export function noteText(i18n: I18n, note: Note): { text: string; detail: string } {
  if (i18n.lang !== 'zh-CN') return { text: note.message, detail: '' };
  const zh = NOTES_ZH[note.id];
  if (!zh) return { text: note.message, detail: '' };
  // The core's sentence stays beside the Chinese one when it names numbers, lines or channels.
  return { text: zh, detail: /\d|'/.test(note.message) ? note.message : '' };
}
