// Everything Traditional Chinese in one chunk, loaded only for a page that speaks zh-TW: the UI
// strings, the catalog's texts and the core's message codes (about a third of the page's text).
export { zhTW } from './zh-TW';
export { TRADITIONAL_CATALOG } from './zh-TW-catalog-data';
export { traditionalMessages } from './messages-zh-TW';
