// Loads a language's pack when a page first speaks it (zh-TW: zh-TW-pack.ts, its own chunk), and hands
// its texts to the I18n, the catalog and the message renderer. en and zh-CN are in the page itself.
import { hasMessages, type Lang, useMessages } from './i18n';
import { useTraditionalMessages } from './render-message';
import { useTraditionalCatalog } from './zh-TW-catalog';

let traditional: Promise<void> | null = null;

/** Resolves once `lang` reads in its own texts; at once for a language the page holds. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang !== 'zh-TW' || hasMessages(lang)) return Promise.resolve();
  traditional ??= import('./zh-TW-pack').then((pack) => {
    useTraditionalCatalog(pack.TRADITIONAL_CATALOG);
    useTraditionalMessages(pack.traditionalMessages);
    useMessages('zh-TW', pack.zhTW);
  });
  return traditional;
}
