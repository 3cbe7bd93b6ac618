#!/usr/bin/env node
'use strict';
// The `keyless` command. An installed package runs its compiled dist/. A source checkout (src/ is there) runs
// the TypeScript sources with tsx instead whenever dist/ is missing or older than any source, so `npm run <cmd>`
// never runs stale code; `npm run build` (run by npm ci through `prepare`) brings back the fast path.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const compiled = join(root, 'dist', 'src', 'tools', 'keyless.js');

/** Newest modification time of the TypeScript sources that are compiled into dist/. */
function newestSource() {
  let newest = statSync(join(root, 'main.ts')).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'modules'));
  return newest;
}

const fromSources = existsSync(join(root, 'src')) && (!existsSync(compiled) || statSync(compiled).mtimeMs < newestSource());
if (fromSources) {
  require('tsx/cjs/api').register();
  require(join(root, 'src', 'tools', 'keyless.ts')).main();
} else {
  require(compiled).main();
}
