// End to end in Chromium, in Traditional Chinese (issue 16, item 7): a zh-TW browser opens the page
// in 繁體中文 with TWD (a zh-HK one with HKD): the document's lang and title, the KPI names, a file's
// reject reasons (core message codes) and the print report are in Traditional characters; no
// Simplified character is left on the page but the switch to 简体中文 itself. Choosing JPY shows
// amounts without decimals and is still chosen after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fx = e2eFixture('zh-tw');

// Characters only Simplified Chinese writes (their Traditional forms differ), common in the page.
const SIMPLIFIED = new Set([...'们这数据设导户务单实类见过会为与对时间发关动开应个说请进还选项样该测试认证从网络语读写错误输条报话费运营资产视频显页码题门东长书买卖价优体余兴养减则创删别办区压参变号启员响问园图国场块声处备复头奖学审宽录态总执扩护择损换据摆断无术机权来极构标栏档检欢气汇没济温满灭点热现环电画监盖础确离种积称稳签简紧约级纪纳纸线练组细终经结给绝统继续维综编缩罚职联胜节获药补装观规览觉计订让训议讯记讲许论访评识诉词译询详误课调谈谢负财责败货质购贵资赔赚车转软轻载较辅边达远违连迟适递逻遗钟钱铁链销锁键闭闻队阶际险随难预领频额风飞验鱼黄齐龄']);
/** The Simplified characters in a text. */
const simplifiedIn = (text) => [...text].filter((c) => SIMPLIFIED.has(c));

/** Everything the calculator's shadow root shows, and what its print report holds. */
function appText(page) {
  return page.evaluate(() => {
    const root = document.querySelector('servimetrics-calculator').shadowRoot;
    return { app: root.querySelector('.app').innerText, report: root.querySelector('[data-testid="report"]')?.textContent ?? '' };
  });
}

const kpiName = (page, id) => page.locator(`section.group [data-kpi="${id}"] h3`).first().innerText();
const status = (page) => page.locator('[data-testid="workspace-status"]');

async function open(context) {
  const page = await context.newPage();
  await page.goto(fx.server.url);
  await page.locator('[data-input="customers_lost"]').first().waitFor({ timeout: 30000 });
  await assertEventually(async () => assert.notEqual(await page.locator('section.group [data-kpi="clv"] [data-role="value"]').first().getAttribute('data-raw'), ''), 15000);
  return page;
}

/** The money values of the KPI cards (amounts in the page's currency). */
async function moneyValues(page, symbol) {
  const values = await page.locator('section.group [data-kpi] [data-role="value"]').allInnerTexts();
  return values.map((v) => v.trim()).filter((v) => v.includes(symbol));
}

