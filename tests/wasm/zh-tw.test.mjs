// Traditional Chinese (zh-TW) everywhere the page speaks: every core message code and every KPI,
// group, input, data kind and field of the built module's catalog has a zh-TW text (a code added to
// web/src/i18n/messages/*.ts after this fails here until messages-zh-TW/ has it), with the same
// placeholders as the other languages, in Traditional characters and Taiwanese usage; the page picks
// zh-TW for zh-TW, zh-HK and zh-MO browsers and a currency from the locale.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './module.mjs';

const { I18n, languageFromNavigator } = await import('../../web/src/i18n/i18n.ts');
const { en } = await import('../../web/src/i18n/en.ts');
const { zhTW } = await import('../../web/src/i18n/zh-TW.ts');
const { messages } = await import('../../web/src/i18n/messages/index.ts');
const { traditionalMessages } = await import('../../web/src/i18n/messages-zh-TW/index.ts');
const { renderMessage } = await import('../../web/src/i18n/render-message.ts');
const twCatalog = await import('../../web/src/i18n/zh-TW-catalog.ts');
// zh-TW is its own chunk, loaded when a page first speaks it (language-packs.ts).
await (await import('../../web/src/i18n/language-packs.ts')).loadLanguage('zh-TW');
// Every layer's message texts, as the full calculator registers them (the card has the request layer's only).
await import('../../web/src/i18n/all-messages.ts');
const { CURRENCIES, currencyForLocale, currencyName } = await import('../../web/src/i18n/currencies.ts');

let catalog;
let kinds;
before(async () => {
  const m = await loadModule();
  catalog = twCatalog.attachTraditionalCatalog(JSON.parse(m.catalog()));
  kinds = twCatalog.attachTraditionalKinds(JSON.parse(m.kinds()).kinds);
});

// Characters that exist only in Simplified Chinese (their Traditional forms differ), common in this
// product's texts, and mainland words whose Taiwanese usage differs (written in Traditional form).
const SIMPLIFIED = new Set(
  [...'们这数据设导户务单实类见过会为与对时间发关动开应个说请进还选项样该测试认证从网络语读写错误输条报话费运营资产视频显页码脑题门东长书买卖价优体余儿兴养减则创删别办区医华协压县参双变号听启员响问园围图圆国场坏块坚声处备复头夺奖学宁宝审宽寻将层岁币师帐带帮库废异张录态总执扩扫护担拟择挂损换据摄摆断无旧术机杂权来极构标栏树档检欢欧气汇没济渐温满灭灯点热爱现环电画疗监盖盘础确离种积称稳穷签简紧红约级纪纯纳纸线练组细终经结给绝统继绩续维综绿缓编缩缴罗罚职联肤胜节获药蓝补装观规览觉计订讨让训议讯记讲许论访评识诉词译询详误课调谈谢负财责败货质购贵贷贸资赔赚赛车转轮软轻载较辅边达远违连迟适递逻遗邮钟钱铁银链销锁键闭闻队阳阶际陆险随难预领频额风飞饭馆验鱼鸟黄齐龄'],
);
const MAINLAND_WORDS = ['默認', '軟件', '網絡', '質量', '打印', '鏈接', '導出', '設置', '視頻', '數據', '渠道', '響應', '模板', '示例', '置信', '菜單', '搜索', '屏幕', '程序'];

function assertTraditional(text, where) {
  const simplified = [...text].filter((c) => SIMPLIFIED.has(c));
  assert.deepEqual(simplified, [], `${where}: Simplified characters in "${text}"`);
  for (const word of MAINLAND_WORDS) assert.ok(!text.includes(word), `${where}: mainland usage "${word}" in "${text}"`);
  assert.match(text, /[\u4e00-\u9fff]/, `${where}: "${text}" is Chinese`);
}

const placeholders = (text) => [...text.matchAll(/\{(\w+)(?::(\w+))?\}/g)].map((m) => m[0]).sort();

