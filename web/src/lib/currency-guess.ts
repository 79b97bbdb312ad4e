// The currency a file's amounts are written in, from the symbols and codes the core counted in its
// number columns (formats[].currencies): NT$ → TWD, HK$ → HKD, € → EUR … Symbols several currencies
// share are decided by the file and then the visitor's own currency: "$" is the visitor's dollar
// (TWD, HKD, SGD, AUD, NZD, CAD) or else USD; "¥" is JPY when the file also writes 円 or JPY or
// the visitor counts in yen, else CNY; "元" is TWD, HKD or MOP for a visitor of those, else CNY.
import type { FormatEntry } from '../engine/contract';
import type { Currency } from '../i18n/currencies';

/** The marks that name one currency. */
const PLAIN: Readonly<Record<string, Currency>> = {
  'NT$': 'TWD', NTD: 'TWD', TWD: 'TWD',
  'HK$': 'HKD', HKD: 'HKD',
  'US$': 'USD', USD: 'USD',
  'S$': 'SGD', SGD: 'SGD',
  '€': 'EUR', EUR: 'EUR',
  '£': 'GBP', GBP: 'GBP',
  '円': 'JPY', JPY: 'JPY',
  CNY: 'CNY', RMB: 'CNY', '人民币': 'CNY', '块': 'CNY', '圆': 'CNY',
  '₩': 'KRW', KRW: 'KRW',
  AUD: 'AUD', CAD: 'CAD', CHF: 'CHF',
};
const DOLLARS: ReadonlySet<Currency> = new Set(['TWD', 'HKD', 'SGD', 'AUD', 'NZD', 'CAD']);
const YUAN: ReadonlySet<Currency> = new Set(['TWD', 'HKD', 'MOP']);

/** One mark seen in one column. */
export interface CurrencySighting {
  mark: string;
  column: string;
  cells: number;
}

export interface CurrencyGuess {
  currency: Currency;
  /** The marks that led to it, most cells first. */
  seen: CurrencySighting[];
}

/** The currency a mark means in this file for this visitor; undefined for one the page does not offer (₹). */
function meaning(mark: string, fileSaysYen: boolean, visitor: Currency | undefined): Currency | undefined {
  const plain = PLAIN[mark];
  if (plain) return plain;
  if (mark === '$') return visitor && DOLLARS.has(visitor) ? visitor : 'USD';
  if (mark === '¥') return fileSaysYen || visitor === 'JPY' ? 'JPY' : 'CNY';
  if (mark === '元') return visitor && YUAN.has(visitor) ? visitor : 'CNY';
  return undefined;
}

/**
 * The currency most of a file's marked cells are written in, with where its marks were seen; null
 * when no number column carries a mark of an offered currency. `visitor` is the currency the
 * visitor's locale expects (currencyForLocale), if any.
 */
export function guessCurrency(formats: readonly FormatEntry[], visitor: Currency | undefined): CurrencyGuess | null {
  const sightings = formats.flatMap((f) =>
    Object.entries(f.currencies ?? {})
      .filter(([, cells]) => Number.isFinite(cells) && cells > 0)
      .map(([mark, cells]) => ({ mark, column: f.column, cells })),
  );
  const fileSaysYen = sightings.some((s) => s.mark === '円' || s.mark === 'JPY');
  const cellsOf = new Map<Currency, number>();
  for (const s of sightings) {
    const currency = meaning(s.mark, fileSaysYen, visitor);
    if (currency) cellsOf.set(currency, (cellsOf.get(currency) ?? 0) + s.cells);
  }
  const best = [...cellsOf].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const seen = sightings.filter((s) => meaning(s.mark, fileSaysYen, visitor) === best[0]).sort((a, b) => b.cells - a.cells);
  return { currency: best[0], seen };
}
