// End to end in Chromium: the sample company at first paint, typing, the spend CSV import, a
// what-if slider and the language switch, each checked against values computed here by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../support/static-server.mjs';
import { launchChromium } from '../support/browser.mjs';
import { assertEventually } from '../support/eventually.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const spendCsv = path.join(repo, 'public/samples/marketing-spend.csv');
let server;
let browser;
let page;

const rawValue = async (kpi) =>
  Number(await page.locator(`[data-kpi="${kpi}"] [data-role="value"]`).getAttribute('data-raw'));
const shownValue = (kpi) => page.locator(`[data-kpi="${kpi}"] [data-role="value"]`).innerText();
// Numbers as the page prints them: "¥30,000", "10.0%", "1,234.5" -> 30000, 10, 1234.5.
const numberIn = (text) => Number(text.replace(/[^0-9.\-]/g, ''));

before(async () => {
  server = await startStaticServer();
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the sample company KPIs are shown at first paint', async () => {
  const sample = JSON.parse(fs.readFileSync(path.join(repo, 'public/samples/sample-company.json'), 'utf8'));
  const i = sample.inputs;
  await page.locator('[data-kpi="clv"] [data-role="value"][data-raw]').waitFor({ timeout: 15000 });
  assert.equal(await rawValue('clv'), i.avg_purchase_value * i.purchases_per_year * i.lifespan_years);
  assert.ok(Math.abs(await rawValue('churn_rate') - i.customers_lost / i.customers_start) < 1e-12);
  // The cards below the first screen follow a few per task (views/progressive-units.ts).
  await assertEventually(async () => assert.equal(await page.locator('[data-kpi] [data-role="value"][data-raw]').count(), 34));
});

test('typing updates the KPI cards without a submit button', async () => {
  const revenue = page.locator('[data-input="annual_revenue_per_customer"]').first();
  await revenue.fill('10000');
  await page.locator('[data-input="relationship_years"]').fill('3');
  await page.locator('[data-input="gross_margin"]').fill('');
  await page.locator('[data-input="discount_rate"]').fill('');
  await assertEventually(async () => assert.equal(await rawValue('cltv'), 30000));
  assert.equal(numberIn(await shownValue('cltv')), 30000);

  await page.locator('[data-input="customers_start"]').fill('100');
  await page.locator('[data-input="customers_lost"]').fill('10');
  await assertEventually(async () => assert.equal(await rawValue('churn_rate'), 0.1));
  assert.equal(numberIn(await shownValue('churn_rate')), 10);
  assert.equal(await page.locator('[data-kpi="churn_rate"]').getAttribute('data-band'), 'good');
});

test('a bad number shows an error at its field and other KPIs stay', async () => {
  await page.locator('[data-input="customers_lost"]').fill('abc');
  await page.locator('[data-error-for="customers_lost"]').waitFor({ timeout: 5000 });
  assert.match(await page.locator('[data-error-for="customers_lost"]').innerText(), /customers_lost|number|数字/i);
  assert.equal(await rawValue('cltv'), 30000);
  await page.locator('[data-input="customers_lost"]').fill('10');
});

test('the marketing-spend CSV gives CAC overall and per channel', async () => {
  const totals = new Map();
  for (const line of fs.readFileSync(spendCsv, 'utf8').trim().split('\n').slice(1)) {
    const [, channel, spend, customers] = line.split(',');
    const t = totals.get(channel) ?? { spend: 0, customers: 0 };
    t.spend += Number(spend);
    t.customers += Number(customers);
    totals.set(channel, t);
  }
  const files = page.locator('[data-testid="files-section"]');
  await files.locator('[data-testid="kind-select"]').selectOption('spend');
  await files.locator('[data-testid="file-input"]').setInputFiles(spendCsv);
  const table = files.locator('[data-table="channels"] table');
  await table.waitFor({ timeout: 10000 });
  const text = await table.innerText();
  for (const [channel, t] of totals) {
    const row = text.split('\n').find((l) => l.startsWith(channel)); // channels are shown as the file writes them
    assert.ok(row, `row for ${channel} in ${text}`);
    const cells = row.split('\t').map(numberIn);
    assert.equal(cells[1], t.spend);
    assert.equal(cells[2], t.customers);
    assert.ok(Math.abs(cells[3] - t.spend / t.customers) <= 0.5, `CAC of ${channel} in "${row}"`);
  }
  const all = [...totals.values()].reduce((a, t) => ({ spend: a.spend + t.spend, customers: a.customers + t.customers }));
  const cac = Number(await files.locator('[data-kpi="cac"] [data-role="value"]').getAttribute('data-raw'));
  assert.ok(Math.abs(cac - all.spend / all.customers) < 1e-6, `overall CAC ${cac}`);
  assert.equal(Number(await files.locator('[data-measure="spend"]').getAttribute('data-raw')), all.spend);
  assert.equal(Number(await files.locator('[data-measure="new_customers"]').getAttribute('data-raw')), all.customers);
});

test('a what-if slider moves the 5-year projection', async () => {
  const total = page.locator('[data-testid="total-revenue"]');
  await total.waitFor();
  const before = await total.innerText();
  const slider = page.locator('[data-testid="slider-retention_rate"]');
  const max = Number(await slider.getAttribute('max'));
  await slider.fill(String(max));
  await assertEventually(async () => assert.notEqual(await total.innerText(), before));
  assert.ok((await page.locator('[data-testid="projection-table"]').innerText()).length > 0);
});

test('switching to Chinese relabels the page and keeps the values', async () => {
  const cltv = await rawValue('cltv');
  await page.locator('[data-testid="lang-toggle"]').click();
  await assertEventually(async () =>
    assert.match(await page.locator('[data-kpi="churn_rate"]').innerText(), /客户流失率/));
  assert.equal(await rawValue('cltv'), cltv);
  assert.equal(numberIn(await shownValue('churn_rate')), 10);
});

