// The first script of the single-file build (build/single/servimetrics.html, scripts/build-single.mjs):
// under file:// nothing can be fetched beside the page, so the build's files travel inside it. This
// script turns them into URLs the page can use before the page's own module runs: the engine's worker
// as a data: URL (its wasm modules and the files glue as data: URLs inside it), the language pack as a
// data: URL, and the samples and templates answered to the page's fetch() and download links.
/* global __SERVIMETRICS_SINGLE__ */
(() => {
  /** @type {{assets: Record<string, {type: string, data: string}>, worker: {name: string, code: string, assets: string[]}, files: Record<string, {type: string, data: string}>}} */
  const single = __SERVIMETRICS_SINGLE__;
  const dataUrl = ({ type, data }) => `data:${type};base64,${data}`;
  const bytes = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

  // The worker's own files, as data: URLs its code reads from self.__servimetricsAssets.
  const inWorker = Object.fromEntries(single.worker.assets.map((name) => [name, dataUrl(single.assets[name])]));
  const workerSource = `self.__servimetricsAssets=${JSON.stringify(inWorker)};\n${single.worker.code}`;
  const assets = Object.fromEntries(Object.entries(single.assets).map(([name, file]) => [name, dataUrl(file)]));
  // A data: URL, not a blob: a file:// page may start a module worker from data: only.
  assets[single.worker.name] = `data:text/javascript;charset=utf-8,${encodeURIComponent(workerSource)}`;
  self.__servimetricsAssets = assets;

  // The samples and templates, by their path beside the page ("samples/survey.csv").
  const base = new URL('./', document.baseURI).href;
  const embedded = (url) => {
    const href = new URL(url, document.baseURI).href.split(/[?#]/)[0];
    return href.startsWith(base) ? single.files[decodeURIComponent(href.slice(base.length))] : undefined;
  };
  const networkFetch = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const file = embedded(input instanceof Request ? input.url : String(input));
    if (!file) return networkFetch(input, init);
    return Promise.resolve(new Response(bytes(file.data), { headers: { 'content-type': file.type } }));
  };
  // A template's download link (inside the calculator's shadow root) saves the embedded copy.
  document.addEventListener(
    'click',
    (event) => {
      const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.hasAttribute('download'));
      const file = link && embedded(link.getAttribute('href') ?? '');
      if (!file) return;
      event.preventDefault();
      const save = document.createElement('a');
      save.href = URL.createObjectURL(new Blob([bytes(file.data)], { type: file.type }));
      save.download = link.download || link.href.split('/').pop();
      save.click();
      setTimeout(() => URL.revokeObjectURL(save.href), 60_000);
    },
    true,
  );
})();
