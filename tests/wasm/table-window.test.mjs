// web/src/engine/table-window.ts: the windows of a whole answer table the worker (and the page, for
// the rows it has) serves the virtual table: numbers sorted as numbers, texts in the locale's order,
// blank cells last both ways, ties in the core's order, a case-insensitive filter over every cell's
// text, offsets and counts clamped; and a 400,000-row table sorted and filtered in reasonable time.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { TableWindower, filterKey } = await import('../../web/src/engine/table-window.ts');

const rows = [
  ['C10', 5, 120.5, 'Zürich', true],
  ['C2', 3, 9000, 'aachen', false],
  ['c1', 7, null, 'Äpfel', true],
  ['C3', 3, 45, null, false],
  ['C20', 1, -2, 'Berlin', null],
];
const all = { sort: null, filter: '', offset: 0, count: 100 };
const ids = (w) => w.rows.map((r) => r[0]);

test('no sort keeps the core order; offsets and counts are clamped', () => {
  const t = new TableWindower(rows, 'en');
  assert.deepEqual(ids(t.window(all)), ['C10', 'C2', 'c1', 'C3', 'C20']);
  const w = t.window({ ...all, offset: 3, count: 10 });
  assert.deepEqual(ids(w), ['C3', 'C20']);
  assert.equal(w.offset, 3);
  assert.equal(w.matching, 5);
  assert.equal(w.total, 5);
  assert.deepEqual(t.window({ ...all, offset: 99, count: 10 }).rows, []);
  assert.equal(t.window({ ...all, offset: -4, count: 2 }).offset, 0);
  assert.deepEqual(t.window({ ...all, count: -1 }).rows, []);
});

test('numbers sort numerically, blanks last in both directions, ties keep the core order', () => {
  const t = new TableWindower(rows, 'en');
  assert.deepEqual(ids(t.window({ ...all, sort: { column: 2, descending: true } })), ['C2', 'C10', 'C3', 'C20', 'c1']);
  assert.deepEqual(ids(t.window({ ...all, sort: { column: 2, descending: false } })), ['C20', 'C3', 'C10', 'C2', 'c1']);
  // C2 and C3 both have 3 orders: the core's order (C2 first) either way.
  assert.deepEqual(ids(t.window({ ...all, sort: { column: 1, descending: true } })), ['c1', 'C10', 'C2', 'C3', 'C20']);
  assert.deepEqual(ids(t.window({ ...all, sort: { column: 1, descending: false } })), ['C20', 'C2', 'C3', 'C10', 'c1']);
  // Flags: true before false descending, the blank last.
  assert.deepEqual(ids(t.window({ ...all, sort: { column: 4, descending: true } })), ['C10', 'c1', 'C2', 'C3', 'C20']);
});

test('texts sort in the locale order, digits as numbers (C2 before C10)', () => {
  const t = new TableWindower(rows, 'de');
  assert.deepEqual(ids(t.window({ ...all, sort: { column: 0, descending: false } })), ['c1', 'C2', 'C3', 'C10', 'C20']);
  assert.deepEqual(
    t.window({ ...all, sort: { column: 3, descending: false } }).rows.map((r) => r[3]),
    ['aachen', 'Äpfel', 'Berlin', 'Zürich', null],
  );
  assert.deepEqual(
    t.window({ ...all, sort: { column: 3, descending: true } }).rows.map((r) => r[3]),
    ['Zürich', 'Berlin', 'Äpfel', 'aachen', null],
  );
  const zh = new TableWindower([['北京'], ['上海'], ['广州'], ['阿里']], 'zh-CN');
  // Pinyin order: a(阿) b(北) g(广) s(上).
  assert.deepEqual(zh.window({ ...all, sort: { column: 0, descending: false } }).rows.flat(), ['阿里', '北京', '广州', '上海']);
});