test('every message code has a zh-TW text with the same placeholders, and none is left over', () => {
  const missing = Object.keys(messages).filter((code) => !(code in traditionalMessages));
  assert.deepEqual(missing, [], `codes without a zh-TW text (add them to web/src/i18n/messages-zh-TW/): ${missing.join(', ')}`);
  const stale = Object.keys(traditionalMessages).filter((code) => !(code in messages));
  assert.deepEqual(stale, [], `zh-TW texts for codes that no longer exist: ${stale.join(', ')}`);
  for (const [code, text] of Object.entries(traditionalMessages)) {
    assert.deepEqual(placeholders(text), placeholders(messages[code]['zh-CN']), `${code}: placeholders as in zh-CN`);
    assertTraditional(text, code);
  }
  assert.ok(Object.keys(traditionalMessages).length >= 300, 'the tables hold the codes');
});

test('every UI string has a zh-TW text with the same placeholders as the English one', () => {
  for (const key of Object.keys(en)) {
    assert.equal(typeof zhTW[key], 'string', key);
    assert.deepEqual(placeholders(zhTW[key]), placeholders(en[key]), `${key}: placeholders`);
    // Texts that are the same in every language (names, symbols, formulas) need no Chinese.
    if (/[\u4e00-\u9fff]/.test(zhTW[key]) && !['templateSimplified', 'langToggle'].includes(key)) assertTraditional(zhTW[key], key);
  }
});

test('every KPI, group, input, data kind and field of the module has a zh-TW text, read through I18n.text', () => {
  const i18n = new I18n('zh-TW', 'TWD');
  const texts = [];
  const need = (where, text) => {
    const tw = twCatalog.traditionalText(text);
    assert.ok(tw, `${where} has no zh-TW text (add it to web/src/i18n/zh-TW-catalog.ts)`);
    assert.equal(i18n.text(text), tw, where);
    texts.push([where, tw]);
  };
  for (const g of catalog.groups) need(`group ${g.id}`, g.name);
  for (const k of catalog.kpis) {
    need(`kpi ${k.id}`, k.name);
    need(`kpi ${k.id} explanation`, k.explanation);
    for (const input of k.inputs) need(`kpi ${k.id} input ${input.name}`, input.label);
  }
  for (const input of catalog.inputs) need(`input ${input.name}`, input.label);
  for (const kind of kinds) {
    need(`kind ${kind.id}`, kind.name);
    need(`kind ${kind.id} description`, kind.description);
    for (const f of kind.fields) need(`field ${kind.id}.${f.id}`, f.label);
  }
  for (const [where, tw] of texts) assertTraditional(tw, where);
  assert.ok(catalog.kpis.length >= 30 && kinds.length >= 6, 'the whole catalog was checked');
  // Taiwanese names of the articles' KPIs.
  const name = (id) => i18n.text(catalog.kpis.find((k) => k.id === id).name);
  assert.match(name('cltv'), /顧客終身價值/);
  assert.match(name('churn_rate'), /流失率/);
  assert.match(name('nps'), /淨推薦值/);
  // Other languages are untouched.
  assert.equal(new I18n('zh-CN', 'CNY').text(catalog.kpis.find((k) => k.id === 'nps').name), catalog.kpis.find((k) => k.id === 'nps').name.zh);
});

test('a core message renders in Traditional, with the catalog names in Traditional', () => {
  const ctx = { i18n: new I18n('zh-TW', 'TWD'), catalog, kinds, kind: kinds.find((k) => k.id === 'transactions') };
  const say = (code, params) => renderMessage({ code, params, message: 'English' }, ctx);
  assert.equal(say('field_empty', { field: 'customer_id' }), '客戶編號為空');
  assert.equal(say('input_missing', { input: 'gross_margin', kpi: 'cltv' }), '缺少毛利率（計算「顧客終身價值（CLTV）」需要）。');
  assert.equal(say('rejected_value', { count: 3, amount: 1234.5, share: 0.125 }), '3 個被拒絕的列共計 $1,235（佔檔案總金額的 12.5%），此處所有數字都不包含這部分。');
  // A code the Traditional tables do not know yet shows its zh-CN text, not English.
  const table = { only_here: { en: 'Only here', 'zh-CN': '只在这里' } };
  assert.equal(renderMessage({ code: 'only_here', params: {}, message: 'Only here' }, ctx, table), '只在这里');
});

