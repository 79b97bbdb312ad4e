// Hangs the zh-TW texts of the core's catalog and data kinds on their LocalText objects, where
// I18n.text() finds them. The texts come with the zh-TW pack (zh-TW-pack.ts), loaded only when a page
// speaks zh-TW: catalogs and kinds that arrive before it are kept and given their texts when it comes.
import type { Catalog, DataKind, LocalText } from '../engine/contract';
import type { TraditionalCatalog } from './zh-TW-catalog-data';

const traditional = new WeakMap<LocalText, string>();
let tables: TraditionalCatalog | null = null;
const waiting: { catalogs: Catalog[]; kinds: (readonly DataKind[])[] } = { catalogs: [], kinds: [] };

function hang(text: LocalText | undefined, tw: string | undefined): void {
  if (text && tw) traditional.set(text, tw);
}

function hangCatalog(catalog: Catalog, t: TraditionalCatalog): void {
  for (const group of catalog.groups) hang(group.name, t.groups[group.id]);
  for (const kpi of catalog.kpis) {
    hang(kpi.name, t.kpis[kpi.id]?.name);
    hang(kpi.explanation, t.kpis[kpi.id]?.explanation);
    for (const input of kpi.inputs) hang(input.label, t.inputs[input.name]);
  }
  for (const input of catalog.inputs) hang(input.label, t.inputs[input.name]);
}

function hangKinds(kinds: readonly DataKind[], t: TraditionalCatalog): void {
  for (const kind of kinds) {
    const tw = t.kinds[kind.id];
    hang(kind.name, tw?.name);
    hang(kind.description, tw?.description);
    for (const field of kind.fields) hang(field.label, tw?.fields[field.id]);
  }
}

/** Gives the catalog's groups, KPIs and inputs (also as listed under each KPI) their zh-TW texts. */
export function attachTraditionalCatalog<T extends Catalog>(catalog: T): T {
  if (tables) hangCatalog(catalog, tables);
  else waiting.catalogs.push(catalog);
  return catalog;
}

/** Gives the data kinds and their fields their zh-TW texts. */
export function attachTraditionalKinds<T extends readonly DataKind[]>(kinds: T): T {
  if (tables) hangKinds(kinds, tables);
  else waiting.kinds.push(kinds);
  return kinds;
}

/** The pack's tables have come: every catalog and kind list seen so far gets its texts. */
export function useTraditionalCatalog(t: TraditionalCatalog): void {
  tables = t;
  for (const catalog of waiting.catalogs.splice(0)) hangCatalog(catalog, t);
  for (const kinds of waiting.kinds.splice(0)) hangKinds(kinds, t);
}

/** The zh-TW text hung on a catalog text, if any (a text the page has none for shows its zh). */
export function traditionalText(text: LocalText): string | undefined {
  return traditional.get(text);
}
