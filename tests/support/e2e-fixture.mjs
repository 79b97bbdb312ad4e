// One static server of the built page, one Chromium and one temporary folder for an e2e test file:
// started before its tests (then `setUp`, if given), closed after them.
import { before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStaticServer } from './static-server.mjs';
import { launchChromium } from './browser.mjs';

export function e2eFixture(name, setUp) {
  const fx = { server: undefined, browser: undefined, tmp: undefined };
  before(async () => {
    fx.tmp = fs.mkdtempSync(path.join(os.tmpdir(), `servimetrics-${name}-`));
    fx.server = await startStaticServer();
    fx.browser = await launchChromium();
    if (setUp) await setUp(fx);
  });
  after(async () => {
    await fx.browser?.close();
    await fx.server?.close();
    if (fx.tmp) fs.rmSync(fx.tmp, { recursive: true, force: true });
  });
  return fx;
}
