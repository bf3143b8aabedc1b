/**
 * The layer rule (docs/architecture.md), enforced by `npm run lint` (a step of its own in .ci/run):
 *   core -> core; catalog -> core; data -> core, catalog; inputs -> core, catalog;
 *   site -> core, catalog (+ types of data and inputs);
 *   report -> core, catalog (+ types of data, inputs and site); rules -> core; output -> report;
 *   cli -> anything, but no command imports another; src/index.ts (the library) -> anything but cli.
 *   src/context.ts and src/errors.ts may be imported by every layer but the core. No import cycles,
 *   type-only imports included.
 */
const layer = (name) => `^src/${name}/`;
const shared = '^src/(context|errors)\\.ts$';

/** A layer that may import only the listed layers (plus context and errors, and node/npm packages). */
function only(from, allowed, { sharedToo = true, typesFrom = [] } = {}) {
  const ok = [layer(from), ...allowed.map(layer), ...(sharedToo ? [shared] : [])];
  const rules = [
    {
      name: `${from}-imports-only-${allowed.join('-') || 'itself'}`,
      severity: 'error',
      from: { path: layer(from) },
      to: { path: '^src/', pathNot: [...ok, ...typesFrom.map(layer)] },
    },
  ];
  if (typesFrom.length > 0) {
    rules.push({
      name: `${from}-imports-only-types-of-${typesFrom.join('-')}`,
      severity: 'error',
      from: { path: layer(from) },
      to: { path: typesFrom.map(layer), dependencyTypesNot: ['type-only'] },
    });
  }
  return rules;
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    ...only('core', [], { sharedToo: false }),
    ...only('catalog', ['core']),
    ...only('data', ['core', 'catalog']),
    ...only('inputs', ['core', 'catalog']),
    ...only('site', ['core', 'catalog'], { typesFrom: ['data', 'inputs'] }),
    ...only('report', ['core', 'catalog'], { typesFrom: ['data', 'inputs', 'site'] }),
    ...only('rules', ['core']),
    ...only('output', ['report']),
    {
      name: 'no-command-imports-another',
      comment: 'A command is one place: what two commands share lives in the site layer or in src/cli.',
      severity: 'error',
      from: { path: '^src/cli/commands/([^/.]+)' },
      to: { path: '^src/cli/commands/', pathNot: ['^src/cli/commands/$1', '^src/cli/commands/shared\\.ts$'] },
    },
    {
      name: 'library-entry-imports-no-cli',
      severity: 'error',
      comment: 'src/index.ts (the public API) may re-export any layer but the CLI.',
      from: { path: '^src/index\\.ts$' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'shared-modules-import-nothing-of-the-layers',
      severity: 'error',
      from: { path: shared },
      to: { path: '^src/', pathNot: shared },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages' "exports" maps (pure-rand's subpaths), resolved as Node and esbuild do.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
