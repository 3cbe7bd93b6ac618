#!/usr/bin/env node
'use strict';
// The `keyless` command. An installed package runs its compiled dist/. A source checkout (src/ is there) runs
// the TypeScript sources with tsx instead whenever dist/ is missing or older than any source, so `npm run <cmd>`
// never runs stale code; `npm run build` (run by npm ci through `prepare`) brings back the fast path.
const { join } = require('node:path');
const { root, compiled, distIsStale } = require('./dist-fresh');

if (distIsStale()) {
  require('tsx/cjs/api').register();
  require(join(root, 'src', 'tools', 'keyless.ts')).main();
} else {
  require(compiled).main();
}
