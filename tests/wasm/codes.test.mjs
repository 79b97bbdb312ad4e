// Every message code has one meaning and is written down once (issue 11): each code of the page's
// tables (web/src/i18n/messages/) is in exactly one table, in en and zh-CN, with known placeholder
// formats, is listed in docs/codes/, and is a string the core writes; and every code the built
// module answers with, on every sample, bad request and broken file, has a text in the tables.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { importFile, loadModule, root } from './module.mjs';

const { importMessages } = await import('../../web/src/i18n/messages/import.ts');
const { analyzeMessages } = await import('../../web/src/i18n/messages/analyze.ts');
const { requestMessages } = await import('../../web/src/i18n/messages/request.ts');
const { whatifMessages } = await import('../../web/src/i18n/messages/whatif.ts');
const { modelsMessages } = await import('../../web/src/i18n/messages/models.ts');
const tables = { import: importMessages, analyze: analyzeMessages, request: requestMessages, whatif: whatifMessages, models: modelsMessages };
const all = { ...importMessages, ...analyzeMessages, ...requestMessages, ...whatifMessages, ...modelsMessages };
const FORMATS = new Set(['number', 'count', 'percent', 'money', 'input', 'kpi', 'field', 'fields', 'kind', 'list', 'lines', 'text']);

let m;
before(async () => {
  m = await loadModule();
});

function coreSources(dir = path.join(root, 'core/src')) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? coreSources(path.join(dir, e.name)) : [fs.readFileSync(path.join(dir, e.name), 'utf8')],
  );
}

test('each code is in one table, in both languages, with known placeholders', () => {
  const seen = new Map();
  for (const [name, table] of Object.entries(tables)) {
    for (const [code, text] of Object.entries(table)) {
      assert.ok(!seen.has(code), `${code} is in both ${seen.get(code)} and ${name}`);
      seen.set(code, name);
      assert.match(code, /^[a-z][a-z0-9_]*$/, code);
      for (const lang of ['en', 'zh-CN']) {
        assert.equal(typeof text[lang], 'string', `${code}.${lang}`);
        assert.ok(text[lang].trim().length > 0, `${code}.${lang} is empty`);
        for (const [, , format] of text[lang].matchAll(/\{(\w+)(?::(\w+))?\}/g)) {
          if (format) assert.ok(FORMATS.has(format), `${code}.${lang}: unknown format ${format}`);
        }
      }
      assert.match(text['zh-CN'], /[\u4e00-\u9fff]/, `${code}: the Chinese text is Chinese`);
    }
  }
  assert.ok(seen.size > 200, `${seen.size} codes`);
});

test('every code is listed in docs/codes/ and written by the core', () => {
  const docs = fs.readdirSync(path.join(root, 'docs/codes')).map((f) => fs.readFileSync(path.join(root, 'docs/codes', f), 'utf8')).join('\n');
  // The codes of a row are the `code`s in its first cell.
  const listed = new Set(
    [...docs.matchAll(/^\|([^|\n]*)\|/gm)].flatMap((row) => [...row[1].matchAll(/`([a-z0-9_]+)`/g)].map((x) => x[1])),
  );
  const core = coreSources().join('\n');
  const problems = [];
  for (const code of Object.keys(all)) {
    if (!listed.has(code)) problems.push(`${code} is not listed in docs/codes/`);
    // Input-value codes are written once with a prefix: "count_" + "not_a_number".
    const prefixed = /^(count|group|threshold|projection)_(.*)$/.exec(code);
    const written = core.includes(`"${code}"`) || (prefixed && core.includes(`"${prefixed[1]}_"`) && core.includes(`"${prefixed[2]}"`));
    if (!written) problems.push(`${code} is not a string of the core`);
  }
  for (const code of listed) if (!(code in all)) problems.push(`docs/codes/ lists ${code}, which no table has`);
  assert.deepEqual(problems, []);
});

/** Every {code} object found anywhere in an answer. */
function codesIn(node, found = new Set()) {
  if (Array.isArray(node)) for (const x of node) codesIn(x, found);
  else if (node && typeof node === 'object') {
    if (typeof node.code === 'string') found.add(node.code);
    if (typeof node.encoding_reason_code === 'string') found.add(node.encoding_reason_code);
    for (const x of Object.values(node)) codesIn(x, found);
  }
  return found;
}

test('every code the module answers with has a text', () => {
  const found = new Set();
  const samples = path.join(root, 'public/samples');
  for (const file of fs.readdirSync(samples)) {
    const bytes = fs.readFileSync(path.join(samples, file));
    if (file.endsWith('.json')) {
      codesIn(JSON.parse(m.compute(bytes.toString('utf8'))), found);
      continue;
    }
    for (const kind of ['auto', 'transactions', 'subscriptions', 'survey', 'tickets', 'spend', 'ledger', 'customer_summary', 'survival_table']) {
      const { answer, rejects } = importFile(m, { kind, period: kind === 'survey' ? 'week' : 'month' }, bytes);
      codesIn(answer, found);
      codesIn(rejects, found);
    }
  }
  codesIn(JSON.parse(m.compute(fs.readFileSync(path.join(root, 'tests/golden/requests/bad.json'), 'utf8'))), found);
  for (const text of ['', '{', '[]', '{"inputs": 1}', '{"inputs": {}, "compact": 1, "x": 2}']) codesIn(JSON.parse(m.compute(text)), found);
  for (const content of ['', '\u0000\u0001\u0002binary', 'a,b\n1,2\n', 'date,amount\n"2024-01-01,5\n']) {
    codesIn(importFile(m, 'transactions', content).answer, found);
  }
  codesIn(importFile(m, 'nonsense', 'a\n1\n').answer, found);
  const missing = [...found].filter((code) => code !== '' && !(code in all));
  assert.deepEqual(missing, [], 'codes without a text in web/src/i18n/messages/');
  assert.ok(found.size > 30, `${found.size} codes seen`);
});
