import { startStaticServer } from './static-server.mjs';
import { launchChromium } from './browser.mjs';
import { filesPanel } from './files-panel.mjs';
const server = await startStaticServer();
const browser = await launchChromium();
for (const [locale, width] of [['en-US', 1440], ['zh-CN', 390]]) {
  const ctx = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.locator('[data-kpi="clv"] [data-role="value"]').first().waitFor();
  const panel = filesPanel(page);
  await panel.files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
  await panel.importFile('public/samples/transactions.csv', 'auto');
  await page.locator('[data-input="purchases_per_year"]').first().fill('5');
  await page.waitForTimeout(600);
  await page.locator('[data-group="customer"]').screenshot({ path: `/tmp/shots/group-${locale}-${width}.png` });
  await page.locator('[data-testid="whatif-section"]').screenshot({ path: `/tmp/shots/whatif-${locale}-${width}.png` });
  await ctx.close();
}
await browser.close(); await server.close();
