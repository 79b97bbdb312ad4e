// End to end in Chromium, served by `vite preview` with the project's own headers: the page and its
// worker run under the Content-Security-Policy, and whatever a user does (every sample through the
// files panel, every download, the language, the currency, a what-if slider) fetches nothing from
// another origin and breaks no rule of the policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { launchChromium } from '../support/browser.mjs';
import { assertEventually } from '../support/eventually.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const builtIndex = path.join(repo, 'build/web/index.html');
const samplesDir = path.join(repo, 'public/samples');
const KINDS = ['transactions', 'subscriptions', 'survey', 'tickets', 'spend', 'ledger', 'customer_summary', 'survival_table'];
// The kind each sample file is read as; sample-company.json is the calculator's own request, loaded by
// the "Load sample" button rather than the files panel.
const SAMPLE_KIND = {
  'transactions.csv': 'transactions',
  'transactions.gbk.csv': 'transactions',
  'transactions.xlsx': 'transactions',
  'transactions.big5.csv': 'transactions',
  'subscriptions.csv': 'subscriptions',
  'survey.csv': 'survey',
  'tickets.csv': 'tickets',
  'spend.csv': 'spend',
  'marketing-spend.csv': 'spend',
  'ledger.csv': 'ledger',
  'customer_summary.csv': 'customer_summary',
  'survival_table.csv': 'survival_table',
};

let server;
let origin;
let policy;
let browser;
let context;
let page;
let tmp;
const requests = []; // every URL the page, its frames or its worker asked for
const sockets = [];
const consoleMessages = []; // page and worker
const workers = [];

const files = () => page.locator('[data-testid="files-section"]');
const result = () => files().locator('[data-testid="kind-result"]');
const rawValue = async (kpi) =>
  Number(await page.locator(`[data-kpi="${kpi}"] [data-role="value"]`).first().getAttribute('data-raw'));

async function lastImport() {
  if ((await result().count()) === 0) return 0;
  return Number(await result().getAttribute('data-import'));
}

/** Runs `action` and waits until a newer import than before is shown, of `kind`. */
async function afterImport(action, kind) {
  const before = await lastImport();
  await action();
  await assertEventually(async () => {
    assert.ok((await lastImport()) > before, 'a new import is shown');
    assert.equal(await result().getAttribute('data-kind'), kind);
  }, 20000);
}

const pageViolations = () => page.evaluate(() => window.__cspViolations);
const engineWorker = () => workers.find((w) => /engine\.worker/.test(w.url()));
const workerViolations = async () => (await Promise.all(workers.map((w) => w.evaluate(() => self.__cspViolations ?? [])))).flat();
const cspConsole = () => consoleMessages.filter((m) => /Content[- ]Security[- ]Policy|Refused to/i.test(m));

