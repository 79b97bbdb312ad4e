// Emscripten 3.1.6's ES module glue expects CommonJS globals under Node; give it them. The tests may
// import the page's TypeScript too (ts-loader.mjs).
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

globalThis.require = createRequire(import.meta.url);
globalThis.__dirname = path.dirname(fileURLToPath(import.meta.url));
register('./ts-loader.mjs', import.meta.url);
