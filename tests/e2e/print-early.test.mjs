// End to end in Chromium (issue 16): a print at any moment holds the whole report. The page builds its
// report and the cards below the first screen later (when idle, a few per task), so a print right after
// the first answer — before any of that — must still get every KPI: the calculator builds the report
// on `beforeprint`, synchronously, before the browser lays the page out for print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2eFixture } from '../support/e2e-fixture.mjs';

const fx = e2eFixture('print-early');
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');

async function pdfText(bytes) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => item.str ?? '').join('');
  }
  await doc.destroy();
  return text.replace(/\s+/g, '');
}

const squeeze = (text) => text.replace(/\s+/g, '');
const TITLE = { 'en-US': 'Service value report', 'zh-CN': '服务价值报告' };

for (const locale of ['en-US', 'zh-CN']) {
  test(`${locale}: printed right after the first answer, the report holds every KPI`, async () => {
    const context = await fx.browser.newContext({ locale, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(fx.server.url);
      // The first computed value on screen: the idle build of the report is 2.5 s away.
      await page.locator('section.group article.kpi[data-kpi] [data-role="value"][data-raw]:not([data-raw=""])').first().waitFor({ timeout: 20000 });
      assert.equal(await page.locator('[data-testid="report"]').count(), 0, 'the report is not built yet when the print comes');
      const loadSample = await page.locator('[data-testid="load-sample"]').innerText();
      const printed = await pdfText(await page.pdf({ format: 'A4' }));
      // The report was printed, not the page: its title is there, the page's buttons are not.
      assert.equal(await page.locator('[data-testid="report"]').count(), 1, 'beforeprint built the report');
      assert.ok(printed.includes(squeeze(TITLE[locale])), `the report's title "${TITLE[locale]}" printed`);
      assert.ok(!printed.includes(squeeze(loadSample)), `the page's "${loadSample}" button is not printed`);

      // Every KPI the page computes, as its cards show it once they are all built.
      const cards = page.locator('section.group article.kpi[data-kpi]:not([data-band="empty"])');
      await page.waitForFunction(
        () => {
          const root = document.querySelector('servimetrics-calculator')?.shadowRoot;
          return root !== null && root !== undefined && root.querySelector('.unit-later') === null;
        },
        null,
        { timeout: 20000 },
      );
      const n = await cards.count();
      assert.ok(n >= 20, `the sample computes many KPIs (${n})`);
      for (const card of await cards.all()) {
        const id = await card.getAttribute('data-kpi');
        const name = await card.locator('h3').innerText();
        const value = await card.locator('[data-role="value"]').innerText();
        assert.ok(printed.includes(squeeze(name)), `${id}: its name "${name}" printed`);
        assert.ok(printed.includes(squeeze(value)), `${id}: its value "${value}" printed`);
      }
    } finally {
      await context.close();
    }
  });
}
