// Emscripten 3.1.6's ES module glue expects CommonJS globals under Node; give it them.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

globalThis.require = createRequire(import.meta.url);
globalThis.__dirname = path.dirname(fileURLToPath(import.meta.url));
