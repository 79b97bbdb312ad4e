// End to end in Chromium, in English and Chinese (issue 13, item 2, its first part): Clear and Load
// sample ask first; "Keep my work" changes nothing; after Clear, Undo brings back the typed inputs
// and the file results (their rejects still download); after Load sample, Undo brings back what was
// typed; typing something new ends the offer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const fx = e2eFixture('undo');

const WORDS = {
  'en-US': { ask: /Clear every input, scenario and file result\?/, askSample: /Replace your inputs and scenario with the sample company\?/, undo: 'Undo' },
  'zh-CN': { ask: /清空所有输入、情景和文件结果？/, askSample: /用示例公司替换你的输入和情景？/, undo: '撤销' },
};

for (const locale of ['en-US', 'zh-CN']) {
  test(`${locale}: Clear and Load sample ask first, and Undo brings the work back`, async () => {
    const words = WORDS[locale];
    const context = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(fx.server.url);
    const lost = page.locator('[data-input="customers_lost"]').first();
    await assertEventually(async () => assert.equal(await lost.inputValue(), '210'), 15000);
    const panel = filesPanel(page);
    await panel.files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
    await panel.importFile(path.join(repo, 'public/samples/survey.csv'), 'survey');
    await lost.fill('123');

    // Clear asks first; keeping the work changes nothing.
    await page.locator('[data-testid="clear"]').click();
    const confirm = page.locator('[data-testid="confirm"]');
    assert.match(await confirm.innerText(), words.ask);
    await page.locator('[data-testid="confirm-no"]').click();
    await assertEventually(async () => assert.equal(await confirm.count(), 0)); // the page renders in its next task
    assert.equal(await lost.inputValue(), '123');
    assert.equal(await panel.result().getAttribute('data-kind'), 'survey');

    // Clear, then Undo: the typed value and the survey's result are back.
    await page.locator('[data-testid="clear"]').click();
    await page.locator('[data-testid="confirm-yes"]').click();
    await assertEventually(async () => assert.equal(await lost.inputValue(), ''));
    assert.equal(await panel.result().count(), 0);
    const undo = page.locator('[data-testid="undo"]');
    assert.equal(await undo.innerText(), words.undo);
    await undo.click();
    await assertEventually(async () => assert.equal(await lost.inputValue(), '123'));
    assert.equal(await panel.result().getAttribute('data-kind'), 'survey');
    await assertEventually(async () => assert.equal(await page.locator('[data-kpi="churn_rate"] [data-role="value"]').first().getAttribute('data-raw') !== '', true));
    assert.equal(await undo.count(), 0, 'Undo is offered once');

    // Load sample asks too; Undo brings back what was typed; typing again ends the offer.
    await page.locator('[data-testid="load-sample"]').click();
    assert.match(await confirm.innerText(), words.askSample);
    await page.locator('[data-testid="confirm-yes"]').click();
    await assertEventually(async () => assert.equal(await lost.inputValue(), '210'));
    await undo.click();
    await assertEventually(async () => assert.equal(await lost.inputValue(), '123'));
    await page.locator('[data-testid="clear"]').click();
    await page.locator('[data-testid="confirm-yes"]').click();
    await page.locator('[data-input="customers_start"]').first().fill('50');
    await assertEventually(async () => assert.equal(await undo.count(), 0, 'typing ends the Undo offer'));
    await context.close();
  });
}
