// End to end in Chromium (issue 13, item 4): "Print report" prints a plain document, not the page.
// The sample company's page, with a company name typed, is printed to an A4 PDF and read back with
// pdf.js: a few pages, the title, the company, the KPIs' names and values as the page shows them, and
// none of the page's forms, buttons or drop zone; the same in Chinese. The KPI downloads: the CSV
// starts with the byte-order mark and lists every KPI the page computed, the JSON describes itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { e2eFixture } from '../support/e2e-fixture.mjs';

const fx = e2eFixture('report');
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');

const WORDS = {
  'en-US': { title: 'Service value report', company: 'Acme Field Services Ltd.', churn: 'Customer churn rate' },
  'zh-CN': { title: '服务价值报告', company: '华东设备服务有限公司', churn: '客户流失率' },
};

/** Each page's text, whitespace removed (pdf.js splits runs of text where it likes). */
async function pdfPages(bytes) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => item.str ?? '').join('').replace(/\s+/g, ''));
  }
  await doc.destroy();
  return pages;
}

const squeeze = (text) => text.replace(/\s+/g, '');

async function openSample(locale) {
  const context = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(fx.server.url);
  await page.locator('[data-testid="projection-chart"]').first().waitFor({ timeout: 15000 });
  return { context, page };
}

/** The computed KPI cards of the calculator's groups: id, name and value as shown, and the raw value. */
async function computedCards(page) {
  const cards = page.locator('section.group article.kpi[data-kpi]:not([data-band="empty"])');
  const out = [];
  for (const card of await cards.all()) {
    out.push({
      id: await card.getAttribute('data-kpi'),
      name: await card.locator('h3').innerText(),
      value: await card.locator('[data-role="value"]').innerText(),
      raw: Number(await card.locator('[data-role="value"]').getAttribute('data-raw')),
      rule: await card.locator('[data-role="rule"]').innerText(),
    });
  }
  return out;
}

/** Texts of the page's controls that must not be printed. */
async function controlTexts(page) {
  const texts = [
    await page.locator('[data-testid="print-report"]').innerText(),
    await page.locator('[data-testid="load-sample"]').innerText(),
    await page.locator('[data-testid="reset-scenario"]').innerText(),
    await page.locator('[data-testid="file-drop"] strong').innerText(),
    await page.locator('[data-testid="export-bar"] label.company > span').innerText(),
  ];
  const fieldLabel = await page.locator('input[data-input="lifespan_years"]').evaluate((input) => input.getRootNode().querySelector(`label[for="${input.id}"]`)?.textContent ?? '');
  texts.push(fieldLabel);
  for (const t of texts) assert.ok(squeeze(t).length > 2, `a control text was read: "${t}"`);
  return texts;
}

for (const locale of ['en-US', 'zh-CN']) {
  test(`${locale}: Print report gives a few A4 pages of results, none of the page's controls`, async () => {
    const words = WORDS[locale];
    const { context, page } = await openSample(locale);
    try {
      await page.locator('[data-testid="report-company"]').fill(words.company);
      const cards = await computedCards(page);
      assert.ok(cards.length >= 20, `the sample computes many KPIs (${cards.length})`);
      const controls = await controlTexts(page);

      const pages = await pdfPages(await page.pdf({ format: 'A4' }));
      // The sample company prints on 4 pages (34 KPIs in two columns, the what-if chart and table).
      assert.ok(pages.length >= 2 && pages.length <= 6, `${pages.length} pages`);
      assert.ok(pages.every((p) => p.length > 40), 'no empty page');
      const all = pages.join('');
      assert.ok(pages[0].includes(squeeze(words.title)), 'the title on the first page');
      assert.ok(pages[0].includes(squeeze(words.company)), 'the company name on the first page');
      assert.ok(all.includes(squeeze(words.churn)), `"${words.churn}" printed`);
      for (const card of cards) {
        assert.ok(all.includes(squeeze(card.name)), `${card.id}: its name "${card.name}" printed`);
        assert.ok(all.includes(squeeze(card.value)), `${card.id}: its value "${card.value}" printed`);
        // A card is not split: its name, value and rule are printed on one page.
        const whole = pages.some((p) => [card.name, card.value, card.rule].every((t) => p.includes(squeeze(t))));
        assert.ok(whole, `${card.id}: name, value and rule "${card.rule}" on one page`);
      }
      for (const text of controls) assert.ok(!all.includes(squeeze(text)), `"${text}" is not printed`);

      // On screen, the report stays hidden.
      assert.equal(await page.locator('[data-testid="report"]').isVisible(), false);
    } finally {
      await context.close();
    }
  });
}

test('the KPIs download as CSV (BOM, every computed KPI) and as self-describing JSON', async () => {
  const { context, page } = await openSample('en-US');
  try {
    await page.locator('[data-testid="report-company"]').fill('Acme, "the" company');
    const cards = await computedCards(page);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-kpis-csv"]').click()]);
    assert.match(csvDownload.suggestedFilename(), /^servimetrics-kpis-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await csvDownload.path(), 'utf8');
    assert.ok(csv.startsWith('\ufeffID,KPI,Group,Value,Unit,Formatted value,'), csv.slice(0, 60));
    const lines = csv.slice(1).split('\r\n');
    for (const card of cards) {
      const line = lines.find((l) => l.startsWith(`${card.id},`));
      assert.ok(line, `${card.id} is in the CSV`);
      assert.ok(line.includes(`,${card.raw},`), `${card.id}: its raw value ${card.raw}`);
    }

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-kpis-json"]').click()]);
    assert.match(jsonDownload.suggestedFilename(), /^servimetrics-kpis-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(fs.readFileSync(await jsonDownload.path(), 'utf8'));
    assert.equal(doc.format, 'servimetrics-export');
    assert.equal(doc.company, 'Acme, "the" company');
    assert.equal(doc.lang, 'en');
    assert.deepEqual(doc.kpis.map((k) => k.id).sort(), cards.map((c) => c.id).sort());
    // Each KPI names where its inputs came from (here, all from the sample company).
    assert.equal(doc.kpis.find((k) => k.id === 'churn_rate')?.source, 'the sample company');

    const [scenario] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-scenario-csv"]').click()]);
    const rows = fs.readFileSync(await scenario.path(), 'utf8').split('\r\n');
    assert.ok(rows[0].startsWith('\ufeffSection,ID,Name,Year,Baseline,Scenario'), rows[0]);
    assert.equal(rows.filter((r) => r.startsWith('year,revenue,')).length, 5);
  } finally {
    await context.close();
  }
});
