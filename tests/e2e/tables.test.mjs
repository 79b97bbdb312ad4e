// End to end in Chromium (issue 13, item 5): a long answer table scrolls through all its rows, sorts
// by a column's header button (aria-sort), filters, and downloads every row of its view as CSV with a
// BOM; a generated file of 400,000 customers shows, sorts, filters and downloads all of them. Each
// kind's sample gets its charts (title, drawing, text summary), in English and in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const fx = e2eFixture('tables');
const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../public/samples');

async function openPage(locale, width = 1280) {
  const context = await fx.browser.newContext({ locale, viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(fx.server.url);
  await page.locator('[data-input="promoters"]').waitFor({ timeout: 15000 });
  return page;
}

function numberIn(text) {
  return Number(text.replace(/[^\d.-]/g, ''));
}

/** The texts of the rows now in the DOM, by aria-rowindex (2 = the first row). */
async function shownRows(table) {
  return table.locator('tbody tr[aria-rowindex]').evaluateAll((rows) =>
    rows.map((r) => ({ index: Number(r.getAttribute('aria-rowindex')), cells: [...r.querySelectorAll('td')].map((td) => td.textContent.trim()) })),
  );
}

async function scrollTo(table, fraction) {
  await table.locator('[data-role="table-scroll"]').evaluate((el, f) => {
    el.scrollTop = f * (el.scrollHeight - el.clientHeight);
  }, fraction);
}

async function download(page, table) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), table.locator('[data-role="download-table"]').click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

/** 400,000 customers with one order each; customer i pays 1 + (i × 7919 mod 400,000): every amount from 1 to 400,000 once. */
const BIG = 400_000;
const amountOf = (i) => 1 + ((i * 7919) % BIG);
function bigFile() {
  const file = path.join(fx.tmp, 'many-customers.csv');
  const lines = ['customer_id,date,amount'];
  for (let i = 0; i < BIG; i++) {
    const day = new Date(Date.UTC(2024, 0, 1 + (i % 365))).toISOString().slice(0, 10);
    lines.push(`C${String(i).padStart(6, '0')},${day},${amountOf(i)}`);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

test('the transactions sample: customers scroll, sort, filter and download whole', async () => {
  const page = await openPage('en');
  const panel = filesPanel(page);
  await panel.importFile(path.join(samples, 'transactions.csv'), 'transactions', 30000);
  const table = panel.result().locator('[data-table="customers"]');
  await table.waitFor();
  const total = numberIn(await table.locator('[data-role="row-count"]').innerText());
  assert.ok(total > 12, `customers: ${total}`);
  assert.equal(await table.locator('table').getAttribute('aria-rowcount'), String(total + 1));
  // Fewer rows in the DOM than in the table; the last one is reached by scrolling.
  assert.ok((await shownRows(table)).length < total);
  await scrollTo(table, 1);
  await assertEventually(async () => assert.ok((await shownRows(table)).some((r) => r.index === total + 1 && r.cells[0] !== '…')), 5000);

  // Sort by revenue: the first click puts the largest first, the second the smallest.
  const revenue = table.locator('th[data-column="revenue"]');
  await revenue.locator('button').click();
  await assertEventually(async () => assert.equal(await revenue.getAttribute('aria-sort'), 'descending'));
  const { text: desc } = await download(page, table);
  assert.ok(desc.startsWith('\ufeff'), 'a byte-order mark');
  const lines = desc.replace(/^\ufeff/, '').trim().split('\r\n');
  assert.equal(lines.length, total + 1, 'the header and every row');
  assert.match(lines[0], /^Customer,Orders,Revenue,First purchase,/, "the columns titled as on the page");
  const amounts = lines.slice(1).map((l) => Number(l.split(',')[2]));
  for (let k = 1; k < amounts.length; k++) assert.ok(amounts[k - 1] >= amounts[k], `row ${k}: ${amounts[k - 1]} then ${amounts[k]}`);
  await revenue.locator('button').press('Enter'); // a header is a button: the keyboard sorts too
  assert.equal(await revenue.getAttribute('aria-sort'), 'ascending');
  await assertEventually(async () => assert.equal(numberIn((await shownRows(table))[0].cells[2]), Math.min(...amounts)), 5000);

  // The filter narrows to the rows holding its text, case-insensitively.
  const firstId = lines[1].split(',')[0];
  await table.locator('[data-role="table-filter"]').fill(firstId.toLowerCase());
  await assertEventually(async () => assert.match(await table.locator('[data-role="row-count"]').innerText(), new RegExp(`^\\d+ of ${total} match$`)), 5000);
  const matching = await shownRows(table);
  assert.ok(matching.length >= 1 && matching.every((r) => r.cells[0].toLowerCase().includes(firstId.toLowerCase())));
  const { text: filtered, name } = await download(page, table);
  assert.equal(name, 'transactions-customers.csv');
  assert.equal(filtered.replace(/^\ufeff/, '').trim().split('\r\n').length, matching.length + 1);
  await page.context().close();
});

test('zh-CN: the row count, filter label and downloaded column titles are Chinese', async () => {
  const page = await openPage('zh-CN', 390);
  const panel = filesPanel(page);
  await panel.importFile(path.join(samples, 'transactions.csv'), 'transactions', 30000);
  const table = panel.result().locator('[data-table="customers"]');
  await table.waitFor();
  assert.match(await table.locator('[data-role="row-count"]').innerText(), /^\d+ 行$/);
  assert.match(await table.locator('label').innerText(), /筛选行/);
  await table.locator('[data-role="table-filter"]').fill('C00');
  await assertEventually(async () => assert.match(await table.locator('[data-role="row-count"]').innerText(), /^\d+ 行中 \d+ 行符合$/), 5000);
  const { text } = await download(page, table);
  const [header, ...rows] = text.replace(/^\ufeff/, '').trim().split('\r\n');
  assert.match(header, /^[^,]*[\u4e00-\u9fff][^,]*,/, header);
  assert.ok(rows.length > 0 && rows.every((r) => r.startsWith('C00')), 'only the matching rows');
  await page.context().close();
});

test('400,000 customers: every row reachable, sorted by revenue, filtered and downloaded', { timeout: 600000 }, async () => {
  const page = await openPage('en');
  const panel = filesPanel(page);
  await panel.importFile(bigFile(), 'transactions', 240000);
  const table = panel.result().locator('[data-table="customers"]');
  await table.waitFor();
  assert.equal(await table.locator('[data-role="row-count"]').innerText(), '400,000 rows');
  assert.equal(await table.locator('[data-role="partial-rows"]').count(), 0);
  // Past the answer's first 1,000 rows: the middle and the end come from the worker.
  for (const [fraction, index] of [[0.5, null], [1, BIG + 1]]) {
    await scrollTo(table, fraction);
    await assertEventually(async () => {
      const rows = await shownRows(table);
      assert.ok(rows.length > 0 && rows.length < 60, `${rows.length} rows in the DOM`);
      assert.ok(rows.every((r) => r.cells[0] !== '…'), 'rows have arrived');
      if (index) assert.ok(rows.some((r) => r.index === index), `row ${index} shown`);
      else assert.ok(rows.some((r) => r.index > 150_000 && r.index < 250_000), 'the middle rows shown');
    }, 60000);
  }
  const revenue = table.locator('th[data-column="revenue"] button');
  await revenue.click();
  await revenue.click(); // ascending
  await assertEventually(async () => {
    const first = (await shownRows(table))[0];
    assert.equal(first?.cells[0], 'C000000'); // pays 1, the least
    assert.equal(numberIn(first.cells[2]), 1);
  }, 60000);
  await revenue.click(); // descending: 400,000 first
  const top = (() => {
    let best = 0;
    for (let i = 1; i < BIG; i++) if (amountOf(i) > amountOf(best)) best = i;
    return `C${String(best).padStart(6, '0')}`;
  })();
  await assertEventually(async () => {
    const first = (await shownRows(table))[0];
    assert.equal(first?.cells[0], top);
    assert.equal(numberIn(first.cells[2]), BIG);
  }, 60000);
  await table.locator('[data-role="table-filter"]').fill('c01234');
  await assertEventually(async () => assert.equal(await table.locator('[data-role="row-count"]').innerText(), '10 of 400,000 match'), 60000);
  const { text: few } = await download(page, table);
  const ids = few.replace(/^\ufeff/, '').trim().split('\r\n').slice(1).map((l) => l.split(',')[0]);
  assert.deepEqual([...ids].sort(), Array.from({ length: 10 }, (_, k) => `C01234${k}`));
  await table.locator('[data-role="table-filter"]').fill('');
  await assertEventually(async () => assert.equal(await table.locator('[data-role="row-count"]').innerText(), '400,000 rows'), 60000);
  const { text: all } = await download(page, table);
  assert.ok(all.startsWith('\ufeff'));
  const lines = all.slice(1).trim().split('\r\n');
  assert.equal(lines.length, BIG + 1, 'every row and the header');
  assert.equal(new Set(lines.slice(1).map((l) => l.split(',')[0])).size, BIG, 'each customer once');
  assert.equal(Number(lines[1].split(',')[2]), BIG, 'still sorted, largest first');
  await page.context().close();
});

const CHARTS = {
  en: { transactions: ['Revenue and orders by period', 'Customers by value segment'], subscriptions: ['Churn rate by period'], survey: ['NPS over time'], tickets: ['How long tickets waited for a first response'] },
  'zh-CN': { transactions: ['各期收入与订单', '各价值客户群的客户数'], subscriptions: ['各期流失率'], survey: ['NPS 走势'], tickets: ['工单等待首次响应的时长'] },
};

for (const locale of ['en', 'zh-CN']) {
  test(`${locale}: each kind's sample has its charts, titled, drawn and summarised`, async () => {
    const page = await openPage(locale, 390);
    const panel = filesPanel(page);
    for (const [kind, titles] of Object.entries(CHARTS[locale])) {
      await panel.importFile(path.join(samples, `${kind}.csv`), kind, 30000);
      const charts = panel.result().locator('[data-testid="kind-charts"] figure[data-chart]');
      assert.deepEqual(await charts.locator('figcaption').allInnerTexts(), titles, kind);
      for (let k = 0; k < titles.length; k++) {
        const chart = charts.nth(k);
        const svg = chart.locator('svg[role="img"]');
        await svg.waitFor({ timeout: 5000 });
        const width = Number(await svg.getAttribute('width'));
        assert.ok(width > 200 && width <= 390, `${kind} chart ${k} is ${width} px wide`);
        assert.ok((await chart.locator('rect.bar, path.series-line').count()) > 0, `${kind} chart ${k} draws something`);
        const summary = await chart.locator('[data-role="chart-summary"]').textContent();
        assert.equal(await svg.getAttribute('aria-labelledby'), await chart.locator('[data-role="chart-summary"]').getAttribute('id'));
        assert.ok(summary.length > 20, summary);
        if (locale === 'zh-CN') assert.match(summary, /最高/);
        else assert.match(summary, /highest/);
      }
    }
    // The tickets' response bands: five bars, their tickets adding up to the answered ones.
    const bands = panel.result().locator('[data-table="response_bands"] tbody tr');
    assert.equal(await bands.count(), 5);
    await page.context().close();
  });
}
