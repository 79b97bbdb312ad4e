// The page's files panel for the e2e tests: its result, the number of the last import shown, and
// a file read through the file input, waiting until its result is shown.
import assert from 'node:assert/strict';
import path from 'node:path';
import { assertEventually } from './eventually.mjs';

export function filesPanel(page) {
  const files = () => page.locator('[data-testid="files-section"]');
  const result = () => files().locator('[data-testid="kind-result"]');
  async function lastImport() {
    if ((await result().count()) === 0) return 0;
    return Number(await result().getAttribute('data-import'));
  }
  /** Reads `file` as `kind` through the files panel and waits for its result to be shown. */
  async function importFile(file, kind, timeoutMs = 15000) {
    const before = await lastImport();
    await files().locator('[data-testid="kind-select"]').selectOption(kind);
    await files().locator('[data-testid="file-input"]').setInputFiles(file);
    await assertEventually(async () => assert.ok((await lastImport()) > before, `the result of ${path.basename(file)} is shown`), timeoutMs);
  }
  return { files, result, lastImport, importFile };
}
