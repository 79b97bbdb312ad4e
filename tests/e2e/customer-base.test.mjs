// End to end in Chromium: the "Customer base" of a file. The customer-summary sample, the
// transactions and subscriptions samples are fitted in the page and what it shows is checked against
// the wasm module's answer to the same request computed here (node), in English and Chinese: the
// base's figures, every customer in the table, the "slipping away" rule on every row, the CSV with
// all rows, the model choice, and the fitted CLV as the workspace's input named as the model's.
// With ../shared/data: CDNOW's transactions (customer = sampleid) and Online Retail (47 MB).
import '../wasm/setup.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';
import { loadModule, root } from '../wasm/module.mjs';

const shared = path.join(root, '..', 'shared', 'data');
const sample = (name) => path.join(root, 'public', 'samples', name);
const fx = e2eFixture('customer-base');
let wasm;

/** The wasm module's answer to the page's request on the same file read the same way. */
async function nodeFit(importRequest, file, request) {
  wasm ??= await loadModule();
  const session = new wasm.FileImport(JSON.stringify(importRequest));
  try {
    const bytes = fs.readFileSync(file);
    for (let at = 0; at < bytes.length; at += 1 << 20) session.feed(bytes.subarray(at, at + (1 << 20)));
    session.finish();
    return JSON.parse(session.fitModels(JSON.stringify(request)));
  } finally {
    session.delete();
  }
}

async function openPage(locale, width = 1280) {
  const context = await fx.browser.newContext({ locale, viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(fx.server.url);
  const panel = filesPanel(page);
  await panel.files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 20000 });
  return { page, context, panel, errors };
}

/** Fits the shown file's customer base and answers its section and the request it was asked with. */
async function fit(page, timeoutMs = 60000) {
  const cb = page.locator('[data-testid="customer-base"]');
  // No fit yet: no info element (getAttribute on a missing element would wait for it, 30 s).
  const info = cb.locator('[data-testid="cb-fit-info"]');
  const before = (await info.count()) > 0 ? await info.getAttribute('data-request') : null;
  await cb.locator('[data-testid="cb-fit"]').click();
  await assertEventually(async () => {
    assert.equal(await cb.getAttribute('data-status'), 'done');
    assert.notEqual(await cb.locator('[data-testid="cb-fit-info"]').getAttribute('data-request'), before);
  }, timeoutMs);
  return { cb, request: JSON.parse(await cb.locator('[data-testid="cb-fit-info"]').getAttribute('data-request')) };
}

const raw = async (cb, testId) => Number(await cb.locator(`[data-testid="${testId}"]`).getAttribute('data-raw'));
const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} against ${b}`);
const chosen = (answer) => answer.base.find((b) => b.model === (answer.model_choice?.model ?? answer.base[0].model));

/** The figures shown are the node answer's, and the table lists every customer. */
async function assertShowsAnswer(cb, answer) {
  const base = chosen(answer);
  assert.equal(await cb.locator('[data-testid="cb-figures"]').getAttribute('data-model'), base.model);
  if (base.value !== null) near(await raw(cb, 'cb-value'), base.value, 'base value');
  near(await raw(cb, 'cb-expected'), base.expected_purchases, 'expected purchases');
  near(await raw(cb, 'cb-lost'), base.probably_lost_share, 'share probably lost');
  if (answer.model_choice) {
    const choice = cb.locator('[data-testid="cb-choice"]');
    assert.equal(await choice.getAttribute('data-model'), answer.model_choice.model);
    assert.equal(await choice.getAttribute('data-code'), answer.model_choice.code);
  }
  for (const m of answer.models) {
    const shown = cb.locator(`[data-model="${m.name}"] [data-param]`);
    assert.equal(await shown.count(), Object.keys(m.params).length, `${m.name}'s parameters`);
  }
  const all = cb.locator('[data-testid="cb-filter-all"]');
  assert.match(await all.innerText(), new RegExp(`\\(${answer.customers_total.toLocaleString('en-US').replace(',', '[,，]?')}\\)`));
}

/** Reads the visible rows of the customers' table: cells by column id. */
async function visibleRows(cb) {
  const table = cb.locator('[data-testid="cb-table"] table');
  const columns = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column')));
  const rows = await table.locator('tbody tr:not(.vt-gap)').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
  return rows.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i]])));
}

