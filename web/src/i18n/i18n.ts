// Language choice, message lookup and number formatting for the page.
import type { Band, LocalText, RuleSpec, Unit } from '../engine/contract';
import { en, type MessageKey, type Messages } from './en';
import { currencyDigits, currencyForLocale, isCurrency, type Currency } from './currencies';
import { traditionalText } from './zh-TW-catalog';

export { CURRENCIES, isCurrency, type Currency } from './currencies';

export type Lang = 'en' | 'zh-CN' | 'zh-TW';
/** The languages the page speaks, in the order the language switch offers them. */
export const LANGS: readonly Lang[] = ['en', 'zh-CN', 'zh-TW'];
/** Each language's name in itself, as a language switch shows it. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' };

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh-CN' || value === 'zh-TW';
}

const LANG_KEY = 'servimetrics.lang';
const CURRENCY_KEY = 'servimetrics.currency';
// English is in the page itself; zh-CN and zh-TW come with their packs, loaded when a page first
// speaks them (language-packs.ts). The views wait for the pack before they render in its language.
const catalogs: Partial<Record<Lang, Messages>> = { en };

/** A language's texts have come (language-packs.ts). */
export function useMessages(lang: Lang, messages: Messages): void {
  catalogs[lang] = messages;
}

/** Whether the page has a language's own texts (Chinese only once its pack is in). */
export function hasMessages(lang: Lang): boolean {
  return catalogs[lang] !== undefined;
}

function storageGet(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame)
  }
}

function storageSet(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // not remembered then; the choice still applies to this visit
  }
}

/**
 * zh* in the browser's preferred languages (the first listed wins) gives Chinese: Traditional for
 * the Hant script and for Taiwan, Hong Kong and Macau (zh-TW, zh-HK, zh-MO), Simplified otherwise.
 */
export function languageFromNavigator(languages: readonly string[] | undefined): Lang {
  const first = languages?.find((l) => l.trim() !== '')?.trim().toLowerCase();
  if (!first || !(first === 'zh' || first.startsWith('zh-') || first.startsWith('zh_'))) return 'en';
  const parts = first.split(/[-_]/).slice(1);
  if (parts.includes('hant')) return 'zh-TW';
  if (parts.includes('hans')) return 'zh-CN';
  return parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo') ? 'zh-TW' : 'zh-CN';
}

function navigatorLanguages(): readonly string[] {
  const nav = globalThis.navigator;
  return nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [];
}

export function initialLang(): Lang {
  const stored = storageGet(LANG_KEY);
  if (isLang(stored)) return stored;
  return languageFromNavigator(navigatorLanguages());
}

/**
 * The language chosen last: the default of a first visit and of a new workspace. Each workspace keeps
 * its own language and currency (lib/workspace-doc.ts), which win over these defaults once read back.
 */
export function rememberLang(lang: Lang): void {
  storageSet(LANG_KEY, lang);
}

/** The language's own currency when the browser's locale names none the page offers. */
const LANG_CURRENCY: Readonly<Record<Lang, Currency>> = { en: 'USD', 'zh-CN': 'CNY', 'zh-TW': 'TWD' };

/**
 * The currency chosen last; on a first visit the one of the browser's first locale (zh-TW → TWD,
 * zh-HK → HKD, en-GB → GBP, ja → JPY), else the language's own.
 */
/** The currency a language's readers most likely count in (an embed told its language by the host). */
export function langCurrency(lang: Lang): Currency {
  return LANG_CURRENCY[lang];
}

export function initialCurrency(lang: Lang, languages: readonly string[] = navigatorLanguages()): Currency {
  const stored = storageGet(CURRENCY_KEY);
  if (isCurrency(stored)) return stored;
  const first = languages.find((l) => l.trim() !== '');
  return currencyForLocale(first) ?? LANG_CURRENCY[lang];
}

/** The user picked a currency in the selector (a file's symbols must not change it then). */
export function currencyChosen(): boolean {
  return isCurrency(storageGet(CURRENCY_KEY));
}

export function rememberCurrency(currency: Currency): void {
  storageSet(CURRENCY_KEY, currency);
}

const POINTS: Readonly<Record<Lang, string>> = { en: 'pts', 'zh-CN': '个百分点', 'zh-TW': '個百分點' };

const OPS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=', '==': '=' };

/** Everything a view needs to speak one language in one currency. Immutable: a change makes a new one. */
export class I18n {
  readonly messages: Messages;
  private readonly numberCache = new Map<string, Intl.NumberFormat>();

  constructor(
    readonly lang: Lang,
    readonly currency: Currency,
  ) {
    // zh-TW whose pack has not come reads zh-CN if that is in; English otherwise (a pack that failed).
    this.messages = catalogs[lang] ?? (lang === 'zh-TW' ? catalogs['zh-CN'] : undefined) ?? en;
  }

  get locale(): string {
    return this.lang === 'en' ? 'en-US' : this.lang;
  }

  /** Chinese of either script: full-width typography, names rather than Latin symbols. */
  get chinese(): boolean {
    return this.lang !== 'en';
  }

