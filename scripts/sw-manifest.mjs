// A Vite plugin that writes the page's service worker (web/src/offline/service-worker.js) into the
// build as sw.js, with the list of files to keep offline (every file of the build: the hashed JS,
// CSS and wasm, the worker, the language packs, the public samples, templates and icons) and a
// version made from their contents, so that each new build installs a new cache and drops the old.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const TEMPLATE = new URL('../web/src/offline/service-worker.js', import.meta.url);
export const SW_FILE = 'sw.js';
// Not kept: the compressed copies (the browser gets one of them as the file itself), the hosts'
// header file, the worker itself, and source maps.
const SKIPPED = /(\.gz|\.br|\.map)$|^_headers$|^sw\.js$/;

function filesUnder(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** The files of a built page that the service worker keeps, sorted, relative to the page. */
export function precacheList(outDir) {
  return filesUnder(outDir)
    .filter((file) => !SKIPPED.test(file))
    .sort();
}

/** Writes outDir/sw.js; answers {version, files}. */
export function writeServiceWorker(outDir) {
  const files = precacheList(outDir);
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(fs.readFileSync(path.join(outDir, file)));
  const template = fs.readFileSync(TEMPLATE, 'utf8');
  hash.update(template);
  const version = hash.digest('hex').slice(0, 16);
  const source = template
    .replace('__SERVIMETRICS_VERSION__', version)
    .replace('/* __SERVIMETRICS_PRECACHE__ */ []', JSON.stringify(files, null, 1));
  fs.writeFileSync(path.join(outDir, SW_FILE), source);
  return { version, files };
}

/** The plugin: after the build is written (and before its files are compressed, plugins in order). */
export function serviceWorker() {
  let outDir = '';
  let building = false;
  return {
    name: 'servimetrics-service-worker',
    configResolved(config) {
      outDir = config.build.outDir;
      building = config.command === 'build';
    },
    closeBundle() {
      if (building) writeServiceWorker(outDir);
    },
  };
}
