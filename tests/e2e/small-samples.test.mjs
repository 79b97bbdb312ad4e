// End to end in Chromium, in English and in Chinese (issue 12, items 7 and 8): a typed NPS from one
// promoter shows the small-sample warning and an interval that contains it; CSAT counts beside a
// typed average that differs show the counts' mean and a warning naming both; a survey file's trend
// rows from few responses are marked, with a legend; an NPS column mostly off the 0-10 scale is an
// error on the NPS card, not a score.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const fx = e2eFixture('samples');

const WORDS = {
  en: { small: 'Small sample', legend: 'fewer than 30', differs: 'counts’ mean is used', notComputed: 'not computed' },
  'zh-CN': { small: '样本量小', legend: '不足 30', differs: '已采用按人数计算的平均分', notComputed: '未计算' },
};


async function openPage(locale) {
  const context = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(fx.server.url);
  await page.locator('[data-input="promoters"]').waitFor({ timeout: 15000 });
  return page;
}

/** A survey file: 40 responses in January 2024, 5 in February (a small sample), all NPS 9 or 3. */
function surveyFile() {
  const lines = ['respondent_id,date,nps_score'];
  for (let i = 0; i < 45; i++) {
    const date = i < 40 ? `2024-01-${String(1 + (i % 28)).padStart(2, '0')}` : `2024-02-0${1 + (i - 40)}`;
    lines.push(`R${i},${date},${i % 4 === 0 ? 3 : 9}`);
  }
  const file = path.join(fx.tmp, 'survey-small-month.csv');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** 100 answers in an nps_score column given on 0-100: 80 lie off the 0-10 scale. */
function percentScaleFile() {
  const lines = ['respondent_id,nps_score'];
  for (let i = 0; i < 100; i++) lines.push(`R${i},${i < 80 ? 20 + (i % 9) * 10 : i % 11}`);
  const file = path.join(fx.tmp, 'nps-percent.csv');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

for (const locale of ['en', 'zh-CN']) {
  const words = WORDS[locale];

  test(`${locale}: a typed NPS from one promoter warns of its small sample, its interval holds 100`, async () => {
    const page = await openPage(locale);
    await page.locator('[data-input="promoters"]').fill('1');
    await page.locator('[data-input="passives"]').fill('0');
    await page.locator('[data-input="detractors"]').fill('0');
    const card = page.locator('[data-kpi="nps"]');
    const warning = card.locator('[data-role="warnings"] p[data-code="small_sample"]');
    await assertEventually(async () => assert.equal(await warning.count(), 1, 'the small-sample warning is shown'));
    const text = await warning.innerText();
    assert.ok(text.includes(words.small), text);
    assert.match(text, /\b1\b/, `the one case is named: ${text}`);
    assert.match(text, /\b30\b/, `the minimum is named: ${text}`);
    assert.equal(await card.locator('[data-role="value"]').getAttribute('data-raw'), '100');
    const interval = await card.locator('[data-role="interval"]').innerText();
    assert.match(interval, /-12\.2|−12\.2/, interval);
    assert.match(interval, /100/, interval);
    await page.context().close();
  });

  test(`${locale}: CSAT counts and a differing typed average show both`, async () => {
    const page = await openPage(locale);
    for (const [i, n] of [2, 3, 10, 40, 45].entries()) {
      await page.locator(`[data-input="csat_score_counts.${i}"]`).fill(String(n));
    }
    await page.locator('[data-input="csat_average"]').fill('3.9');
    const card = page.locator('[data-kpi="csat"]');
    const warning = card.locator('[data-role="warnings"] p[data-code="csat_average_differs"]');
    await assertEventually(async () => assert.equal(await warning.count(), 1, 'the contradiction is shown'));
    assert.equal(await card.locator('[data-role="value"]').getAttribute('data-raw'), '4.23');
    const text = await warning.innerText();
    assert.ok(text.includes('3.9') && text.includes('4.23') && text.includes(words.differs), text);
    // Typed as the counts' mean rounded, nothing contradicts.
    await page.locator('[data-input="csat_average"]').fill('4.2');
    await assertEventually(async () => assert.equal(await warning.count(), 0, 'no warning for 4.2'));
    await page.context().close();
  });

  test(`${locale}: a survey file's trend rows from few responses are marked, with a legend`, async () => {
    const page = await openPage(locale);
    const panel = filesPanel(page);
    await panel.importFile(surveyFile(), 'survey', 20000);
    const trend = panel.result().locator('[data-table="trend"]');
    await trend.waitFor({ timeout: 10000 });
    const rows = trend.locator('tbody tr');
    assert.equal(await rows.count(), 2);
    assert.equal(await rows.nth(0).getAttribute('data-small-sample'), null, 'January: 40 responses');
    assert.equal(await rows.nth(1).getAttribute('data-small-sample'), 'true', 'February: 5 responses');
    assert.equal((await rows.nth(1).locator('td[data-column="small_sample"]').innerText()).includes(words.small), true);
    assert.equal((await rows.nth(0).locator('td[data-column="small_sample"]').innerText()).trim(), '');
    const legend = await trend.locator('[data-role="small-sample-legend"]').innerText();
    assert.ok(legend.includes(words.legend), legend);
    await page.context().close();
  });

  test(`${locale}: scores mostly off their scale are an error on the card, not a score`, async () => {
    const page = await openPage(locale);
    const panel = filesPanel(page);
    await panel.importFile(percentScaleFile(), 'survey', 20000);
    const card = panel.result().locator('[data-kpi="nps"]');
    await card.waitFor({ timeout: 10000 });
    assert.equal(await card.getAttribute('data-band'), 'empty');
    const error = await card.locator('[data-role="error"]').innerText();
    assert.ok(error.includes('80') && error.includes('100') && error.includes(words.notComputed), error);
    await page.context().close();
  });
}
