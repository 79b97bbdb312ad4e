// End to end in Chromium: the embed served from one origin, used by a host page of another origin under
// a strict Content-Security-Policy (docs/EMBED.md). The element renders and computes, its attributes
// and the host's custom properties take effect, it fits a 360 px column, styles leak neither way, the
// host's title and lang stay, its events arrive, nothing goes to a third origin; and the same through
// the iframe page, which sizes its frame by postMessage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../support/static-server.mjs';
import { launchChromium } from '../support/browser.mjs';
import { assertEventually } from '../support/eventually.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sample = JSON.parse(fs.readFileSync(path.join(repo, 'public/samples/sample-company.json'), 'utf8')).inputs;
const ACCENT = 'rgb(200, 30, 90)';

let embed;
let host;
let browser;
let tmp;

// The host's own files: its styles (hostile to the embed on purpose) and a listener for the events.
const HOST_CSS = `h2 { color: rgb(255, 0, 0); }
* { font-size: 40px; }
.col { width: 360px; }
servimetrics-calculator { --servimetrics-accent: ${ACCENT}; --servimetrics-radius: 4px; }`;
const HOST_JS = `window.__events = [];
for (const type of ['servimetrics-ready', 'servimetrics-update']) {
  document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: JSON.parse(JSON.stringify({ kpis: e.detail.kpis, inputs: e.detail.inputs })) }));
}
const h2 = getComputedStyle(document.getElementById('host-h2'));
window.__hostBefore = { color: h2.color, fontSize: h2.fontSize, fontFamily: h2.fontFamily, boxSizing: h2.boxSizing };`;
// The iframe's host: the five lines docs/EMBED.md gives, and a record of what came.
const FRAME_HOST_JS = (origin) => `window.__messages = [];
addEventListener('message', (e) => {
  if (e.origin !== '${origin}') return;
  window.__messages.push(e.data);
  if (e.data?.type === 'servimetrics-resize') document.getElementById('calc').style.height = e.data.height + 'px';
});`;

function hostPolicy(embedOrigin) {
  return [
    "default-src 'self'",
    `script-src 'self' ${embedOrigin} 'wasm-unsafe-eval'`,
    `worker-src blob: ${embedOrigin}`,
    `connect-src ${embedOrigin}`,
    "style-src 'self'",
    `frame-src ${embedOrigin}`,
    "object-src 'none'",
  ].join('; ');
}

const hostPage = (embedUrl) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Host page</title>
<link rel="stylesheet" href="/host.css">
<script type="module" src="${embedUrl}embed/servimetrics-embed.js"></script>
</head><body>
<h2 id="host-h2">Unser Rechner</h2>
<div class="col" id="col">
  <servimetrics-calculator id="clv" layout="compact" kpis="clv" lang="en" currency="EUR"></servimetrics-calculator>
</div>
<div id="bad-col" class="col">
  <servimetrics-calculator id="bad" layout="compact" kpis="clv,no_such_kpi" currency="XYZ"></servimetrics-calculator>
</div>
<div id="wide"><servimetrics-calculator id="full" lang="en"></servimetrics-calculator></div>
<script src="/host.js"></script>
</body></html>`;

const framePage = (embedUrl) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Frame host</title><link rel="stylesheet" href="/host.css"></head><body>
<iframe id="calc" title="Servimetrics" src="${embedUrl}embed.html?layout=compact&kpis=clv&lang=zh-TW&accent=rgb(200,30,90)"></iframe>
<script src="/frame-host.js"></script>
</body></html>`;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'servimetrics-embed-'));
  embed = await startStaticServer({ cors: true });
  const embedOrigin = new URL(embed.url).origin;
  fs.writeFileSync(path.join(tmp, 'host.css'), HOST_CSS);
  fs.writeFileSync(path.join(tmp, 'host.js'), HOST_JS);
  fs.writeFileSync(path.join(tmp, 'frame-host.js'), FRAME_HOST_JS(embedOrigin));
  host = await startStaticServer({
    root: tmp,
    headers: { 'Content-Security-Policy': hostPolicy(embedOrigin) },
    pages: { '/': hostPage(embed.url), '/frame.html': framePage(embed.url) },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await embed?.close();
  await host?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A new page that records every request and every problem it reports. */
async function open(url, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(url);
  return { page, requests, problems };
}

/** Text and style of the card inside one element's shadow root. */
const card = (page, id) =>
  page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const parts = (name) => [...root.querySelectorAll(`[part~="${name}"]`)];
    return {
      inputs: parts('input').length,
      labels: parts('label').map((l) => l.textContent.trim()),
      results: parts('kpi-value').map((v) => v.textContent.trim()),
      valueColor: parts('kpi-value')[0] ? getComputedStyle(parts('kpi-value')[0]).color : null,
      cardRadius: parts('card')[0] ? getComputedStyle(parts('card')[0]).borderTopLeftRadius : null,
      labelSize: parts('label')[0] ? getComputedStyle(parts('label')[0]).fontSize : null,
      problems: [...root.querySelectorAll('[part="problems"] li')].map((li) => li.textContent),
    };
  }, id);

