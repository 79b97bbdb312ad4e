// Benchmark (not a test): the what-if engine as the page uses it, in its worker, on the built page in
// headless Chromium with the sample company and three scenarios. For a slider move (all scenarios
// recomputed), a full tornado, a goal seek and 10,000 Monte Carlo draws it prints the median and range
// of the round trip (page → worker → page, answer parsed) and of the call inside the worker, as the
// page reports them in its `servimetrics-whatif` events (views/whatif-controller.ts).
// Run after ./scripts/build page: node bench/whatif-page.mjs  (RUNS=100 by default)
import { launchChromium } from '../tests/support/browser.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';

const runs = Number(process.env.RUNS ?? 100);
const server = await startStaticServer();
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(() => {
  globalThis.__whatif = [];
  document.addEventListener('servimetrics-whatif', (e) => {
    const { question, roundTripMs, workerMs } = e.detail;
    globalThis.__whatif.push({ question, roundTripMs, workerMs });
  });
});
await page.goto(server.url);
const root = '[data-testid="whatif-section"]';
await page.locator(`${root} [data-testid="compare-table"] td[data-scenario="s1"][data-raw]`).first().waitFor({ timeout: 30000 });
// Three scenarios: the sample's own, and the two rules of thumb.
await page.locator('[data-testid="start-retention_5"]').click();
await page.locator('[data-testid="start-cac_10"]').click();
await page.locator('[data-testid="compare-table"] td[data-scenario="s3"][data-raw]').first().waitFor();

/**
 * Runs `act` in the page `count` times (with `i`), each time waiting for the answer to `question`
 * and for the worker to be idle; answers the round-trip and worker times.
 */
async function measure(question, count, act) {
  const samples = [];
  for (let i = 0; i < count + 3; i++) {
    await page.evaluate(() => (globalThis.__whatif.length = 0));
    await act(i);
    const got = await page.waitForFunction((q) => globalThis.__whatif.find((r) => r.question === q), question, { timeout: 10000 });
    const r = await got.jsonValue();
    // Let the other questions a change also asks finish, so the next round starts with an idle worker.
    await page.waitForTimeout(question === 'monte_carlo' ? 30 : 15);
    if (i >= 3) samples.push(r); // the first rounds warm up
  }
  return samples;
}

const shadow = (selector) => `document.querySelector('servimetrics-calculator').shadowRoot.querySelector('${selector}')`;
const setValue = (selector, value, event) =>
  page.evaluate(`(() => { const el = ${shadow(selector)}; el.value = ${JSON.stringify(String(value))}; el.dispatchEvent(new Event('${event}', { bubbles: true })); })()`);

const results = {};
const slider = await page.locator('[data-testid="slider-retention_rate"]');
const min = Number(await slider.getAttribute('min'));
const step = Number(await slider.getAttribute('step'));
results['slider move: baseline + 3 scenarios'] = await measure('scenarios', runs, (i) =>
  setValue('[data-testid="slider-retention_rate"]', (min + step * (100 + (i % 20))).toFixed(4), 'input'),
);
results['full tornado: 17 levers ±10%'] = await measure('tornado', runs, (i) =>
  setValue('[data-testid="tornado-output"]', i % 2 ? 'cumulative_profit' : 'cltv', 'change'),
);
results['goal seek: retention / CAC for LTV:CAC = 3'] = await measure('goal', runs, (i) =>
  page.locator(`[data-testid="goal-ready-${i % 2}"]`).click(),
);
for (const lever of ['retention_rate', 'cac', 'avg_order_value']) {
  await page.locator('[data-testid="mc-add-lever"]').selectOption(lever);
  await page.locator('[data-testid="mc-add"]').click();
}
await page.locator('[data-testid="mc-chance"]').waitFor({ timeout: 10000 });
results['Monte Carlo: 10,000 draws, 3 ranged levers, 5 years'] = await measure('monte_carlo', Math.max(20, Math.round(runs / 5)), (i) =>
  setValue('[data-testid="mc-target-value"]', i % 2 ? '3' : '2.5', 'change'),
);

const stats = (values) => {
  const v = [...values].sort((a, b) => a - b);
  return { median: v[v.length >> 1], min: v[0], max: v[v.length - 1] };
};
const ms = (x) => `${x.toFixed(2)} ms`;
const version = browser.version();
console.log(`# what-if in the page's worker, Chromium ${version}, ${new Date().toISOString().slice(0, 10)}`);
for (const [name, samples] of Object.entries(results)) {
  const trip = stats(samples.map((s) => s.roundTripMs));
  const worker = stats(samples.map((s) => s.workerMs));
  console.log(
    `${name}: round trip median ${ms(trip.median)} (${ms(trip.min)} to ${ms(trip.max)}); in the worker median ${ms(worker.median)} (${ms(worker.min)} to ${ms(worker.max)}); ${samples.length} runs`,
  );
}
await browser.close();
await server.close();
