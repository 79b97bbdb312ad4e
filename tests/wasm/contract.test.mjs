// The page's contract (web/src/engine/contract.ts) against real answers of the built module: every
// key the TypeScript types declare as required is present with its JSON type, and every optional key
// present has its type, all the way down (the schema beside the types, contract-schema.ts, which tsc
// holds to the types). Answers checked: catalog(), kinds(), compute() on the sample company (compact
// and full, with a projection), bad requests, an import of each sample file, an import with
// rejects (and its rejectsJson()), a bad import request, and combine().
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { importFile, loadModule, root } from './module.mjs';

const { schema } = await import('../../web/src/engine/contract-schema.ts');


let m;
before(async () => {
  m = await loadModule();
});

const jsonType = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Problems of `value` as the contract type `name`, with where they are. */
function problemsOf(value, name, where = '$', problems = []) {
  const spec = schema[name];
  assert.ok(spec, `no schema for ${name}`);
  if (jsonType(value) !== 'object') {
    problems.push(`${where}: ${name} expected, got ${jsonType(value)}`);
    return problems;
  }
  for (const [key, k] of Object.entries(spec)) {
    const at = `${where}.${key}`;
    if (!(key in value)) {
      if (!k.optional) problems.push(`${at}: missing (required by ${name})`);
      continue;
    }
    const v = value[key];
    const type = jsonType(v);
    if (!k.type.includes(type)) {
      problems.push(`${at}: ${k.type.join(' | ')} expected, got ${type}`);
      continue;
    }
    if (k.of && type === 'array') v.forEach((e, i) => problemsOf(e, k.of, `${at}[${i}]`, problems));
    if (k.values && type === 'object') for (const [field, e] of Object.entries(v)) problemsOf(e, k.values, `${at}.${field}`, problems);
    if (k.shape && type === 'object') problemsOf(v, k.shape, at, problems);
  }
  return problems;
}

function assertContract(value, name, label) {
  const problems = problemsOf(value, name);
  assert.deepEqual(problems.slice(0, 20), [], `${label} as ${name}`);
}

test('the schema checker finds what is missing or mistyped', () => {
  assert.deepEqual(problemsOf({ id: 'x', value: '1' }, 'Measure'), ['$.value: number expected, got string', '$.unit: missing (required by Measure)']);
  assert.deepEqual(
    problemsOf({ kpis: [{ id: 'a', value: 1, unit: 'count', band: 'good', warnings: [] }], errors: [] }, 'ComputeAnswer'),
    ['$.kpis[0].rule: missing (required by KpiResult)'],
  );
  assert.deepEqual(problemsOf({ kinds: [], date_formats: [{ id: 'iso', label: 'YYYY-MM-DD', example: '2024-01-31' }] }, 'KindsCatalog'), []);
  assert.deepEqual(problemsOf({ kinds: [], date_formats: ['iso'] }, 'KindsCatalog'), ['$.date_formats[0]: DateFormatSpec expected, got string']);
});

test('catalog() and kinds() are what the page reads', () => {
  const catalog = JSON.parse(m.catalog());
  assertContract(catalog, 'Catalog', 'catalog()');
  assert.ok(catalog.kpis.some((k) => k.bands && k.bands.watch), 'some band has a watch threshold');
  assertContract(JSON.parse(m.kinds()), 'KindsCatalog', 'kinds()');
});

test('compute() on the sample company, compact and full, and bad requests', () => {
  const request = JSON.parse(fs.readFileSync(path.join(root, 'public/samples/sample-company.json'), 'utf8'));
  for (const compact of [true, false]) {
    const answer = JSON.parse(m.compute(JSON.stringify({ ...request, compact })));
    assertContract(answer, 'ComputeAnswer', `compute(sample, compact ${compact})`);
    assert.ok(answer.kpis.length > 30);
    if (request.projection) assert.ok(answer.projection, 'the sample asks for a projection');
  }
  const bad = [
    'not json',
    '[]',
    JSON.stringify({ inputs: { customers_start: 100, customers_lost: 120, avg_purchase_value: 'abc', nope: 1 } }),
    JSON.stringify({ inputs: { nps_promoters: 1 }, thresholds: { nps: { good: 'x' } } }),
  ];
  for (const text of bad) {
    const answer = JSON.parse(m.compute(text));
    assertContract(answer, 'ComputeAnswer', `compute(${text})`);
    assert.ok(answer.errors.length > 0, text);
  }
});

