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
  // After the first screen: the precache downloads must not compete with the page's own.
  saveDownloadsThroughWorker();
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

registerServiceWorker();