/** A number as the page printed it in either language: "$1,234.5", "56.5%", "¥1,234". */
const shownNumber = (text) => Number(text.replace(/[^0-9.\-−]/g, '').replace('−', '-'));

test('the customer-summary sample: figures, charts, every customer, the slipping-away rule, the CSV, the model as a source', async () => {
  const { page, context, panel, errors } = await openPage('en-US');
  try {
    await panel.files().locator('[data-testid="sample-customer_summary"]').click();
    const cb = page.locator('[data-testid="customer-base"]');
    await cb.waitFor();
    await cb.locator('[data-testid="cb-holdout-length"]').fill('26');
    await cb.locator('[data-testid="cb-holdout-length"]').dispatchEvent('change');
    const { request } = await fit(page);
    // The margin and the discount rate are the workspace's inputs (the sample company's).
    const margin = Number(await page.locator('[data-input="gross_margin"]').first().inputValue()) / 100;
    assert.equal(request.margin, margin);
    assert.equal(request.holdout, 26);
    assert.equal(request.time_unit, 'week');
    const answer = await nodeFit({ kind: 'customer_summary' }, sample('customer_summary.csv'), request);
    assert.deepEqual(answer.errors, []);
    await assertShowsAnswer(cb, answer);
    assert.equal(answer.customers_total, 600);
    // The value's horizon and rate are stated beside it: ten years at the workspace's rate, whichever model is chosen.
    const horizon = cb.locator('[data-testid="cb-value-horizon"]');
    assert.equal(Number(await horizon.getAttribute('data-years')), 10);
    assert.equal(Number(await horizon.getAttribute('data-rate')), answer.discount_rate);
    assert.match(await horizon.innerText(), /next 10 years.*a year/);
    // The charts: P(alive) and, with a holdout, actual against predicted by frequency 0..7+.
    await cb.locator('[data-chart="cb-p-alive"] svg').waitFor();
    await cb.locator('[data-chart="cb-holdout"] svg').waitFor();
    assert.match(await cb.locator('[data-chart="cb-holdout"] .chart-note').innerText(), /mean absolute error/);
    assert.equal(await cb.locator('[data-testid="cb-cohorts"]').count(), 0, 'a summary file has no dates, so no cohorts');
    // All 600 customers, sortable: sorting by P(alive) puts the least alive first.
    const table = cb.locator('[data-testid="cb-table"]');
    assert.match(await table.locator('[data-role="row-count"]').innerText(), /600/);
    await table.locator('th[data-column="p_alive"] button').click(); // numbers sort descending first
    await table.locator('th[data-column="p_alive"] button').click();
    const least = Math.min(...answer.customers.map((r) => r[answer.customer_columns.indexOf(`${chosen(answer).model}_p_alive`)]));
    const [first] = await visibleRows(cb);
    assert.ok(Math.abs(shownNumber(first.p_alive) / 100 - least) < 0.0006, `${first.p_alive} against ${least}`);
    // The whole table as CSV: a header and 600 rows.
    const [download] = await Promise.all([page.waitForEvent('download'), table.locator('[data-role="download-table"]').click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r\n/);
    assert.equal(csv.length, 601);
    // Slipping away: the rule holds on every row, and the count is the rule's on the node answer.
    await cb.locator('[data-testid="cb-filter-slipping"]').click();
    const threshold = Number(await cb.locator('[data-testid="cb-slipping-rule"]').getAttribute('data-threshold'));
    const cols = answer.customer_columns;
    const model = chosen(answer).model;
    const past = answer.customers.map((r) => r[cols.indexOf('x')] * r[cols.indexOf('mean_spend')]);
    const sorted = past.filter((v) => v > 0).sort((a, b) => b - a);
    near(threshold, sorted[Math.min(Math.ceil(0.2 * 600), sorted.length) - 1], 'top-20% threshold');
    const expected = answer.customers.filter((r, i) => past[i] >= threshold && past[i] > 0 && r[cols.indexOf(`${model}_p_alive`)] < 0.5).length;
    assert.ok(expected > 0);
    assert.match(await table.locator('[data-role="row-count"]').innerText(), new RegExp(`\\b${expected} rows`));
    const [slipCsv] = await Promise.all([page.waitForEvent('download'), table.locator('[data-role="download-table"]').click()]);
    const slipRows = fs.readFileSync(await slipCsv.path(), 'utf8').trim().split(/\r\n/).slice(1).map((l) => l.split(','));
    assert.equal(slipRows.length, expected);
    const head = fs.readFileSync(await slipCsv.path(), 'utf8').replace(/^\ufeff/, '').split(/\r\n/)[0].split(',');
    for (const row of slipRows) {
      assert.ok(Number(row[head.indexOf('P(alive)')]) < 0.5);
      assert.ok(Number(row[head.indexOf('Past value')]) >= threshold);
    }
    // The fitted CLV is LTV:CAC's input now, named as the model's.
    const field = page.locator('[data-field-key="cltv"]');
    await assertEventually(async () => assert.match(await field.locator('[data-role="field-source"]').innerText(), /fit of customer_summary\.csv/));
    const base = chosen(answer);
    assert.ok(Math.abs(Number(await field.locator('[data-input="cltv"]').inputValue()) - base.value / base.customers) < 0.01 * (base.value / base.customers));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('in Chinese: the same figures, the labels in Chinese', async () => {
  const { page, context, panel, errors } = await openPage('zh-CN', 390);
  try {
    await panel.files().locator('[data-testid="sample-customer_summary"]').click();
    const cb = page.locator('[data-testid="customer-base"]');
    await cb.waitFor();
    const { request } = await fit(page);
    const answer = await nodeFit({ kind: 'customer_summary' }, sample('customer_summary.csv'), request);
    await assertShowsAnswer(cb, answer);
    assert.equal(await cb.locator('#cb-title').innerText(), '客户群');
    assert.match(await cb.locator('[data-testid="cb-filter-slipping"]').innerText(), /正在流失的高价值客户/);
    // The figures name the chosen model, and the choice is worded in Chinese.
    const name = answer.model_choice.model === 'bg_nbd' ? 'BG\\/NBD' : 'Pareto\\/NBD';
    assert.match(await cb.locator('[data-testid="cb-figures"]').innerText(), new RegExp(`来自 ${name} 拟合`));
    assert.doesNotMatch(await cb.locator('[data-testid="cb-choice"]').innerText(), /likelihood|holdout|model/i);
    assert.match(await cb.locator('[data-testid="cb-holdout-none"]').innerText(), /保留期/);
    // No English left in the section's own texts (model names and parameters aside).
    const text = await cb.locator('[data-testid="cb-figures"]').innerText();
    assert.doesNotMatch(text, /customer|value|purchases/i);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the transactions sample with a holdout split: holdout chart, cohorts, every customer', async () => {
  const { page, context, panel, errors } = await openPage('en-US');
  try {
    await panel.files().locator('[data-testid="sample-transactions"]').click();
    const cb = page.locator('[data-testid="customer-base"]');
    await cb.waitFor();
    await cb.locator('[data-testid="cb-holdoutSplit"]').fill('2024-09-30');
    const { request } = await fit(page, 90000);
    assert.equal(request.calibration_end, '2024-09-30');
    assert.equal(request.holdout_end, '2025-02-25', 'the holdout runs to the file\'s last date');
    const answer = await nodeFit({ kind: 'transactions' }, sample('transactions.csv'), request);
    assert.deepEqual(answer.errors, []);
    await assertShowsAnswer(cb, answer);
    await cb.locator('[data-chart="cb-holdout"] svg').waitFor();
    // The cohort heatmap is a table: a row per month someone started in, the sizes as the answer's.
    const cohorts = cb.locator('[data-testid="cb-cohorts"]');
    const started = answer.cohorts.customers.filter((n) => n > 0);
    assert.equal(await cohorts.locator('tbody tr').count(), started.length);
    const sizes = await cohorts.locator('tbody tr td:first-of-type').allInnerTexts();
    assert.deepEqual(sizes.map(shownNumber), started);
    const ids = new Set(fs.readFileSync(sample('transactions.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1]));
    assert.equal(started.reduce((a, b) => a + b, 0), ids.size, 'every customer of the file in one cohort');
    await cohorts.locator('[data-testid="cb-cohort-measure"]').selectOption('revenue');
    assert.equal(await cohorts.getAttribute('data-measure'), 'revenue');
    assert.match(await cb.locator('[data-testid="cb-table"] [data-role="row-count"]').innerText(), new RegExp(`${answer.customers_total} rows`));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the subscriptions sample: the Kaplan-Meier curve with its band, the median lifetime', async () => {
  const { page, context, panel, errors } = await openPage('en-US');
  try {
    await panel.files().locator('[data-testid="sample-subscriptions"]').click();
    const cb = page.locator('[data-testid="customer-base"]');
    await cb.waitFor();
    const { request } = await fit(page);
    assert.deepEqual(request.models, ['km']);
    const answer = await nodeFit({ kind: 'subscriptions' }, sample('subscriptions.csv'), request);
    await cb.locator('[data-chart="cb-retention"] svg').waitFor();
    const median = await cb.locator('[data-testid="cb-median"]').getAttribute('data-raw');
    assert.equal(median === '' ? null : Number(median), answer.survival.median);
    // A year after the start (12 months): the last step at or before it; it is the annual retention input now.
    const t = answer.survival.columns.indexOf('time');
    const s = answer.survival.columns.indexOf('survival');
    const steps = answer.survival.rows.filter((r) => r[t] <= 12);
    const year = steps.length ? steps.at(-1)[s] : 1;
    near(await raw(cb, 'cb-year'), year, 'still active after a year');
    const field = page.locator('[data-field-key="annual_retention_rate"]');
    await assertEventually(async () => assert.match(await field.locator('[data-role="field-source"]').innerText(), /Kaplan–Meier fit of subscriptions\.csv/));
    assert.ok(Math.abs(Number(await field.locator('[data-input="annual_retention_rate"]').inputValue()) - year * 100) < 0.01);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('CDNOW (customer = sampleid, compact dates) shows its customer base', async (t) => {
  const file = path.join(shared, 'cdnow-btyd', 'cdnowElog.csv');
  if (!fs.existsSync(file)) return t.skip('no ../shared/data/cdnow-btyd');
  const { page, context, panel, errors } = await openPage('en-US');
  try {
    await panel.importFile(file, 'transactions', 30000);
    const result = panel.result();
    await result.locator('[data-testid="mapping-toggle"]').click();
    const mapping = result.locator('[data-testid="mapping"]');
    const before = await panel.lastImport();
    await mapping.locator('[data-map-field="customer_id"] select').selectOption({ label: 'sampleid' });
    await mapping.locator('[data-testid="mapping-apply"]').click();
    await assertEventually(async () => assert.ok((await panel.lastImport()) > before), 30000);
    assert.equal(await result.locator('[data-format-field="date"] [data-role="date-format"]').inputValue(), 'compact');
    const { cb, request } = await fit(page, 120000);
    const answer = await nodeFit({ kind: 'transactions', mapping: { customer_id: 'sampleid', date: 'date', amount: 'sales' }, date_formats: { date: 'compact' } }, file, request);
    assert.deepEqual(answer.errors, []);
    assert.equal(answer.customers_total, 2357);
    await assertShowsAnswer(cb, answer);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('Online Retail (47 MB) shows its customer base', { timeout: 600000 }, async (t) => {
  const file = path.join(shared, 'online-retail', 'online_retail.csv');
  if (!fs.existsSync(file)) return t.skip('no ../shared/data/online-retail');
  const { page, context, panel, errors } = await openPage('en-US');
  try {
    await panel.importFile(file, 'transactions', 240000);
    const { cb, request } = await fit(page, 300000);
    const answer = await nodeFit({ kind: 'transactions' }, file, request);
    assert.deepEqual(answer.errors, []);
    assert.ok(answer.customers_total > 4000, `${answer.customers_total} customers`);
    await assertShowsAnswer(cb, answer);
    await cb.locator('[data-chart="cb-p-alive"] svg').waitFor();
    assert.ok((await cb.locator('[data-testid="cb-cohorts"] tbody tr').count()) >= 12);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
