// web/src/i18n/render-message.ts with a small message table of its own: every placeholder format of
// messages/types.ts in English and Chinese, a missing param, and the core's English for a code
// without an entry. (No wasm: it sits here because these node tests already load the page's
// TypeScript through setup.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { I18n } = await import('../../web/src/i18n/i18n.ts');
// Simplified Chinese comes in its pack, as in the page (language-packs.ts).
await (await import('../../web/src/i18n/language-packs.ts')).loadLanguage('zh-CN');
const { renderMessage, renderReason } = await import('../../web/src/i18n/render-message.ts');

const table = {
  between: {
    en: '{input:input} must be between {min:percent} and {max:percent} (got {got})',
    'zh-CN': '{input:input}应在 {min:percent} 至 {max:percent} 之间（当前为 {got}）',
  },
  needs: { en: '{kpi:kpi} needs {fields:fields}', 'zh-CN': '计算{kpi:kpi}需要{fields:fields}' },
  field_empty: { en: '{field:field} is empty', 'zh-CN': '{field:field}为空' },
  lines: { en: 'on lines {lines:lines}', 'zh-CN': '见以下行：{lines:lines}' },
  money: { en: 'spend {amount:money} over {n:count} rows', 'zh-CN': '{n:count} 行共支出 {amount:money}' },
  kinds: { en: 'not a {kind:kind} file; columns: {columns:list}; {name:text}', 'zh-CN': '不是{kind:kind}文件；列：{columns}；{name}' },
  missing: { en: 'a {nothing} here', 'zh-CN': '这里有 {nothing}' },
};

const catalog = {
  version: 1,
  groups: [],
  kpis: [{ id: 'cac', name: { en: 'Customer acquisition cost', zh: '获客成本' } }],
  inputs: [
    { name: 'retention_rate', label: { en: 'Retention rate', zh: '留存率' } },
    { name: 'investment', label: { en: 'Investment', zh: '投入' } },
  ],
};
const kinds = [
  {
    id: 'spend',
    name: { en: 'Marketing spend', zh: '营销支出' },
    fields: [
      { id: 'channel', label: { en: 'Channel', zh: '渠道' } },
      { id: 'spend', label: { en: 'Spend', zh: '支出' } },
    ],
  },
  { id: 'transactions', name: { en: 'Transactions', zh: '交易记录' }, fields: [{ id: 'customer_id', label: { en: 'Customer', zh: '客户' } }] },
];

const ctx = (lang, extra = {}) => ({ i18n: new I18n(lang, lang === 'en' ? 'USD' : 'CNY'), catalog, kinds, ...extra });
const say = (lang, code, params, extra) => renderMessage({ code, params, message: `English for ${code}` }, ctx(lang, extra), table);

test('numbers, percentages, money and counts through Intl', () => {
  const params = { input: 'retention_rate', min: 0, max: 1, got: 1234.5 };
  assert.equal(say('en', 'between', params), 'Retention rate must be between 0% and 100% (got 1,234.5)');
  assert.equal(say('zh-CN', 'between', params), '留存率应在 0% 至 100% 之间（当前为 1,234.5）');
  assert.equal(say('en', 'money', { amount: 30000, n: 12 }), 'spend $30,000 over 12 rows');
  assert.equal(say('zh-CN', 'money', { amount: 30000, n: 12 }), '12 行共支出 ¥30,000');
});

test('input ids as labels (a scoped key by its input), KPI ids as names, fields of the file kind as a list', () => {
  assert.equal(say('en', 'between', { input: 'service_innovation_roi.investment', min: 0, max: 0.5, got: 2 }), 'Investment must be between 0% and 50% (got 2)');
  const spend = kinds[0];
  assert.equal(say('en', 'needs', { kpi: 'cac', fields: ['channel', 'spend'] }, { kind: spend }), 'Customer acquisition cost needs Channel and Spend');
  assert.equal(say('zh-CN', 'needs', { kpi: 'cac', fields: ['channel', 'spend'] }, { kind: spend }), '计算获客成本需要渠道和支出');
  // Without the file's kind, the kind the params name.
  assert.equal(say('zh-CN', 'field_empty', { field: 'customer_id', kind: 'transactions' }), '客户为空');
  // Unknown ids are shown as they are.
  assert.equal(say('en', 'needs', { kpi: 'nope', fields: ['x'] }), 'nope needs x');
  // The page's own label for an input wins (group rows).
  assert.equal(say('en', 'between', { input: 'retention_rate', min: 0, max: 1, got: 0 }, { inputLabel: () => 'Mine' }), 'Mine must be between 0% and 100% (got 0)');
});

test('kinds by name, lists the language\'s way, texts as they are', () => {
  const params = { kind: 'spend', columns: ['a', 'b', 'c'], name: '=1+2' };
  assert.equal(say('en', 'kinds', params), 'not a Marketing spend file; columns: a, b, and c; =1+2');
  assert.equal(say('zh-CN', 'kinds', params), '不是营销支出文件；列：a、b和c；=1+2');
});

test('line lists, with how many more the core left out', () => {
  assert.equal(say('en', 'lines', { lines: [3, 12345] }), 'on lines 3 and 12345');
  assert.equal(say('en', 'lines', { lines: [3, 5, 9], more: 4 }), 'on lines 3, 5, 9, and 4 more');
  assert.equal(say('zh-CN', 'lines', { lines: [3, 5], more: 4 }), '见以下行：3、5和另外 4 行');
});

test("a missing param shows its name in brackets; a code without an entry shows the core's English", () => {
  assert.equal(say('en', 'missing', {}), 'a [nothing] here');
  assert.equal(say('zh-CN', 'no_such_code', {}), 'English for no_such_code');
  assert.equal(renderMessage({ code: '', params: {}, message: 'plain' }, ctx('zh-CN'), table), 'plain');
  assert.equal(renderMessage({ message: 'no code at all' }, ctx('en'), table), 'no code at all');
  assert.equal(renderReason({ code: 'field_empty', params: { field: 'spend' }, reason: 'spend is empty' }, ctx('en', { kind: kinds[0] }), table), 'Spend is empty');
});
