// web/src/lib/export.ts on the built module's real answers (the sample company, with its projection, and
// the survey sample file): the KPI, scenario and file downloads as CSV (BOM, header, one row per
// computed KPI, raw numbers beside the formatted text, Chinese names, formula-looking text guarded)
// and as self-describing JSON.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { importFile, loadModule, root } from './module.mjs';

const { I18n } = await import('../../web/src/i18n/i18n.ts');
// Simplified Chinese comes in its pack, as in the page (language-packs.ts).
await (await import('../../web/src/i18n/language-packs.ts')).loadLanguage('zh-CN');
const exp = await import('../../web/src/lib/export.ts');

let catalog;
let answer;
let survey;
const sample = JSON.parse(fs.readFileSync(path.join(root, 'public/samples/sample-company.json'), 'utf8'));
const at = new Date(2026, 11, 6, 9, 30);

before(async () => {
  const m = await loadModule();
  catalog = JSON.parse(m.catalog());
  answer = JSON.parse(m.compute(JSON.stringify({ ...sample, compact: true })));
  survey = importFile(m, 'survey', fs.readFileSync(path.join(root, 'public/samples/survey.csv'))).answer;
});

/** The CSV's records (no quoted line breaks in these files), without the BOM. */
function records(csv) {
  assert.ok(csv.startsWith('\ufeff'), 'starts with the byte-order mark');
  assert.ok(csv.endsWith('\r\n'));
  return csv.slice(1, -2).split('\r\n').map(splitCsvLine);
}

function splitCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { cells.push(cell); cell = ''; }
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

const meta = (lang, company = 'Acme Services') => ({ i18n: new I18n(lang, lang === 'en' ? 'USD' : 'CNY'), company, exportedAt: at });

test('file names carry what and the local date', () => {
  assert.equal(exp.exportFileName('kpis', 'csv', at), 'servimetrics-kpis-2026-12-06.csv');
  assert.equal(exp.exportFileName('scenario', 'json', new Date(2027, 0, 2)), 'servimetrics-scenario-2027-01-02.json');
});

test('KPI CSV: BOM, header, one row per computed KPI in catalog order, raw and formatted values', () => {
  assert.ok(answer.kpis.length >= 20, `the sample computes many KPIs (${answer.kpis.length})`);
  const csv = exp.kpisCsv(meta('en'), { catalog, kpis: answer.kpis, sourceOf: (id) => (id === 'cac' ? 'typed' : '') });
  const [header, ...rows] = records(csv);
  assert.deepEqual(header.slice(0, 6), ['ID', 'KPI', 'Group', 'Value', 'Unit', 'Formatted value']);
  assert.equal(header.at(-1), 'Source');
  const main = rows.filter((r) => !r[0].includes('/'));
  const order = new Map(catalog.kpis.map((k, i) => [k.id, i]));
  assert.deepEqual(main.map((r) => r[0]), [...answer.kpis].map((k) => k.id).sort((a, b) => order.get(a) - order.get(b)));
  for (const row of rows) assert.equal(row.length, header.length, row[0]);
  for (const result of answer.kpis) {
    const row = main.find((r) => r[0] === result.id);
    const spec = catalog.kpis.find((k) => k.id === result.id);
    assert.equal(row[1], spec.name.en);
    assert.equal(Number(row[3]), result.value, `${result.id}: the raw value, not localized`);
    assert.equal(row[4], spec.unit);
    assert.equal(row[6], result.band);
    assert.equal(row[13], result.id === 'cac' ? 'typed' : '');
  }
  // A rate is its fraction raw and a percentage formatted.
  const retention = main.find((r) => r[0] === 'retention_rate');
  assert.match(retention[5], /^\d+(\.\d)?%$/);
  assert.ok(Number(retention[3]) > 0 && Number(retention[3]) < 1);
  // Money is formatted in the page's currency.
  const cac = main.find((r) => r[0] === 'cac');
  assert.match(cac[5], /^\$[\d,]+/);
  // Parts of a KPI follow it, named kpi/part.
  const withParts = answer.kpis.find((k) => k.breakdown?.length);
  if (withParts) {
    const parts = rows.filter((r) => r[0].startsWith(`${withParts.id}/`));
    assert.equal(parts.length, withParts.breakdown.length);
    assert.equal(rows.indexOf(parts[0]), rows.findIndex((r) => r[0] === withParts.id) + 1);
  }
});

