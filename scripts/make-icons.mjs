// Draws the installable page's PNG icons (public/icons/*.png) from their SVGs with the test Chromium:
// `node scripts/make-icons.mjs` after changing an SVG. The PNGs are committed; the build only copies them.
import fs from 'node:fs';
import { launchChromium } from '../tests/support/browser.mjs';

const dir = new URL('../public/icons/', import.meta.url);
const icons = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
];

const browser = await launchChromium();
try {
  for (const [svg, png, size] of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const source = fs.readFileSync(new URL(svg, dir), 'utf8');
    const data = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${data}" width="${size}" height="${size}">`);
    await page.locator('img').evaluate((img) => img.decode());
    fs.writeFileSync(new URL(png, dir), await page.screenshot({ omitBackground: true }));
    await page.close();
    console.log(`public/icons/${png} ${size}x${size}`);
  }
} finally {
  await browser.close();
}
