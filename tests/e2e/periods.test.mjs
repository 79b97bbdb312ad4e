// End to end in Chromium, in English and in Chinese (issue 12): churn knows its period. The typed
// form's period selector (a year unless chosen) makes a 14% monthly churn read "14% a month,
// 83.6% a year" and rated bad on its annual rate; counts that do not add up warn on both churn and
// retention; the dated sample file's churn states its month and annual rate; a snapshot file shows
// its rate per customer-month beside the plain share, with the definitions in a note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const fx = e2eFixture('periods');

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const sample = (name) => path.join(repo, 'public/samples', name);


async function openPage(locale) {
  const context = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(fx.server.url);
  await page.locator('[data-input="customers_lost"]').waitFor({ timeout: 15000 });
  await filesPanel(page).files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
  // The page opens with the sample company filled in: start from an empty form.
  await assertEventually(async () => assert.equal(await page.locator('[data-input="customers_lost"]').first().inputValue(), '210'));
  await page.locator('[data-testid="clear"]').click();
  await page.locator('[data-testid="confirm-yes"]').click();
  await assertEventually(async () => assert.equal(await page.locator('[data-input="customers_lost"]').first().inputValue(), ''));
  return page;
}

async function typeChurn(page, period) {
  await page.locator('[data-input="customers_start"]').first().fill('1000');
  await page.locator('[data-input="customers_lost"]').first().fill('140');
  if (period) await page.locator('select[data-input="churn_period"]').selectOption(period);
  return page.locator('[data-kpi="churn_rate"]').first();
}

test('English: the period selector, both rates on the card, the annual rule', async () => {
  const page = await openPage('en-US');
  const select = page.locator('select[data-input="churn_period"]');
  assert.equal(await select.count(), 1, 'one period selector');
  assert.match(await select.locator('option[value=""]').textContent(), /a year \(default\)/);
  assert.deepEqual(await select.locator('option:not([value=""])').allTextContents(), ['Month', 'Quarter', 'Year']);

  const card = await typeChurn(page, null);
  await assertEventually(async () => assert.equal(await card.getAttribute('data-band'), 'good'));
  assert.equal((await card.locator('[data-detail="period"]').textContent()).trim(), '14% a year');

  await page.locator('select[data-input="churn_period"]').selectOption('month');
  await assertEventually(async () => assert.equal(await card.getAttribute('data-band'), 'bad'));
  assert.equal((await card.locator('[data-detail="period"]').textContent()).trim(), '14% a month, 83.6% a year');
  assert.match(await card.locator('[data-role="rule"]').textContent(), /Annual churn rate > 15% → Bad/);
  await page.context().close();
});

test('English: counts that do not add up warn on churn and retention', async () => {
  const page = await openPage('en-US');
  await page.locator('[data-input="customers_start"]').first().fill('120');
  await page.locator('[data-input="customers_lost"]').first().fill('26');
  await page.locator('[data-input="new_customers"]').first().fill('11');
  await page.locator('[data-input="customers_end"]').first().fill('110');
  for (const id of ['churn_rate', 'retention_rate']) {
    const warning = page.locator(`[data-kpi="${id}"] [data-role="warnings"] p[data-code="customers_do_not_add_up"]`).first();
    await assertEventually(async () => assert.equal(await warning.count(), 1, `${id} warns`));
    const text = await warning.textContent();
    assert.match(text, /120 at the start − 26 lost \+ 11 new = 105, not the 110 at the end/);
    assert.match(text, /churn rate \(21\.67%\) and the retention rate \(82\.5%\)/);
  }
  await page.context().close();
});

