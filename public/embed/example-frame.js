// The iframe example's host side (example-frame.html): follows the height the frame posts.
const frame = document.getElementById('servimetrics');
addEventListener('message', (e) => {
  if (e.origin !== location.origin || e.source !== frame?.contentWindow) return;
  if (e.data?.type === 'servimetrics-resize' && frame) frame.style.height = `${e.data.height}px`;
});
