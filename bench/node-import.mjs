// One import of a transactions file by the wasm core under Node, fed in 1 MB chunks; prints the
// time, the wasm memory and the process's peak RSS as JSON. Run by bench/import.mjs.
import fs from 'node:fs';

const [file] = process.argv.slice(2);
const { default: createServimetrics } = await import('../build/wasm/servimetrics-files.js');
const module = await createServimetrics({ wasmBinary: fs.readFileSync(new URL('../build/wasm/servimetrics-files.wasm', import.meta.url)) });
const started = performance.now();
const cpuBefore = process.cpuUsage();
// With the file's size, as the page's worker asks: columns are sized once.
const session = new module.FileImport(JSON.stringify({ kind: 'transactions', size: fs.statSync(file).size }));
const fd = fs.openSync(file, 'r');
const chunk = Buffer.alloc(1 << 20);
for (;;) {
  const n = fs.readSync(fd, chunk, 0, chunk.length, null);
  if (n === 0 || !session.feed(chunk.subarray(0, n))) break;
}
fs.closeSync(fd);
const answer = JSON.parse(session.finish());
session.delete();
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const measure = (id) => answer.measures.find((m) => m.id === id)?.value;
console.log(JSON.stringify({
  ms,
  cpuMs: (cpu.user + cpu.system) / 1000,  // all of the process's threads (V8's compiler too)
  rowsUsed: answer.import.rows_used,
  customers: measure('customers'),
  revenue: measure('revenue'),
  wasmMemory: module.HEAPU8.length,
  maxRssKb: process.resourceUsage().maxRSS,
}));
