import { defineConfig } from 'vite';

// Node's process, without pulling in @types/node for one line.
declare const process: { env: Record<string, string | undefined> };

// Paths are resolved from this file, so the build works from any working directory.
function here(relative: string): string {
  const path = decodeURIComponent(new URL(relative, import.meta.url).pathname);
  return path.replace(/^\/([A-Za-z]:\/)/, '$1'); // file:///C:/... on Windows
}

// The lead's Emscripten build (build/wasm/servimetrics.{js,wasm}); SERVIMETRICS_WASM_DIR points
// the page at another build of the same module.
const wasmDir = process.env['SERVIMETRICS_WASM_DIR'] ?? here('./build/wasm');

export default defineConfig({
  root: here('./web'),
  base: './',
  publicDir: here('./public'),
  resolve: {
    alias: { '@wasm': wasmDir },
  },
  worker: { format: 'es' },
  build: {
    outDir: here('./build/web'),
    emptyOutDir: true,
    target: ['chrome109', 'firefox115', 'safari16'],
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  server: {
    fs: { allow: [here('.'), wasmDir] },
  },
});
