// A consultant's meeting with the sample company, in English and in Chinese (issue 14): three named
// scenarios made by typing values, compared side by side (every figure checked against the wasm engine
// asked here with the same baseline and changes), a tornado (the order of its bars), a goal seek (its
// answer, applied to the scenario, and a target out of reach), a Monte Carlo band (P10 ≤ P50 ≤ P90 and
// the chance of a target), then a reload and a shared link that both bring the scenarios back; and a rule
// of thumb as a starting point, its quoted claim shown as a claim beside what the model gives.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';

// The wasm module's Emscripten glue expects CommonJS globals under node (tests/wasm/setup.mjs).
globalThis.require = createRequire(import.meta.url);
globalThis.__dirname = path.dirname(fileURLToPath(import.meta.url));
const { loadModule, root } = await import('../wasm/module.mjs');

const fx = e2eFixture('consultant');
let m;
before(async () => {
  m = await loadModule();
});
const ask = (request) => JSON.parse(m.whatif(JSON.stringify(request)));

const sample = JSON.parse(fs.readFileSync(path.join(root, 'public/samples/sample-company.json'), 'utf8'));
const { inputs } = sample;
// The sample company's baseline, read here from its inputs as docs/WHATIF.md says the page reads them.
const BASELINE = {
  starting_customers: inputs.customers_end,
  retention_rate: inputs.annual_retention_rate,
  avg_order_value: inputs.avg_purchase_value,
  purchases_per_year: inputs.purchases_per_year,
  gross_margin: inputs.gross_margin,
  cac: inputs.sales_marketing_spend / inputs.new_customers,
  new_customers_per_year: inputs.new_customers_per_year,
  discount_rate: inputs.discount_rate,
  investment_one_off: inputs['digital_transformation_roi.investment'],
  benefit_per_year: inputs.benefit_3y / 3,
};

const WORDS = {
  'en-US': {
    lang: 'en',
    names: ['Keep more customers', 'Cheaper acquisition', 'Both levers'],
    reached: /A retention rate of .+ brings LTV:CAC to 3×\./,
    unreachable: /no retention rate brings LTV:CAC to 30×\. The closest is/,
    chance: /in \d+(\.\d)?% of draws/,
    saved: 'Saved in this browser',
    claim: /25% to 95%.*A claim to test, not a result/,
    assumption: /Assumption/i,
  },
  'zh-CN': {
    lang: 'zh-CN',
    names: ['多留住客户', '降低获客成本', '两者兼顾'],
    reached: /客户留存率为 .+ 时，LTV:CAC为 3 倍。/,
    unreachable: /没有任何客户留存率能使LTV:CAC达到 30 倍。最接近的是/,
    chance: /\d+(\.\d)?% 的抽样中/,
    saved: '已保存在此浏览器中',
    claim: /25% 至 95%.*这是待检验的说法，不是结果/,
    assumption: /假设/,
  },
};

