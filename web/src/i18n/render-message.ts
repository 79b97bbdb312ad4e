// A message of the core ({code, params, message}: errors, notes, rejects) in the page's language: the
// code's text from the message tables (messages/index.ts) with its {placeholders} filled from the
// params (messages/types.ts says how each format is shown). A code without an entry shows the core's
// English sentence (and, while developing, a console warning naming the code). Traditional Chinese
// texts live apart, in messages-zh-TW/ by code; a code without one there shows its zh-CN text.
// Only the request layer's table (what a compute answers) is here from the start: the embed's card needs
// no more; the full calculator adds the others (all-messages.ts) so a card's first load stays small.
import type { Catalog, DataKind } from '../engine/contract';
import type { I18n } from './i18n';
import { requestMessages } from './messages/request';
import type { MessageTable, MessageText } from './messages/types';
import type { TraditionalTable } from './messages-zh-TW/types';

/** What a message needs rendered: the core's code, its params and the English fallback. */
export interface MessageLike {
  readonly code?: string | undefined;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
  readonly message: string;
}

/** What the placeholders are looked up in. */
export interface MessageContext {
  readonly i18n: I18n;
  /** The catalog, for input labels and KPI names (null before it has loaded: ids are shown). */
  readonly catalog: Catalog | null;
  /** The data kinds, for kind names and field labels. */
  readonly kinds: readonly DataKind[];
  /** The kind of the file the message is about: its fields' labels are used. */
  readonly kind?: DataKind | undefined;
  /** An input's label where the page knows better than the catalog (group rows: "Processes (order processing)"). */
  readonly inputLabel?: ((id: string) => string | undefined) | undefined;
}

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;
const warned = new Set<string>();
// Vite sets import.meta.env (true in `npm run dev`); under node's tests it is absent.
const dev = (import.meta.env as ImportMetaEnv | undefined)?.DEV === true;

function fallback(message: MessageLike): string {
  if (dev && !warned.has(message.code ?? '')) {
    warned.add(message.code ?? '');
    console.warn(`[servimetrics] no text for message code "${message.code ?? ''}": showing the core's English`, message);
  }
  return message.message;
}

/** A code's text in a language: zh-TW from the Traditional table, else (still missing there) zh-CN's. */
/** The zh-TW texts of the codes: empty until the zh-TW pack comes (language-packs.ts). */
let traditionalMessages: TraditionalTable = {};
export function useTraditionalMessages(table: TraditionalTable): void {
  traditionalMessages = table;
}

function textOf(code: string, entry: MessageText, lang: I18n['lang'], traditional: TraditionalTable): string {
  if (lang !== 'zh-TW') return entry[lang];
  return traditional[code] ?? entry['zh-CN'];
}

/** The codes' texts known so far: the request layer's, and whatever useMessageTable added. */
let knownMessages: MessageTable = requestMessages;
export function useMessageTable(table: MessageTable): void {
  knownMessages = { ...knownMessages, ...table };
}

/** The message in the page's language. */
export function renderMessage(
  message: MessageLike,
  ctx: MessageContext,
  table: MessageTable = knownMessages,
  traditional: TraditionalTable = traditionalMessages,
): string {
  const entry = message.code ? table[message.code] : undefined;
  if (!entry || !message.code) return fallback(message);
  const params = message.params ?? {};
  return textOf(message.code, entry, ctx.i18n.lang, traditional).replace(PLACEHOLDER, (_whole, name: string, format: string | undefined) =>
    name in params ? formatParam(params[name], format, params, ctx) : `[${name}]`,
  );
}

/** A reject's reason (the core's sentence is its `reason`). */
export function renderReason(reject: { code?: string; params?: Record<string, unknown>; reason: string }, ctx: MessageContext, table?: MessageTable): string {
  return renderMessage({ code: reject.code, params: reject.params, message: reject.reason }, ctx, table);
}

// ---- placeholders --------------------------------------------------------------------------

function formatParam(value: unknown, format: string | undefined, params: Readonly<Record<string, unknown>>, ctx: MessageContext): string {
  const { i18n } = ctx;
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  switch (format ?? (typeof value === 'number' ? 'number' : Array.isArray(value) ? 'list' : 'text')) {
    case 'number':
      return Number.isFinite(number) ? i18n.number(number, 4) : String(value);
    case 'count':
      return Number.isFinite(number) ? i18n.number(number, 0) : String(value);
    case 'percent':
      return Number.isFinite(number) ? i18n.percent(number, 2) : String(value);
    case 'money':
      return Number.isFinite(number) ? i18n.money(number) : String(value);
    case 'input':
      return inputLabel(String(value), ctx);
    case 'kpi':
      return kpiName(String(value), ctx);
    case 'field':
      return fieldLabel(String(value), params, ctx);
    case 'fields':
      return i18n.list(texts(value).map((id) => fieldLabel(id, params, ctx)));
    case 'kind':
      return kindName(String(value), ctx);
    case 'list':
      return i18n.list(texts(value));
    case 'lines':
      return lines(value, params['more'], ctx);
    default:
      return Array.isArray(value) ? i18n.list(texts(value)) : String(value);
  }
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)) : [String(value)];
}

/** An input's label; a scoped request key ("service_innovation_roi.investment") by its input's. */
function inputLabel(id: string, ctx: MessageContext): string {
  const own = ctx.inputLabel?.(id);
  if (own !== undefined) return own;
  const inputs = ctx.catalog?.inputs;
  const find = (name: string) => inputs?.find((i) => i.name === name);
  const input = find(id) ?? find(id.slice(id.lastIndexOf('.') + 1));
  return input ? ctx.i18n.text(input.label) : id;
}

function kpiName(id: string, ctx: MessageContext): string {
  const kpi = ctx.catalog?.kpis.find((k) => k.id === id);
  return kpi ? ctx.i18n.text(kpi.name) : id;
}

function kindName(id: string, ctx: MessageContext): string {
  const kind = ctx.kinds.find((k) => k.id === id);
  return kind ? ctx.i18n.text(kind.name) : id;
}

/** A field's label in the file's kind (or the kind the params name). */
function fieldLabel(id: string, params: Readonly<Record<string, unknown>>, ctx: MessageContext): string {
  const kind = ctx.kind ?? ctx.kinds.find((k) => k.id === params['kind']);
  const field = kind?.fields.find((f) => f.id === id);
  return field ? ctx.i18n.text(field.label) : id;
}

/** Line numbers, and "n more" when the core left some out. */
function lines(value: unknown, more: unknown, ctx: MessageContext): string {
  const { i18n } = ctx;
  const shown = (Array.isArray(value) ? value : [value]).map((n) => String(n)); // line 12345, not 12,345
  if (typeof more === 'number' && more > 0) shown.push(i18n.t('linesMore', { n: i18n.number(more, 0) }));
  return i18n.list(shown);
}
