// web/src/lib/share-link.ts: a workspace in a link's fragment and back. The sample company survives
// the round trip (the core computes the same KPIs from what comes back) with its named what-if
// scenarios, a link written by version 1 keeps opening (its one scenario becomes the first named one), a damaged or unknown link answers a code and never throws, a link built from a state
// with a file loaded holds that file's derived inputs as values, never its rows or its import report,
// and both links stay short enough to paste.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, importFile, root } from './module.mjs';

const { encodeLink, decodeLink, linkPayload } = await import('../../web/src/lib/share-link.ts');
const { validateState } = await import('../../web/src/lib/workspace-doc.ts');
const { buildFormModel, buildInputs, stateFromRequest } = await import('../../web/src/lib/form-model.ts');
const { scenarioFromLoaded } = await import('../../web/src/lib/whatif.ts');
const { addScenario, migrateScenario, renameScenario, setChange } = await import('../../web/src/lib/whatif-scenarios.ts');

const m = await loadModule();
const model = buildFormModel(JSON.parse(m.catalog()));
const sample = JSON.parse(fs.readFileSync(path.join(root, 'public/samples/sample-company.json'), 'utf8'));

/** The page's state right after it loads the sample company (calculator.ts loadRequest). */
function sampleState() {
  const loaded = stateFromRequest(model, sample);
  return {
    form: loaded.state,
    formSources: Object.fromEntries(Object.keys(loaded.state).filter((k) => loaded.state[k] !== '').map((k) => [k, 'sample'])),
    extra: loaded.extra,
    thresholds: sample.thresholds,
    loadedProjection: sample.projection ?? null,
    whatif: migrateScenario(scenarioFromLoaded(sample.projection ?? null)),
    notice: 'sample',
    lang: 'en',
    currency: 'USD',
    companyName: '',
    files: [],
    combined: null,
    activeFile: null,
    linkedInputs: {},
    keepFileBytes: false,
  };
}

function compute(state) {
  const request = { inputs: buildInputs(model, state.form, state.extra), compact: true };
  if (state.thresholds) request.thresholds = state.thresholds;
  if (state.loadedProjection) request.projection = state.loadedProjection;
  return JSON.parse(m.compute(JSON.stringify(request)));
}

const transactionsCsv = fs.readFileSync(path.join(root, 'public/samples/transactions.csv'));

function withTransactions(state) {
  const { answer, kind } = importFile(m, 'transactions', transactionsCsv);
  assert.ok(answer.tables && Object.keys(answer.tables).length > 0, 'the import answer has tables (rows)');
  assert.ok(answer.import?.header?.length > 0, 'the import answer has its report');
  const file = { kind, fileName: 'transactions.csv', readAt: '2026-12-06T09:30:00.000Z', options: { kind }, answer, headerKey: null, remembered: false };
  return { ...state, files: [file], activeFile: kind };
}

