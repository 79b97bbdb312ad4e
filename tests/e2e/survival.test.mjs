// End to end in Chromium: a survival table dropped on the page shows the sBG forecast — the chart of
// observed against fitted survival with the projection marked, the parameters equal to the wasm
// module's answer for the same file computed here (node), the lifetime value for a value typed in,
// the model's assumption in words, and the warnings of a small table — in English and Chinese.
import '../wasm/setup.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';
import { importFile, loadModule, root } from '../wasm/module.mjs';

const sample = path.join(root, 'public', 'samples', 'survival_table.csv');
const fx = e2eFixture('survival');

/** The wasm module's fits of the sample, read as the page reads a dropped file. */
async function nodeFits(file) {
  const m = await loadModule();
  const t = importFile(m, 'auto', fs.readFileSync(file)).answer.tables.survival_fits;
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

async function openPage(locale, width) {
  const context = await fx.browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(fx.server.url);
  const panel = filesPanel(page);
  await panel.files().locator('[data-testid="kind-list"] li[data-kind="survival_table"]').waitFor({ timeout: 20000 });
  return { page, context, panel, errors };
}

const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} against ${b}`);

async function assertForecast(page, fits, words) {
  const result = page.locator('[data-testid="kind-result"]');
  assert.equal(await result.getAttribute('data-kind'), 'survival_table');
  const view = result.locator('[data-testid="sbg-forecast"]');
  await view.waitFor();
  assert.match(await view.locator('[data-testid="sbg-assumption"]').innerText(), words.assumption);
  // The chart: one curve per cohort, the projection shaded and labelled.
  const chart = view.locator('[data-testid="sbg-chart"] svg');
  await chart.waitFor();
  assert.equal(await chart.locator('g[data-cohort]').count(), fits.length);
  assert.equal(await chart.locator('rect.projection').count(), 1);
  assert.ok(Number(await chart.locator('rect.projection').getAttribute('width')) > 0);
  assert.match(await chart.locator('.projection-label').textContent(), words.projection);
  assert.equal(await chart.locator('path.fitted.projected').count(), fits.length);
  // The parameters are the node answer's.
  for (const fit of fits) {
    const row = view.locator(`[data-testid="sbg-params"] tr[data-cohort="${fit.cohort}"]`);
    near(Number(await row.locator('[data-param="alpha"]').getAttribute('data-raw')), fit.alpha, `${fit.cohort} alpha`);
    near(Number(await row.locator('[data-param="beta"]').getAttribute('data-raw')), fit.beta, `${fit.cohort} beta`);
    near(Number(await row.locator('[data-param="discounted_lifetime"]').getAttribute('data-raw')), fit.discounted_lifetime, `${fit.cohort} lifetime`);
    assert.match(await row.locator('[data-param="alpha"]').innerText(), /±/);
  }
  // A value per period gives each cohort's lifetime value (value × discounted lifetime).
  await view.locator('[data-testid="sbg-value"]').fill('100');
  for (const fit of fits) {
    const out = view.locator(`[data-testid="sbg-params"] tr[data-cohort="${fit.cohort}"] output`);
    const expected = Math.round(100 * fit.discounted_lifetime);
    await assertEventually(async () => assert.equal(Number((await out.innerText()).replace(/[^\d.]/g, '')).toFixed(0), String(expected)));
  }
}

test('the sample shows the sBG forecast, in English and Chinese', async () => {
  const fits = await nodeFits(sample);
  assert.equal(fits.length, 2);
  for (const [locale, width, words] of [
    ['en-US', 1280, { assumption: /chance of renewing stays the same/, projection: /Projection/ }],
    ['zh-CN', 390, { assumption: /续约的概率保持不变/, projection: /预测/ }],
    ['zh-TW', 1280, { assumption: /續約的機率維持不變/, projection: /預測/ }],
  ]) {
    const { page, context, panel, errors } = await openPage(locale, width);
    try {
      await panel.importFile(sample, 'auto');
      await assertForecast(page, fits, words);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${locale}: nothing wider than the page`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('a small table is fitted with its warnings; contradictory rows are named', async () => {
  const file = path.join(fx.tmp, 'small-survival.csv');
  fs.writeFileSync(file, 'period,active\n0,60\n1,40\n2,31\n3,27\n');
  const { page, context, panel } = await openPage('en-US', 1280);
  try {
    await panel.importFile(file, 'auto');
    const view = page.locator('[data-testid="sbg-forecast"]');
    await view.waitFor();
    const codes = await view.locator('[data-testid="sbg-warning"]').evaluateAll((els) => els.map((e) => e.dataset.code));
    assert.deepEqual(codes.sort(), ['models_few_customers', 'survival_few_periods']);
    const conflict = path.join(fx.tmp, 'conflict.csv');
    fs.writeFileSync(conflict, 'cohort,period,active\na,0,100\na,1,70\na,1,75\nb,0,200\nb,1,150\nb,2,120\nb,3,105\n');
    await panel.importFile(conflict, 'auto');
    const notes = page.locator('[data-testid="kind-result"]');
    await assertEventually(async () => assert.match(await notes.innerText(), /different counts \(lines 3 and 4\)/));
    assert.equal(await page.locator('[data-testid="sbg-params"] tr[data-cohort]').count(), 1);
  } finally {
    await context.close();
  }
});