test('zh-TW, zh-HK, zh-MO and Hant browsers get Traditional; other Chinese Simplified', () => {
  for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-HK', 'zh_TW', 'ZH-tw']) assert.equal(languageFromNavigator([tag]), 'zh-TW', tag);
  for (const tag of ['zh-CN', 'zh', 'zh-SG', 'zh-Hans', 'zh-Hans-HK']) assert.equal(languageFromNavigator([tag]), 'zh-CN', tag);
  for (const tag of ['en-US', 'ja', 'zhx', '']) assert.equal(languageFromNavigator([tag]), 'en', tag);
  assert.equal(languageFromNavigator(['', 'zh-HK', 'en']), 'zh-TW', 'the first listed wins');
});

test('currencies: the locale\'s own, named in the page\'s language, formatted with their usual decimals', () => {
  const expected = { 'zh-TW': 'TWD', 'zh-HK': 'HKD', 'zh-MO': 'MOP', 'zh-CN': 'CNY', zh: 'CNY', 'zh-Hant': 'TWD', 'en-GB': 'GBP', 'en-US': 'USD', en: 'USD', ja: 'JPY', 'ko-KR': 'KRW', 'de-DE': 'EUR', fr: 'EUR', 'de-CH': 'CHF', 'en-SG': 'SGD', 'en-AU': 'AUD', 'fr-CA': 'CAD' };
  for (const [locale, currency] of Object.entries(expected)) assert.equal(currencyForLocale(locale), currency, locale);
  assert.equal(currencyForLocale('pt-BR'), undefined, 'a currency the page does not offer');
  assert.equal(currencyForLocale('not a locale!'), undefined);
  for (const c of ['TWD', 'HKD', 'CNY', 'USD', 'EUR', 'GBP', 'JPY', 'SGD', 'KRW', 'AUD', 'CAD', 'CHF']) assert.ok(CURRENCIES.includes(c), c);
  assert.equal(currencyName('TWD', 'zh-TW'), '新台幣');
  assert.equal(currencyName('JPY', 'zh-TW'), '日圓');
  assert.equal(currencyName('JPY', 'en-US'), 'Japanese Yen');
  const money = (lang, currency, value) => new I18n(lang, currency).money(value);
  assert.equal(money('zh-TW', 'JPY', 123.45), '¥123', 'JPY has no decimals');
  assert.equal(money('zh-TW', 'KRW', 99.5), '￦100', 'KRW has no decimals');
  assert.equal(money('zh-TW', 'TWD', 12.5), '$12.5', 'TWD as Taiwan writes it');
  assert.equal(money('zh-TW', 'HKD', 1234567), 'HK$1,234,567');
  assert.equal(money('en', 'GBP', 12.5), '£12.5');
  assert.equal(money('en', 'EUR', 2500), '€2,500');
  assert.equal(new I18n('zh-TW', 'TWD').points(0.034), '+3.4 個百分點');
  assert.equal(new I18n('zh-TW', 'TWD').qualified('客戶', 'A'), '客戶（A）');
});

test('a workspace in zh-TW with any offered currency is kept and travels in a link; others are refused', async () => {
  const { encodeLink, decodeLink } = await import('../../web/src/lib/share-link.ts');
  const { validateState } = await import('../../web/src/lib/workspace-doc.ts');
  const { buildFormModel, stateFromRequest } = await import('../../web/src/lib/form-model.ts');
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { root } = await import('./module.mjs');
  const sample = JSON.parse(fs.readFileSync(path.join(root, 'public/samples/sample-company.json'), 'utf8'));
  const loaded = stateFromRequest(buildFormModel(catalog), sample);
  const state = {
    form: loaded.state, formSources: {}, extra: loaded.extra, loadedProjection: null, scenario: {}, notice: null,
    lang: 'zh-TW', currency: 'TWD', companyName: '臺灣服務公司', files: [], combined: null, activeFile: null, linkedInputs: {}, keepFileBytes: false,
  };
  for (const currency of CURRENCIES) assert.equal(validateState({ ...state, currency }).ok, true, currency);
  assert.deepEqual(validateState({ ...state, currency: 'BTC' }), { ok: false, where: 'currency' });
  assert.deepEqual(validateState({ ...state, lang: 'zh-HK' }), { ok: false, where: 'lang' }, 'the page speaks zh-TW to Hong Kong');
  const read = await decodeLink(await encodeLink({ ...state, currency: 'JPY' }));
  assert.equal(read.status, 'ok');
  assert.equal(read.state.lang, 'zh-TW');
  assert.equal(read.state.currency, 'JPY');
  assert.equal(read.state.companyName, '臺灣服務公司');
});
