#!/usr/bin/env node
// Fails when a core file includes a header of a layer above its own (docs/ARCHITECTURE.md): the
// layers of core/src, bottom first, and the layer of each public header in core/include.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const layers = ['base', 'formats', 'cells', 'kpi', 'request', 'import', 'models', 'analyze', 'whatif'];
// Public headers (what the faces use) belong to the layer that implements them.
const publicLayer = {
  'result.hpp': 'base',
  'json_text.hpp': 'base',
  'row_sink.hpp': 'formats',
  'imported_table.hpp': 'cells',
  'band.hpp': 'kpi',
  'catalog.hpp': 'kpi',
  'request.hpp': 'request',
  'data_kinds.hpp': 'import',
  'import_session.hpp': 'import',
  'file_analysis.hpp': 'analyze',
  'whatif.hpp': 'whatif',
  'models.hpp': 'models',
};

const problems = [];
const rank = (layer) => layers.indexOf(layer);
function layerOfInclude(path, from) {
  const [head, name] = path.split('/');
  if (head === 'servimetrics') {
    if (!(name in publicLayer)) problems.push(`${from}: public header ${name} has no layer in scripts/check-layers.mjs`);
    return publicLayer[name];
  }
  if (name === undefined) return null;  // a header beside the file: same layer
  if (!layers.includes(head)) problems.push(`${from}: "${path}" is in no layer`);
  return head;
}
function check(file, layer) {
  const text = readFileSync(join(root, file), 'utf8');
  for (const [, path] of text.matchAll(/^#include "([^"]+)"/gm)) {
    const target = layerOfInclude(path, file);
    if (target && rank(target) > rank(layer)) {
      problems.push(`${file} (${layer}) includes "${path}" from the layer above, ${target}`);
    }
  }
}
for (const layer of layers) {
  for (const name of readdirSync(join(root, 'core/src', layer))) check(`core/src/${layer}/${name}`, layer);
}
for (const name of readdirSync(join(root, 'core/include/servimetrics'))) {
  check(`core/include/servimetrics/${name}`, publicLayer[name] ?? 'base');
}
for (const entry of readdirSync(join(root, 'core/src'))) {
  if (!layers.includes(entry)) problems.push(`core/src/${entry} is not a layer folder`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`layers: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`layers: ok (${layers.join(' < ')})`);
