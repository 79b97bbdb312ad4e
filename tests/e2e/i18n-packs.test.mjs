// End to end in Chromium (issue 16): Chinese comes in language packs loaded when a page speaks it
// (language-packs.ts), and a Chinese visitor never sees English meanwhile: the page and the embed's
// card wait for the pack before they first render. Every animation frame from the first script on, a
// watcher reads the element's shadow root and notes any English UI text it finds; none may show up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { e2eFixture } from '../support/e2e-fixture.mjs';
import { startStaticServer } from '../support/static-server.mjs';

const fx = e2eFixture('i18n-packs');
// Some English UI texts, read from en.ts (the e2e tests run without a TypeScript loader).
const enSource = fs.readFileSync(new URL('../../web/src/i18n/en.ts', import.meta.url), 'utf8');
const enText = (key) => {
  const m = new RegExp(`^  ${key}: '((?:[^'\\\\]|\\\\.)*)',$`, 'm').exec(enSource);
  assert.ok(m, `en.ts has ${key}`);
  return m[1].replace(/\\(.)/g, '$1');
};
const en = Object.fromEntries(['engineStarting', 'appTagline', 'loadSample', 'privacyNote', 'currency'].map((k) => [k, enText(k)]));
const ENGLISH = Object.values(en);

/** Watches every frame for English UI texts in any <servimetrics-calculator>'s shadow root. */
const watcher = (english) => {
  const seen = new Set();
  window.__englishSeen = seen;
  window.__framesWatched = 0;
  const look = () => {
    window.__framesWatched++;
    for (const el of document.querySelectorAll('servimetrics-calculator')) {
      const text = el.shadowRoot?.textContent ?? '';
      for (const e of english) if (text.includes(e)) seen.add(e);
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

const shadowText = (page) => page.evaluate(() => document.querySelector('servimetrics-calculator').shadowRoot.textContent);

async function watch(context) {
  await context.addInitScript(watcher, ENGLISH.filter((t) => t.length > 0));
}

for (const [locale, tagline] of [['zh-CN', '用数字衡量服务业务的价值'], ['zh-TW', '用數字衡量服務業務的價值']]) {
  test(`${locale}: the page's first render is already in ${locale}, never English`, async () => {
    const context = await fx.browser.newContext({ locale, viewport: { width: 390, height: 800 } });
    await watch(context);
    const page = await context.newPage();
    const packs = [];
    page.on('request', (r) => {
      const m = /\/(zh-(?:CN|TW)-pack)-[\w-]+\.js$/.exec(r.url());
      if (m) packs.push(m[1]);
    });
    try {
      await page.goto(fx.server.url);
      await page.locator('section.group article.kpi[data-kpi] [data-role="value"][data-raw]:not([data-raw=""])').first().waitFor({ timeout: 20000 });
      assert.ok((await shadowText(page)).includes(tagline), `the ${locale} tagline is there`);
      assert.deepEqual(packs, [`${locale}-pack`], `only the ${locale} pack is fetched`);
      assert.ok((await page.evaluate(() => window.__framesWatched)) > 5, 'the watcher ran');
      assert.deepEqual(await page.evaluate(() => [...window.__englishSeen]), [], 'no English text in any frame');
    } finally {
      await context.close();
    }
  });
}

test('English needs no pack', async () => {
  const context = await fx.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const packs = [];
  page.on('request', (r) => {
    if (/-pack-[\w-]+\.js$/.test(r.url())) packs.push(r.url());
  });
  try {
    await page.goto(fx.server.url);
    await page.locator('section.group article.kpi[data-kpi] [data-role="value"][data-raw]:not([data-raw=""])').first().waitFor({ timeout: 20000 });
    assert.ok((await shadowText(page)).includes(en.appTagline));
    assert.deepEqual(packs, []);
  } finally {
    await context.close();
  }
});

// A host page of the embed's own origin (beside the script, as build/web/embed/ serves it).
const CARD_HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="/embed/servimetrics-embed.js"></script></head>
<body><p>An English host page.</p>
<servimetrics-calculator layout="compact" lang="zh-CN" kpis="clv"></servimetrics-calculator></body></html>`;

test('a compact card with lang="zh-CN" in an English host page shows Chinese from its first frame', async () => {
  const server = await startStaticServer({ pages: { '/embed/zh-card.html': CARD_HOST } });
  const context = await fx.browser.newContext({ locale: 'en-US' });
  await watch(context);
  const page = await context.newPage();
  try {
    await page.goto(new URL('embed/zh-card.html', server.url).href);
    const card = page.locator('servimetrics-calculator');
    await card.locator('[part="kpi-value"]', { hasText: /\d/ }).first().waitFor({ timeout: 20000 });
    assert.match(await shadowText(page), /生命周期价值/);
    assert.ok((await page.evaluate(() => window.__framesWatched)) > 5, 'the watcher ran');
    assert.deepEqual(await page.evaluate(() => [...window.__englishSeen]), [], 'no English text in any frame');
  } finally {
    await context.close();
    await server.close();
  }
});
