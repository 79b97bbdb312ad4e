// Loads a language's pack when a page first speaks it (zh-CN: zh-CN-pack.ts, zh-TW: zh-TW-pack.ts, each
// its own chunk), and hands its texts to the I18n, the catalog and the message renderer. English is in
// the page itself. A view speaking Chinese waits for the pack before it renders (whenLanguage).
import { hasMessages, type Lang, useMessages } from './i18n';
import { useTraditionalMessages } from './render-message';
import { useTraditionalCatalog } from './zh-TW-catalog';

const loading: Partial<Record<Lang, Promise<void>>> = {};

function fetchPack(lang: Lang): Promise<void> {
  if (lang === 'zh-CN') return import('./zh-CN-pack').then((pack) => useMessages('zh-CN', pack.zhCN));
  return import('./zh-TW-pack').then((pack) => {
    useTraditionalCatalog(pack.TRADITIONAL_CATALOG);
    useTraditionalMessages(pack.traditionalMessages);
    useMessages('zh-TW', pack.zhTW);
  });
}

/** Resolves once `lang` reads in its own texts; at once for a language the page holds. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'en' || hasMessages(lang)) return Promise.resolve();
  // A pack that failed (offline before it was ever cached) may be tried again later.
  return (loading[lang] ??= fetchPack(lang).catch((error: unknown) => {
    delete loading[lang];
    throw error;
  }));
}

/**
 * Resolves when `lang` can be shown: its pack is in, or failed to come (the view then speaks
 * English rather than nothing). Never rejects: a view awaits it before rendering.
 */
export function whenLanguage(lang: Lang): Promise<void> {
  return loadLanguage(lang).catch(() => undefined);
}
