// End to end in Chromium: the data files panel. Every sample goes through the file input and its
// rows used and one KPI are compared with what the native CLI prints for the same file; then the GBK
// sample, a file of the wrong kind, a file with bad rows (rejects and their download), cancelling a
// large import, a column mapping remembered across a reload, and the Chinese labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../support/static-server.mjs';
import { launchChromium } from '../support/browser.mjs';
import { assertEventually } from '../support/eventually.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = path.join(repo, 'build/native/cli/servimetrics');
const sample = (name) => path.join(repo, 'public/samples', name);
const KINDS = ['transactions', 'subscriptions', 'survey', 'tickets', 'spend', 'ledger', 'customer_summary', 'survival_table'];

let server;
let browser;
let context;
let page;
let tmp;

/** What the native CLI answers for a file: the same core, outside the browser. */
function cli(kind, file) {
  const run = spawnSync(cliPath, ['analyze', '--kind', kind, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(run.status === 0 || run.status === 1, `CLI failed on ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

// Numbers as the page prints them: "1,234", "¥30,000", "10.0%" -> 1234, 30000, 10.
const numberIn = (text) => Number(text.replace(/[^0-9.\-]/g, ''));
const files = () => page.locator('[data-testid="files-section"]');
const result = () => files().locator('[data-testid="kind-result"]');

async function lastImport() {
  if ((await result().count()) === 0) return 0;
  return Number(await result().getAttribute('data-import'));
}

/** Runs `action` and waits until a newer import than before is shown, of `kind` when given. */
async function afterImport(action, kind, timeoutMs = 20000) {
  const before = await lastImport();
  await action();
  await assertEventually(async () => {
    assert.ok((await lastImport()) > before, 'a new import is shown');
    if (kind) assert.equal(await result().getAttribute('data-kind'), kind);
  }, timeoutMs);
}

async function importPath(file, kind = 'auto', expectKind = kind === 'auto' ? undefined : kind) {
  await files().locator('[data-testid="kind-select"]').selectOption(kind);
  await afterImport(() => files().locator('[data-testid="file-input"]').setInputFiles(file), expectKind);
}

const shownNumber = async (testid) => numberIn(await result().locator(`[data-testid="${testid}"] strong`).innerText());

before(async () => {
  assert.ok(fs.existsSync(cliPath), 'build/native/cli/servimetrics exists (run ./scripts/build)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'servimetrics-files-'));
  server = await startStaticServer();
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  await page.goto(server.url);
  await files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

for (const kind of KINDS) {
  test(`the ${kind} sample shows the CLI's rows used and KPIs`, async () => {
    const file = sample(`${kind}.csv`);
    const expected = cli(kind, file);
    await importPath(file, kind);
    assert.equal(await result().locator('[data-testid="file-error"]').count(), 0, 'no file-level error');
    assert.equal(await shownNumber('rows-used'), expected.import.rows_used);
    assert.equal(await shownNumber('rows-read'), expected.import.rows_read);
    const kpi = expected.kpis[0];
    if (kpi) {
      const value = result().locator(`[data-kpi="${kpi.id}"] [data-role="value"]`);
      const raw = Number(await value.getAttribute('data-raw'));
      assert.ok(Math.abs(raw - kpi.value) <= 1e-9 * Math.max(1, Math.abs(kpi.value)), `${kpi.id}: page ${raw}, CLI ${kpi.value}`);
      assert.notEqual((await value.innerText()).trim(), '—');
    } else {
      const measure = expected.measures[0];
      assert.ok(measure, `the CLI gives ${kind} a KPI or a measure`);
      assert.equal(Number(await result().locator(`[data-measure="${measure.id}"]`).getAttribute('data-raw')), measure.value);
    }
  });
}

test('results of several kinds stay side by side', async () => {
  const tabs = files().locator('[role="tab"]');
  assert.equal(await tabs.count(), KINDS.length);
  await tabs.filter({ hasText: 'Transactions' }).click();
  await assertEventually(async () => assert.equal(await result().getAttribute('data-kind'), 'transactions'));
});

test('a sample button imports that kind', async () => {
  await afterImport(() => files().locator('[data-testid="sample-spend"]').click(), 'spend');
  assert.equal(await shownNumber('rows-used'), cli('spend', sample('spend.csv')).import.rows_used);
});

test('the GBK-encoded Chinese transactions file is detected and read', async () => {
  const file = sample('transactions.gbk.csv');
  const expected = cli('transactions', file);
  await importPath(file, 'auto', 'transactions');
  assert.equal(await result().locator('[data-testid="file-error"]').count(), 0);
  assert.equal(await shownNumber('rows-used'), expected.import.rows_used);
  assert.equal(expected.import.rows_used, cli('transactions', sample('transactions.csv')).import.rows_used);
  assert.match(await result().locator('[data-fact="encoding"]').innerText(), /GB/i);
  // The file's own Chinese header is shown, decoded.
  await result().locator('[data-testid="mapping-toggle"]').click();
  assert.match(await result().locator('[data-testid="mapping"]').innerText(), /客户ID/);
  await result().locator('[data-testid="mapping-toggle"]').click();
});

test('the Excel workbook of the same transactions gives the same figures', async () => {
  const file = sample('transactions.xlsx');
  const expected = cli('transactions', file);
  await importPath(file, 'auto', 'transactions');
  assert.equal(await result().locator('[data-testid="file-error"]').count(), 0);
  assert.equal((await result().locator('[data-fact="format"]').innerText()).trim(), 'XLSX');
  assert.equal(await shownNumber('rows-used'), expected.import.rows_used);
  assert.equal(expected.import.rows_used, cli('transactions', sample('transactions.csv')).import.rows_used);
});

test('a file of another kind gets one clear message', async () => {
  const file = sample('spend.csv');
  const expected = cli('tickets', file);
  const problem = expected.errors.find((e) => e.input === 'file');
  assert.ok(problem, 'the CLI reports a file-level error');
  await importPath(file, 'tickets');
  const shown = result().locator('[data-testid="file-error"]');
  await shown.waitFor();
  // The page words it from the code, naming the fields by their labels and the file's own columns.
  assert.equal(problem.code, 'not_this_kind');
  const text = (await shown.locator('[data-role="message"]').innerText()).trim();
  assert.match(text, /Support tickets/);
  for (const label of ['Ticket ID', 'Created']) assert.ok(text.includes(label), `${label} in "${text}"`);
  for (const column of problem.params.columns) assert.ok(text.includes(column), `${column} in "${text}"`);
  assert.equal(await result().locator('[data-testid="mapping"]').count(), 1, 'the mapping screen opens to fix it');
});

test('bad rows are listed and all of them download as CSV', async () => {
  const good = fs.readFileSync(sample('transactions.csv'), 'utf8').trim().split('\n').slice(0, 40);
  const bad = [
    'INV-9001,C001,2024-13-45,Pump P50,product,1,8000,8000,online_ads,completed',
    'INV-9002,C002,2024-05-01,Pump P50,product,1,8000,lots,online_ads,completed',
    'INV-9003,,2024-05-02,Pump P50,product,1,8000,8000,online_ads,completed',
  ];
  const file = path.join(tmp, 'bad-rows.csv');
  fs.writeFileSync(file, [...good, ...bad].join('\n') + '\n');
  const expected = cli('transactions', file);
  assert.ok(expected.import.rows_rejected >= 3, 'the CLI rejects the three bad rows');
  await importPath(file, 'transactions');
  assert.equal(await shownNumber('rows-rejected'), expected.import.rows_rejected);
  const rejects = result().locator('[data-testid="import-rejects"] tbody tr');
  assert.equal(await rejects.count(), Math.min(10, expected.import.rejects.length));
  assert.match(await result().locator('[data-testid="import-rejects"]').innerText(), /lots/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    result().locator('[data-testid="download-rejects"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'bad-rows-rejects.csv');
  const text = fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
  const lines = text.trim().split(/\r?\n/);
  assert.match(lines[0], /^row,column,value,reason$/);
  assert.equal(lines.length - 1, expected.import.rows_rejected);
  for (const row of expected.import.rejects) assert.ok(lines.some((l) => l.startsWith(`${row.row},`)), `row ${row.row} in ${text}`);
  assert.ok(lines.some((l) => l.includes('lots')));
});

/** RFC 4180 records of a CSV text, fields unquoted. */
function parseCsv(text) {
  const records = [];
  let fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      fields.push(field), records.push(fields), (fields = []), (field = '');
    } else field += c;
  }
  if (field || fields.length) fields.push(field), records.push(fields);
  return records;
}

test('in Chinese, reject reasons are shown and downloaded in Chinese, with the values untouched', async (t) => {
  // Enough good dates that two bad ones do not make the column's date format doubtful.
  const good = fs.readFileSync(sample('transactions.csv'), 'utf8').trim().split('\n').slice(0, 200);
  const bad = [
    'INV-9001,C001,2024-13-05,Pump P50,product,1,8000,8000,online_ads,completed', // no month 13
    'INV-9002,C002,2023-02-30,Pump P50,product,1,8000,8000,online_ads,completed', // February 30
    'INV-9003,C003,2024-05-01,Pump P50,product,1,8000,"=1+2, lots",online_ads,completed', // formula text
    'INV-9004,,2024-05-02,Pump P50,product,1,8000,8000,online_ads,completed', // no customer
    'INV-9005,C005,2024-05-03', // too few columns
    'INV-9006,C006,2024-05-04,Pump P50,gadgets,1,8000,8000,online_ads,completed', // unknown category
    'INV-9007,C007,2024-05-05,Pump P50,product,1,8000,(8000,online_ads,completed', // unbalanced
  ];
  const file = path.join(tmp, 'bad-rows-zh.csv');
  fs.writeFileSync(file, [...good, ...bad].join('\n') + '\n');
  const coreRejects = path.join(tmp, 'bad-rows-zh-core.csv');
  const run = spawnSync(cliPath, ['analyze', '--kind', 'transactions', '--rejects', coreRejects, file], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const core = parseCsv(fs.readFileSync(coreRejects, 'utf8'));
  assert.equal(core.length - 1, bad.length, 'the CLI rejects every bad row');
  // The page words a reason from its code (i18n/render-message.ts); a core whose rejects carry no
  // code yet (issue 11, before its merge) leaves the page nothing to translate.
  if (!JSON.parse(run.stdout).import.rejects.every((r) => typeof r.code === 'string' && r.code !== '')) {
    t.skip('the core gives rejects no code yet (issue 11)');
    return;
  }

  await page.locator('[data-testid="lang-toggle"]').click();
  try {
    await importPath(file, 'transactions');
    const cjk = /[\u4e00-\u9fff]/;
    const reasons = await result().locator('[data-testid="import-rejects"] tbody td.wrap').allInnerTexts();
    assert.equal(reasons.length, bad.length);
    for (const reason of reasons) {
      assert.match(reason, cjk, `reason "${reason}" is in Chinese`);
      assert.doesNotMatch(reason, /\b(not|no such|empty|the row|must)\b/, `no English left in "${reason}"`);
    }
    assert.ok(reasons.some((r) => /2023 年 2 月只有 28 天/.test(r)), reasons.join(' | '));
    assert.ok(reasons.some((r) => /客户/.test(r) && /为空/.test(r)), reasons.join(' | '));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      result().locator('[data-testid="download-rejects"]').click(),
    ]);
    const shown = parseCsv(fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, ''));
    assert.deepEqual(shown[0], ['行', '列', '值', '原因']);
    assert.equal(shown.length, core.length);
    for (let i = 1; i < core.length; i++) {
      assert.deepEqual(shown[i].slice(0, 3), core[i].slice(0, 3), `row ${i}: row, column and value as the core wrote them`);
      assert.match(shown[i][3], cjk, `downloaded reason "${shown[i][3]}"`);
    }
    // The formula text stays escaped in the download.
    assert.ok(shown.some((f) => f[2] === "'=1+2, lots"), JSON.stringify(shown));
  } finally {
    await page.locator('[data-testid="lang-toggle"]').click();
  }
});

