#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry costs Node 20 more (docs/decisions/build.md).
// Node >= 22.1 caches the compiled code itself, in the OS temp directory; Node 20 runs uncached.
require('node:module').enableCompileCache?.();
require('../dist/cli.cjs').main();
