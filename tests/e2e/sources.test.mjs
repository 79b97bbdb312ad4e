// End to end in Chromium, in English and Chinese (issue 13, item 1): one model of the business.
// After Clear, a transactions file fills the inputs it determines (each saying which file), the
// overview and the cards count them, and the what-if baseline reads them; a typed value overrides
// the file's and both are shown; "Use it" brings the file's back; a spend file then gives CAC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const fx = e2eFixture('sources');

const WORDS = {
  'en-US': { from: /^From transactions\.csv/, typed: /^Typed; transactions\.csv says 8,341\.78 /, missing: /Gross margin and CAC/ },
  'zh-CN': { from: /^来自 transactions\.csv/, typed: /^手动输入；transactions\.csv 给出的是 8,341\.78 /, missing: /填写：毛利率和获客成本/ },
};

const computed = async (page) => Number((await page.locator('[data-testid="overview"] .computed').innerText()).match(/\d+/)[0]);

for (const locale of ['en-US', 'zh-CN']) {
  test(`${locale}: files fill the inputs they determine, typed values override, every card names its sources`, async () => {
    const words = WORDS[locale];
    const context = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(fx.server.url);
    await page.locator('[data-kpi="clv"] [data-role="value"]').first().waitFor({ timeout: 15000 });
    await page.locator('[data-testid="clear"]').click();
    await page.locator('[data-testid="confirm-yes"]').click();
    await assertEventually(async () => assert.equal(await computed(page), 0));

    const panel = filesPanel(page);
    await panel.files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
    await panel.importFile(path.join(repo, 'public/samples/transactions.csv'), 'auto');

    // The file's inputs are the form's now, each saying where it came from.
    const aov = page.locator('[data-input="avg_purchase_value"]').first();
    await assertEventually(async () => assert.equal(await aov.inputValue(), '8,341.78'));
    const fieldSource = page.locator('[data-field-key="avg_purchase_value"] [data-role="field-source"]').first();
    assert.match(await fieldSource.innerText(), words.from);
    await assertEventually(async () => assert.ok((await computed(page)) >= 4, 'the overview counts the file-fed KPIs'));
    const clv = page.locator('[data-kpi="clv"]').first();
    assert.notEqual(await clv.locator('[data-role="value"]').getAttribute('data-raw'), '');
    assert.match(await clv.locator('[data-role="sources"]').innerText(), /transactions\.csv/);
    // The what-if baseline takes retention, order value, frequency and customers from the file.
    await assertEventually(async () => assert.match(await page.locator('[data-testid="whatif-section"]').innerText(), words.missing));
    assert.match(await page.locator('[data-role="baseline-sources"]').innerText(), /transactions\.csv/);

    // Typed over the file: the typed value counts and the file's is shown beside it.
    const fileClv = Number(await clv.locator('[data-role="value"]').getAttribute('data-raw'));
    await aov.fill('9000');
    const other = page.locator('[data-field-key="avg_purchase_value"] [data-role="other-source"]').first();
    await assertEventually(async () => assert.match(await other.innerText(), words.typed));
    await assertEventually(async () => assert.match(await clv.locator('[data-role="sources"]').innerText(), locale === 'en-US' ? /typed/ : /手动输入/));
    // The label changes as the user types; the value once the worker has answered.
    await assertEventually(async () => assert.notEqual(Number(await clv.locator('[data-role="value"]').getAttribute('data-raw')), fileClv));
    await other.locator('[data-role="use-value"]').click();
    await assertEventually(async () => assert.equal(await aov.inputValue(), '8,341.78'));
    await assertEventually(async () => assert.equal(Number(await clv.locator('[data-role="value"]').getAttribute('data-raw')), fileClv));

    // "Show the file" goes to the file's result.
    await fieldSource.locator('[data-role="show-file"]').click();
    await assertEventually(async () => assert.equal(await panel.result().getAttribute('data-kind'), 'transactions'));

    // A spend file gives CAC; with a typed margin the what-if projects.
    await panel.importFile(path.join(repo, 'public/samples/spend.csv'), 'auto');
    await page.locator('[data-input="gross_margin"]').first().fill('30');
    await assertEventually(async () => assert.doesNotMatch(await page.locator('[data-testid="whatif-section"]').innerText(), words.missing));
    await assertEventually(async () => assert.ok((await page.locator('[data-testid="whatif-section"] svg').count()) > 0, 'the projection chart is drawn'));
    const baselineFrom = await page.locator('[data-role="baseline-sources"]').innerText();
    assert.match(baselineFrom, /transactions\.csv/);
    assert.match(baselineFrom, /spend\.csv/);
    await context.close();
  });
}