test('cancelling a large import stops it and the page keeps working', async () => {
  const file = path.join(tmp, 'large-transactions.csv');
  writeLargeTransactions(file, 30 << 20);
  const shownBefore = await lastImport();
  await files().locator('[data-testid="kind-select"]').selectOption('transactions');
  await files().locator('[data-testid="file-input"]').setInputFiles(file);
  const progress = files().locator('[data-testid="import-progress"]');
  await progress.waitFor({ timeout: 10000 });
  // Progress arrives with bytes, rows and a rate before the import is anywhere near done.
  await assertEventually(async () => assert.ok(numberIn((await progress.locator('[data-testid="progress-rows"]').innerText()).split('·')[0]) > 0));
  await progress.locator('[data-testid="import-cancel"]').click();
  await files().locator('[data-testid="import-cancelled"]').waitFor({ timeout: 5000 });
  assert.equal(await progress.count(), 0);
  assert.equal(await lastImport(), shownBefore, 'the cancelled import replaced nothing');
  // No late answer turns up.
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await lastImport(), shownBefore);
  assert.equal(await files().locator('[data-testid="import-cancelled"]').count(), 1);
  // The file was read by a thread of its own (engine/file-chunks.ts), which the cancel stopped.
  assert.ok(server.requests.some((url) => /\/assets\/file-reader\.worker-[\w-]+\.js$/.test(url)), 'the reader thread was started');
  // The worker still computes: the calculator and another import both answer.
  await page.locator('[data-input="customers_start"]').fill('200');
  await page.locator('[data-input="customers_lost"]').fill('30');
  await assertEventually(async () =>
    assert.equal(Number(await page.locator('[data-kpi="churn_rate"] [data-role="value"]').first().getAttribute('data-raw')), 0.15));
  await afterImport(() => files().locator('[data-testid="sample-ledger"]').click(), 'ledger');
});