const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: page ${a}, engine ${b}`);

/** Types a value into a lever's number field and leaves the field (a change event). */
async function typeLever(page, key, text) {
  const field = page.locator(`[data-testid="type-${key}"]`);
  await field.fill(text);
  await field.press('Enter');
  await field.blur();
}

async function nameScenario(page, name) {
  const field = page.locator('[data-testid="scenario-name"]');
  await field.fill(name);
  await field.press('Enter');
  await field.blur();
}

/** The compare table's raw value of an output for a scenario column ("baseline", "s1", ...). */
async function raw(page, output, id) {
  const text = await page.locator(`[data-testid="compare-table"] tr[data-output="${output}"] td[data-scenario="${id}"]`).getAttribute('data-raw');
  return Number(text);
}

async function scenarioNames(page) {
  return page.locator('[data-testid="scenario-select"] option').allInnerTexts();
}

/** Builds the three scenarios by typing, as the consultant does in the meeting. */
async function makeScenarios(page, names) {
  // The sample opens with its own scenario: it becomes the first one, reset and typed anew.
  await page.locator('[data-testid="reset-scenario"]').click();
  await nameScenario(page, names[0]);
  await typeLever(page, 'retention_rate', '87.5');
  await page.locator('[data-testid="scenario-new"]').click();
  await nameScenario(page, names[1]);
  await typeLever(page, 'cac', '23,400');
  await page.locator('[data-testid="scenario-duplicate"]').click();
  await nameScenario(page, names[2]);
  await typeLever(page, 'retention_rate', '87.5');
  await assertEventually(async () => assert.deepEqual(await scenarioNames(page), names));
}

const SCENARIOS = [
  { name: 's1', changes: { retention_rate: { add: 0.875 - BASELINE.retention_rate } } },
  { name: 's2', changes: { cac: { mul: 23400 / BASELINE.cac } } },
  { name: 's3', changes: { cac: { mul: 23400 / BASELINE.cac }, retention_rate: { add: 0.875 - BASELINE.retention_rate } } },
];

async function compareSideBySide(page) {
  const answer = ask({ baseline: BASELINE, scenarios: SCENARIOS });
  assert.deepEqual(answer.errors, []);
  for (const output of ['cumulative_profit', 'ltv_cac', 'cltv', 'churn', 'roi', 'npv', 'cac_payback_months']) {
    for (const [i, id] of ['baseline', 's1', 's2', 's3'].entries()) {
      await assertEventually(async () => near(await raw(page, output, id), answer.scenarios[i].kpis[output].value, `${output} of ${id}`));
    }
  }
  // Each scenario's line is on the one chart, and its yearly revenue in the table.
  assert.equal(await page.locator('[data-testid="projection-chart"] g.line').count(), 4);
  const year5 = page.locator('[data-testid="projection-table"] tr[data-year="5"] td');
  await page.locator('[data-testid="metric-revenue"]').click();
  await assertEventually(async () => near(Number(await year5.nth(3).getAttribute('data-raw')), answer.scenarios[3].years.revenue[4], 'year 5 revenue of s3'));
  return answer;
}

async function tornado(page) {
  await page.locator('[data-testid="tornado-output"]').selectOption('ltv_cac');
  const expected = ask({ baseline: BASELINE, scenarios: SCENARIOS, tornado: { output: 'ltv_cac', step: 0.1, scenario: 's3' } });
  const order = expected.tornado.bars.filter((b) => b.swing > 0).map((b) => b.lever);
  assert.ok(order.length >= 4, `levers that move LTV:CAC: ${order}`);
  await assertEventually(async () =>
    assert.deepEqual(await page.locator('[data-testid="tornado-chart"] g.bar').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-lever'))), order),
  );
}

async function goalSeek(page, words) {
  await page.locator('[data-testid="goal-ready-0"]').click(); // retention for LTV:CAC = 3
  const expected = ask({ baseline: BASELINE, scenarios: SCENARIOS, goal: { lever: 'retention_rate', output: 'ltv_cac', target: 3, scenario: 's3' } });
  assert.equal(expected.goal.status, 'reached');
  const answer = page.locator('[data-testid="goal-answer"]');
  await assertEventually(async () => near(Number(await answer.getAttribute('data-value')), expected.goal.value, 'retention for LTV:CAC = 3'));
  assert.match(await answer.innerText(), words.reached);
  await page.locator('[data-testid="goal-apply"]').click();
  await assertEventually(async () => assert.ok(Math.abs((await raw(page, 'ltv_cac', 's3')) - 3) < 1e-6, 'the applied answer gives LTV:CAC 3'));

  // Out of reach: the closest value is said.
  const target = page.locator('[data-testid="goal-target"]');
  await target.fill('30');
  await target.press('Enter');
  const applied = { ...SCENARIOS[2], changes: { ...SCENARIOS[2].changes, retention_rate: { add: expected.goal.value - BASELINE.retention_rate } } };
  const far = ask({ baseline: BASELINE, scenarios: [applied], goal: { lever: 'retention_rate', output: 'ltv_cac', target: 30, scenario: 's3' } });
  assert.equal(far.goal.status, 'unreachable');
  await assertEventually(async () => assert.equal(await answer.getAttribute('data-status'), 'unreachable'));
  near(Number(await answer.getAttribute('data-value')), far.goal.best.value, 'the best reachable retention');
  assert.match(await answer.innerText(), words.unreachable);
  return applied;
}

async function monteCarlo(page, words, applied) {
  await page.locator('[data-testid="mc-add-lever"]').selectOption('retention_rate');
  await page.locator('[data-testid="mc-add"]').click();
  const pct = async (part) => Number(await page.locator(`[data-testid="mc-retention_rate-${part}"]`).inputValue()) / 100;
  const range = { low: await pct('low'), likely: await pct('likely'), high: await pct('high') };
  assert.ok(range.low < range.likely && range.likely < range.high, JSON.stringify(range));
  const chance = page.locator('[data-testid="mc-chance"]');
  await chance.waitFor({ timeout: 15000 });
  await page.locator('[data-testid="mc-band"]').waitFor();
  const expected = ask({
    baseline: BASELINE,
    scenarios: [applied],
    monte_carlo: { draws: 10000, seed: 1, scenario: 's3', ranges: { retention_rate: range }, target: { output: 'ltv_cac', at_least: 3 } },
  });
  const p = Number(await chance.getAttribute('data-probability'));
  // The range's fields show six significant digits: the probability agrees within a draw or two.
  assert.ok(Math.abs(p - expected.monte_carlo.target.probability) <= 0.0005, `probability ${p} vs ${expected.monte_carlo.target.probability}`);
  assert.ok(p > 0 && p < 1, `a real spread: ${p}`);
  assert.match(await chance.innerText(), words.chance);
  const values = page.locator('[data-testid="mc-values"]');
  const [p10, p50, p90] = await Promise.all(['data-p10', 'data-p50', 'data-p90'].map(async (a) => Number(await values.getAttribute(a))));
  assert.ok(p10 <= p50 && p50 <= p90, `${p10} ≤ ${p50} ≤ ${p90}`);
}

for (const [locale, words] of Object.entries(WORDS)) {
  test(`${locale}: a consultant's meeting: three scenarios, a tornado, a goal seek, a Monte Carlo band, kept and shared`, async () => {
    const context = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fx.server.url });
    await context.addInitScript((l) => localStorage.setItem('servimetrics.lang', l), words.lang);
    const page = await context.newPage();
    try {
      await page.goto(fx.server.url);
      await page.locator('[data-testid="compare-table"] td[data-scenario="s1"][data-raw]').first().waitFor({ timeout: 20000 });
      await makeScenarios(page, words.names);
      await compareSideBySide(page);
      // The printed report shows them side by side too.
      const reportHead = await page.locator('[data-testid="report-scenarios"] thead th').allTextContents();
      assert.deepEqual(reportHead.slice(2).map((t) => t.trim()), words.names);
      await tornado(page);
      const applied = await goalSeek(page, words);
      await monteCarlo(page, words, applied);

      // Kept with the workspace: a reload brings the scenarios, their values and the ranges back.
      const ltv = await raw(page, 'ltv_cac', 's2');
      const status = page.locator('[data-testid="workspace-status"]');
      await assertEventually(async () => assert.equal(await status.innerText(), words.saved), 8000);
      await page.reload();
      await page.locator('[data-testid="compare-table"] td[data-scenario="s3"][data-raw]').first().waitFor({ timeout: 20000 });
      assert.deepEqual(await scenarioNames(page), words.names);
      await assertEventually(async () => near(await raw(page, 'ltv_cac', 's2'), ltv, 'LTV:CAC of s2 after a reload'));
      await page.locator('[data-testid="mc-chance"]').waitFor({ timeout: 15000 });

      // A link carries them to a fresh browser.
      await page.locator('[data-testid="copy-link"]').click();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      const other = await fx.browser.newContext({ locale, viewport: { width: 390, height: 844 } });
      try {
        const fresh = await other.newPage();
        await fresh.goto(link);
        await fresh.locator('[data-testid="compare-table"] td[data-scenario="s3"][data-raw]').first().waitFor({ timeout: 20000 });
        assert.deepEqual(await scenarioNames(fresh), words.names);
        await assertEventually(async () => near(await raw(fresh, 'ltv_cac', 's2'), ltv, 'LTV:CAC of s2 from the link'));
        await assertEventually(async () => near(await raw(fresh, 'ltv_cac', 's3'), 3, 'the applied goal travels'));
      } finally {
        await other.close();
      }

      // A rule of thumb as a starting point: its quoted claim is shown as a claim, beside what the model gives.
      await page.locator('[data-testid="start-retention_5"]').click();
      const rule = ask({ baseline: BASELINE, scenarios: [{ name: 'r', changes: { retention_rate: { add: 0.05 } } }] });
      const change = rule.scenarios[1].difference.kpis.cumulative_profit / rule.scenarios[0].kpis.cumulative_profit.value;
      const shown = `+${new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(change)}`;
      const claim = page.locator('[data-testid="claims"] li[data-claim="retention_5"]');
      await assertEventually(async () => assert.ok((await claim.innerText()).includes(shown), `${await claim.innerText()} holds ${shown}`));
      assert.match(await claim.innerText(), words.claim);
      assert.match(await page.locator('[data-testid="compare-table"] thead').innerText(), words.assumption);
    } finally {
      await context.close();
    }
  });
}
