// The calculator's way: the file streamed in chunks into the core's FileImport (wasm).
import createServimetrics from '/wasm/servimetrics.js';

// Loaded at once, as the page's worker is before a file is dropped; the driver measures memory from
// here on.
const ready = (async () => {
  const wasmBinary = await (await fetch('/wasm/servimetrics.wasm')).arrayBuffer();
  return createServimetrics({ wasmBinary });
})();
ready.then(() => self.postMessage({ ready: true }));

async function importOnce(module, file) {
  const started = performance.now();
  const session = new module.FileImport(JSON.stringify({ kind: 'transactions' }));
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !session.feed(value)) break;
  }
  const answer = JSON.parse(session.finish());
  session.delete();
  return { ms: performance.now() - started, answer };
}

// The first import is what a user waits for; `repeats` more show the same code once V8 has
// compiled it fully (the first runs partly in its baseline compiler while hot functions tier up).
self.onmessage = async (event) => {
  const module = await ready;
  const { ms, answer } = await importOnce(module, event.data.file);
  const again = [];
  for (let i = 0; i < (event.data.repeats ?? 0); i++) again.push((await importOnce(module, event.data.file)).ms);
  const measure = (id) => answer.measures.find((m) => m.id === id)?.value;
  self.postMessage({
    ms,
    again,
    rowsUsed: answer.import.rows_used,
    customers: measure('customers'),
    orders: measure('orders'),
    revenue: measure('revenue'),
    wasmMemory: module.HEAPU8.length,
    errors: answer.errors.length,
  });
};
