// End to end in Chromium (issue 13, item 5, first part): several files chosen at once are all read,
// one after the other, each kind detected, with the files still waiting shown under the progress;
// none is dropped without a word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const sample = (name) => path.join(repo, 'public/samples', name);
// A transactions file large enough (120,000 lines) that the files after it are still waiting while
// it is read.
let large;
const fx = e2eFixture('several', () => {
  large = path.join(fx.tmp, 'large-transactions.csv');
  const lines = ['customer_id,date,amount,channel'];
  for (let i = 0; i < 120000; i++) lines.push(`C${i % 4000},2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${(10 + (i % 90)).toFixed(2)},online_ads`);
  fs.writeFileSync(large, lines.join('\n') + '\n');
});

async function openPage(locale) {
  const context = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(fx.server.url);
  const panel = filesPanel(page);
  await panel.files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
  return { page, panel, context };
}

for (const [locale, waiting] of [['en-US', /Then 2 more, one after the other.*survey\.csv, spend\.csv/], ['zh-CN', /之后还有 2 个文件.*survey\.csv, spend\.csv/]]) {
  test(`${locale}: three files chosen at once are each read and detected, the waiting ones named`, async () => {
    const { page, panel, context } = await openPage(locale);
    // The select says "tickets": with several files each kind is detected instead.
    await panel.files().locator('[data-testid="kind-select"]').selectOption('tickets');
    await panel.files().locator('[data-testid="file-input"]').setInputFiles([large, sample('survey.csv'), sample('spend.csv')]);
    const queue = panel.files().locator('[data-testid="import-queue"]');
    await assertEventually(async () => assert.match(await queue.innerText(), waiting), 10000);
    const tabs = panel.files().locator('[role="tab"]');
    await assertEventually(async () => {
      const kinds = await tabs.evaluateAll((els) => els.map((el) => el.getAttribute('data-tab')));
      assert.deepEqual([...kinds].sort(), ['spend', 'survey', 'transactions']);
    }, 60000);
    assert.equal(await queue.count(), 0, 'nothing is left waiting');
    assert.equal(await panel.files().locator('[data-testid="import-progress"]').count(), 0);
    // The last file read is shown; every one read without a file error.
    assert.equal(await panel.result().getAttribute('data-kind'), 'spend');
    for (const kind of ['spend', 'survey', 'transactions']) {
      await page.locator(`[role="tab"][data-tab="${kind}"]`).click();
      await assertEventually(async () => assert.equal(await panel.result().getAttribute('data-kind'), kind));
      assert.equal(await panel.result().locator('[data-testid="file-error"]').count(), 0, `${kind} read without a file error`);
    }
    await context.close();
  });
}
