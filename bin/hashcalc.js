#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry costs Node 20 ~7-10 ms of ESM loader start on every run.
require('../dist/cli.cjs').main();
