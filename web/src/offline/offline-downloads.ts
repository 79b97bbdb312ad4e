// Template downloads that work offline: Chromium's download manager fetches an <a download> link
// itself, past the service worker, so without a network the template would not save. Once the worker
// controls the page, such a link of the page's own files is fetched through it (from its cache) and
// saved from a blob instead.

/** The same-origin download link an event went through (also inside the calculator's shadow root). */
function ownDownloadLink(event: Event): HTMLAnchorElement | undefined {
  const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.hasAttribute('download'));
  if (!link) return undefined;
  const url = new URL(link.href, document.baseURI);
  const scope = new URL('./', document.baseURI).href;
  return url.protocol.startsWith('http') && url.href.startsWith(scope) ? link : undefined;
}

async function saveThroughWorker(link: HTMLAnchorElement): Promise<void> {
  const response = await fetch(link.href);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const save = document.createElement('a');
  save.href = URL.createObjectURL(await response.blob());
  save.download = link.download || (new URL(link.href).pathname.split('/').pop() ?? 'download');
  save.click();
  setTimeout(() => URL.revokeObjectURL(save.href), 60_000);
}

export function saveDownloadsThroughWorker(): void {
  document.addEventListener(
    'click',
    (event) => {
      if (!navigator.serviceWorker?.controller || event.defaultPrevented) return;
      const link = ownDownloadLink(event);
      if (!link) return;
      event.preventDefault();
      saveThroughWorker(link).catch((error: unknown) => console.warn('[servimetrics] download failed:', error));
    },
    true,
  );
}
