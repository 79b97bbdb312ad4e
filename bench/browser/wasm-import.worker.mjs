// The calculator's way: the file streamed in chunks into the core's FileImport (wasm).
import createServimetrics from '/wasm/servimetrics.js';

// Loaded at once, as the page's worker is before a file is dropped; the driver measures memory from
// here on.
const ready = (async () => {
  const wasmBinary = await (await fetch('/wasm/servimetrics.wasm')).arrayBuffer();
  return createServimetrics({ wasmBinary });
})();
ready.then(() => self.postMessage({ ready: true }));

self.onmessage = async (event) => {
  const module = await ready;
  const started = performance.now();
  const session = new module.FileImport(JSON.stringify({ kind: 'transactions' }));
  const reader = event.data.file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !session.feed(value)) break;
  }
  const answer = JSON.parse(session.finish());
  session.delete();
  const ms = performance.now() - started;
  const measure = (id) => answer.measures.find((m) => m.id === id)?.value;
  self.postMessage({
    ms,
    rowsUsed: answer.import.rows_used,
    customers: measure('customers'),
    orders: measure('orders'),
    revenue: measure('revenue'),
    wasmMemory: module.HEAPU8.length,
    errors: answer.errors.length,
  });
};
