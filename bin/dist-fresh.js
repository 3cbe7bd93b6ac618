'use strict';
// Whether dist/ holds a build of the current TypeScript sources: shared by bin/keyless.js (which runs dist/ only
// then) and the test suite's global setup (which builds it when it is not).
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
/** The compiled `keyless` command. */
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

/** True in a source checkout (src/ is there) whose dist/ is missing or older than any source. */
function distIsStale() {
  return existsSync(join(root, 'src')) && (!existsSync(compiled) || statSync(compiled).mtimeMs < newestSource());
}

module.exports = { root, compiled, distIsStale };
