// Where the page's own files (samples, templates, the worker) live: beside the script that runs, not
// at the page that loaded it, so an embed on another site fetches them from its own server.

/**
 * The build's root URL, ending in "/". Every built script sits one folder below it (assets/, embed/),
 * so the root is "../" from this module's own URL; the dev server serves from the page's base; a
 * script inlined into its page (a single-file build) has the page's URL.
 */
export function appBase(): string {
  if (import.meta.env.DEV) return new URL(import.meta.env.BASE_URL, globalThis.location?.href).href;
  const here = new URL(import.meta.url);
  if (/\.m?js$/.test(here.pathname)) return new URL('../', here).href;
  return new URL('./', globalThis.document?.baseURI ?? here.href).href;
}