/** The wasm module's answer for the sample read with these survival options. */
async function nodeAnswer(options) {
  const m = await loadModule();
  return importFile(m, { kind: 'survival_table', ...options }, fs.readFileSync(sample)).answer;
}

test('the fit gives the workspace its annual retention; the period and the discount rate are read again by the core', async () => {
  const yearly = await nodeAnswer({});
  const monthly = await nodeAnswer({ period: 'month' });
  const discounted = await nodeAnswer({ period: 'month', discount_rate: 0.2 });
  assert.ok(monthly.inputs.annual_retention_rate < yearly.inputs.annual_retention_rate);
  const lifetime = (answer) => {
    const t = answer.tables.survival_fits;
    return t.rows.map((r) => r[t.columns.indexOf('discounted_lifetime')]);
  };
  for (const [locale, width] of [['en-US', 1440], ['zh-CN', 390]]) {
    const { page, context, panel, errors } = await openPage(locale, width);
    try {
      await panel.importFile(sample, 'auto');
      const view = page.locator('[data-testid="sbg-forecast"]');
      await view.waitFor();
      // Read as years by default: the model's next-period retention is the annual one, named as the sBG's fit.
      assert.equal(await view.locator('[data-testid="sbg-period"]').inputValue(), 'year');
      assert.ok(await view.locator('[data-testid="sbg-input-note"]').isVisible());
      const field = page.locator('[data-field-key="annual_retention_rate"]');
      const retention = async () => Number(await field.locator('[data-input="annual_retention_rate"]').inputValue());
      await assertEventually(async () => assert.match(await field.locator('[data-role="field-source"]').innerText(), /sBG/));
      assert.match(await field.locator('[data-role="field-source"]').innerText(), /survival_table\.csv/);
      assert.ok(Math.abs((await retention()) - yearly.inputs.annual_retention_rate * 100) < 0.01);
      // A month a period: the file is read again and the retention made annual over 12 periods.
      await view.locator('[data-testid="sbg-period"]').selectOption('month');
      await assertEventually(async () => assert.ok(Math.abs((await retention()) - monthly.inputs.annual_retention_rate * 100) < 0.01, `${await retention()}`));
      // The discount rate a period changes the discounted expected lifetime (DERL's sum).
      const before = lifetime(monthly);
      const discount = page.locator('[data-testid="sbg-discount"]');
      assert.equal(Number(await discount.inputValue()), 10);
      await discount.fill('20');
      await discount.press('Enter');
      await discount.blur();
      const rows = page.locator('[data-testid="sbg-params"] [data-param="discounted_lifetime"]');
      await assertEventually(async () => near(Number(await rows.first().getAttribute('data-raw')), lifetime(discounted)[0], 'lifetime at 20%'));
      assert.ok(lifetime(discounted)[0] < before[0]);
      assert.equal(await page.locator('[data-testid="sbg-period"]').inputValue(), 'month');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('a period column called "months" is read as months, said beside the choice, and the user can change it', async () => {
  const file = path.join(fx.tmp, 'monthly-survival.csv');
  fs.writeFileSync(file, 'months,active\n0,1000\n1,700\n2,540\n3,450\n4,390\n5,350\n6,320\n');
  const m = await loadModule();
  const expected = importFile(m, 'auto', fs.readFileSync(file)).answer;
  assert.ok(expected.notes.some((n) => n.code === 'survival_period_from_header'));
  const { page, context, panel, errors } = await openPage('zh-TW', 390);
  try {
    await panel.importFile(file, 'auto');
    const view = page.locator('[data-testid="sbg-forecast"]');
    await view.waitFor();
    assert.equal(await view.locator('[data-testid="sbg-period"]').inputValue(), 'month');
    assert.match(await view.locator('[data-testid="sbg-period-note"]').innerText(), /「months」/);
    const field = page.locator('[data-field-key="annual_retention_rate"]');
    const retention = async () => Number(await field.locator('[data-input="annual_retention_rate"]').inputValue());
    await assertEventually(async () => assert.ok(Math.abs((await retention()) - expected.inputs.annual_retention_rate * 100) < 0.01, `${await retention()}`));
    // The user's choice wins: a year a period, and the note about the header goes.
    await view.locator('[data-testid="sbg-period"]').selectOption('year');
    await assertEventually(async () => assert.equal(await page.locator('[data-testid="sbg-period-note"]').count(), 0));
    await assertEventually(async () => assert.ok((await retention()) > expected.inputs.annual_retention_rate * 100 + 1));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
