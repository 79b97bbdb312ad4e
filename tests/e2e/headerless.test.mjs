// End to end in Chromium: a CSV without a header line (issue 12). Read as "auto" the page says in
// words that the file has no header line; read as transactions, the mapping screen shows the first
// rows and offers the columns by position; mapped, every row is used (the first one too), the note
// says the first row was data, and the same screens read in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const fx = e2eFixture('headerless', async () => {
  file = path.join(fx.tmp, 'no-header.csv');
  fs.writeFileSync(file, 'C001,2024-01-05,120.50\nC002,2024-01-06,80\nC001,2024-02-01,40\nC003,2024-02-03,9.5\n');
  const context = await fx.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(fx.server.url);
  await panel().files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
});

let page;
let file;

const panel = () => filesPanel(page);
const result = () => panel().result();

/** Runs `action` and waits until a newer import than before is shown. */
async function afterImport(action) {
  const before = await panel().lastImport();
  await action();
  await assertEventually(async () => assert.ok((await panel().lastImport()) > before, 'a new import is shown'), 20000);
}

test('a file without a header line is told so, mapped by position, and keeps its first row', async () => {
  await panel().importFile(file, 'auto', 20000);
  const error = result().locator('[data-testid="file-error"] [data-role="message"]');
  assert.match(await error.innerText(), /no header line: its first row \(C001, 2024-01-05,.*120\.50\) is data/);

  // Read as transactions: the mapping screen opens with the first rows and the columns by position.
  await afterImport(() => result().locator('[data-testid="read-as"]').selectOption('transactions'));
  assert.match(await result().locator('[data-testid="file-error"]').innerText(), /Still without a column: Customer ID, Date/i);
  const mapping = result().locator('[data-testid="mapping"]');
  await mapping.waitFor();
  assert.match(await mapping.locator('[data-testid="mapping-no-header"]').innerText(), /no header line/);
  const firstRows = await mapping.locator('[data-testid="mapping-first-rows"]').innerText();
  assert.match(firstRows, /Column 1\s+Column 2\s+Column 3/);
  assert.match(firstRows, /C001\s+2024-01-05\s+120\.50/);
  assert.match(firstRows, /C002\s+2024-01-06\s+80/);
  const choose = (field, label) => mapping.locator(`[data-map-field="${field}"] select`).selectOption({ label });
  await choose('customer_id', 'Column 1 (C001)');
  await choose('date', 'Column 2 (2024-01-05)');
  await choose('amount', 'Column 3 (120.50)');
  await afterImport(() => mapping.locator('[data-testid="mapping-apply"]').click());

  assert.equal(await result().getAttribute('data-kind'), 'transactions');
  assert.equal(await result().locator('[data-testid="file-error"]').count(), 0);
  const used = await result().locator('[data-testid="rows-used"] strong').innerText();
  assert.equal(Number(used.replace(/[^0-9]/g, '')), 4, 'all four rows are used, the first one too');
  assert.equal(Number(await result().locator('[data-measure="revenue"]').getAttribute('data-raw')), 250);
  const note = result().locator('[data-note="no_header_line"]');
  assert.match(await note.innerText(), /no header line: its first row \(C001, 2024-01-05,.*120\.50\) was read as data, and its 3 columns by position/);

  // In Chinese: the note, and the mapping screen's columns by position.
  await page.locator('[data-testid="lang-toggle"]').click();
  await assertEventually(async () => assert.match(await note.innerText(), /文件没有表头行：第一行（C001.*120\.50）已作为数据读取，其 3 列按位置/));
  await result().locator('[data-testid="mapping-toggle"]').click();
  const zhMapping = result().locator('[data-testid="mapping"]');
  assert.match(await zhMapping.locator('[data-testid="mapping-no-header"]').innerText(), /此文件没有表头行/);
  assert.match(await zhMapping.locator('[data-testid="mapping-first-rows"]').innerText(), /第 1 列\s+第 2 列\s+第 3 列/);
  assert.equal(await zhMapping.locator('[data-map-field="customer_id"] select option:checked').innerText(), '第 1 列（C001）');
});

test('in Chinese, a headerless file read as a kind names the fields still to place', async () => {
  await panel().importFile(file, 'transactions', 20000);
  const error = result().locator('[data-testid="file-error"]');
  await assertEventually(async () => assert.match(await error.innerText(), /文件没有表头行：第一行（C001.*）就是数据，其 3 列只能按位置识别。.*尚未指定列的字段：客户ID.*日期/));
});