test('the script embed computes on a host of another origin under a strict policy, as its attributes say', async () => {
  const { page, requests, problems } = await open(host.url);
  try {
    const clv = sample.avg_purchase_value * sample.purchases_per_year * sample.lifespan_years;
    await assertEventually(async () => assert.equal((await card(page, 'clv')).results.length, 1), 20000);
    await assertEventually(async () => {
      const events = await page.evaluate(() => window.__events.filter((e) => e.id === 'clv'));
      const ready = events.find((e) => e.type === 'servimetrics-ready');
      const update = events.find((e) => e.type === 'servimetrics-update');
      assert.ok(ready && update, 'ready and the first update arrive');
      assert.deepEqual(update.detail.kpis.map((k) => k.id), ['clv']);
      assert.equal(update.detail.kpis[0].value, clv);
      assert.equal(update.detail.kpis[0].unit, 'money');
      assert.equal(update.detail.inputs.avg_purchase_value, sample.avg_purchase_value);
    }, 20000);

    const shown = await card(page, 'clv');
    assert.equal(shown.inputs, 3, 'a CLV card has its three inputs');
    assert.match(shown.results[0], /€/, 'in the currency of its attribute');
    assert.equal(shown.valueColor, ACCENT, "the host's --servimetrics-accent colours the value part");
    assert.equal(shown.cardRadius, '4px', "and its --servimetrics-radius rounds the card");
    assert.equal(shown.labelSize, '13px', "the host's * { font-size: 40px } does not reach inside");

    // Typed values recompute; the update carries them.
    const inputs = page.locator('#clv').locator('[part~="input"]');
    await inputs.nth(0).fill('250');
    await inputs.nth(1).fill('4');
    await inputs.nth(2).fill('5');
    await assertEventually(async () => {
      const last = await page.evaluate(() => window.__events.filter((e) => e.id === 'clv' && e.type === 'servimetrics-update').at(-1));
      assert.equal(last.detail.kpis[0].value, 250 * 4 * 5);
    });

    // A value that is no number: said under its field, no result rather than NaN; fixing it brings it back.
    await inputs.nth(1).fill('abc');
    await assertEventually(async () => {
      const shown = await card(page, 'clv');
      assert.equal(shown.results[0], '—');
      const messages = await page.locator('#clv [part~="field"] [part~="message"]').allTextContents();
      assert.ok(messages.length > 0 && messages.every((m) => m.trim() !== '' && !/NaN|undefined/.test(m)), messages.join(' | '));
    });
    await inputs.nth(1).fill('4');
    await assertEventually(async () => assert.notEqual((await card(page, 'clv')).results[0], '—'));

    // A bad attribute is said inside its element; the rest still works.
    const bad = await card(page, 'bad');
    assert.ok(bad.problems.some((p) => p.includes('XYZ')), `the bad currency is reported: ${bad.problems}`);
    assert.ok(bad.problems.some((p) => p.includes('no_such_kpi')), 'the unknown KPI is reported');
    assert.equal(bad.results.length, 1, 'and the known KPI is still shown');

    // The 360 px column: nothing sticks out of it or of any part.
    const overflow = await page.evaluate(() => {
      const col = document.getElementById('col');
      const root = document.getElementById('clv').shadowRoot;
      const wide = [...root.querySelectorAll('[part]')].filter((p) => p.scrollWidth > p.clientWidth + 1).map((p) => p.getAttribute('part'));
      return { col: [col.scrollWidth, col.clientWidth], wide };
    });
    assert.ok(overflow.col[0] <= overflow.col[1], `column ${overflow.col}`);
    assert.deepEqual(overflow.wide, []);

    // Styles leak neither way.
    const leaks = await page.evaluate(() => {
      const h2 = getComputedStyle(document.getElementById('host-h2'));
      const inner = document.getElementById('full').shadowRoot.querySelector('servimetrics-full-calculator')?.shadowRoot?.querySelector('section h2');
      return {
        before: window.__hostBefore,
        after: { color: h2.color, fontSize: h2.fontSize, fontFamily: h2.fontFamily, boxSizing: h2.boxSizing },
        inner: inner ? { color: getComputedStyle(inner).color, fontSize: getComputedStyle(inner).fontSize } : null,
      };
    });
    assert.deepEqual(leaks.after, leaks.before, "the embed's styles change no host element");
    assert.equal(leaks.after.color, 'rgb(255, 0, 0)');
    if (leaks.inner) {
      assert.notEqual(leaks.inner.color, 'rgb(255, 0, 0)', "the host's h2 rule does not reach the calculator's headings");
      assert.notEqual(leaks.inner.fontSize, '40px');
    }

    // Another language: the card speaks it; the host's title and lang stay.
    await page.locator('#clv').evaluate((el) => el.setAttribute('lang', 'zh-CN'));
    await assertEventually(async () => assert.match((await card(page, 'clv')).labels.join(' '), /[\u4e00-\u9fff]/));
    assert.equal(await page.title(), 'Host page');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');

    // The full layout, loaded on demand, computes too and leaves the host's document alone.
    await assertEventually(async () => {
      const ready = await page.evaluate(() => window.__events.some((e) => e.id === 'full' && e.type === 'servimetrics-ready'));
      assert.ok(ready, 'the full layout is ready');
    }, 30000);
    assert.equal(await page.evaluate(() => document.head.querySelectorAll('link, style').length), 1, "nothing added to the host's <head>");
    assert.equal(page.workers().length, 2, 'the two cards share one worker; the full layout has its own');

    // Playwright's locators pierce both shadow roots (the embed's and the calculator's inside it).
    await page.locator('#full [data-lang="zh-CN"]').click();
    await assertEventually(async () =>
      assert.equal(await page.locator('#full [data-lang="zh-CN"]').getAttribute('aria-pressed'), 'true'),
    );
    assert.match(await page.locator('#full [part="topbar"] h1 + p').textContent(), /[\u4e00-\u9fff]/, 'the calculator speaks Chinese');
    assert.equal(await page.title(), 'Host page');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');

    // Samples and templates come from the embed's server, not the host's.
    const template = await page.locator('#full [data-testid="template-transactions"]').getAttribute('href');
    assert.equal(template, `${embed.url}templates/transactions.csv`);
    const fullUpdates = () => page.evaluate(() => window.__events.filter((e) => e.id === 'full' && e.type === 'servimetrics-update').length);
    const updatesBefore = await fullUpdates();
    await page.locator('#full [data-testid="sample-transactions"]').click();
    await assertEventually(async () => assert.ok(requests.includes(`${embed.url}samples/transactions.csv`), 'the sample is fetched from the embed'), 20000);
    await assertEventually(async () => {
      assert.ok((await fullUpdates()) > updatesBefore, 'the sample file gives a new result');
    }, 30000);

    const origins = new Set(requests.map((u) => new URL(u).origin).filter((o) => o !== 'null'));
    const allowed = new Set([new URL(host.url).origin, new URL(embed.url).origin]);
    assert.deepEqual([...origins].filter((o) => !allowed.has(o)), [], 'no request to a third origin');
    assert.ok(requests.some((u) => u.startsWith(embed.url) && u.endsWith('.wasm')), 'the wasm comes from the embed origin');
    assert.deepEqual(problems.filter((p) => /Content Security Policy|Failed to construct|Refused/i.test(p)), []);
  } finally {
    await page.close();
  }
});

