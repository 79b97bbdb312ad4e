import { defineConfig, type Plugin } from 'vite';
import { previewMiddleware, writePrecompressed } from './scripts/precompressed.mjs';
import { serviceWorker } from './scripts/sw-manifest.mjs';

// Node's process, without pulling in @types/node for one line.
declare const process: { env: Record<string, string | undefined> };

// Paths are resolved from this file, so the build works from any working directory.
function here(relative: string): string {
  const path = decodeURIComponent(new URL(relative, import.meta.url).pathname);
  return path.replace(/^\/([A-Za-z]:\/)/, '$1'); // file:///C:/... on Windows
}

// The Emscripten build of the two modules (build/wasm/servimetrics-{calc,files}.{js,wasm});
// SERVIMETRICS_WASM_DIR points the page at another build of the same modules.
const wasmDir = process.env['SERVIMETRICS_WASM_DIR'] ?? here('./build/wasm');

// SERVIMETRICS_SINGLE=1: the page alone, every chunk of it in one script (import() inlined), into
// build/single-web, which scripts/build-single.mjs turns into one HTML file.
const single = process.env['SERVIMETRICS_SINGLE'] === '1';

// The page's Content-Security-Policy: only its own origin, no inline script, no eval; WebAssembly may
// compile (the worker's core). web/index.html carries the same text in a <meta> tag for static hosts
// that send no headers; the header also covers the worker, which does not inherit the page's <meta>.
// docs/PRIVACY.md says why each directive is there. Framing is not restricted: the calculator may be
// embedded in other sites.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const securityHeaders = { 'Content-Security-Policy': contentSecurityPolicy };

/**
 * Stops the build when the <meta> policy in index.html has drifted from the header's, and writes the
 * header as build/web/_headers, the file static hosts such as Netlify and Cloudflare Pages read.
 */
function securityPolicy(): Plugin {
  return {
    name: 'servimetrics-content-security-policy',
    generateBundle() {
      const lines = ['/*', ...Object.entries(securityHeaders).map(([name, value]) => `  ${name}: ${value}`)];
      this.emitFile({ type: 'asset', fileName: '_headers', source: `${lines.join('\n')}\n` });
    },
    transformIndexHtml(html) {
      const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
      const normal = (policy: string) => policy.replace(/\s+/g, ' ').trim();
      if (!meta || normal(meta[1] ?? '') !== contentSecurityPolicy) {
        throw new Error(`web/index.html must carry <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`);
      }
    },
  };
}

/**
 * Writes a .gz and a .br beside each text and wasm file of the build, and has `vite preview` send
 * them (with the page's security headers) to a browser that accepts them: its own on-the-fly
 * compression leaves the wasm out and never uses brotli.
 */
function precompressed(): Plugin {
  let outDir = '';
  let building = false;
  return {
    name: 'servimetrics-precompressed',
    configResolved(config) {
      outDir = config.build.outDir; // absolute: here('./build/web') below
      building = config.command === 'build';
    },
    closeBundle() {
      if (building) writePrecompressed(outDir);
    },
    configurePreviewServer(server) {
      server.middlewares.use(previewMiddleware(outDir, securityHeaders));
    },
  };
}

export default defineConfig({
  root: here('./web'),
  base: './',
  publicDir: here('./public'),
  resolve: {
    alias: { '@wasm': wasmDir },
  },
  // serviceWorker() before precompressed(): its sw.js lists the files before their .gz/.br copies exist.
  plugins: single ? [securityPolicy()] : [securityPolicy(), serviceWorker(), precompressed()],
  worker: { format: 'es' },
  build: {
    outDir: here(single ? './build/single-web' : './build/web'),
    emptyOutDir: true,
    target: ['chrome109', 'firefox115', 'safari16'],
    assetsInlineLimit: 0,
    reportCompressedSize: true,
    // The page, the embed's iframe page, and the embed's script under a fixed name (docs/EMBED.md).
    // Every script sits one folder below the root (assets/, embed/): lib/app-base.ts relies on it.
    // A chunk loaded by import() (the embed's full calculator, its lazy panels, the files module) adds
    // no <link rel=modulepreload> to the document's <head>: in an embed that is the host's, and it
    // changes nothing outside its element. The page's HTML keeps its preloads.
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
    rollupOptions: single
      ? { input: { main: here('./web/index.html') }, output: { inlineDynamicImports: true } }
      : {
          input: { main: here('./web/index.html'), frame: here('./web/embed.html'), embed: here('./web/src/embed.ts') },
          output: { entryFileNames: (chunk) => (chunk.name === 'embed' ? 'embed/servimetrics-embed.js' : 'assets/[name]-[hash].js') },
        },
  },
  server: {
    fs: { allow: [here('.'), wasmDir] },
    headers: securityHeaders,
  },
  preview: {
    headers: securityHeaders,
  },
});
