// End to end in Chromium: a file whose amounts carry NT$ turns the page to New Taiwan dollars and says
// where it saw them; a currency the user picked in the selector is kept; a bare "$" is the visitor's
// own dollar (TWD in a zh-TW browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { filesPanel } from '../support/files-panel.mjs';
import { assertEventually } from '../support/eventually.mjs';

const fx = e2eFixture('currency-guess');

/** A transactions file of `rows` purchases whose amounts are written `mark` + number. */
function transactionsFile(name, mark, rows = 6) {
  const lines = ['customer_id,date,amount'];
  for (let i = 0; i < rows; i++) lines.push(`c${i % 3},2024-0${1 + (i % 6)}-05,"${mark}${(1200 + i * 10).toLocaleString('en-US')}"`);
  const file = path.join(fx.tmp, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function openPage(locale) {
  const context = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(fx.server.url);
  await page.locator('[data-kpi="clv"] [data-role="value"][data-raw]').waitFor({ timeout: 20000 });
  return { context, page, select: page.locator('[data-testid="currency-select"]'), notice: page.locator('[data-testid="currency-guess"]') };
}

test('a file in NT$ sets the page to TWD and says where NT$ was seen', async () => {
  const { context, page, select, notice } = await openPage('en-US');
  try {
    assert.equal(await select.inputValue(), 'USD', 'an en-US visitor starts in USD');
    await filesPanel(page).importFile(transactionsFile('nt.csv', 'NT$'), 'transactions');
    await assertEventually(async () => assert.equal(await select.inputValue(), 'TWD'));
    assert.equal(await notice.getAttribute('data-currency'), 'TWD');
    assert.equal(await notice.getAttribute('data-kept'), '');
    const text = await notice.innerText();
    for (const part of ['nt.csv', 'NT$', '6 cells', '“amount”', 'New Taiwan Dollar']) assert.ok(text.includes(part), `the notice names ${part}: ${text}`);
    assert.match(await page.locator('[data-kpi="clv"] [data-role="value"]').innerText(), /NT\$/, 'money is shown in NT$');
    await select.selectOption('HKD');
    await assertEventually(async () => assert.equal(await notice.count(), 0, 'the notice goes once the user picks another currency'));
  } finally {
    await context.close();
  }
});

test('a currency the user chose is not overridden by a file', async () => {
  const { context, page, select, notice } = await openPage('en-US');
  try {
    await select.selectOption('EUR');
    await filesPanel(page).importFile(transactionsFile('nt-chosen.csv', 'NT$'), 'transactions');
    await assertEventually(async () => assert.equal(await notice.getAttribute('data-kept'), 'EUR'));
    assert.equal(await select.inputValue(), 'EUR', 'the chosen currency stays');
    assert.match(await notice.innerText(), /you chose, Euro/);
  } finally {
    await context.close();
  }
});

test('zh-TW: a bare "$" is the visitor’s dollar, and the notice speaks Traditional Chinese', async () => {
  const { context, page, select, notice } = await openPage('zh-TW');
  try {
    await select.selectOption('USD'); // chosen, then forgotten below: the file decides
    await page.evaluate(() => localStorage.removeItem('servimetrics.currency'));
    await filesPanel(page).importFile(transactionsFile('dollars.csv', '$'), 'transactions');
    await assertEventually(async () => assert.equal(await select.inputValue(), 'TWD'));
    assert.match(await notice.innerText(), /「amount」欄有 6 個儲存格帶 \$/);
  } finally {
    await context.close();
  }
});
