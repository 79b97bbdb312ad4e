// The section bar follows the page: scrolled to a section (the files panel included, which renders
// after the others), its button is the highlighted one; and scrolling back up in small steps, the
// highlight is always the first section inside the observed band (the top 45% under the bar).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startStaticServer } from '../support/static-server.mjs';
import { launchChromium } from '../support/browser.mjs';

let server;
let browser;
before(async () => {
  server = await startStaticServer();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const width of [1440, 375]) {
  test(`the highlighted section follows the scroll at ${width} px`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 860 } });
    try {
      await page.goto(server.url);
      await page.locator('[data-kpi="clv"] [data-role="value"][data-raw]').waitFor();
      for (const id of ['files', 'whatif', 'group-customer', 'files', 'group-financial']) {
        await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.waitForFunction(
          (want) => document.querySelector('servimetrics-calculator')?.shadowRoot
            ?.querySelector('nav button.active')?.getAttribute('data-nav') === want,
          id, { timeout: 3000 },
        ).catch(() => {});
        assert.equal(await page.locator('nav button.active').getAttribute('data-nav'), id, `scrolled to ${id}`);
        assert.equal(await page.locator('nav button[aria-current="true"]').count(), 1);
      }
      // Small steps upward: sections leave the band while others stay in it.
      await page.locator('#whatif').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      for (let step = 0; step < 40; step++) {
        await page.evaluate(() => window.scrollBy(0, -180));
        await page.waitForTimeout(120);
        const [expected, shown] = await page.evaluate(() => {
          const root = document.querySelector('servimetrics-calculator').shadowRoot;
          const bandTop = 60;
          const bandBottom = window.innerHeight * 0.45;
          const first = [...root.querySelectorAll('section[id]')].find((el) => {
            const r = el.getBoundingClientRect();
            return r.bottom > bandTop && r.top < bandBottom;
          });
          return [first?.id ?? null, root.querySelector('nav button.active')?.getAttribute('data-nav') ?? null];
        });
        if (expected) assert.equal(shown, expected, `step ${step}`);
      }
    } finally {
      await page.close();
    }
  });
}
