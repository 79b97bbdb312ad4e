// The what-if page's own code against the wasm engine: the baseline read from the sample company's
// inputs (with its discount rate and digital investment), the requests the page sends (scenarios side by
// side, tornado, goal seek, Monte Carlo) answered without errors and as the engine answers them directly,
// a lever pushed out of its range held at its edge, the scenario document's edits, the levers' slider
// steps, and the report's view of one scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, root } from './module.mjs';

const { buildFormModel, stateFromRequest } = await import('../../web/src/lib/form-model.ts');
const { deriveBaseline, scenarioFromLoaded } = await import('../../web/src/lib/whatif.ts');
const req = await import('../../web/src/lib/whatif-request.ts');
const docs = await import('../../web/src/lib/whatif-scenarios.ts');
const levers = await import('../../web/src/lib/whatif-levers.ts');
const { projectionOf } = await import('../../web/src/lib/whatif-report.ts');

const m = await loadModule();
const model = buildFormModel(JSON.parse(m.catalog()));
const sample = JSON.parse(fs.readFileSync(path.join(root, 'public/samples/sample-company.json'), 'utf8'));
const ask = (request) => JSON.parse(m.whatif(JSON.stringify(request)));

function sampleBaseline() {
  const { state } = stateFromRequest(model, sample);
  const answer = JSON.parse(m.compute(JSON.stringify({ inputs: sample.inputs })));
  return deriveBaseline(model, state, answer, sample.projection, {});
}

function threeScenarios() {
  let doc = docs.emptyDoc();
  doc = docs.renameScenario(doc, 's1', 'Retention');
  doc = docs.setChange(doc, 's1', 'retention_rate', { add: 0.05 });
  doc = docs.addScenario(doc, 'cac_10', 'CAC −10%');
  doc = docs.addScenario(doc, 'both', 'Both');
  return doc;
}

test('the baseline has the sample company\'s levers, its discount rate and its digital investment', () => {
  const baseline = sampleBaseline();
  assert.deepEqual(baseline.missing, []);
  const l = req.baselineLevers(baseline);
  const { inputs, projection } = sample;
  assert.equal(l.retention_rate, inputs.annual_retention_rate);
  assert.equal(l.cac, projection.baseline.cac);
  assert.equal(l.starting_customers, inputs.customers_end);
  assert.equal(l.discount_rate, inputs.discount_rate);
  assert.equal(l.investment_one_off, inputs['digital_transformation_roi.investment']);
  assert.equal(l.benefit_per_year, inputs.benefit_3y / 3);
  assert.deepEqual(baseline.from.benefit_per_year, { input: 'benefit_3y' });
  // The seed's ROI, 2,400,000 ÷ 2,500,000, comes out of the page's baseline.
  const answer = ask({ baseline: l });
  assert.ok(Math.abs(answer.scenarios[0].kpis.roi.value - inputs.benefit_3y / inputs['digital_transformation_roi.investment']) < 1e-12);
});

test('scenarios side by side: the page\'s request is answered as the same changes asked directly', () => {
  const l = req.baselineLevers(sampleBaseline());
  const doc = threeScenarios();
  const answer = ask(req.scenariosRequest(l, doc));
  assert.deepEqual(answer.errors, []);
  assert.deepEqual(answer.scenarios.map((s) => s.name), ['baseline', 's1', 's2', 's3']);
  const direct = ask({
    baseline: l,
    scenarios: [
      { name: 'r', changes: { retention_rate: { add: 0.05 } } },
      { name: 'c', changes: { cac: { mul: 0.9 } } },
      { name: 'b', changes: { retention_rate: { add: 0.05 }, cac: { mul: 0.9 } } },
    ],
  });
  for (let i = 1; i <= 3; i++) {
    assert.deepEqual(answer.scenarios[i].kpis, direct.scenarios[i].kpis, `scenario ${i}`);
    assert.deepEqual(answer.scenarios[i].difference, direct.scenarios[i].difference);
  }
  assert.equal(answer.scenarios[1].levers.retention_rate, l.retention_rate + 0.05);
});

test('a change that would take a lever out of its range is held at the edge, and the rest is still answered', () => {
  const l = req.baselineLevers(sampleBaseline());
  let doc = threeScenarios();
  doc = docs.setChange(doc, 's2', 'retention_rate', { add: 0.5 });
  const resolved = req.resolveScenario(l, doc.scenarios[1]);
  assert.deepEqual(resolved.held, ['retention_rate']);
  assert.deepEqual(resolved.changes.retention_rate, { set: 1 });
  const answer = ask(req.scenariosRequest(l, doc));
  assert.deepEqual(answer.errors, []);
  assert.equal(answer.scenarios[2].levers.retention_rate, 1);
  // Unchanged by it: the other scenarios.
  assert.equal(answer.scenarios[1].levers.retention_rate, l.retention_rate + 0.05);
});