test('the filter matches any cell text, case-insensitively, and keeps the sort', () => {
  const t = new TableWindower(rows, 'en');
  const w = t.window({ ...all, filter: '  c2 ' });
  assert.deepEqual(ids(w), ['C2', 'C20']);
  assert.equal(w.matching, 2);
  assert.equal(w.total, 5);
  assert.deepEqual(ids(t.window({ ...all, filter: '9000' })), ['C2']);
  assert.deepEqual(ids(t.window({ ...all, filter: 'ZÜR' })), ['C10']);
  assert.deepEqual(ids(t.window({ ...all, filter: 'true' })), ['C10', 'c1']);
  assert.deepEqual(ids(t.window({ ...all, filter: 'c2', sort: { column: 2, descending: false } })), ['C20', 'C2']);
  assert.equal(t.window({ ...all, filter: 'nothing like it' }).matching, 0);
  assert.equal(filterKey('  AbC '), 'abc');
});

test('400,000 rows: sorted by a number and by a text, filtered, windows sliced', () => {
  const n = 400_000;
  const big = [];
  for (let i = 0; i < n; i++) big.push([`C${String(i).padStart(6, '0')}`, (i * 7919) % 100_003, `city ${i % 97}`]);
  const t = new TableWindower(big, 'en');
  let started = performance.now();
  const top = t.window({ sort: { column: 1, descending: true }, filter: '', offset: 0, count: 3 });
  const sortMs = performance.now() - started;
  assert.equal(top.matching, n);
  assert.ok(top.rows[0][1] >= top.rows[1][1] && top.rows[1][1] >= top.rows[2][1]);
  assert.equal(top.rows[0][1], big.reduce((m, r) => Math.max(m, r[1]), -Infinity));
  const last = t.window({ sort: { column: 1, descending: true }, filter: '', offset: n - 2, count: 10 });
  assert.equal(last.rows.length, 2);
  assert.equal(last.rows[1][1], big.reduce((m, r) => Math.min(m, r[1]), Infinity));
  started = performance.now();
  const byText = t.window({ sort: { column: 0, descending: true }, filter: '', offset: 0, count: 1 });
  const textMs = performance.now() - started;
  assert.equal(byText.rows[0][0], 'C399999');
  started = performance.now();
  const filtered = t.window({ sort: { column: 1, descending: true }, filter: 'CITY 5', offset: 0, count: 5 });
  const filterMs = performance.now() - started;
  // city 5 and city 50..59: 11 of every 97 rows.
  const expected = big.filter((r) => r[2].startsWith('city 5')).length;
  assert.equal(filtered.matching, expected);
  assert.ok(filtered.rows.every((r) => r[2].startsWith('city 5')));
  // Very generous bounds (a shared, loaded machine runs this too): the point is seconds, not minutes.
  assert.ok(sortMs < 30_000, `number sort took ${sortMs} ms`);
  assert.ok(textMs < 60_000, `text sort took ${textMs} ms`);
  assert.ok(filterMs < 30_000, `filter took ${filterMs} ms`);
  console.log(`400,000 rows: number sort ${sortMs.toFixed(0)} ms, text sort ${textMs.toFixed(0)} ms, filter ${filterMs.toFixed(0)} ms`);
});

test('the shortcut for plain ASCII texts orders them as the locale collator does', () => {
  const alphabet = 'aAbBzZ09 -.0123';
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const texts = [];
  for (let i = 0; i < 3000; i++) {
    let t = '';
    const length = 1 + Math.floor(random() * 6);
    for (let k = 0; k < length; k++) t += alphabet[Math.floor(random() * alphabet.length)];
    if (t.trim() !== '') texts.push([t]); // a blank cell sorts last, as no text
  }
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const sorted = new TableWindower(texts, 'en').window({ ...all, count: texts.length, sort: { column: 0, descending: false } }).rows.map((r) => r[0]);
  for (let k = 1; k < sorted.length; k++) assert.ok(collator.compare(sorted[k - 1], sorted[k]) <= 0, `${JSON.stringify(sorted[k - 1])} before ${JSON.stringify(sorted[k])}`);
});
