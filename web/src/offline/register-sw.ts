// Registers the offline service worker (sw.js, written by scripts/sw-manifest.mjs) for the standalone
// page only: the embed never imports this module, so a host page never gets a worker of ours.
import { saveDownloadsThroughWorker } from './offline-downloads';

/** The worker beside index.html; not in `vite` dev, whose modules are not the build's files. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // file:// (the single-file build) and some private modes have no service workers: the page works without.
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  const register = () => {
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI)).catch((error: unknown) => {
      console.warn('[servimetrics] offline copy not installed:', error);
    });
  };
  // After the first answer is on screen and the page is idle: the worker's install (the precache's
  // downloads, its thread's work) must not compete with the page's own start. `load` came too early for
  // that (it fires before the engine's first answer, which the module worker computes after it).
  saveDownloadsThroughWorker();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    register();
  };
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(once, { timeout: 5000 }) : setTimeout(once, 1000));
  document.addEventListener('servimetrics-ready', whenIdle, { once: true });
  // A first answer that never comes (an engine that failed to start) still gets the offline copy.
  addEventListener('load', () => setTimeout(once, 20000), { once: true });
}

registerServiceWorker();