test('an ambiguous date order is flagged and choosing another reads the file again', async () => {
  const file = path.join(tmp, 'ambiguous-dates.csv');
  fs.writeFileSync(file, 'customer_id,date,amount\nC1,01/02/2024,100\nC2,03/04/2024,200\nC1,05/06/2024,300\n');
  await importPath(file, 'transactions');
  const date = result().locator('[data-format-field="date"]');
  assert.equal(await date.getAttribute('data-ambiguous'), 'true');
  await date.locator('[data-role="ambiguous"]').waitFor();
  const customers = result().locator('[data-table="customers"]');
  assert.match(await customers.innerText(), /2024-01-02/); // month first until told otherwise
  await afterImport(() => date.locator('[data-role="date-format"]').selectOption('dmy'), 'transactions');
  assert.equal(await result().locator('[data-format-field="date"] [data-role="ambiguous"]').count(), 0);
  assert.equal(await result().locator('[data-format-field="date"] [data-role="date-format"]').inputValue(), 'dmy');
  assert.match(await result().locator('[data-table="customers"]').innerText(), /2024-02-01/);
});

test('a new column mapping imports again and is remembered after a reload', async () => {
  const rows = fs.readFileSync(sample('transactions.csv'), 'utf8').trim().split('\n').slice(1, 81);
  const file = path.join(tmp, 'odd-headers.csv');
  // Headers no alias knows: nothing required can be guessed.
  const header = 'ref,client ref,booked on,item,kind of sale,n,each,net total,route,state';
  fs.writeFileSync(file, [header, ...rows].join('\n') + '\n');
  await importPath(file, 'transactions');
  await result().locator('[data-testid="file-error"]').waitFor();
  const mapping = result().locator('[data-testid="mapping"]');
  await mapping.waitFor();
  const choose = (field, column) => mapping.locator(`[data-map-field="${field}"] select`).selectOption({ label: column });
  await choose('customer_id', 'client ref');
  await choose('date', 'booked on');
  await choose('amount', 'net total');
  await choose('channel', 'route');
  await afterImport(() => mapping.locator('[data-testid="mapping-apply"]').click(), 'transactions');
  assert.equal(await result().locator('[data-testid="file-error"]').count(), 0);
  const used = await shownNumber('rows-used');
  assert.ok(used > 0);

  await page.reload();
  await files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
  await importPath(file, 'transactions');
  await result().locator('[data-testid="mapping-remembered"]').waitFor();
  assert.equal(await result().locator('[data-testid="file-error"]').count(), 0);
  assert.equal(await shownNumber('rows-used'), used);

  // Forgetting it reads the file with the guesses again.
  await afterImport(() => result().locator('[data-testid="mapping-forget"]').click(), 'transactions');
  await result().locator('[data-testid="file-error"]').waitFor();
  assert.equal(await result().locator('[data-testid="mapping-remembered"]').count(), 0);
});

