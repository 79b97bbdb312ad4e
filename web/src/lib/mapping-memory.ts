// Column mappings a user applied, remembered in localStorage per data kind and header list, so the
// next file with the same headers is read the same way.
import type { MappingEntry } from '../engine/contract';

export type Mapping = Record<string, string | null>;

const STORAGE_KEY = 'servimetrics.mappings';
const MAX_SAVED = 40;

/** The key of a kind and a header list; the order of the headers counts. */
export function mappingKey(kind: string, header: readonly string[]): string {
  return JSON.stringify([kind, ...header]);
}

function readAll(): Record<string, Mapping> {
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_KEY);
    const parsed: unknown = text ? JSON.parse(text) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, Mapping>) : {};
  } catch {
    return {}; // storage blocked or damaged: nothing remembered
  }
}

function writeAll(all: Record<string, Mapping>): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // not remembered then; the mapping still applies to this import
  }
}

export function savedMapping(key: string): Mapping | undefined {
  const found = readAll()[key];
  return found && typeof found === 'object' ? found : undefined;
}

export function saveMapping(key: string, mapping: Mapping): void {
  const all = readAll();
  delete all[key]; // re-inserted last: the oldest entries go first when there are too many
  all[key] = mapping;
  const keys = Object.keys(all);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_SAVED))) delete all[old];
  writeAll(all);
}

export function forgetMapping(key: string): void {
  const all = readAll();
  delete all[key];
  writeAll(all);
}

/** The mapping an import used, as the core reports it, in the shape a request and storage take. */
export function mappingOf(entries: readonly MappingEntry[]): Mapping {
  return Object.fromEntries(entries.map((e) => [e.field, e.column]));
}

/** Whether an import already used `mapping` (fields the mapping does not name are not compared). */
export function sameMapping(mapping: Mapping, entries: readonly MappingEntry[]): boolean {
  return entries.every((e) => !(e.field in mapping) || (mapping[e.field] ?? null) === e.column);
}