test('KPI CSV in Chinese: Chinese header and names, the same raw numbers', () => {
  const en = records(exp.kpisCsv(meta('en'), { catalog, kpis: answer.kpis }));
  const zh = records(exp.kpisCsv(meta('zh-CN'), { catalog, kpis: answer.kpis }));
  assert.equal(zh[0][1], 'KPI');
  assert.equal(zh[0][3], '数值');
  const churn = zh.find((r) => r[0] === 'churn_rate');
  assert.equal(churn[1], catalog.kpis.find((k) => k.id === 'churn_rate').name.zh);
  assert.match(churn[1], /[\u4e00-\u9fff]/);
  assert.deepEqual(zh.slice(1).map((r) => r[3]), en.slice(1).map((r) => r[3]));
  assert.ok(zh.slice(1).every((r) => ['good', 'watch', 'bad', 'none'].includes(r[6])));
  assert.ok(zh.slice(1).some((r) => /良好|警示|较差|无阈值/.test(r[7])), 'band words in Chinese');
});

test('a formula-looking name or source is guarded, commas and quotes are quoted', () => {
  const kpis = [{ id: 'cac', value: -5, unit: 'money', band: 'none', rule: 'no threshold', warnings: [{ code: 'small_sample', params: {} }] }];
  const hostile = { ...catalog, kpis: catalog.kpis.map((k) => (k.id === 'cac' ? { ...k, name: { en: '=HYPERLINK("x"), 1', zh: '@获客' } } : k)) };
  const [, row] = exp.kpisCsv(meta('en'), { catalog: hostile, kpis, sourceOf: () => '+file.csv' }).slice(1).split('\r\n');
  assert.ok(row.startsWith('cac,"\'=HYPERLINK(""x""), 1",'), row);
  assert.ok(row.includes(',-5,'), 'a negative number stays a number');
  assert.ok(row.endsWith(",small_sample,'+file.csv"), row);
  const zh = exp.kpisCsv(meta('zh-CN'), { catalog: hostile, kpis });
  assert.ok(zh.includes("\r\ncac,'@获客,"), zh);
});

test('KPI JSON describes itself and keeps every KPI with its rule, details and warnings', () => {
  const doc = JSON.parse(exp.kpisJson(meta('zh-CN', '  示例公司  '), { catalog, kpis: answer.kpis }));
  assert.equal(doc.format, 'servimetrics-export');
  assert.equal(doc.version, 1);
  assert.equal(doc.content, 'kpis');
  assert.equal(doc.exported_at, at.toISOString());
  assert.equal(doc.lang, 'zh-CN');
  assert.equal(doc.currency, 'CNY');
  assert.equal(doc.company, '示例公司');
  assert.equal(doc.kpis.length, answer.kpis.length);
  for (const result of answer.kpis) {
    const k = doc.kpis.find((r) => r.id === result.id);
    assert.equal(k.value, result.value);
    assert.equal(k.band, result.band);
    assert.equal(k.rule_core, result.rule);
    assert.ok(k.rule.length > 0);
    assert.deepEqual(k.warnings.map((w) => w.code), result.warnings.map((w) => w.code));
    assert.equal(k.source, '');
  }
  const churn = doc.kpis.find((k) => k.id === 'churn_rate');
  const core = answer.kpis.find((k) => k.id === 'churn_rate');
  assert.equal(churn.period, core.details?.period ?? null);
});