before(async () => {
  assert.ok(fs.existsSync(builtIndex), 'build/web/index.html exists (run ./scripts/build)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'servimetrics-privacy-'));
  // The project's vite.config.ts, so the headers are the ones `vite preview` really sends.
  server = await preview({
    configFile: path.join(repo, 'vite.config.ts'),
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1', strictPort: true, open: false },
  });
  origin = new URL(server.resolvedUrls.local[0]).origin;
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  context.on('request', (request) => requests.push(request.url()));
  context.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
  page = await context.newPage();
  page.on('websocket', (socket) => sockets.push(socket.url()));
  page.on('worker', (worker) => {
    workers.push(worker);
    worker.on('console', (message) => consoleMessages.push(`worker ${message.type()}: ${message.text()}`));
    // Violations the worker meets from now on (its start is covered by the engine answering at all).
    void worker.evaluate(() => {
      self.__cspViolations = [];
      self.addEventListener('securitypolicyviolation', (e) => self.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    }).catch(() => {});
  });
  // Violation events bubble out of shadow roots to the document.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`), true);
  });
  const response = await page.goto(`${origin}/`);
  policy = response.headers()['content-security-policy'];
  await page.locator('[data-kpi="clv"] [data-role="value"][data-raw]').waitFor({ timeout: 15000 });
  await files().locator('[data-testid="kind-list"] li[data-kind="ledger"] strong').waitFor({ timeout: 15000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the built page carries the policy in a <meta> tag, the same as the header, with no inline code', async () => {
  const html = fs.readFileSync(builtIndex, 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  assert.ok(meta, 'a Content-Security-Policy <meta> tag');
  const inPage = meta[1].replace(/\s+/g, ' ').trim();
  assert.equal(inPage, policy, 'the <meta> policy is the one vite preview sends as a header');
  assert.ok(html.indexOf(meta[0]) < html.search(/<(script|link|style)\b/i), 'the <meta> comes before anything it governs');

  const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  assert.doesNotMatch(policy, /'unsafe-eval'|'unsafe-inline'|'unsafe-hashes'|\*|https?:|data:|blob:/);
  assert.deepEqual(directives.get('default-src'), ["'self'"]);
  assert.deepEqual(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives.get('connect-src'), ["'self'"]);
  assert.deepEqual(directives.get('worker-src'), ["'self'"]);
  assert.deepEqual(directives.get('object-src'), ["'none'"]);
  assert.deepEqual(directives.get('base-uri'), ["'none'"]);
  assert.ok(!directives.has('frame-ancestors'), 'other sites may still embed the calculator');

  for (const [tag] of html.matchAll(/<script\b[^>]*>[\s\S]*?<\/script>/gi)) {
    assert.match(tag, /\ssrc="\.\/assets\/[^"]+\.js"/, `a script from the page's own files: ${tag}`);
    assert.match(tag, /^<script\b[^>]*><\/script>$/, `no inline script: ${tag}`);
  }
  assert.doesNotMatch(html, /<style\b/i, 'no inline <style>');
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler');
  assert.doesNotMatch(html, /\sstyle\s*=/i, 'no style attribute');
  assert.doesNotMatch(html, /javascript:/i);
  assert.equal(fs.readFileSync(path.join(repo, 'build/web/_headers'), 'utf8'), `/*\n  Content-Security-Policy: ${policy}\n`);
});

test('every file the server sends carries the policy, the worker script included', async () => {
  const workerUrl = requests.find((u) => /engine\.worker[^/]*\.js$/.test(u));
  assert.ok(workerUrl, 'the worker script was requested');
  for (const url of [`${origin}/`, workerUrl]) {
    const response = await fetch(url);
    assert.equal(response.headers.get('content-security-policy'), policy, url);
  }
});

test('under the policy the page shows KPIs and the worker has compiled the core', async () => {
  // The cards below the first screen follow a few per task (views/progressive-units.ts).
  await assertEventually(async () => assert.equal(await page.locator('[data-kpi] [data-role="value"][data-raw]').count(), 34));
  assert.ok(requests.some((u) => /\.wasm$/.test(u)), 'the worker fetched the wasm (worker requests are recorded)');
  // The engine's worker, and the thread that reads dropped files for it (engine/file-chunks.ts): no other.
  // The reader starts once the files module has loaded, in the worker's idle time.
  await assertEventually(async () =>
    assert.deepEqual(workers.map((w) => w.url().match(/(engine|file-reader)\.worker/)?.[1]).sort(), ['engine', 'file-reader']), 20000);
  // The policy really applies: eval is refused in the page, and WebAssembly may still compile in the worker.
  const empty = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  assert.equal(await engineWorker().evaluate((bytes) => WebAssembly.compile(new Uint8Array(bytes)).then(() => 'compiled'), empty), 'compiled');
  await page.locator('[data-input="customers_start"]').fill('200');
  await page.locator('[data-input="customers_lost"]').fill('30');
  await assertEventually(async () => assert.equal(await rawValue('churn_rate'), 0.15));
});

for (const [name, kind] of Object.entries(SAMPLE_KIND)) {
  test(`the sample ${name} imports through the files panel`, async () => {
    await files().locator('[data-testid="kind-select"]').selectOption(kind);
    await afterImport(() => files().locator('[data-testid="file-input"]').setInputFiles(path.join(samplesDir, name)), kind);
    assert.equal(await result().locator('[data-testid="file-error"]').count(), 0, `${name} imports without a file error`);
    const used = Number((await result().locator('[data-testid="rows-used"] strong').innerText()).replace(/[^0-9]/g, ''));
    assert.ok(used > 0, `${name}: ${used} rows used`);
  });
}

test('every sample file is covered above', () => {
  const covered = new Set([...Object.keys(SAMPLE_KIND), 'sample-company.json']);
  for (const name of fs.readdirSync(samplesDir)) assert.ok(covered.has(name), `public/samples/${name} is imported by this test`);
});

test('the sample buttons fetch each kind from the page\'s own server', async () => {
  for (const kind of KINDS) await afterImport(() => files().locator(`[data-testid="sample-${kind}"]`).click(), kind);
});

test('every download the page offers: rejects and the templates', async () => {
  const good = fs.readFileSync(path.join(samplesDir, 'transactions.csv'), 'utf8').trim().split('\n').slice(0, 20);
  const file = path.join(tmp, 'some-bad-rows.csv');
  fs.writeFileSync(file, [...good, 'INV-9,C9,2024-13-45,Pump,product,1,1,1,online_ads,completed'].join('\n') + '\n');
  await files().locator('[data-testid="kind-select"]').selectOption('transactions');
  await afterImport(() => files().locator('[data-testid="file-input"]').setInputFiles(file), 'transactions');
  const [rejects] = await Promise.all([page.waitForEvent('download'), result().locator('[data-testid="download-rejects"]').click()]);
  assert.match(rejects.url(), /^blob:/, 'the rejects CSV is made in the page');
  assert.match(fs.readFileSync(await rejects.path(), 'utf8'), /2024-13-45/);

  assert.equal(await files().locator('a[download]').count(), 3 * KINDS.length, 'a template per kind and language');
  // Chromium drops about one download in ten when many follow each other in one tab, so the
  // templates are clicked in two fresh tabs of the same context (recorded the same way), one per language.
  for (const links of ['a[download]:not([lang])', 'a[download][lang="zh-CN"]', 'a[download][lang="zh-TW"]']) {
    const tab = await context.newPage();
    await tab.goto(`${origin}/`);
    const list = tab.locator(`[data-testid="files-section"] ${links}`);
    await list.first().waitFor();
    assert.equal(await list.count(), KINDS.length);
    for (let i = 0; i < KINDS.length; i++) {
      const [download] = await Promise.all([tab.waitForEvent('download'), list.nth(i).click()]);
      assert.equal(new URL(download.url()).origin, origin, download.url());
      assert.ok(fs.statSync(await download.path()).size > 0);
    }
    assert.deepEqual(await tab.evaluate(() => window.__cspViolations), []);
    await tab.close();
  }
});

test('the language, the currency, the sample, Clear and a what-if slider', async () => {
  await page.locator('[data-testid="lang-toggle"]').click();
  await assertEventually(async () => assert.match(await files().locator('h2').first().innerText(), /数据文件/));
  await page.locator('[data-testid="lang-toggle"]').click();
  await assertEventually(async () => assert.match(await files().locator('h2').first().innerText(), /Data files/i));
  await page.locator('[data-testid="currency-select"]').selectOption('EUR');
  await page.locator('[data-testid="clear"]').click();
  await page.locator('[data-testid="confirm-yes"]').click();
  await page.locator('[data-testid="load-sample"]').click();
  await page.locator('[data-testid="confirm-yes"]').click();
  await page.locator('[data-kpi="clv"] [data-role="value"][data-raw]').first().waitFor();
  const total = page.locator('[data-testid="total-revenue"]');
  await total.waitFor();
  const before = await total.innerText();
  const slider = page.locator('[data-testid="slider-retention_rate"]');
  await slider.fill(String(await slider.getAttribute('max')));
  await assertEventually(async () => assert.notEqual(await total.innerText(), before));
});

test('nothing was requested from another origin, and nothing broke the policy', async () => {
  assert.ok(requests.length > 10, `requests were recorded (${requests.length})`);
  const elsewhere = requests.filter((url) => {
    const { protocol, origin: from } = new URL(url);
    return !(from === origin || protocol === 'blob:' || protocol === 'data:');
  });
  assert.deepEqual(elsewhere, [], 'every request stays on the page\'s origin');
  assert.deepEqual(sockets, [], 'no WebSocket');
  assert.deepEqual(await pageViolations(), [], 'no securitypolicyviolation in the page');
  assert.deepEqual(await workerViolations(), [], 'no securitypolicyviolation in the worker');
  assert.deepEqual(cspConsole(), [], 'no CSP message in the console of the page or the worker');
});

// Last: these probes break the policy on purpose. (Playwright's own evaluate may eval, so the probes
// go through the page: an inserted inline script, and code in a string handed to a timer.)
test('the policy is enforced in the page and, through the header, in the worker', async () => {
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    setTimeout('window.__stringRan = true', 0);
  });
  await assertEventually(async () => {
    const seen = await pageViolations();
    assert.ok(seen.some((v) => v.startsWith('script-src-elem inline')), `inline script refused: ${seen}`);
    assert.ok(seen.some((v) => v.startsWith('script-src eval')), `string code refused: ${seen}`);
  });
  assert.deepEqual(await page.evaluate(() => [window.__inlineRan, window.__stringRan]), [undefined, undefined]);

  // The worker does not inherit the <meta> tag: these refusals show the header applies to it.
  const worker = engineWorker();
  await worker.evaluate(() => {
    setTimeout('self.__stringRan = true', 0);
    fetch('https://example.com/').catch(() => {});
  });
  await assertEventually(async () => {
    const seen = await workerViolations();
    assert.ok(seen.some((v) => v.startsWith('script-src eval')), `string code refused in the worker: ${seen}`);
    assert.ok(seen.some((v) => v.startsWith('connect-src https://example.com')), `fetch elsewhere refused in the worker: ${seen}`);
  });
  assert.equal(await worker.evaluate(() => self.__stringRan), undefined);
});