  t(key: MessageKey, params?: Record<string, string | number>): string {
    const text = this.messages[key] ?? en[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }

  /** A message key that may not exist (e.g. row names typed by the user): the fallback otherwise. */
  maybe(key: string, fallback: string): string {
    return key in this.messages ? this.messages[key as MessageKey] : fallback;
  }

  text(text: LocalText | undefined): string {
    if (!text) return '';
    if (this.lang === 'zh-TW') return traditionalText(text) || text.zh || text.en;
    return this.lang === 'zh-CN' ? text.zh || text.en : text.en || text.zh;
  }

  private nf(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    let format = this.numberCache.get(key);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, options);
      this.numberCache.set(key, format);
    }
    return format;
  }

  number(value: number, maxDigits = 2): string {
    return this.nf(`n${maxDigits}`, { maximumFractionDigits: maxDigits }).format(value);
  }

  /** A number with about three significant figures of fraction (123,456 / 12.3 / 0.123). */
  smart(value: number): string {
    const abs = Math.abs(value);
    const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
    return this.number(value, digits);
  }

  /** An amount in the currency: whole units from 1,000 up, else the currency's own decimals (none for JPY, KRW). */
  money(value: number): string {
    const digits = Math.abs(value) >= 1000 ? 0 : Math.min(2, currencyDigits(this.currency));
    return this.nf(`m${this.currency}${digits}`, {
      style: 'currency',
      currency: this.currency,
      maximumFractionDigits: digits,
      minimumFractionDigits: 0,
    }).format(value);
  }

  moneyCompact(value: number): string {
    return this.nf(`mc${this.currency}`, {
      style: 'currency',
      currency: this.currency,
      notation: 'compact',
      maximumSignificantDigits: 3,
    }).format(value);
  }

  compact(value: number): string {
    return this.nf('c', { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
  }

  percent(fraction: number, digits = 1): string {
    return this.nf(`p${digits}`, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(
      fraction,
    );
  }

  /** A signed difference in percentage points. */
  points(fraction: number): string {
    const pts = fraction * 100;
    const sign = pts > 0 ? '+' : pts < 0 ? '−' : '±';
    return `${sign}${this.number(Math.abs(pts), 1)} ${POINTS[this.lang]}`;
  }

  signed(text: string, value: number): string {
    if (value > 0) return `+${text}`;
    return text.replace('-', '−');
  }

  private unitFormat(value: number, unit: 'hour' | 'day' | 'month' | 'year'): string {
    return this.nf(`u${unit}`, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
  }

  /** A KPI or input value in its unit, as shown to a person. */
  value(value: number, unit: Unit): string {
    switch (unit) {
      case 'money':
        return this.money(value);
      case 'fraction':
        return this.percent(value);
      case 'ratio':
        return this.t('times', { value: this.number(value, 2) });
      case 'score':
        return this.t('outOf5', { value: this.number(value, 2) });
      case 'points':
        return this.t('points', { value: this.number(value, 1) });
      case 'hours':
        return this.unitFormat(value, 'hour');
      case 'days':
        return this.unitFormat(value, 'day');
      case 'months':
        return this.unitFormat(value, 'month');
      case 'years':
        return this.unitFormat(value, 'year');
      case 'per_year':
        return this.t('perYear', { value: this.number(value, 1) });
      case 'per_month':
        return this.t('perMonth', { value: this.number(value, 1) });
      case 'count':
        return this.number(value, 1);
      default:
        return this.smart(value);
    }
  }

  /** A threshold in the unit of its KPI, without unit words (for rules). */
  threshold(value: number, unit: Unit): string {
    switch (unit) {
      case 'fraction':
        return this.percent(value, 2);
      case 'money':
        return this.money(value);
      case 'hours':
      case 'days':
      case 'months':
      case 'years':
        return this.value(value, unit);
      default:
        return this.number(value, 2);
    }
  }

  band(band: Band): string {
    switch (band) {
      case 'good':
        return this.t('bandGood');
      case 'watch':
        return this.t('bandWatch');
      case 'bad':
        return this.t('bandBad');
      default:
        return this.t('bandNone');
    }
  }

  /**
   * The rule that decided a band, phrased from the core's structured rule_spec in the page's
   * language ("LTV:CAC ≥ 3 → Good", "客户流失率 > 15% → 警示"); the core's English sentence when
   * there is no structure.
   */
  rule(rule: string, spec: RuleSpec | null | undefined, label: string, unit: Unit): string {
    if (!spec || spec.band === 'none') return rule === 'no threshold' || !rule ? this.t('bandNone') : prettyOps(rule);
    const op = OPS[spec.op] ?? spec.op;
    if (this.lang === 'en') label = label.charAt(0).toUpperCase() + label.slice(1);
    return `${label} ${op} ${this.threshold(spec.value, unit)} → ${this.band(spec.band)}`;
  }

  /** "name (part)" in the page's typography. */
  qualified(name: string, part: string): string {
    return this.chinese ? `${name}（${part}）` : `${name} (${part})`;
  }

  rowName(name: string): string {
    return this.maybe(`row_${name}`, name.replace(/_/g, ' '));
  }

  choice(name: string): string {
    return this.maybe(`choice_${name}`, name);
  }

  /** A moment (ISO 8601) as a date and time of the page's language; the text itself when it is not one. */
  dateTime(iso: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  list(items: string[]): string {
    if (typeof Intl.ListFormat === 'function') {
      return new Intl.ListFormat(this.locale, { style: 'long', type: 'conjunction' }).format(items);
    }
    return items.join(', ');
  }
}

export function prettyOps(rule: string): string {
  return rule.replace(/>=/g, '≥').replace(/<=/g, '≤');
}