/** The JSON a "#w2." fragment holds, inflated here independently of the decoder. */
async function inflate(fragment) {
  const body = fragment.replace(/^#w\d+\./, '').replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Buffer.from(body, 'base64');
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

test('the sample company goes into a link and comes back whole: the core computes the same KPIs', async () => {
  const state = sampleState();
  const fragment = await encodeLink(state);
  assert.match(fragment, /^#w2\.[A-Za-z0-9_-]+$/, 'a versioned, URL-safe fragment');
  const read = await decodeLink(fragment);
  assert.equal(read.status, 'ok');
  assert.equal(read.version, 2);
  const { baseline, scenario } = sample.projection;
  assert.deepEqual(
    read.state.whatif.scenarios[0].changes,
    { retention_rate: { add: scenario.retention_rate - baseline.retention_rate }, cac: { mul: scenario.cac / baseline.cac } },
    'the sample\'s own scenario',
  );
  for (const key of ['form', 'formSources', 'extra', 'thresholds', 'loadedProjection', 'whatif', 'lang', 'currency', 'companyName']) {
    assert.deepEqual(read.state[key], state[key], key);
  }
  assert.deepEqual(read.state.files, [], 'a link carries no file results');
  const before = compute(state);
  const after = compute(read.state);
  assert.ok(before.kpis.length >= 30, `the sample computes its KPIs (${before.kpis.length})`);
  assert.deepEqual(
    after.kpis.map((k) => [k.id, k.value, k.band]),
    before.kpis.map((k) => [k.id, k.value, k.band]),
  );
});

test('typed values, their sources, named scenarios with ranges, thresholds, language, currency and company name travel', async () => {
  const state = sampleState();
  state.form = { ...state.form, customers_lost: '123' };
  state.formSources = { ...state.formSources, customers_lost: 'typed' };
  let doc = setChange(state.whatif, 's1', 'cac', { mul: 0.8 });
  doc = renameScenario(addScenario(doc, 'retention_5', 'Retention +5 points'), 's1', 'Cheaper wins "北区"');
  state.whatif = { ...doc, ranges: { retention_rate: { low: 0.8, likely: 0.85, high: 0.9 }, cac: { mean: 26000, sd: 2000 } }, goal: { lever: 'benefit_per_year', output: 'roi', target: 0.15, low: 0 } };
  state.thresholds = { ...state.thresholds, churn_rate: { good: 0.04, watch: 0.09 } };
  Object.assign(state, { lang: 'zh-CN', currency: 'EUR', companyName: 'Müller & 华东 "Service" GmbH' });
  const read = await decodeLink(await encodeLink(state));
  assert.equal(read.status, 'ok');
  assert.equal(read.state.form.customers_lost, '123');
  assert.equal(read.state.formSources.customers_lost, 'typed');
  assert.deepEqual(read.state.whatif, state.whatif);
  assert.deepEqual(read.state.whatif.scenarios.map((s) => s.name), ['Cheaper wins "北区"', 'Retention +5 points']);
  assert.equal(read.state.whatif.selected, 's2');
  assert.deepEqual(read.state.thresholds.churn_rate, { good: 0.04, watch: 0.09 });
  assert.equal(read.state.lang, 'zh-CN');
  assert.equal(read.state.currency, 'EUR');
  assert.equal(read.state.companyName, 'Müller & 华东 "Service" GmbH');
  assert.equal(compute(read.state).kpis.find((k) => k.id === 'churn_rate')?.value, compute(state).kpis.find((k) => k.id === 'churn_rate')?.value);
});

test('a file travels as its derived inputs, each naming the file, never as rows or an import report', async () => {
  const state = withTransactions(sampleState());
  const answer = state.files[0].answer;
  const fragment = await encodeLink(state);
  const json = await inflate(fragment);
  // What a row of the file holds: customer ids and dates from its cells.
  const cells = transactionsCsv.toString('utf8').split(/\r?\n/).slice(1, 40).flatMap((line) => line.split(',').slice(0, 2)).filter((c) => c.length >= 4);
  assert.ok(cells.length > 20, 'cells to look for');
  for (const cell of new Set(cells)) assert.ok(!json.includes(cell), `the cell "${cell}" is not in the link`);
  const payload = JSON.parse(json);
  assert.deepEqual(Object.keys(payload).sort(), Object.keys(linkPayload(state)).sort());
  for (const word of ['"tables"', '"rejects"', '"header"', '"import"', '"answer"', '"rows"']) assert.ok(!json.includes(word), `${word} is not in the link`);

  const read = await decodeLink(fragment);
  assert.equal(read.status, 'ok');
  assert.deepEqual(read.state.files, []);
  const inputs = Object.keys(answer.inputs);
  assert.ok(inputs.length >= 3, `the transactions file derives inputs (${inputs.join(', ')})`);
  assert.deepEqual(Object.keys(read.state.linkedInputs).sort(), inputs.sort());
  for (const name of inputs) {
    const linked = read.state.linkedInputs[name];
    assert.deepEqual(linked.value, answer.inputs[name], name);
    assert.deepEqual(linked.source, { type: 'file', kind: 'transactions', fileName: 'transactions.csv', readAt: '2026-12-06T09:30:00.000Z', viaLink: true });
  }
});

test('the links stay short: the sample company and the sample with a transactions file', async () => {
  const plain = await encodeLink(sampleState());
  const withFile = await encodeLink(withTransactions(sampleState()));
  console.log(`# link length: sample company ${plain.length} characters, with transactions.csv ${withFile.length}`);
  assert.ok(plain.length < 3000, `sample link ${plain.length} < 3000`);
  assert.ok(withFile.length < 3500, `link with a file ${withFile.length} < 3500`);
  assert.ok(withFile.length - plain.length < 1000, 'a file adds its inputs, not its rows');
});

// A link written by version 1 of the link format (December 2026), frozen: it must keep opening.
const V1_LINK =
  '#w1.bVDNihQxGHyXOmeGdMMOmJvsycsg6EVFhtj9zXS76XzNl2TWscnZkz6BR8-ePfk0LvgYkvQICwqBkCoq9bPgyDLBLOhSiDyRhEOIViIMGqW1hnrEOA6VaAs8C3cUAgWYNwu8nQgGLD3J4UqN_gSFO8_3HiZKIoWzdakoFgycJBze0ZGlCJvy5YrZYySBwQ45v82qJnzBSbpV-G_QeJmp_1_Qv8SjqFcsK9CHKBZmyQqObU_9c-H31MWRPYxPzimEjryVkaut7co1JQejt09ykVl_gsHHYXO7r_Yi5LsLDG73rwrA02z9Zb9O8_D5y68fX39___nw7RMU3OjvqH_m5xRrrVl44khSH3UmmJtWIdTmBSzJYXAcHZVZR9_DICQ50wWqwlenFdt24QwFIds_LWO0ut1tmnajdy8bbXQ5W631a-TSJQ5CYWDXrxsPSfxBbKzGJ-a-lNY3Cvc2dkN5NDnnPw';
const V1_UNCOMPRESSED =
  '#w1u.eyJmb3JtIjp7ImN1c3RvbWVyc19zdGFydCI6IjEsMDAwIiwiY3VzdG9tZXJzX2xvc3QiOiIxMjAiLCJwcm9jZXNzZXMiOlt7Im5hbWUiOiJvcmRlcl9wcm9jZXNzaW5nIiwia25vd24iOnRydWUsInZhbHVlcyI6eyJob3Vyc19iZWZvcmUiOiIxMCIsImhvdXJzX2FmdGVyIjoiNiJ9fV19LCJmb3JtU291cmNlcyI6eyJjdXN0b21lcnNfc3RhcnQiOiJ0eXBlZCIsImN1c3RvbWVyc19sb3N0IjoidHlwZWQiLCJwcm9jZXNzZXMiOiJ0eXBlZCJ9LCJleHRyYSI6e30sImxvYWRlZFByb2plY3Rpb24iOm51bGwsInNjZW5hcmlvIjp7ImNhYyI6eyJtdWwiOjAuOX19LCJsYW5nIjoiemgtQ04iLCJjdXJyZW5jeSI6IkNOWSIsImNvbXBhbnlOYW1lIjoi5Y2O5Lic6K6-5aSHIiwibGlua2VkSW5wdXRzIjp7InByb21vdGVycyI6eyJ2YWx1ZSI6NTIsInNvdXJjZSI6eyJ0eXBlIjoiZmlsZSIsImtpbmQiOiJzdXJ2ZXkiLCJmaWxlTmFtZSI6InN1cnZleS5jc3YiLCJyZWFkQXQiOiIyMDI2LTEyLTA2VDEwOjAwOjAwLjAwMFoifX19LCJ0aHJlc2hvbGRzIjp7ImNodXJuX3JhdGUiOnsiZ29vZCI6MC4wNSwid2F0Y2giOjAuMX19fQ';

test('a version 1 link, compressed or not, still opens with what it held', async () => {
  for (const link of [V1_LINK, V1_UNCOMPRESSED]) {
    const read = await decodeLink(link);
    assert.equal(read.status, 'ok', link.slice(0, 6));
    assert.equal(read.version, 1);
    const s = read.state;
    assert.equal(s.form.customers_start, '1,000');
    assert.deepEqual(s.form.processes, [{ name: 'order_processing', known: true, values: { hours_before: '10', hours_after: '6' } }]);
    assert.equal(s.formSources.customers_lost, 'typed');
    assert.deepEqual(s.thresholds, { churn_rate: { good: 0.05, watch: 0.1 } });
    assert.deepEqual(s.whatif.scenarios, [{ id: 's1', name: '', changes: { cac: { mul: 0.9 } } }], 'its one scenario, now the first named one');
    assert.equal(s.whatif.selected, 's1');
    assert.equal(s.lang, 'zh-CN');
    assert.equal(s.currency, 'CNY');
    assert.equal(s.companyName, '华东设备');
    assert.deepEqual(s.linkedInputs.promoters, { value: 52, source: { type: 'file', kind: 'survey', fileName: 'survey.csv', readAt: '2026-12-06T10:00:00.000Z', viaLink: true } });
    assert.equal(validateState(s).ok, true, 'what it gives is a whole workspace state');
  }
});

test('where CompressionStream is missing, the link is written uncompressed and still reads', async () => {
  const saved = globalThis.CompressionStream;
  try {
    delete globalThis.CompressionStream;
    const fragment = await encodeLink(sampleState());
    assert.match(fragment, /^#w2u\./);
    const read = await decodeLink(fragment);
    assert.equal(read.status, 'ok');
    assert.deepEqual(read.state.form, sampleState().form);
  } finally {
    globalThis.CompressionStream = saved;
  }
});

test('a damaged link answers link_damaged, a newer one link_version_unknown, other fragments none; nothing throws', async () => {
  const good = await encodeLink(sampleState());
  const body = good.slice('#w2.'.length);
  const flip = (text, at) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  const damaged = [
    good.slice(0, Math.floor(good.length / 2)), // cut short
    good.slice(0, -3),
    `#w2.${flip(body, 40)}`, // a character changed
    `#w2.${flip(body, body.length - 5)}`,
    '#w1.', // empty
    '#w1.!!!not-base64', // not the alphabet
    '#w1.AAAA', // not deflate
    `#w1u.${Buffer.from('{"form": [1,2]}').toString('base64url')}`, // not a state
    `#w1u.${Buffer.from('not json').toString('base64url')}`,
    `#w1u.${Buffer.from('[]').toString('base64url')}`,
    `#w1u.${Buffer.from('{"lang":"fr"}').toString('base64url')}`,
    `#w2u.${Buffer.from('{"whatif":{"scenarios":[]}}').toString('base64url')}`, // no scenario at all
    '#w1x.abc', // not a link format
  ];
  for (const link of damaged) {
    const read = await decodeLink(link);
    assert.deepEqual(read, { status: 'error', code: 'link_damaged' }, link.slice(0, 30));
  }
  assert.deepEqual(await decodeLink(`#w3.${body}`), { status: 'error', code: 'link_version_unknown' });
  assert.deepEqual(await decodeLink('#w17u.e30'), { status: 'error', code: 'link_version_unknown' });
  for (const other of ['', '#', '#files', '#whatif', '#group-customer']) assert.deepEqual(await decodeLink(other), { status: 'none' }, other);

  // Noise never throws and never opens.
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < 200; i++) {
    const length = 1 + Math.floor(rand() * 120);
    const noise = Array.from({ length }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const read = await decodeLink(`#w1${rand() < 0.5 ? '' : 'u'}.${noise}`);
    assert.equal(read.status, 'error');
  }
});

test('a link that inflates past the limit is refused as damaged', async () => {
  // 8 MB of spaces deflates to a few KB: a hostile link must not fill the memory.
  const huge = new Uint8Array(8_000_000).fill(32);
  const stream = new Blob([huge]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const packed = Buffer.from(await new Response(stream).arrayBuffer()).toString('base64url');
  assert.ok(packed.length < 200_000);
  assert.deepEqual(await decodeLink(`#w1.${packed}`), { status: 'error', code: 'link_damaged' });
});

test('validateState fills what an older state lacks and names the part that is damaged', () => {
  const state = sampleState();
  const { companyName: _c, linkedInputs: _l, keepFileBytes: _k, files: _f, ...older } = state;
  const check = validateState(older);
  assert.equal(check.ok, true);
  assert.equal(check.state.companyName, '');
  assert.deepEqual(check.state.files, []);
  assert.deepEqual(validateState({ ...state, currency: 'BTC' }), { ok: false, where: 'currency' });
  assert.deepEqual(validateState({ ...state, form: { a: 3 } }), { ok: false, where: 'form' });
  // A state saved before the named scenarios: its one scenario is migrated; a damaged one is named.
  const { whatif: _w, ...old } = state;
  const migrated = validateState({ ...old, scenario: { retention_rate: { add: 0.05 } } });
  assert.equal(migrated.ok, true);
  assert.deepEqual(migrated.state.whatif.scenarios, [{ id: 's1', name: '', changes: { retention_rate: { add: 0.05 } } }]);
  assert.deepEqual(validateState({ ...old, scenario: { cac: { mul: NaN } } }), { ok: false, where: 'scenario' });
  assert.deepEqual(validateState({ ...state, whatif: { ...state.whatif, selected: 's9' } }), { ok: false, where: 'whatif' });
  assert.deepEqual(validateState({ ...state, whatif: { ...state.whatif, ranges: { cac: { low: 3, likely: 2, high: 4 } } } }), { ok: false, where: 'whatif' });
  assert.deepEqual(validateState({ ...state, files: [{ kind: 'survey' }] }), { ok: false, where: 'files' });
  assert.deepEqual(validateState(null), { ok: false, where: 'state' });
});
