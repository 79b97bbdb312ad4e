#!/usr/bin/env node
// Fails when a function of the core is longer than about 80 lines (docs/ARCHITECTURE.md, "Style"):
// a definition starts at column 0 and ends at the first "}" at column 0 (the clang-format layout);
// tables of data (a body that is one initializer list, or returns one) are left out.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const limit = Number(process.env.MAX_FUNCTION_LINES ?? 90);  // "about 80"
const found = [];

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(cpp|hpp)$/.test(name)) check(path);
  }
}

function check(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; ++i) {
    const line = lines[i];
    // A definition: starts at column 0 with a name and an opening parenthesis, and its "{" ends
    // this line or one of the next few (parameters wrapped by clang-format).
    if (!/^[A-Za-z_][\w:<>,*& ]*[\w>*&]\s*[\w:~]*\(/.test(line) || /;\s*$/.test(line)) continue;
    let open = i;
    while (open < lines.length && open < i + 8 && !/\{\s*(\/\/.*)?$/.test(lines[open])) {
      if (/;\s*$/.test(lines[open])) break;
      ++open;
    }
    if (open >= lines.length || !/\{\s*(\/\/.*)?$/.test(lines[open])) continue;
    let end = open + 1;
    while (end < lines.length && !/^\}/.test(lines[end])) ++end;
    const length = end - i + 1;
    // A table of data (the catalog, the kinds) is one initializer list, with no statement to run.
    const body = lines.slice(open + 1, end).join('\n');
    const isTable = !/\b(if|for|while|switch)\s*\(/.test(body) || /^(\s*using [^\n]*\n)*\s*return \{/.test(body);
    if (length > limit && !isTable) {
      const name = line.match(/([\w:~]+)\(/)?.[1] ?? line.trim();
      found.push(`${relative(root, path)}:${i + 1} ${name} is ${length} lines`);
    }
    i = end;
  }
}

walk(join(root, 'core'));
if (found.length > 0) {
  console.error(found.join('\n'));
  console.error(`function size: ${found.length} function(s) above ${limit} lines`);
  process.exit(1);
}
console.log(`function size: ok (no core function above ${limit} lines)`);
