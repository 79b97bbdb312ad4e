// End to end in Chromium (issue 13, items 2 and 3): the work is kept in this browser and comes back
// after a reload (typed values, a what-if slider, a file's result, currency, "Saved in this
// browser"); several named workspaces; Copy link opened in a fresh browser shows the same KPIs; a
// damaged link, storage refused, full or damaged each give a clear message and a working page;
// Forget this browser's data leaves nothing behind. English and Chinese messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { assertEventually } from '../support/eventually.mjs';
import { filesPanel } from '../support/files-panel.mjs';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const fx = e2eFixture('workspace');
const SURVEY = path.join(repo, 'public/samples/survey.csv');

const WORDS = {
  'en-US': {
    saved: 'Saved in this browser',
    notYet: 'Your changes will be saved in this browser',
    damaged: /This link is damaged .*The page is as it was\./,
    newer: /made by a newer version/,
    unavailable: /does not let the page keep your work/,
    full: /storage for the page is full/,
    corrupt: /could not be read back/,
    opened: /Opened from a link as a new workspace/,
    copied: /Link copied/,
  },
  'zh-CN': {
    saved: '已保存在此浏览器中',
    notYet: '你的修改会保存在此浏览器中',
    damaged: /此链接已损坏.*页面保持原样/,
    newer: /更新版本/,
    unavailable: /此浏览器不允许页面保存你的工作/,
    full: /存储空间已满/,
    corrupt: /无法读取/,
    opened: /已从链接打开为新的工作区/,
    copied: /链接已复制/,
  },
};

const lost = (page) => page.locator('[data-input="customers_lost"]').first();
const status = (page) => page.locator('[data-testid="workspace-status"]');
const problem = (page) => page.locator('[data-testid="workspace-problem"]');
const select = (page) => page.locator('[data-testid="workspace-select"]');

/** Opens the page and waits until the form holds values (the sample, or what was kept). */
async function open(page, url = fx.server.url) {
  await page.goto(url);
  await assertEventually(async () => assert.notEqual(await lost(page).inputValue(), ''), 15000).catch(() => undefined);
  await status(page).waitFor({ timeout: 15000 });
}

/** Every KPI value of the calculator's group sections, by id (the core's raw numbers). */
function kpiValues(page) {
  return page
    .locator('section.group [data-kpi] [data-role="value"]')
    .evaluateAll((els) => els.map((e) => `${e.closest('[data-kpi]').getAttribute('data-kpi')}=${e.getAttribute('data-raw')}`).sort());
}

async function churnRaw(page) {
  return page.locator('section.group [data-kpi="churn_rate"] [data-role="value"]').first().getAttribute('data-raw');
}

/**
 * Waits for the save of a change just made. The page renders in its next task, so "saved" read at
 * once may be the status from before the change: first "saving" (at least AUTOSAVE_MS long; skipped
 * when that save had already ended, or nothing was changed), then "saved".
 */
async function waitSaved(page, words) {
  await assertEventually(async () => assert.equal(await status(page).getAttribute('data-status'), 'saving'), 2000).catch(() => undefined);
  await assertEventually(async () => assert.equal(await status(page).innerText(), words.saved), 8000);
}

