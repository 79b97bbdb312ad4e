// The embed's iframe page (embed.html): the element configured by the page's URL parameters (the same
// names as its attributes, docs/EMBED.md, plus `accent`), its events passed on to the host page by
// postMessage, and its height posted whenever it changes so the host can size the iframe.
import './embed';
import { EMBED_ATTRIBUTES } from './embed-config';
import { isLang } from './i18n/i18n';

const params = new URLSearchParams(globalThis.location.search);
// This page is the frame's own document: its lang may follow the calculator's.
const lang = params.get('lang');
if (isLang(lang)) document.documentElement.lang = lang;
const element = document.createElement('servimetrics-calculator');
for (const name of EMBED_ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null) element.setAttribute(name, value);
}
// Custom properties do not cross into a frame: the brand colour comes as a parameter. CSSOM, so the
// page's policy needs no 'unsafe-inline'.
const accent = params.get('accent');
if (accent && CSS.supports('color', accent)) element.style.setProperty('--servimetrics-accent', accent);

const post = (message: Record<string, unknown>) => {
  if (window.parent !== window) window.parent.postMessage(message, '*');
};
for (const type of ['servimetrics-ready', 'servimetrics-update'] as const) {
  element.addEventListener(type, (event) => {
    const { kpis, inputs } = (event as CustomEvent<{ kpis: unknown; inputs: unknown }>).detail;
    post({ type, detail: { kpis, inputs } });
  });
}
let posted = -1;
new ResizeObserver(() => {
  const height = Math.ceil(element.getBoundingClientRect().height);
  if (height !== posted) {
    posted = height;
    post({ type: 'servimetrics-resize', height });
  }
}).observe(element);
document.body.append(element);
