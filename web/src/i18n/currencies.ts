// The currencies the page offers, each formatted by Intl in its usual way (JPY and KRW without
// decimals), named by Intl.DisplayNames in the page's language, and the one a locale would expect.

export const CURRENCIES = [
  'TWD',
  'HKD',
  'MOP',
  'CNY',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'KRW',
  'SGD',
  'AUD',
  'NZD',
  'CAD',
  'CHF',
] as const;
export type Currency = (typeof CURRENCIES)[number];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

const EURO_REGIONS = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ');
const BY_REGION: Readonly<Record<string, Currency>> = {
  TW: 'TWD',
  HK: 'HKD',
  MO: 'MOP',
  CN: 'CNY',
  US: 'USD',
  GB: 'GBP',
  JP: 'JPY',
  KR: 'KRW',
  SG: 'SGD',
  AU: 'AUD',
  NZ: 'NZD',
  CA: 'CAD',
  CH: 'CHF',
  LI: 'CHF',
  ...Object.fromEntries(EURO_REGIONS.map((r) => [r, 'EUR' as Currency])),
};

/** The region a locale names, or the one its language most likely means ("ja" → JP, "zh-Hant" → TW). */
function regionOf(locale: string): string | undefined {
  try {
    const parsed = new Intl.Locale(locale);
    return parsed.region ?? parsed.maximize().region;
  } catch {
    return undefined; // not a locale tag
  }
}

/** The currency a person of this locale most likely counts in (zh-TW → TWD, en-GB → GBP), if offered. */
export function currencyForLocale(locale: string | undefined): Currency | undefined {
  if (!locale) return undefined;
  const region = regionOf(locale.trim());
  return region ? BY_REGION[region] : undefined;
}

const digits = new Map<Currency, number>();

/** The fraction digits Intl gives a currency by default (JPY 0, USD 2). */
export function currencyDigits(currency: Currency): number {
  let found = digits.get(currency);
  if (found === undefined) {
    found = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digits.set(currency, found);
  }
  return found;
}

// Each name found once: the currency menu is part of the top bar, which every render of the page redraws.
const names = new Map<string, string>();

/** A currency's name in a language ("新臺幣", "Japanese Yen"); its code where Intl has no names. */
export function currencyName(currency: Currency, locale: string): string {
  const key = `${locale} ${currency}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([locale], { type: 'currency' }).of(currency) ?? currency;
    } catch {
      name = currency;
    }
    names.set(key, name);
  }
  return name;
}