async function openMenu(page) {
  const menu = page.locator('[data-testid="workspace-menu"]');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

/** Types, moves a slider, reads the survey sample and picks a currency; answers what the page then shows. */
async function doSomeWork(page) {
  await lost(page).fill('123');
  const slider = page.locator('[data-testid="slider-retention_rate"]');
  await slider.fill(String(Number(await slider.getAttribute('max'))));
  const panel = filesPanel(page);
  await panel.files().locator('[data-testid="kind-list"] li[data-kind="survey"] strong').waitFor({ timeout: 15000 });
  await panel.importFile(SURVEY, 'survey');
  await page.locator('[data-testid="currency-select"]').selectOption('EUR');
  await assertEventually(async () => assert.notEqual(await churnRaw(page), ''));
  return { slider: await slider.inputValue(), total: await page.locator('[data-testid="total-revenue"]').innerText() };
}

test('en-US: typed values, a slider, a file result and the currency come back after a reload', async () => {
  const words = WORDS['en-US'];
  const context = await fx.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await open(page);
  assert.equal(await lost(page).inputValue(), '210', 'a first visit shows the sample');
  assert.equal(await status(page).innerText(), words.notYet, 'nothing is saved before a change');

  const shown = await doSomeWork(page);
  await waitSaved(page, words);
  const kpis = await kpiValues(page);
  assert.ok(kpis.length >= 30, `KPIs shown (${kpis.length})`);

  await page.reload();
  await open(page);
  await assertEventually(async () => assert.equal(await lost(page).inputValue(), '123'), 15000);
  assert.equal(await status(page).innerText(), words.saved);
  assert.equal(await page.locator('[data-testid="currency-select"]').inputValue(), 'EUR');
  await assertEventually(async () => assert.deepEqual(await kpiValues(page), kpis));
  assert.equal(await page.locator('[data-testid="slider-retention_rate"]').inputValue(), shown.slider);
  await assertEventually(async () => assert.equal(await page.locator('[data-testid="total-revenue"]').innerText(), shown.total));
  const panel = filesPanel(page);
  assert.equal(await panel.result().getAttribute('data-kind'), 'survey');
  assert.match(await panel.result().innerText(), /survey\.csv/);

  // The file's bytes were not kept: what needs them says so, and reading the file again works.
  const restored = page.locator('[data-testid="file-restored"]');
  assert.match(await restored.innerText(), /read the file again/i);
  await panel.result().locator('[data-testid="mapping-toggle"]').click();
  await assertEventually(async () =>
    assert.equal(await panel.result().locator('[data-testid="mapping-apply"]').isDisabled(), true, 'a new mapping waits for the file'));
  await panel.files().locator('[data-testid="file-read-again"]').setInputFiles(SURVEY);
  await assertEventually(async () => assert.equal(await restored.count(), 0), 15000);
  assert.ok(Number(await panel.result().getAttribute('data-import')) > 0, 'a new import of the file');

  // Keeping the files themselves: after a reload the result needs nothing more.
  await openMenu(page);
  await page.locator('[data-testid="keep-files"]').check();
  await waitSaved(page, words);
  await page.reload();
  await open(page);
  await assertEventually(async () => assert.equal(await panel.result().getAttribute('data-kind'), 'survey'), 15000);
  assert.equal(await restored.count(), 0, 'the file was kept with its result');
  await openMenu(page);
  assert.equal(await page.locator('[data-testid="keep-files"]').isChecked(), true);
  await context.close();
});

test('en-US: workspaces are created, renamed, duplicated, switched and deleted', async () => {
  const words = WORDS['en-US'];
  const context = await fx.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await open(page);
  await lost(page).fill('123');
  await waitSaved(page, words);
  const names = () => select(page).locator('option').allInnerTexts();
  assert.deepEqual(await names(), ['My workspace']);

  // New: an empty workspace, saved at once.
  await openMenu(page);
  await page.locator('[data-testid="workspace-new"]').click();
  await assertEventually(async () => assert.equal(await lost(page).inputValue(), ''));
  assert.deepEqual((await names()).sort(), ['My workspace', 'Workspace 2']);
  await lost(page).fill('77');
  await waitSaved(page, words);

  // Rename with the keyboard: Enter saves.
  await openMenu(page);
  await page.locator('[data-testid="workspace-rename-start"]').click();
  const nameField = page.locator('[data-testid="workspace-name"]');
  await nameField.fill('Client B');
  await nameField.press('Enter');
  await assertEventually(async () => assert.deepEqual((await names()).sort(), ['Client B', 'My workspace']));

  // Duplicate: a copy with the same values, shown.
  await openMenu(page);
  await page.locator('[data-testid="workspace-duplicate"]').click();
  await assertEventually(async () => assert.deepEqual((await names()).sort(), ['Client B', 'Client B (copy)', 'My workspace']));
  const selected = () => select(page).evaluate((s) => s.options[s.selectedIndex].text);
  assert.equal(await selected(), 'Client B (copy)');
  assert.equal(await lost(page).inputValue(), '77');

  // Switching brings each workspace's values back.
  await select(page).selectOption({ label: 'My workspace' });
  await assertEventually(async () => assert.equal(await lost(page).inputValue(), '123'));
  await select(page).selectOption({ label: 'Client B' });
  await assertEventually(async () => assert.equal(await lost(page).inputValue(), '77'));

  // Delete asks first; "Keep it" keeps it; then it goes, and another workspace is shown.
  await openMenu(page);
  await page.locator('[data-testid="workspace-delete"]').click();
  const confirm = page.locator('[data-testid="workspace-confirm"]');
  assert.match(await confirm.innerText(), /Delete the workspace “Client B”/);
  await page.locator('[data-testid="workspace-confirm-no"]').click();
  await assertEventually(async () => assert.equal(await confirm.count(), 0));
  assert.equal((await names()).length, 3);
  await openMenu(page);
  await page.locator('[data-testid="workspace-delete"]').click();
  await page.locator('[data-testid="workspace-confirm-yes"]').click();
  await assertEventually(async () => assert.deepEqual((await names()).sort(), ['Client B (copy)', 'My workspace']));
  assert.notEqual(await selected(), 'Client B');

  // The workspace shown last is the one a reload opens.
  await select(page).selectOption({ label: 'My workspace' });
  await assertEventually(async () => assert.equal(await lost(page).inputValue(), '123'));
  await page.reload();
  await open(page);
  await assertEventually(async () => assert.equal(await lost(page).inputValue(), '123'), 15000);
  assert.equal(await selected(), 'My workspace');
  await context.close();
});

for (const locale of ['en-US', 'zh-CN']) {
  test(`${locale}: Copy link opened in a fresh browser shows the same KPIs; a damaged link leaves the page as it was`, async () => {
    const words = WORDS[locale];
    const context = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fx.server.url });
    const page = await context.newPage();
    await open(page);
    const shown = await doSomeWork(page);
    await waitSaved(page, words);
    const kpis = await kpiValues(page);
    await page.locator('[data-testid="copy-link"]').click();
    assert.match(await page.locator('[data-testid="link-copied"]').innerText(), words.copied);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${fx.server.url}#w2.`), `the state is in the fragment: ${link.slice(0, 60)}…`);
    assert.ok(!new URL(link).search, 'nothing in the query');

    const other = await fx.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const fresh = await other.newPage();
    await open(fresh, link);
    await assertEventually(async () => assert.equal(await lost(fresh).inputValue(), '123'), 15000);
    await assertEventually(async () => assert.deepEqual(await kpiValues(fresh), kpis));
    await assertEventually(async () => assert.equal(await fresh.locator('[data-testid="total-revenue"]').innerText(), shown.total));
    assert.equal(await fresh.locator('[data-testid="currency-select"]').inputValue(), 'EUR');
    assert.equal(await fresh.locator('.app').getAttribute('lang'), locale === 'zh-CN' ? 'zh-CN' : 'en', 'the language travels');
    assert.match(await fresh.locator('[data-testid="workspace-notice"]').innerText(), words.opened);
    assert.equal(await fresh.evaluate(() => location.hash), '', 'the fragment is cleared once read');
    assert.equal(await filesPanel(fresh).result().count(), 0, 'no file rows travel, only their inputs');
    // The link was kept as a workspace: a reload shows it again.
    await waitSaved(fresh, words);
    await fresh.reload();
    await open(fresh);
    await assertEventually(async () => assert.deepEqual(await kpiValues(fresh), kpis), 15000);
    await other.close();

    // A damaged link and one from a newer version: a clear message, and the page as it was.
    const third = await fx.browser.newContext({ locale, viewport: { width: 390, height: 844 } });
    const page3 = await third.newPage();
    let before = '210'; // the sample at first, then what was typed and kept
    for (const [bad, pattern] of [
      [link.slice(0, Math.floor(link.length * 0.6)), words.damaged],
      [link.replace('#w2.', '#w9.'), words.newer],
    ]) {
      await open(page3, bad);
      await assertEventually(async () => assert.match(await problem(page3).innerText(), pattern), 15000);
      await assertEventually(async () => assert.equal(await lost(page3).inputValue(), before), 8000);
      before = String(Number(before) + 1);
      const churn = await churnRaw(page3);
      await lost(page3).fill(before);
      await assertEventually(async () => assert.notEqual(await churnRaw(page3), churn), 8000);
      await waitSaved(page3, words);
    }
    // A link pasted into the address bar of an open page changes only the fragment: it opens too.
    await page3.evaluate((hash) => (location.hash = hash), new URL(link).hash);
    await assertEventually(async () => assert.equal(await lost(page3).inputValue(), '123'), 15000);
    assert.match(await page3.locator('[data-testid="workspace-notice"]').innerText(), words.opened);
    assert.equal(await select(page3).locator('option').count(), 2, 'a new workspace beside the one kept before');
    await third.close();
    await context.close();
  });

  test(`${locale}: IndexedDB refused, full or damaged: a message, and the page still computes`, async () => {
    const words = WORDS[locale];
    // Refused: reading indexedDB throws, as with site data blocked.
    const refused = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    await refused.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    let page = await refused.newPage();
    await open(page);
    await assertEventually(async () => assert.match(await problem(page).innerText(), words.unavailable), 15000);
    assert.equal(await problem(page).getAttribute('data-code'), 'storage_unavailable');
    const before = await churnRaw(page);
    await lost(page).fill('17');
    await assertEventually(async () => assert.notEqual(await churnRaw(page), before));
    await refused.close();

    // Refused at open(): the same.
    const blocked = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    await blocked.addInitScript(() => {
      IDBFactory.prototype.open = () => { throw new DOMException('blocked', 'InvalidStateError'); };
    });
    page = await blocked.newPage();
    await open(page);
    await assertEventually(async () => assert.equal(await problem(page).getAttribute('data-code'), 'storage_unavailable'), 15000);
    assert.equal(await lost(page).inputValue(), '210');
    await blocked.close();

    // Full: every write fails with QuotaExceededError.
    const full = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    await full.addInitScript(() => {
      const quota = () => { throw new DOMException('quota', 'QuotaExceededError'); };
      IDBObjectStore.prototype.put = quota;
      IDBObjectStore.prototype.add = quota;
    });
    page = await full.newPage();
    await open(page);
    await lost(page).fill('18');
    await assertEventually(async () => assert.match(await problem(page).innerText(), words.full));
    assert.equal(await problem(page).getAttribute('data-code'), 'storage_full');
    await assertEventually(async () => assert.notEqual(await churnRaw(page), ''));
    await full.close();

    // Damaged: a kept workspace that no longer reads back. The sample is shown and it can be forgotten.
    const damaged = await fx.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    page = await damaged.newPage();
    await open(page);
    await lost(page).fill('19');
    await waitSaved(page, words);
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('servimetrics');
          req.onsuccess = () => {
            const tx = req.result.transaction('workspaces', 'readwrite');
            const store = tx.objectStore('workspaces');
            store.getAll().onsuccess = (e) => {
              for (const record of e.target.result) store.put({ ...record, state: { ...record.state, form: 42 } });
            };
            tx.oncomplete = () => { req.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await page.reload();
    await open(page);
    await assertEventually(async () => assert.match(await problem(page).innerText(), words.corrupt), 15000);
    assert.equal(await problem(page).getAttribute('data-code'), 'storage_corrupt');
    assert.equal(await lost(page).inputValue(), '210', 'the sample instead');
    await page.locator('[data-testid="workspace-forget-damaged"]').click();
    await assertEventually(async () => assert.equal(await problem(page).count(), 0));
    await lost(page).fill('20');
    await waitSaved(page, words);
    await damaged.close();
  });
}

test('en-US: Forget this browser\'s data asks first, then leaves no database and no settings', async () => {
  const words = WORDS['en-US'];
  const context = await fx.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await open(page);
  await lost(page).fill('123');
  await page.locator('[data-testid="lang-toggle"]').click(); // a localStorage setting
  await waitSaved(page, WORDS['zh-CN']);
  const stored = () =>
    page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      keys: Object.keys(localStorage).filter((k) => k.startsWith('servimetrics.')),
    }));
  const kept = await stored();
  assert.ok(kept.databases.includes('servimetrics'));
  assert.ok(kept.keys.includes('servimetrics.lang'));

  await openMenu(page);
  await page.locator('[data-testid="workspace-forget"]').click();
  await page.locator('[data-testid="workspace-confirm-yes"]').click();
  await assertEventually(async () => assert.equal(await lost(page).inputValue(), '210'), 8000);
  assert.equal(await page.locator('[data-testid="workspace-notice"]').getAttribute('data-notice'), 'forgotten');
  assert.equal(await page.locator('.app').getAttribute('lang'), 'en', "back to the browser's language");
  assert.deepEqual(await stored(), { databases: [], keys: [] });

  await page.reload();
  await open(page);
  assert.equal(await lost(page).inputValue(), '210');
  assert.equal(await status(page).innerText(), words.notYet);
  await context.close();
});
