// Issue 13's "done when", end to end in Chromium: a small business's own files dropped together
// (the Online Retail export when ../shared/data has it, else the transactions sample; a survey; a
// marketing spend) change the overview, the KPIs and the what-if baseline; a reload finds everything;
// a copied link opened in a fresh browser shows the same KPIs; the printed report names the files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const onlineRetail = path.join(repo, '..', 'shared', 'data', 'online-retail', 'online_retail.csv');
const transactions = process.env.JOURNEY_TRANSACTIONS ?? (fs.existsSync(onlineRetail) ? onlineRetail : path.join(repo, 'public/samples/transactions.csv'));
const fx = e2eFixture('journey');
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');

const computed = async (page) => Number((await page.locator('[data-testid="overview"] .computed').innerText()).match(/\d+/)[0]);
const kpiValues = (page) =>
  page
    .locator('section.group [data-kpi] [data-role="value"]')
    .evaluateAll((els) => els.map((e) => `${e.closest('[data-kpi]').getAttribute('data-kpi')}=${e.getAttribute('data-raw')}`).sort());
const tabs = (page) => filesPanel(page).files().locator('[role="tab"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-tab')).sort());
const saved = async (page) => assertEventually(async () => assert.equal(await page.locator('[data-testid="workspace-status"]').getAttribute('data-status'), 'saved'), 10000);

async function pdfText(bytes) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) pages.push((await (await doc.getPage(i)).getTextContent()).items.map((it) => it.str ?? '').join(''));
  await doc.destroy();
  return pages;
}

test('three files dropped together feed everything; reload, link and print keep it', async () => {
  const context = await fx.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fx.server.url });
  const page = await context.newPage();
  await page.goto(fx.server.url);
  await page.locator('[data-kpi="clv"] [data-role="value"]').first().waitFor({ timeout: 15000 });
  await page.locator('[data-testid="clear"]').click();
  await page.locator('[data-testid="confirm-yes"]').click();
  await assertEventually(async () => assert.equal(await computed(page), 0));
  const whatif = page.locator('[data-testid="whatif-section"]');
  const missingBefore = await whatif.innerText();

  // Dropped together: each read and detected, one after the other.
  const panel = filesPanel(page);
  await panel.files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
  await panel.files().locator('[data-testid="file-input"]').setInputFiles([transactions, path.join(repo, 'public/samples/survey.csv'), path.join(repo, 'public/samples/spend.csv')]);
  await assertEventually(async () => assert.deepEqual(await tabs(page), ['spend', 'survey', 'transactions']), 120000);
  await assertEventually(async () => assert.ok((await computed(page)) >= 4, `the overview counts the files’ KPIs (${await computed(page)})`));
  for (const id of ['clv', 'nps', 'cac']) {
    assert.notEqual(await page.locator(`[data-kpi="${id}"] [data-role="value"]`).first().getAttribute('data-raw'), '', `${id} computed from the files`);
  }
  // The what-if baseline now has the files' retention, order value, frequency, customers and CAC.
  await assertEventually(async () => assert.notEqual(await whatif.innerText(), missingBefore));
  const from = await page.locator('[data-role="baseline-sources"]').innerText();
  assert.match(from, new RegExp(path.basename(transactions).replace('.', '\\.')));
  assert.match(from, /spend\.csv/);
  await page.locator('[data-input="gross_margin"]').first().fill('30');
  await page.locator('[data-testid="report-company"]').fill('Retail Client Ltd');
  await assertEventually(async () => assert.equal(await page.locator('[data-testid="projection-chart"]').count(), 1, 'the projection runs'));
  const kpis = await kpiValues(page);
  const total = await page.locator('[data-testid="total-revenue"]').innerText();
  await saved(page);

  // A reload finds everything: inputs, file results, KPIs, the projection.
  await page.reload();
  await assertEventually(async () => assert.deepEqual(await kpiValues(page), kpis), 20000);
  // The files panel is built when reached or idle (views/lazy-view.ts), a moment after the KPIs.
  await assertEventually(async () => assert.deepEqual(await tabs(page), ['spend', 'survey', 'transactions']), 20000);
  assert.equal(await page.locator('[data-input="gross_margin"]').first().inputValue(), '30');
  assert.equal(await page.locator('[data-testid="total-revenue"]').innerText(), total);

  // A copied link opened in a fresh browser shows the same KPIs, from values naming their files.
  await page.locator('[data-testid="copy-link"]').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const other = await fx.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const fresh = await other.newPage();
  await fresh.goto(link);
  await assertEventually(async () => assert.deepEqual(await kpiValues(fresh), kpis), 20000);
  assert.match(await fresh.locator('[data-field-key="avg_purchase_value"] [data-role="field-source"]').first().innerText(), new RegExp(path.basename(transactions).replace('.', '\\.')));
  await other.close();

  // The printed report: a few pages, the company, the KPIs, and the files read.
  const pages = await pdfText(await page.pdf({ format: 'A4' }));
  assert.ok(pages.length >= 2 && pages.length <= 8, `${pages.length} pages`);
  const all = pages.join('\n');
  for (const text of ['Retail Client Ltd', 'Net Promoter Score', path.basename(transactions), 'survey.csv', 'spend.csv']) {
    assert.ok(all.replace(/\s+/g, '').includes(text.replace(/\s+/g, '')), `"${text}" printed`);
  }
  console.log(`# ${path.basename(transactions)}: ${pages.length} printed pages, ${kpis.filter((k) => !k.endsWith('=')).length} KPIs computed`);
  await context.close();
});