test('zh-TW: Traditional page, TWD, KPI names, file messages and report; JPY without decimals kept after a reload', async () => {
  const context = await fx.browser.newContext({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
  const page = await open(context);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-TW');
  assert.match(await page.title(), /用數字衡量服務業務的價值/);
  assert.equal(await page.locator('[data-lang="zh-TW"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('[data-testid="currency-select"]').inputValue(), 'TWD');
  assert.match(await page.locator('[data-testid="currency-select"] option[value="TWD"]').innerText(), /新台幣/);
  assert.match(await kpiName(page, 'cltv'), /顧客終身價值/);
  assert.match(await kpiName(page, 'churn_rate'), /流失率/);
  assert.match(await kpiName(page, 'nps'), /淨推薦值/);

  // A file with problems: its reject reasons are core message codes, rendered in Traditional.
  const panel = filesPanel(page);
  await panel.files().locator('[data-testid="kind-list"] li[data-kind="transactions"] strong').waitFor({ timeout: 15000 });
  assert.equal(await panel.files().locator('[data-kind="transactions"] strong').innerText(), '交易紀錄');
  const good = fs.readFileSync(path.join(repo, 'public/samples/transactions.csv'), 'utf8').trim().split('\n').slice(0, 100);
  const bad = ['INV-9001,C001,2024-13-05,Pump P50,product,1,8000,8000,online_ads,completed', 'INV-9004,,2024-05-02,Pump P50,product,1,8000,8000,online_ads,completed'];
  const file = path.join(fx.tmp, 'bad-rows.csv');
  fs.writeFileSync(file, [...good, ...bad].join('\n') + '\n');
  await panel.importFile(file, 'transactions');
  const reasons = await panel.result().locator('[data-testid="import-rejects"] tbody td.wrap').allInnerTexts();
  assert.ok(reasons.length >= 2, `reject reasons shown: ${reasons.join(' | ')}`);
  assert.ok(reasons.some((r) => r.includes('客戶編號為空')), reasons.join(' | '));
  for (const r of reasons) assert.deepEqual(simplifiedIn(r), [], `"${r}" in Traditional`);

  // The whole page and its print report: Traditional only, but the switch to Simplified itself.
  const { app, report } = await appText(page);
  const leftover = simplifiedIn(app.replaceAll('简体中文', '').replaceAll('简', ''));
  assert.deepEqual(leftover, [], `Simplified characters on the page: ${leftover.join('')}`);
  assert.match(report, /服務價值報告/);
  assert.match(report, /金額單位：新台幣（TWD）/);
  assert.deepEqual(simplifiedIn(report), [], 'the report in Traditional');
  assert.equal(await page.locator('[data-testid="report"]').getAttribute('lang'), 'zh-TW');

  // The Traditional template is offered and its headers are Traditional.
  const href = await page.locator('[data-testid="template-transactions-zh-TW"]').getAttribute('href');
  const csv = await (await page.request.get(new URL(href, fx.server.url).href)).text();
  assert.match(csv.split('\n')[0], /^訂單編號,客戶編號,訂單日期/);

  // JPY: amounts in whole yen (TWD keeps its cents), and the choice is kept.
  const cac = () => page.locator('section.group [data-kpi="cac"] [data-role="value"]').first().innerText();
  await page.locator('[data-input="sales_marketing_spend"]').first().fill('52100');
  await assertEventually(async () => assert.equal((await cac()).trim(), '$200.38'));
  assert.ok((await moneyValues(page, '$')).length >= 3, 'money KPIs in TWD');
  await page.locator('[data-testid="currency-select"]').selectOption('JPY');
  await assertEventually(async () => assert.equal((await cac()).trim(), '¥200'));
  const yen = await moneyValues(page, '¥');
  assert.ok(yen.length >= 3, `money KPIs in JPY: ${yen.join(' | ')}`);
  for (const v of yen) assert.doesNotMatch(v, /\.\d/, `${v} has no decimals`);
  await assertEventually(async () => assert.equal(await status(page).innerText(), '已儲存在此瀏覽器中'), 8000);
  await page.reload();
  await page.locator('[data-input="customers_lost"]').first().waitFor({ timeout: 15000 });
  await assertEventually(async () => assert.equal(await page.locator('[data-testid="currency-select"]').inputValue(), 'JPY'), 15000);
  await assertEventually(async () => assert.equal((await cac()).trim(), '¥200'), 15000);
  assert.equal(await page.locator('[data-lang="zh-TW"]').getAttribute('aria-pressed'), 'true');
  await context.close();
});

test('zh-HK: Traditional page with HKD; switching to English and back keeps the user\'s currency', async () => {
  const context = await fx.browser.newContext({ locale: 'zh-HK', viewport: { width: 390, height: 860 } });
  const page = await open(context);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-TW');
  assert.equal(await page.locator('[data-testid="currency-select"]').inputValue(), 'HKD');
  assert.match(await kpiName(page, 'nps'), /淨推薦值/);
  assert.ok((await moneyValues(page, 'HK$')).length >= 3, 'amounts in HK$');
  // On a narrow screen the switch shows short names; their accessible names stay whole.
  assert.equal(await page.getByRole('button', { name: '繁體中文' }).getAttribute('aria-pressed'), 'true');
  await page.locator('[data-lang="en"]').click();
  await assertEventually(async () => assert.equal(await page.evaluate(() => document.documentElement.lang), 'en'));
  assert.match(await kpiName(page, 'nps'), /Net Promoter Score/i);
  assert.equal(await page.locator('[data-testid="currency-select"]').inputValue(), 'HKD', 'the currency does not follow the language');
  await page.locator('[data-lang="zh-TW"]').click();
  await assertEventually(async () => assert.match(await kpiName(page, 'nps'), /淨推薦值/));
  await context.close();
});