test('the questions ask about the selected scenario and are answered without errors', () => {
  const l = req.baselineLevers(sampleBaseline());
  const doc = { ...threeScenarios(), selected: 's2', ranges: { retention_rate: { low: 0.78, likely: 0.825, high: 0.87 } } };
  const tornado = ask(req.tornadoRequest(l, doc));
  assert.deepEqual(tornado.errors, []);
  assert.equal(tornado.tornado.scenario, 's2');
  const swings = tornado.tornado.bars.map((b) => b.swing ?? -1);
  assert.deepEqual(swings, [...swings].sort((a, b) => b - a), 'longest bar first');

  // The seed's ROI is benefit ÷ investment: 15% needs benefit_3y = 0.15 × investment.
  const goal = ask(req.goalRequest(l, { ...doc, goal: docs.READY_GOALS[2] }));
  assert.deepEqual(goal.errors, []);
  assert.equal(goal.goal.status, 'reached');
  assert.ok(Math.abs(goal.goal.value - (0.15 * l.investment_one_off) / 3) < 1e-6, `benefit ${goal.goal.value}`);

  const mc = ask(req.monteCarloRequest(l, doc));
  assert.deepEqual(mc.errors, []);
  assert.equal(mc.monte_carlo.draws, req.MONTE_CARLO_DRAWS);
  for (const band of mc.monte_carlo.bands.cumulative_profit) assert.ok(band.p10 <= band.p50 && band.p50 <= band.p90);
  assert.equal(req.monteCarloRequest(l, { ...doc, ranges: {} }), null, 'no range, nothing to draw');
});

test('the scenario document: create, rename, duplicate, delete; the sliders always edit one', () => {
  let doc = threeScenarios();
  assert.deepEqual(doc.scenarios.map((s) => [s.id, s.name, s.start]), [['s1', 'Retention', undefined], ['s2', 'CAC −10%', 'cac_10'], ['s3', 'Both', 'both']]);
  doc = docs.duplicateScenario(doc, 's2', 'CAC −10% (copy)');
  assert.deepEqual(doc.scenarios.map((s) => s.id), ['s1', 's2', 's4', 's3']);
  assert.equal(doc.selected, 's4');
  assert.deepEqual(doc.scenarios[2].changes, { cac: { mul: 0.9 } });
  // An edit makes it the user's own: no longer the rule of thumb (its claim is not shown).
  doc = docs.setChange(doc, 's4', 'cac', { mul: 0.8 });
  assert.equal(doc.scenarios[2].start, undefined);
  assert.deepEqual(doc.scenarios[1].changes, { cac: { mul: 0.9 } }, 'the original is untouched');
  doc = docs.deleteScenario(doc, 's4');
  assert.equal(doc.selected, 's3');
  for (const id of ['s1', 's2']) doc = docs.deleteScenario(doc, id);
  assert.deepEqual(docs.deleteScenario(doc, 's3'), doc, 'the last one stays');
  assert.ok(docs.isWhatIfDoc(doc));
  assert.ok(!docs.isWhatIfDoc({ ...doc, scenarios: [] }));
});

test('the sample\'s loaded projection becomes the first scenario; an old workspace\'s scenario migrates', () => {
  const doc = docs.migrateScenario(scenarioFromLoaded(sample.projection));
  const { baseline, scenario } = sample.projection;
  const l = { ...baseline, starting_customers: sample.projection.starting_customers };
  const answer = ask(req.scenariosRequest(l, doc));
  assert.equal(answer.scenarios[1].levers.retention_rate, scenario.retention_rate);
  assert.ok(Math.abs(answer.scenarios[1].levers.cac - scenario.cac) < 1e-9);
  assert.equal(docs.migrateScenario({ cac: { pow: 2 } }), null);
  assert.deepEqual(docs.migrateScenario(undefined), docs.emptyDoc());
});

test('levers: the baseline is a slider step, rates step by half a point and money by 1% of the baseline', () => {
  for (const [key, base] of [['retention_rate', 0.8237], ['cac', 26000], ['new_customers_per_year', 260], ['price_change', 0], ['investment_per_year', 0]]) {
    const r = levers.sliderRange(key, base, base);
    const steps = (base - r.min) / r.step;
    assert.ok(Math.abs(steps - Math.round(steps)) < 1e-6, `${key}: baseline on a step (${steps})`);
    assert.ok(r.min <= base && base <= r.max);
  }
  assert.equal(levers.leverStep('retention_rate', 0.825), 0.005);
  assert.equal(levers.leverStep('cac', 26000), 260);
  assert.deepEqual(levers.changeTo('retention_rate', 0.825, 0.875).add.toFixed(12), (0.05).toFixed(12));
  assert.deepEqual(levers.changeTo('cac', 26000, 23400), { mul: 0.9 });
  assert.deepEqual(levers.changeTo('investment_per_year', 0, 5000), { set: 5000 });
  assert.equal(levers.fromDisplay('retention_rate', levers.readTyped('87.5')), 0.875);
  assert.equal(levers.readTyped('26,000'), 26000);
  assert.equal(levers.readTyped('−10'), -10);
  assert.equal(levers.readTyped('abc'), null);
});

test('the report\'s view of one scenario: the engine\'s years and the totals of its flows', () => {
  const l = req.baselineLevers(sampleBaseline());
  const answer = ask(req.scenariosRequest(l, threeScenarios()));
  const p = projectionOf(answer, 's3');
  const both = answer.scenarios[3];
  assert.deepEqual(p.projection.scenario.revenue, both.years.revenue);
  assert.equal(p.projection.totals.scenario.revenue, both.years.revenue.reduce((a, b) => a + b, 0));
  assert.equal(p.projection.difference.profit[4], both.years.profit[4] - answer.scenarios[0].years.profit[4]);
  assert.equal(p.assumptions.scenario.cac, l.cac * 0.9);
  assert.equal(projectionOf(answer, 's9'), null);
});