test('the Chinese page labels the panel, the report and the figures in Chinese', async () => {
  await importPath(sample('transactions.csv'), 'transactions');
  await page.locator('[data-testid="lang-toggle"]').click();
  await assertEventually(async () => assert.match(await files().locator('h2').first().innerText(), /数据文件/));
  const cjk = /[\u4e00-\u9fff]/;
  assert.match(await files().locator('[data-testid="kind-list"] li[data-kind="transactions"] strong').innerText(), /交易/);
  assert.match(await result().locator('[data-testid="rows-used"] span').innerText(), cjk);
  for (const label of await result().locator('[data-measure] > span').allInnerTexts()) assert.match(label, cjk, `measure label "${label}"`);
  for (const title of await result().locator('[data-table] h4').allInnerTexts()) assert.match(title, cjk, `table title "${title}"`);
  for (const th of await result().locator('[data-table] th').allInnerTexts()) assert.match(th, cjk, `column title "${th}"`);
  await page.locator('[data-testid="lang-toggle"]').click();
});

/** What the native CLI combines from the spend and transactions samples, at a gross margin. */
function cliLtvCac(margin) {
  const answers = [];
  for (const [kind, extra] of [['spend', []], ['transactions', ['--gross-margin', String(margin)]]]) {
    const run = spawnSync(cliPath, ['analyze', '--kind', kind, ...extra, sample(`${kind}.csv`)], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const file = path.join(tmp, `${kind}-${margin}.json`);
    fs.writeFileSync(file, run.stdout);
    answers.push(file);
  }
  const run = spawnSync(cliPath, ['combine', ...answers], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const ratio = JSON.parse(run.stdout).kpis.find((k) => k.id === 'ltv_cac_ratio');
  assert.ok(ratio, 'the CLI combines the samples into LTV:CAC');
  return ratio;
}

async function expectShownLtvCac(expected) {
  const card = files().locator('[data-testid="combined-result"] [data-kpi="ltv_cac_ratio"]');
  await assertEventually(async () => {
    const raw = Number(await card.locator('[data-role="value"]').getAttribute('data-raw'));
    assert.ok(Math.abs(raw - expected.value) <= 1e-9 * expected.value, `overall: page ${raw}, CLI ${expected.value}`);
  });
  assert.equal(await card.locator('[data-role="breakdown"] tr[data-row]').count(), expected.breakdown.length);
  for (const row of expected.breakdown) {
    const shown = card.locator(`[data-role="breakdown"] tr[data-row="${row.name}"]`);
    const raw = Number(await shown.getAttribute('data-raw'));
    assert.ok(Math.abs(raw - row.value) <= 1e-9 * row.value, `${row.name}: page ${raw}, CLI ${row.value}`);
    assert.equal(await shown.getAttribute('data-band'), row.band);
  }
}

test('spend and transactions together give LTV:CAC per channel, at the margin the user sets', async () => {
  // Only these two files: the results of earlier tests are kept in the workspace, across their reload.
  for (const wipe of ['clear', 'load-sample']) {
    await page.locator(`[data-testid="${wipe}"]`).click();
    await page.locator('[data-testid="confirm-yes"]').click();
  }
  await afterImport(() => files().locator('[data-testid="sample-spend"]').click(), 'spend');
  await afterImport(() => files().locator('[data-testid="sample-transactions"]').click(), 'transactions');
  // The sample company's gross margin (28%) is the file's margin until the user sets another.
  const margin = result().locator('[data-testid="file-gross-margin"]');
  assert.equal(await margin.inputValue(), '28');
  await expectShownLtvCac(cliLtvCac(0.28));

  await afterImport(async () => {
    await margin.fill('50');
    await margin.dispatchEvent('change');
  }, 'transactions');
  assert.equal(await result().locator('[data-testid="file-gross-margin"]').inputValue(), '50');
  await expectShownLtvCac(cliLtvCac(0.5));

  await page.locator('[data-testid="lang-toggle"]').click();
  await assertEventually(async () =>
    assert.match(await files().locator('[data-testid="combined-result"] .result-head h3').innerText(), /多个文件合并/),
  );
  assert.match(await files().locator('[data-testid="combined-result"] [data-role="breakdown"] caption').innerText(), /渠道/);
  await page.locator('[data-testid="lang-toggle"]').click();
});

/** A transactions file of about `bytes` bytes: many customers buying every few days. */
function writeLargeTransactions(file, bytes) {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'invoice_id,customer_id,date,product,category,quantity,unit_price,amount,channel,status\n');
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const lines = [];
    for (let i = 0; i < 10000; i++, n++) {
      const day = new Date(Date.UTC(2023, 0, 1) + (n % 730) * 86400000).toISOString().slice(0, 10);
      const price = 500 + (n % 97) * 10;
      lines.push(`INV-${n},C${n % 5000},${day},Repair visit,basic_service,1,${price},${price},online_ads,completed`);
    }
    const chunk = lines.join('\n') + '\n';
    fs.writeSync(fd, chunk);
    written += Buffer.byteLength(chunk);
  }
  fs.closeSync(fd);
}


test('Clear forgets every imported result, and importing works afterwards', async () => {
  await afterImport(() => files().locator('[data-testid="sample-spend"]').click(), 'spend');
  await afterImport(() => files().locator('[data-testid="sample-ledger"]').click(), 'ledger');
  assert.ok((await files().locator('[role="tab"]').count()) >= 2, 'results are shown before Clear');
  await page.locator('[data-testid="clear"]').click();
  await page.locator('[data-testid="confirm-yes"]').click();
  await assertEventually(async () => {
    assert.equal(await result().count(), 0);
    assert.equal(await files().locator('[data-testid="combined-result"]').count(), 0);
    assert.equal(await files().locator('[role="tab"]').count(), 0);
    assert.equal(await files().locator('[data-testid="files-none"]').count(), 1);
  }, 5000);
  await afterImport(() => files().locator('[data-testid="sample-survey"]').click(), 'survey');
  assert.equal(await result().getAttribute('data-kind'), 'survey');
});
