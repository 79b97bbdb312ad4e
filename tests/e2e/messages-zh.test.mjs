// End to end in Chromium, in Chinese: no English sentence of the core reaches the page (issue 11).
// Bad inputs in the calculator, a file with rejected rows, a file of the wrong kind, every sample
// with its notes, and the what-if with a bad assumption: every message shown (field errors, request
// errors, file errors, notes, reject reasons) is rendered from its code in Chinese, with no Latin
// word left but the column names and values the file itself holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../support/static-server.mjs';
import { launchChromium } from '../support/browser.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sample = (name) => path.join(repo, 'public/samples', name);

let server;
let browser;
let page;
let tmp;

const panel = () => filesPanel(page);
const files = () => panel().files();
const result = () => panel().result();
const importFile = (file, kind) => panel().importFile(file, kind, 20000);

/** Latin words left in a text once the file's own texts (headers, values) are taken out. */
function latinLeft(text, fileTexts = []) {
  let rest = text;
  for (const own of fileTexts) if (own) rest = rest.split(own).join(' ');
  // Units and symbols a Chinese page writes in Latin letters too: CSV, Excel, NPS, CSAT, KPI ids'
  // symbols (CLV, CAC, LTV, ROI ...), ISO dates and formats (YYYY-MM-DD), file encodings.
  rest = rest.replace(/\b(CSV|Excel|xlsx|UTF-8|UTF-16(LE|BE)?|GBK|GB18030|NPS|CSAT|CLV|CLTV|LTV|CAC|ROI|NRR|FCR|KPI|MB|KB|GB|ID|YYYY|MM|DD|HH|mm|ss|Q[1-4])\b/g, ' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

/** Every core message the files panel shows now. */
async function fileMessages() {
  const texts = [];
  for (const sel of ['[data-testid="file-error"]', '[data-testid="import-failed"]', '.notes li', '[data-testid="import-rejects"] tbody td.wrap']) {
    texts.push(...(await files().locator(sel).allTextContents()));
  }
  return texts.map((t) => t.trim()).filter(Boolean);
}

function assertChinese(texts, fileTexts, where) {
  assert.ok(texts.length > 0, `${where}: some message is shown`);
  for (const text of texts) {
    assert.match(text, /[\u4e00-\u9fff]/, `${where}: "${text}" is in Chinese`);
    assert.deepEqual(latinLeft(text, fileTexts), [], `${where}: no English in "${text}"`);
  }
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'servimetrics-zh-'));
  server = await startStaticServer();
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(server.url);
  await page.locator('[data-input="customers_lost"]').waitFor({ timeout: 15000 });
  assert.equal(await page.locator('[data-testid="lang-toggle"]').count(), 1);
  await files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('bad inputs: field errors name the inputs by their Chinese labels', async () => {
  await page.locator('[data-input="customers_start"]').fill('1200');
  await page.locator('[data-input="customers_lost"]').fill('1300');
  await page.locator('[data-input="purchases_per_year"]').fill('often');
  await page.locator('[data-input="gross_margin"]').fill('150');
  const errors = page.locator('.field-error');
  await assertEventually(async () => assert.ok((await errors.count()) >= 3, 'three fields show errors'));
  const texts = (await errors.allInnerTexts()).map((t) => t.replace('⚠', '').trim());
  // "often" is what the user typed: a value, not a message word.
  assertChinese(texts, ['often'], 'field errors');
  assert.ok(texts.some((t) => /1,?300/.test(t) && /1,?200/.test(t)), texts.join(' | '));
  for (const t of texts) assert.doesNotMatch(t, /customers_lost|purchases_per_year|gross_margin/, 'no raw input key');
});

// The bad margin typed above (150%) must not stop the file's import either.
test('a file with rejected rows: reasons in Chinese, values as the file holds them', async () => {
  const good = fs.readFileSync(sample('transactions.csv'), 'utf8').trim().split('\n').slice(0, 200);
  const bad = [
    'INV-9001,C001,2024-13-05,Pump P50,product,1,8000,8000,online_ads,completed',
    'INV-9002,C002,2023-02-30,Pump P50,product,1,8000,8000,online_ads,completed',
    'INV-9003,C003,2024-05-01,Pump P50,product,1,eight,8000,online_ads,completed',
    'INV-9004,,2024-05-02,Pump P50,product,1,8000,8000,online_ads,completed',
    'INV-9005,C005,2024-05-03',
    'INV-9006,C006,2024-05-04,Pump P50,gadgets,1,8000,8000,online_ads,completed',
    'INV-9007,C007,2024-05-05,Pump P50,product,-1,8000,-8000,online_ads,completed',
  ];
  const file = path.join(tmp, 'bad-rows.csv');
  fs.writeFileSync(file, [...good, ...bad].join('\n') + '\n');
  await importFile(file, 'transactions');
  const rejects = result().locator('[data-testid="import-rejects"] tbody tr');
  await assertEventually(async () => assert.ok((await rejects.count()) >= 5, 'the rejects are listed'));
  const header = good[0].split(',');
  const values = bad.flatMap((line) => line.split(','));
  assertChinese(await fileMessages(), [...header, ...values], 'rejects and notes');
});

test('a file of the wrong kind: the error names the missing fields in Chinese', async () => {
  await importFile(sample('transactions.csv'), 'survey');
  const header = fs.readFileSync(sample('transactions.csv'), 'utf8').split('\n')[0].split(',');
  const texts = await fileMessages();
  assertChinese(texts, header, 'wrong kind');
});

for (const [name, kind] of [
  ['transactions.csv', 'transactions'],
  ['subscriptions.csv', 'subscriptions'],
  ['survey.csv', 'survey'],
  ['tickets.csv', 'tickets'],
  ['spend.csv', 'spend'],
  ['ledger.csv', 'ledger'],
]) {
  test(`the ${kind} sample: every note in Chinese`, async () => {
    await importFile(sample(name), kind);
    const text = fs.readFileSync(sample(name), 'utf8');
    const own = [...new Set(text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0))];
    const notes = (await files().locator('.notes li').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    if (notes.length > 0) assertChinese(notes, own, `${kind} notes`);
    const errors = (await files().locator('[data-testid="file-error"]').allInnerTexts()).filter(Boolean);
    if (errors.length > 0) assertChinese(errors, own, `${kind} errors`);
  });
}
