// End to end in Chromium: a Taiwanese file as Traditional-Chinese Windows Excel saves it
// (public/samples/transactions.big5.csv: Big5 bytes, Traditional headers, 民國 dates, made by
// scripts/make-big5-sample.mjs from transactions.csv). Dropped on the page, the import report
// names Big5 and the ROC calendar with a conversion, the figures are those of the UTF-8 sample
// and of the native CLI, and the report reads in Chinese too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = path.join(repo, 'build/native/cli/servimetrics');
const sample = (name) => path.join(repo, 'public/samples', name);

const fx = e2eFixture('big5', () => {
  assert.ok(fs.existsSync(cliPath), 'build/native/cli/servimetrics exists (run ./scripts/build)');
});

/** What the native CLI answers for a file: the same core, outside the browser. */
function cli(file) {
  const run = spawnSync(cliPath, ['analyze', '--kind', 'transactions', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(run.status === 0 || run.status === 1, `CLI failed on ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

async function openPage(locale) {
  const context = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(fx.server.url);
  await filesPanel(page).files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
  return page;
}

const numberIn = (text) => Number(text.replace(/[^0-9.\-]/g, ''));

test('the sample file really is Big5 with 民國 dates', () => {
  const bytes = fs.readFileSync(sample('transactions.big5.csv'));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'not UTF-8');
  const text = new TextDecoder('big5', { fatal: true }).decode(bytes);
  assert.match(text.split('\r\n')[0], /^訂單編號,客戶編號,訂單日期,/);
  assert.match(text.split('\r\n')[1], /,11[34]\/\d\d\/\d\d,/);
});

test('a Big5 file with 民國 dates: the report names Big5 and the ROC calendar, the figures match', async () => {
  const file = sample('transactions.big5.csv');
  const expected = cli(file);
  const utf8 = cli(sample('transactions.csv'));
  assert.equal(expected.import.file.encoding, 'big5');
  assert.equal(expected.import.rows_used, utf8.import.rows_used, 'the same rows as the UTF-8 sample');

  const page = await openPage('en-US');
  const panel = filesPanel(page);
  await panel.importFile(file, 'auto', 20000);
  const result = panel.result();
  assert.equal(await result.getAttribute('data-kind'), 'transactions');
  assert.equal(await result.locator('[data-testid="file-error"]').count(), 0);

  // The encoding, and why: the share of frequent Big5 characters against GBK's.
  const encoding = result.locator('[data-fact="encoding"]');
  assert.equal((await encoding.innerText()).trim(), 'BIG5');
  assert.match(await encoding.getAttribute('title'), /reads as Big5 \(Traditional Chinese\) without errors: 100% of its characters/);

  // The date column: read in the ROC calendar, with one conversion shown.
  const date = result.locator('[data-format-field="date"]');
  assert.equal((await date.locator('[data-role="detected"]').innerText()).trim(), 'YYY/MM/DD');
  assert.equal(await date.locator('[data-role="date-format"]').inputValue(), 'roc');
  assert.match(await date.locator('[data-role="date-format"] option:checked').innerText(), /Taiwan ROC calendar/);
  assert.match(await date.innerText(), /民國 \(Republic of China\) years, read as year \+ 1911: “113\/01\/07” is 2024-01-07/);
  assert.equal(await date.getAttribute('data-ambiguous'), 'false');

  // The same figures as the CLI and as the UTF-8 sample with Gregorian dates.
  const used = numberIn(await result.locator('[data-testid="rows-used"] strong').innerText());
  assert.equal(used, expected.import.rows_used);
  const kpi = utf8.kpis[0];
  assert.ok(kpi, 'the UTF-8 sample has a KPI');
  const raw = Number(await result.locator(`[data-kpi="${kpi.id}"] [data-role="value"]`).getAttribute('data-raw'));
  assert.ok(Math.abs(raw - kpi.value) <= 1e-9 * Math.max(1, Math.abs(kpi.value)), `${kpi.id}: page ${raw}, UTF-8 sample ${kpi.value}`);
  await page.context().close();
});

test('the import report of the Big5 file reads in Chinese', async () => {
  const page = await openPage('zh-CN');
  const panel = filesPanel(page);
  await panel.importFile(sample('transactions.big5.csv'), 'auto', 20000);
  const result = panel.result();
  assert.match(await result.locator('[data-fact="encoding"]').getAttribute('title'), /按 Big5（繁体中文）读取没有错误/);
  const date = result.locator('[data-format-field="date"]');
  assert.match(await date.innerText(), /年份为民国纪年，按年份加 1911 读取：“113\/01\/07”即 2024-01-07/);
  assert.match(await date.locator('[data-role="date-format"] option:checked').innerText(), /民国纪年/);
  await page.context().close();
});