test('English and Chinese: a negative gross margin and a fractional customer count are said', async () => {
  for (const [locale, margin, fraction] of [
    ['en-US', /gross margin is negative \(-20%\)/, /customers are counted whole/],
    ['zh-CN', /毛利率为负/, /客户应按整数计/],
  ]) {
    const page = await openPage(locale);
    await page.locator('[data-input="annual_revenue_per_customer"]').first().fill('1000');
    await page.locator('[data-input="relationship_years"]').first().fill('3');
    await page.locator('[data-input="gross_margin"]').first().fill('-20');
    const cltv = page.locator('[data-kpi="cltv"]').first();
    await assertEventually(async () => assert.equal(Number(await cltv.locator('[data-role="value"]').getAttribute('data-raw')), -600));
    assert.match(await cltv.locator('[data-role="warnings"] p[data-code="negative_gross_margin"]').textContent(), margin);
    await page.locator('[data-input="customers_start"]').first().fill('100.5');
    await page.locator('[data-input="customers_lost"]').first().fill('10');
    const warning = page.locator('[data-kpi="churn_rate"] [data-role="warnings"] p[data-code="fractional_customer_count"]').first();
    await assertEventually(async () => assert.equal(await warning.count(), 1));
    assert.match(await warning.textContent(), fraction);
    await page.context().close();
  }
});

test('English: the dated sample states its month; a snapshot its rate per customer-month', async () => {
  const page = await openPage('en-US');
  const panel = filesPanel(page);
  await panel.importFile(sample('subscriptions.csv'), 'subscriptions', 20000);
  const churn = panel.result().locator('[data-kpi="churn_rate"]');
  await churn.waitFor();
  assert.equal(await churn.getAttribute('data-band'), 'bad');
  assert.equal((await churn.locator('[data-detail="period"]').textContent()).trim(), '5.3% a month, 48.2% a year');
  assert.equal(await panel.result().locator('[data-note="rates_per_period"]').count(), 1);

  const snapshot = path.join(fx.tmp, 'snapshot.csv');
  fs.writeFileSync(snapshot, 'customer_id,tenure_months,recurring_revenue,churned\ns1,2,20,Yes\ns2,10,50,No\ns3,30,80,Yes\ns4,60,100,No\n');
  await panel.importFile(snapshot, 'subscriptions', 20000);
  const result = panel.result();
  const snapChurn = result.locator('[data-kpi="churn_rate"]');
  await snapChurn.waitFor();
  assert.equal((await snapChurn.locator('[data-detail="period"]').textContent()).trim(), '2% a month, 21.2% a year');
  assert.match(await snapChurn.locator('[data-detail="customers_share"]').textContent(), /Share of customers churned\s*50%/);
  assert.match(await result.locator('[data-measure="churned_share"]').textContent(), /Share of customers churned \(no period\)/);
  assert.match(await result.locator('[data-measure="churn_rate_per_customer_month"]').textContent(), /Churn per customer-month/);
  assert.equal(Number(await result.locator('[data-measure="expected_lifetime_months"]').getAttribute('data-raw')), 51);
  assert.match(await result.locator('[data-note="snapshot_churn_definitions"]').textContent(), /churned ÷ customer-months at risk/);
  await page.context().close();
});

test('Chinese: 每月 and 每年 on the card, the annual rule, the warning and the snapshot', async () => {
  const page = await openPage('zh-CN');
  const select = page.locator('select[data-input="churn_period"]');
  assert.match(await select.locator('option[value=""]').textContent(), /年（默认）/);
  const card = await typeChurn(page, 'month');
  await assertEventually(async () => assert.equal(await card.getAttribute('data-band'), 'bad'));
  assert.equal((await card.locator('[data-detail="period"]').textContent()).trim(), '每月 14%，每年 83.6%');
  assert.match(await card.locator('[data-role="rule"]').textContent(), /年化客户流失率/);

  await page.locator('[data-input="new_customers"]').first().fill('11');
  await page.locator('[data-input="customers_end"]').first().fill('1000');
  const warning = page.locator('[data-kpi="retention_rate"] [data-role="warnings"] p[data-code="customers_do_not_add_up"]').first();
  await assertEventually(async () => assert.equal(await warning.count(), 1));
  assert.match(await warning.textContent(), /客户数相互矛盾/);

  const panel = filesPanel(page);
  await panel.importFile(sample('subscriptions.csv'), 'subscriptions', 20000);
  const churn = panel.result().locator('[data-kpi="churn_rate"]');
  await churn.waitFor();
  assert.equal((await churn.locator('[data-detail="period"]').textContent()).trim(), '每月 5.3%，每年 48.2%');
  assert.match(await panel.result().locator('[data-note="rates_per_period"]').textContent(), /每月数值/);
  await page.context().close();
});
