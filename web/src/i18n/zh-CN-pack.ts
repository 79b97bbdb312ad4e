// Simplified Chinese in one chunk, loaded only for a page or card that speaks zh-CN (language-packs.ts):
// the UI strings. The core's catalog speaks zh itself, and the message codes' zh-CN texts sit beside
// their English in i18n/messages/.
export { zhCN } from './zh-CN';
