// After a file is read: the currency its amounts carry (lib/currency-guess.ts) becomes the page's,
// unless the user picked one in the selector, and a notice says which symbol was seen where.
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { KindResult } from '../lib/file-imports';
import { type CurrencyGuess, guessCurrency } from '../lib/currency-guess';
import { currencyForLocale, currencyName, type Currency } from '../i18n/currencies';
import { currencyChosen, type I18n } from '../i18n/i18n';

interface Shown {
  guess: CurrencyGuess;
  fileName: string;
  /** The currency the user chose and that stays; null when the page took the file's. */
  kept: Currency | null;
}

/** The currency the visitor's own locale expects: the browser's first language, else the page's. */
function visitorCurrency(i18n: I18n): Currency | undefined {
  const fromPage: Partial<Record<string, Currency>> = { 'zh-TW': 'TWD', 'zh-CN': 'CNY' };
  return currencyForLocale(globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language) ?? fromPage[i18n.lang];
}

export class CurrencyGuessController implements ReactiveController {
  private readonly looked = new Set<number>();
  private shown: Shown | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly results: () => Iterable<KindResult>,
    private readonly i18n: () => I18n,
    private readonly apply: (currency: Currency) => void,
    /** A currency chosen outside the selector (an embed's currency attribute): it wins too. */
    private readonly chosenElsewhere: () => boolean = () => false,
  ) {
    host.addController(this);
  }

  /** Before each render: a result not looked at yet (a new import, not one read back) is looked at once. */
  hostUpdate(): void {
    // "Now shown in TWD" is no longer true once the user picks another currency.
    if (this.shown && !this.shown.kept && this.i18n().currency !== this.shown.guess.currency) this.shown = null;
    let newest: KindResult | undefined;
    for (const result of this.results()) {
      if (this.looked.has(result.importId)) continue;
      this.looked.add(result.importId);
      if (!result.restored && result.importId > 0) newest = result;
    }
    if (!newest) return;
    const i18n = this.i18n();
    const guess = guessCurrency(newest.answer.import?.formats ?? [], visitorCurrency(i18n));
    if (!guess) return;
    const kept = currencyChosen() || this.chosenElsewhere() ? i18n.currency : null;
    if (!kept && guess.currency !== i18n.currency) this.apply(guess.currency);
    this.shown = { guess, fileName: newest.fileName, kept: kept === guess.currency ? null : kept };
  }

  render(i18n: I18n): TemplateResult | typeof nothing {
    const shown = this.shown;
    if (!shown) return nothing;
    const name = (c: Currency) => currencyName(c, i18n.locale);
    const seen = i18n.list(
      shown.guess.seen.map((s) => i18n.t('currencyGuessSeen', { mark: s.mark, cells: i18n.number(s.cells, 0), column: s.column })),
    );
    const params = { file: shown.fileName, currency: name(shown.guess.currency), seen };
    const text = shown.kept
      ? i18n.t('currencyGuessKept', { ...params, chosen: name(shown.kept) })
      : i18n.t('currencyGuessApplied', params);
    return html`<p class="notice currency-guess" role="status" data-testid="currency-guess" data-currency=${shown.guess.currency} data-kept=${shown.kept ?? ''}>
      ${text}<button type="button" class="btn small" data-testid="currency-guess-dismiss" @click=${() => this.dismiss()}>${i18n.t('wsDismiss')}</button>
    </p>`;
  }

  private dismiss(): void {
    this.shown = null;
    this.host.requestUpdate();
  }

}

/** Above the files panel's heading, with room below it (a .notice alone only has room above). */
export const currencyGuessStyles = css`
  .notice.currency-guess {
    margin: 0 0 16px;
  }
`;
