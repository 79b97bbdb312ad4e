// The embed's configuration, read from the element's attributes or an iframe page's URL parameters
// (docs/EMBED.md). A value it does not understand is reported (shown inside the element) and left out;
// the rest applies.
import type { InputValue } from './engine/contract';
import { type Currency, isCurrency, isLang, type Lang, CURRENCIES, LANGS } from './i18n/i18n';

export type Layout = 'full' | 'compact' | 'single';
export type Section = 'inputs' | 'files' | 'whatif';

export const LAYOUTS: readonly Layout[] = ['full', 'compact', 'single'];
export const SECTIONS: readonly Section[] = ['inputs', 'files', 'whatif'];
/** The attributes (and URL parameters) the embed reads. */
export const EMBED_ATTRIBUTES = ['lang', 'currency', 'kpis', 'sections', 'inputs', 'sample', 'layout'] as const;
export type EmbedAttribute = (typeof EMBED_ATTRIBUTES)[number];

/** A value left out: which attribute, what it said, what would have been understood. */
export interface ConfigProblem {
  attribute: EmbedAttribute;
  value: string;
  expected: string;
}

export interface EmbedConfig {
  lang: Lang | null;
  currency: Currency | null;
  /** KPI ids to show, in order; null: the layout's default. Unknown ids are reported once the catalog is in. */
  kpis: string[] | null;
  sections: ReadonlySet<Section>;
  /** Initial input values given inline. */
  inputs: Record<string, InputValue> | null;
  /** Or a request file to fetch them from (resolved against the host page). */
  inputsUrl: string | null;
  /** Start from the sample company (true) or empty. */
  sample: boolean;
  layout: Layout;
  problems: ConfigProblem[];
}

const list = (text: string) => text.split(/[\s,]+/).filter((s) => s !== '');

/** The inputs of `{"inputs": {...}}` (a request file) or of a bare `{...}`. */
export function inputsOf(json: unknown): Record<string, InputValue> | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const inner = (json as { inputs?: unknown }).inputs;
  const inputs = inner === undefined ? json : inner;
  return typeof inputs === 'object' && inputs !== null && !Array.isArray(inputs) ? (inputs as Record<string, InputValue>) : null;
}

/** Reads the configuration; `get` returns an attribute's (or parameter's) text, null when absent. */
export function readEmbedConfig(get: (name: EmbedAttribute) => string | null): EmbedConfig {
  const problems: ConfigProblem[] = [];
  const bad = (attribute: EmbedAttribute, value: string, expected: string) => problems.push({ attribute, value, expected });
  const config: EmbedConfig = { lang: null, currency: null, kpis: null, sections: new Set(SECTIONS), inputs: null, inputsUrl: null, sample: true, layout: 'full', problems };

  const lang = get('lang')?.trim();
  if (lang) {
    // zh-Hant / zh-HK style tags are accepted as their language; anything else is reported.
    const known = LANGS.find((l) => l.toLowerCase() === lang.toLowerCase());
    if (known && isLang(known)) config.lang = known;
    else bad('lang', lang, LANGS.join(', '));
  }
  const currency = get('currency')?.trim().toUpperCase();
  if (currency) {
    if (isCurrency(currency)) config.currency = currency;
    else bad('currency', currency, CURRENCIES.join(', '));
  }
  const layout = get('layout')?.trim().toLowerCase();
  if (layout) {
    if ((LAYOUTS as readonly string[]).includes(layout)) config.layout = layout as Layout;
    else bad('layout', layout, LAYOUTS.join(', '));
  }
  const kpis = get('kpis');
  if (kpis !== null && list(kpis).length > 0) config.kpis = [...new Set(list(kpis))];
  const sections = get('sections');
  if (sections !== null) {
    const wanted = list(sections.toLowerCase()).map((s) => (s === 'what-if' ? 'whatif' : s));
    const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
    if (unknown.length > 0) bad('sections', unknown.join(', '), SECTIONS.join(', '));
    config.sections = new Set(wanted.filter((s): s is Section => (SECTIONS as readonly string[]).includes(s)));
  }
  const sample = get('sample')?.trim().toLowerCase();
  if (sample !== undefined) {
    if (sample === '' || sample === 'true' || sample === 'yes') config.sample = true;
    else if (sample === 'false' || sample === 'no' || sample === 'empty') config.sample = false;
    else bad('sample', sample, 'true, false');
  }
  readInputs(get('inputs')?.trim(), config, bad);
  return config;
}

function readInputs(text: string | undefined, config: EmbedConfig, bad: (a: EmbedAttribute, v: string, e: string) => void): void {
  if (!text) return;
  if (text.startsWith('{')) {
    try {
      const inputs = inputsOf(JSON.parse(text));
      if (inputs) config.inputs = inputs;
      else bad('inputs', text, '{"input_name": value, …}');
    } catch {
      bad('inputs', text, '{"input_name": value, …}');
    }
    return;
  }
  try {
    config.inputsUrl = new URL(text, globalThis.document?.baseURI).href;
  } catch {
    bad('inputs', text, 'JSON or a URL');
  }
}

/** Two configurations that would show the same thing (a re-render need not start over). */
export function sameConfig(a: EmbedConfig, b: EmbedConfig): boolean {
  const key = (c: EmbedConfig) => JSON.stringify({ ...c, sections: [...c.sections] });
  return key(a) === key(b);
}