test('the full layout fits 320, 360, 768 and 1,440 px columns by its own width', async () => {
  for (const width of [320, 360, 768, 1440]) {
    const { page } = await open(host.url, { width: Math.max(1280, width + 60), height: 900 });
    try {
      await page.evaluate((w) => (document.getElementById('wide').style.width = `${w}px`), width);
      await assertEventually(async () => {
        const ready = await page.evaluate(() => window.__events.some((e) => e.id === 'full' && e.type === 'servimetrics-ready'));
        assert.ok(ready);
      }, 30000);
      await page.waitForTimeout(200);
      const sizes = await page.evaluate(() => {
        const wide = document.getElementById('wide');
        const app = document.getElementById('full').shadowRoot.querySelector('servimetrics-full-calculator').shadowRoot.querySelector('.app');
        const inner = [...app.querySelectorAll('section, header, nav, .panel, .card, .kpi-unit')]
          .filter((e) => e.getBoundingClientRect().right > wide.getBoundingClientRect().right + 1)
          .map((e) => e.className || e.tagName);
        return { wide: [wide.scrollWidth, wide.clientWidth], app: [app.scrollWidth, app.clientWidth], inner: inner.slice(0, 5) };
      });
      assert.ok(sizes.wide[0] <= sizes.wide[1], `${width}px column: ${sizes.wide}`);
      assert.ok(sizes.app[0] <= sizes.app[1], `${width}px: the calculator ${sizes.app}`);
      assert.deepEqual(sizes.inner, [], `${width}px: nothing past the column's right edge`);
    } finally {
      await page.close();
    }
  }
});