const SAMPLES = [
  ['transactions', 'transactions.csv'],
  ['transactions', 'transactions.gbk.csv'],
  ['transactions', 'transactions.xlsx'],
  ['subscriptions', 'subscriptions.csv'],
  ['survey', 'survey.csv'],
  ['tickets', 'tickets.csv'],
  ['spend', 'spend.csv'],
  ['spend', 'marketing-spend.csv'],
  ['ledger', 'ledger.csv'],
];

for (const [kind, name] of SAMPLES) {
  test(`an import of ${name} (auto and as ${kind})`, () => {
    const bytes = fs.readFileSync(path.join(root, 'public/samples', name));
    for (const asked of ['auto', kind]) {
      const { answer, kind: read, rejects } = importFile(m, asked, bytes);
      assertContract(answer, 'ImportAnswer', `${name} as ${asked}`);
      assert.ok(answer.import, `${name}: an import report`);
      assert.equal(read, kind, `${name} read as ${asked}`);
      assert.ok(answer.kpis.length > 0, `${name}: KPIs`);
      for (const [i, r] of rejects.entries()) assertContract(r, 'ImportReject', `${name} rejectsJson()[${i}]`);
    }
  });
}

test('an import with rejects, its rejectsJson(), and imports that fail', () => {
  const good = fs.readFileSync(path.join(root, 'public/samples/transactions.csv'), 'utf8').trim().split('\n').slice(0, 40);
  const bad = [
    'INV-9001,C001,2024-13-45,Pump P50,product,1,8000,8000,online_ads,completed',
    'INV-9002,C002,2024-05-01,Pump P50,product,1,8000,lots,online_ads,completed',
    'INV-9003,,2024-05-02,Pump P50,product,1,8000,8000,online_ads,completed',
    'INV-9004,C004,2024-05-03',
  ];
  const { answer, rejects } = importFile(m, 'transactions', `${[...good, ...bad].join('\n')}\n`);
  assertContract(answer, 'ImportAnswer', 'bad rows');
  assert.equal(rejects.length, answer.import.rows_rejected);
  for (const [i, r] of rejects.entries()) assertContract(r, 'ImportReject', `rejectsJson()[${i}]`);
  assert.ok(answer.import.rejects.length >= 4);

  for (const [request, content] of [
    ['spend', 'name,email\nAnn,a@example.com\n'],
    ['spend', ''],
    ['auto', 'a,b\n1,2\n'],
    ['nope', 'a,b\n1,2\n'],
    [{ kind: 3 }, 'a\n'],
    [{ kind: 'transactions', date_formats: { date: 'nope' } }, 'customer_id,date,amount\nc,2024-01-01,1\n'],
  ]) {
    const { answer: failed } = importFile(m, request, content);
    assertContract(failed, 'ImportAnswer', `import ${JSON.stringify(request)} of ${JSON.stringify(content)}`);
    assert.ok(failed.errors.length > 0);
  }
});

test('more than the report shows: rejectsJson() has every reject, values as the file held them', () => {
  const lines = ['customer_id,date,amount'];
  for (let r = 0; r < 150; r++) lines.push(`c${r},2024-01-0${1 + (r % 9)},${r % 3 === 0 ? '=1+2' : 'x'}`);
  const { answer, rejects } = importFile(m, 'transactions', `${lines.join('\n')}\n`);
  assert.equal(answer.import.rejects.length, 100);
  assert.equal(rejects.length, 150);
  for (const [i, r] of rejects.entries()) assertContract(r, 'ImportReject', `rejectsJson()[${i}]`);
  assert.deepEqual(rejects.slice(0, 100).map((r) => r.row), answer.import.rejects.map((r) => r.row));
  assert.equal(rejects[149].row, 151);
  assert.equal(rejects[147].value, '=1+2', 'a formula value is given as the file held it');
});

test('combine() of a spend and a transactions import', () => {
  const read = (name, kind) => importFile(m, { kind, gross_margin: 0.3 }, fs.readFileSync(path.join(root, 'public/samples', name))).answer;
  const answers = [read('spend.csv', 'spend'), read('transactions.csv', 'transactions')];
  const combined = JSON.parse(m.combine(JSON.stringify({ answers: answers.map((a) => ({ kind: a.kind, inputs: a.inputs })) })));
  assertContract(combined, 'CombinedAnswer', 'combine()');
  assert.ok(combined.kpis.length > 0);
  assertContract(JSON.parse(m.combine('{"answers": 1}')), 'CombinedAnswer', 'combine(bad)');
});
