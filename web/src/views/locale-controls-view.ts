// The page's language switch (English / 简体中文 / 繁體中文) and its currency selector, each currency
// named in the page's language.
import { css, html, type TemplateResult } from 'lit';
import { currencyName } from '../i18n/currencies';
import { CURRENCIES, type Currency, type I18n, type Lang, LANG_NAMES, LANGS } from '../i18n/i18n';

/** What a narrow header shows of each language's name. */
const SHORT_NAMES: Readonly<Record<Lang, string>> = { en: 'EN', 'zh-CN': '简', 'zh-TW': '繁' };

/**
 * The test id of a language's button. `lang-toggle` stays on the button that switches between English
 * and Simplified Chinese (the page's first two languages), as the two-language toggle did.
 */
function testId(lang: Lang, shown: Lang): string {
  const toggle = shown === 'en' ? 'zh-CN' : 'en';
  return lang === toggle ? 'lang-toggle' : `lang-${lang}`;
}

export function renderLanguageSwitch(i18n: I18n, choose: (lang: Lang) => void): TemplateResult {
  return html`<div class="lang-switch" role="group" aria-label=${i18n.t('language')}>
    ${LANGS.map(
      (lang) =>
        html`<button
          type="button"
          class="btn lang"
          lang=${lang}
          data-lang=${lang}
          data-testid=${testId(lang, i18n.lang)}
          aria-pressed=${lang === i18n.lang ? 'true' : 'false'}
          title=${LANG_NAMES[lang]}
          @click=${() => choose(lang)}
        >
          <span class="lang-full">${LANG_NAMES[lang]}</span><span class="lang-short" aria-hidden="true">${SHORT_NAMES[lang]}</span>
        </button>`,
    )}
  </div>`;
}

export function renderCurrencySelect(i18n: I18n, choose: (currency: Currency) => void): TemplateResult {
  return html`<label class="currency"
    >${i18n.t('currency')}
    <select
      data-testid="currency-select"
      .value=${i18n.currency}
      @change=${(e: Event) => choose((e.target as HTMLSelectElement).value as Currency)}
    >
      ${CURRENCIES.map(
        (c) => html`<option value=${c} ?selected=${c === i18n.currency}>${i18n.qualified(currencyName(c, i18n.locale), c)}</option>`,
      )}
    </select></label
  >`;
}

export const localeControlsStyles = css`
  .lang-switch {
    display: inline-flex;
  }

  .lang-switch .btn.lang {
    min-width: 0;
    border-radius: 0;
    margin-left: -1px;
  }

  .lang-switch .btn.lang:first-child {
    border-radius: 8px 0 0 8px;
    margin-left: 0;
  }

  .lang-switch .btn.lang:last-child {
    border-radius: 0 8px 8px 0;
  }

  .lang-switch .btn.lang[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
    position: relative;
  }

  .lang-short {
    display: none;
  }

  @container (max-width: 720px) {
    .lang-full {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }

    .lang-short {
      display: inline;
    }
  }
`;