test('through an iframe the frame follows its content height and its updates reach the host', async () => {
  const { page, requests } = await open(`${host.url}frame.html`);
  try {
    await assertEventually(async () => {
      const kinds = await page.evaluate(() => window.__messages.map((m) => m.type));
      assert.ok(kinds.includes('servimetrics-update') && kinds.includes('servimetrics-resize'), kinds.join());
    }, 20000);
    const update = await page.evaluate(() => window.__messages.find((m) => m.type === 'servimetrics-update'));
    assert.equal(update.detail.kpis[0].id, 'clv');
    assert.equal(update.detail.kpis[0].value, sample.avg_purchase_value * sample.purchases_per_year * sample.lifespan_years);

    const frame = page.frames().find((f) => f.url().includes('embed.html'));
    const heights = async () => ({
      iframe: await page.evaluate(() => document.getElementById('calc').clientHeight),
      content: await frame.evaluate(() => Math.ceil(document.querySelector('servimetrics-calculator').getBoundingClientRect().height)),
    });
    await assertEventually(async () => {
      const h = await heights();
      assert.ok(h.content > 100, `content ${h.content}`);
      assert.equal(Math.round(h.iframe), h.content);
    });
    const first = (await heights()).content;
    await frame.evaluate(() => document.querySelector('servimetrics-calculator').setAttribute('kpis', 'clv,cltv,nps'));
    await assertEventually(async () => {
      const h = await heights();
      assert.ok(h.content > first, `grew: ${first} → ${h.content}`);
      assert.equal(Math.round(h.iframe), h.content);
    }, 10000);
    // zh-TW from the URL; the accent from its parameter.
    const text = await frame.evaluate(() => document.querySelector('servimetrics-calculator').shadowRoot.textContent);
    assert.match(text, /顧客|客戶/);
    const colour = await frame.evaluate(() => getComputedStyle(document.querySelector('servimetrics-calculator').shadowRoot.querySelector('[part="kpi-value"]')).color);
    assert.equal(colour, ACCENT);
    const allowed = new Set([new URL(host.url).origin, new URL(embed.url).origin]);
    assert.deepEqual([...new Set(requests.map((u) => new URL(u).origin))].filter((o) => o !== 'null' && !allowed.has(o)), []);
  } finally {
    await page.close();
  }
});
