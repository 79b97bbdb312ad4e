// Offline, in Chromium: after a first visit the service worker has kept the page, both wasm modules,
// the language pack, the samples and the templates, so that a reload without a network computes,
// opens a sample and a template and switches to Traditional Chinese. The single-file build
// (build/single/servimetrics.html) does the same from file://, with no server at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { startStaticServer } from '../support/static-server.mjs';
import { assertEventually } from '../support/eventually.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const built = path.join(repo, 'build/web');
const single = path.join(repo, 'build/single/servimetrics.html');
const sample = JSON.parse(fs.readFileSync(path.join(repo, 'public/samples/sample-company.json'), 'utf8')).inputs;
const fx = e2eFixture('offline');

/** The files sw.js keeps, as the build wrote them into it. */
function precacheList() {
  const source = fs.readFileSync(path.join(built, 'sw.js'), 'utf8');
  const list = /const PRECACHE = (\[[^\]]*\])/.exec(source);
  assert.ok(list, 'build/web/sw.js carries its precache list');
  return JSON.parse(list[1]);
}

const rawValue = async (page, kpi) => Number(await page.locator(`[data-kpi="${kpi}"] [data-role="value"]`).getAttribute('data-raw'));
const clvShown = (page) => page.locator('[data-kpi="clv"] [data-role="value"][data-raw]').waitFor({ timeout: 20000 });

/** The sample company's CLV, then a typed purchase value's, computed by the engine now. */
async function computes(page) {
  await clvShown(page);
  assert.equal(await rawValue(page, 'clv'), sample.avg_purchase_value * sample.purchases_per_year * sample.lifespan_years);
  await page.locator('[data-input="avg_purchase_value"]').first().fill('100');
  const expected = 100 * sample.purchases_per_year * sample.lifespan_years;
  await assertEventually(async () => assert.equal(await rawValue(page, 'clv'), expected), 10000);
}

/** The survey sample read through the files panel (the files wasm module, then the sample file). */
async function opensSample(page) {
  const files = page.locator('[data-testid="files-section"]');
  await files.locator('[data-testid="sample-survey"]').click();
  const result = files.locator('[data-testid="kind-result"]');
  await assertEventually(async () => assert.equal(await result.getAttribute('data-kind'), 'survey'), 20000);
  // NPS from the file's scores, counted here: % promoters (9-10) − % detractors (0-6).
  const [header, ...rows] = fs.readFileSync(path.join(repo, 'public/samples/survey.csv'), 'utf8').trim().split(/\r?\n/);
  const column = header.split(',').indexOf('nps_score');
  const scores = rows.map((row) => Number(row.split(',')[column]));
  const nps = (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
  const shown = page.locator('[data-testid="file-kpis"] [data-kpi="nps"] [data-role="value"]');
  await assertEventually(async () => assert.ok(Math.abs(Number(await shown.getAttribute('data-raw')) - nps) < 1e-9), 10000);
}

/** The English survey template downloads with the bytes of public/templates/survey.csv. */
async function downloadsTemplate(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="template-survey"]').click()]);
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual(bytes, fs.readFileSync(path.join(repo, 'public/templates/survey.csv')));
}

test('a reload without a network computes, opens a sample and a template, and speaks zh-TW', async () => {
  const context = await fx.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    const page = await context.newPage();
    await page.goto(fx.server.url);
    await clvShown(page);
    // First visit: the worker takes the page over once its cache holds every file (addAll, then claim).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const type = await page.evaluate(async () => (await fetch('sw.js', { cache: 'no-store' })).headers.get('content-type'));
    assert.match(type, /javascript/, 'sw.js is served as JavaScript');
    const kept = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith('servimetrics-'));
      const cache = await caches.open(names[0]);
      return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)) };
    });
    assert.equal(kept.names.length, 1, 'one cache, of this build');
    const expected = precacheList();
    assert.deepEqual([...kept.urls].sort(), [...expected].sort(), 'every file of the list is cached');
    for (const needed of [/servimetrics-calc-.*\.wasm$/, /servimetrics-files-.*\.wasm$/, /engine\.worker-.*\.js$/, /zh-TW-pack-.*\.js$/, /^index\.html$/, /^samples\/survey\.csv$/, /^templates\/survey\.zh-TW\.csv$/]) {
      assert.ok(expected.some((u) => needed.test(u)), `the list holds ${needed}`);
    }

    await context.setOffline(true);
    const before = fx.server.requests.length;
    await page.reload();
    await computes(page);
    await opensSample(page);
    await downloadsTemplate(page);
    await page.locator('[data-testid="lang-zh-TW"]').click();
    await assertEventually(async () => assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-TW'), 10000);
    // The browser itself checks for a newer sw.js on a navigation (the worker's update check). Playwright's
    // offline emulation covers the page and its worker's fetches but not that check, which a real offline
    // browser fails quietly; everything the page asked for must have come from the cache.
    const reached = fx.server.requests.slice(before).filter((url) => url !== '/sw.js');
    assert.deepEqual(reached, [], 'nothing the page asked for reached the server while offline');
  } finally {
    await context.close();
  }
});

test('a new build installs a new cache and deletes the old one', async () => {
  // A copy of the build, so that its sw.js can become the next build's.
  const root = path.join(fx.tmp, 'web');
  fs.cpSync(built, root, { recursive: true });
  const server = await startStaticServer({ root });
  const context = await fx.browser.newContext({ locale: 'en-US' });
  const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('servimetrics-')));
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const [first] = await cacheNames(page);
    const sw = path.join(root, 'sw.js');
    const version = /const VERSION = '([0-9a-f]+)'/.exec(fs.readFileSync(sw, 'utf8'))[1];
    assert.equal(first, `servimetrics-${version}`);
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(version, 'nextbuild'));
    for (const copy of ['sw.js.gz', 'sw.js.br']) fs.rmSync(path.join(root, copy), { force: true });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await assertEventually(async () => assert.deepEqual(await cacheNames(page), ['servimetrics-nextbuild']), 30000);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the single-file build computes and opens a sample from file://', async () => {
  assert.ok(fs.existsSync(single), 'build/single/servimetrics.html exists (./scripts/build page)');
  const context = await fx.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(single).href);
    await computes(page);
    await opensSample(page);
    await downloadsTemplate(page);
    assert.deepEqual(problems, [], 'no error and no refusal of the policy');
    const outside = requests.filter((url) => !/^(data|blob):/.test(url) && url !== pathToFileURL(single).href);
    assert.deepEqual(outside, [], 'everything came from the file itself');
  } finally {
    await context.close();
  }
});
