// End to end in Chromium (issue 12, transactions): what a transactions file's numbers mean, in
// English and in Chinese. A file with rows that have no customer id, a customer who only returned
// goods, a zero-value line and two years of purchases: the import report gives the value the
// rejected rows carry and its share, the measures count customers apart and show AOV net and
// gross and the year-on-year retention, the notes say how, and the lifetime value from retention
// is shown with its warning that it counts revenue (no gross margin given).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const fx = e2eFixture('txn', async () => {
  file = writeFile(fx.tmp);
});

let file;

// As of 2024-12-20 (the last date): ten customers buy on 2023-03-01 (the earlier 365-day window),
// six of them again on 2024-03-01 (the latest): retention 0.6. C11 buys before both windows and on
// the last day. R01 only returns goods (-40); C02 has a zero-value line of its own invoice. Two rows
// without a customer id carry 50 + 30 = 80 of the file's 1,840.
function writeFile(dir) {
  const lines = ['invoice_id,customer_id,date,quantity,unit_price'];
  let invoice = 1000;
  for (let c = 1; c <= 10; c++) {
    const id = `C${String(c).padStart(2, '0')}`;
    lines.push(`${invoice++},${id},2023-03-01,1,100`);
    if (c <= 6) lines.push(`${invoice++},${id},2024-03-01,1,100`);
  }
  lines.push(`${invoice++},C11,2022-12-01,1,100`);
  lines.push(`${invoice++},C11,2024-12-20,1,100`);
  lines.push(`C${invoice++},R01,2024-05-01,-1,40`);
  lines.push(`${invoice++},C02,2024-03-01,1,0`);
  lines.push(`${invoice++},,2024-04-01,1,50`);
  lines.push(`${invoice++},,2024-04-02,1,30`);
  const out = path.join(dir, 'definitions.csv');
  fs.writeFileSync(out, lines.join('\n') + '\n');
  return out;
}

async function openPage(locale) {
  const context = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(fx.server.url);
  // No gross margin: the file's lifetime value then counts revenue, and says so.
  await page.locator('[data-input="gross_margin"]').waitFor({ timeout: 15000 });
  await page.locator('[data-input="gross_margin"]').fill('');
  const panel = filesPanel(page);
  await panel.files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
  await panel.importFile(file, 'transactions', 20000);
  return { page, panel, context };
}

/** The raw value of a measure, and its shown label and text. */
async function measure(panel, id) {
  const el = panel.result().locator(`[data-measure="${id}"]`);
  assert.equal(await el.count(), 1, `measure ${id} is shown`);
  return { raw: Number(await el.getAttribute('data-raw')), label: await el.locator('span').innerText(), text: await el.innerText() };
}

test('English: rejected value, customers apart, AOV net and gross, retention and its lifetime value', async () => {
  const { panel, context } = await openPage('en-US');
  const result = panel.result();
  const rejected = result.locator('[data-testid="rejected-value"]');
  await assertEventually(async () => assert.equal(await rejected.count(), 1, 'the rejected value is shown'));
  const rejectedText = await rejected.innerText();
  assert.match(rejectedText, /Rejected rows carry .*80/, rejectedText);
  assert.match(rejectedText, /4\.3%/, `80 of 1,840 is 4.3%: ${rejectedText}`);
  assert.match(rejectedText, /1,840/, rejectedText);

  assert.equal((await measure(panel, 'customers')).raw, 12);
  assert.equal((await measure(panel, 'buying_customers')).raw, 11);
  assert.equal((await measure(panel, 'returns_only_customers')).raw, 1);
  assert.equal((await measure(panel, 'zero_value_lines')).raw, 1);
  const aov = await measure(panel, 'average_order_value');
  assert.match(aov.label, /net of returns/);
  assert.equal(aov.raw, 100);
  assert.equal((await measure(panel, 'gross_average_order_value')).raw, 100);
  const retention = await measure(panel, 'annual_retention_rate');
  assert.equal(retention.raw, 0.6);
  assert.match(retention.text, /60(\.0)?%/);
  assert.equal((await measure(panel, 'expected_lifetime_years')).raw, 2.5);

  const apart = await result.locator('.notes li[data-note="customers_counted_apart"]').innerText();
  assert.match(apart, /Of 12 customers, 11 bought/, apart);
  assert.match(apart, /1 only returned goods/, apart);
  const windows = await result.locator('.notes li[data-note="retention_windows"]').innerText();
  assert.match(windows, /Annual retention 60(\.0)?%: of the 10 customers/, windows);
  const zero = await result.locator('.notes li[data-note="zero_value_lines"]').innerText();
  assert.match(zero, /^1 lines have a value of 0/, zero);
  const rejectedNote = await result.locator('.notes li[data-note="rejected_value"]').innerText();
  assert.match(rejectedNote, /^2 rejected rows carry/, rejectedNote);

  const card = result.locator('[data-kpi="retention_clv"]');
  assert.equal(await card.count(), 1, 'the lifetime value from retention has a card');
  const warning = card.locator('[data-role="warnings"] p[data-code="clv_revenue_based"]');
  assert.match(await warning.innerText(), /counts revenue, not margin/);

  // With a 30% margin: margin x r / (1 + d - r) on the observed 1,800 over 11 buyers and 751 days.
  const before = await panel.lastImport();
  await result.locator('[data-testid="file-gross-margin"]').fill('30');
  await result.locator('[data-testid="file-gross-margin"]').press('Tab');
  await assertEventually(async () => assert.ok((await panel.lastImport()) > before, 'the file is read again with the margin'), 20000);
  const annual = 1800 / 11 / (751 / 365.25);
  const value = Number(await panel.result().locator('[data-kpi="retention_clv"] [data-role="value"]').getAttribute('data-raw'));
  assert.ok(Math.abs(value - (annual * 0.3 * 0.6) / 0.4) < 1e-9 * value, `retention_clv ${value}`);
  assert.equal(await panel.result().locator('[data-kpi="retention_clv"] [data-role="warnings"]').count(), 0);
  await context.close();
});

test('Chinese: the same definitions in Chinese', async () => {
  const { panel, context } = await openPage('zh-CN');
  const result = panel.result();
  const rejected = result.locator('[data-testid="rejected-value"]');
  await assertEventually(async () => assert.equal(await rejected.count(), 1, 'the rejected value is shown'));
  const rejectedText = await rejected.innerText();
  assert.match(rejectedText, /被拒绝的行共计/, rejectedText);
  assert.match(rejectedText, /4\.3%/, rejectedText);
  assert.match((await measure(panel, 'average_order_value')).label, /扣除退货后/);
  assert.match((await measure(panel, 'gross_average_order_value')).label, /毛额/);
  assert.match((await measure(panel, 'annual_retention_rate')).label, /同比留存率/);
  for (const id of ['customers_counted_apart', 'retention_windows', 'zero_value_lines', 'rejected_value', 'aov_net_of_returns']) {
    const text = await result.locator(`.notes li[data-note="${id}"]`).innerText();
    assert.match(text, /[\u4e00-\u9fff]/, `${id} is in Chinese: ${text}`);
    assert.doesNotMatch(text, /\[[a-z_]+\]|customers|rejected|retention/, `${id} has no English or missing param: ${text}`);
  }
  const warning = result.locator('[data-kpi="retention_clv"] [data-role="warnings"] p[data-code="clv_revenue_based"]');
  assert.match(await warning.innerText(), /按收入而非毛利计算/);
  await context.close();
});