test('scenario CSV and JSON: the assumptions, then each metric by year and its total', () => {
  const assumptions = sample.projection;
  const projection = answer.projection;
  assert.ok(projection, 'the sample answers a projection');
  const [header, ...rows] = records(exp.scenarioCsv(meta('en'), { assumptions, projection }));
  assert.deepEqual(header.slice(0, 7), ['Section', 'ID', 'Name', 'Year', 'Baseline', 'Scenario', 'Difference']);
  const retention = rows.find((r) => r[1] === 'retention_rate');
  assert.deepEqual(retention.slice(0, 6), ['assumption', 'retention_rate', 'Retention rate', '', '0.825', '0.875']);
  assert.ok(Math.abs(Number(retention[6]) - 0.05) < 1e-12);
  assert.equal(retention[7], '82.5%');
  // A formatted rise starts with "+", which a spreadsheet would run: the guard keeps it text.
  assert.equal(retention[9], "'+5 pts");
  const revenue = rows.filter((r) => r[0] === 'year' && r[1] === 'revenue');
  assert.deepEqual(revenue.map((r) => Number(r[3])), projection.years);
  revenue.forEach((r, i) => {
    assert.equal(Number(r[4]), projection.baseline.revenue[i]);
    assert.equal(Number(r[5]), projection.scenario.revenue[i]);
    assert.match(r[8], /^\$[\d,]+$/);
  });
  const total = rows.find((r) => r[0] === 'total' && r[1] === 'profit');
  assert.equal(Number(total[5]), projection.totals.scenario.profit);
  for (const metric of ['customers', 'gross_profit', 'acquisition_cost']) {
    assert.equal(rows.filter((r) => r[0] === 'year' && r[1] === metric).length, projection.years.length, metric);
  }
  const zh = records(exp.scenarioCsv(meta('zh-CN'), { assumptions, projection }));
  assert.equal(zh.find((r) => r[1] === 'gross_profit')[2], '毛利');

  const doc = JSON.parse(exp.scenarioJson(meta('en'), { assumptions, projection }));
  assert.equal(doc.content, 'scenario');
  assert.deepEqual(doc.assumptions, assumptions);
  assert.deepEqual(doc.projection.totals, projection.totals);
  assert.equal(doc.labels.cac, 'CAC');

  // Without a projection, nothing but the header: the page then says what is missing.
  assert.equal(records(exp.scenarioCsv(meta('en'), { assumptions: null, projection: null })).length, 1);
});

test('file results: the import counts, the measures and the KPIs of each file, in CSV and JSON', () => {
  const files = [{ kind: 'survey', fileName: 'survey.csv', readAt: '2026-12-06T09:00:00.000Z', answer: survey }];
  const kindName = (k) => (k === 'survey' ? 'Survey responses' : k);
  const [header, ...rows] = records(exp.filesCsv(meta('en'), { files, catalog, kindName }));
  assert.deepEqual(header, ['File', 'Kind', 'Read at', 'Type', 'ID', 'Name', 'Value', 'Unit', 'Formatted value', 'Band']);
  const read = rows.find((r) => r[4] === 'rows_read');
  assert.equal(Number(read[6]), survey.import.rows_read);
  assert.ok(survey.measures.length > 0);
  for (const m of survey.measures) {
    const row = rows.find((r) => r[3] === 'measure' && r[4] === m.id);
    assert.ok(row, m.id);
    assert.equal(Number(row[6]), m.value);
    assert.deepEqual(row.slice(0, 3), ['survey.csv', 'Survey responses', '2026-12-06T09:00:00.000Z']);
  }
  for (const k of survey.kpis) assert.ok(rows.some((r) => r[3] === 'kpi' && r[4] === k.id), k.id);
  const doc = JSON.parse(exp.filesJson(meta('en'), { files, catalog, kindName }));
  assert.equal(doc.content, 'files');
  assert.equal(doc.files[0].import.rows_rejected, survey.import.rows_rejected);
  assert.equal(doc.files[0].measures.length, survey.measures.length);

  // A file that could not be read says why.
  const broken = { kinds: 'x', kpis: [], errors: [{ code: 'empty_file', kpi: null, input: 'file', params: {}, message: 'the file is empty' }] };
  const [, only] = records(exp.filesCsv(meta('en'), { files: [{ ...files[0], answer: broken }], catalog, kindName }));
  assert.deepEqual(only.slice(3, 6), ['error', 'empty_file', 'the file is empty']);
});
