/**
 * The package as a user installs it: `npm pack` of this checkout (dist/ built by test/global-setup.ts),
 * unpacked into a throwaway project's node_modules with its declared dependencies linked, as npm installs it;
 * then an ES module importing from 'hashcalc' computes something, `tsc --noEmit` type-checks a .ts file
 * importing from it (moduleResolution NodeNext), and the installed bin runs. Skipped, visibly, when npm is not on PATH.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** TypeScript 7 (native, the lint's): the check takes a fraction of TypeScript 6's time. */
const TSC = join(ROOT, 'node_modules/tsgo/bin/tsc');

let npm = true;
try {
  execFileSync('npm', ['--version'], { stdio: 'ignore' });
} catch {
  npm = false;
  console.warn('smoke: npm is not on PATH: the installed-package (library) test is SKIPPED');
}

/** No network but the npm registry: npm installs from its cache, asking the registry only for what the cache lacks (package metadata: --prefer-offline); nothing of the user's shell changes the run. */
const env: NodeJS.ProcessEnv = {
  ...process.env,
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
};
delete env.NODE_OPTIONS;

function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`))
          : resolve(stdout),
    );
  });
}

describe.skipIf(!npm)('the packed package, installed', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashcalc-library-'));
  const project = join(dir, 'project');
  let files: string[] = [];

  beforeAll(async () => {
    // --ignore-scripts: dist/ is already built (a `prepare` here would rebuild it under the other tests).
    const packed = JSON.parse(
      await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT),
    ) as { filename: string; files: { path: string }[] }[];
    files = packed[0]?.files.map((f) => f.path) ?? [];
    const tarball = join(dir, packed[0]?.filename ?? '');
    // Installed as npm installs a tarball, without npm's own run (~5 s, and registry metadata): the package's
    // files unpacked into node_modules/hashcalc, each dependency it declares linked from this checkout's
    // node_modules (a dependency missing from package.json fails the import below), and its bin linked.
    const modules = join(project, 'node_modules');
    mkdirSync(join(modules, '.bin'), { recursive: true });
    writeFileSync(
      join(project, 'package.json'),
      '{ "name": "uses-hashcalc", "private": true, "type": "module" }\n',
    );
    execFileSync('tar', ['-xzf', tarball, '-C', modules]);
    renameSync(join(modules, 'package'), join(modules, 'hashcalc'));
    const manifest = JSON.parse(readFileSync(join(modules, 'hashcalc', 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      bin?: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      mkdirSync(dirname(join(modules, name)), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'dir');
    }
    for (const [name, target] of Object.entries(manifest.bin ?? {}))
      symlinkSync(join('..', 'hashcalc', target), join(modules, '.bin', name));
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ships the library, its types, the CLI, the licence and the notices', () => {
    for (const file of [
      'LICENSE',
      'bin/hashcalc.js',
      'dist/cli.cjs',
      'dist/index.js',
      'dist/types/index.d.ts',
      'dist/THIRD-PARTY-NOTICES.txt',
      'dist/schemas/compare.schema.json',
    ])
      expect(files).toContain(file);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it("an ES module imports from 'hashcalc' and computes", async () => {
    writeFileSync(
      join(project, 'use.mjs'),
      `import { npv, irr, subsidyBtc, economicsOutputSchema } from 'hashcalc';
console.log(JSON.stringify({
  npv: npv(0.1, [-100, 60, 60]),
  irr: irr([-100, 60, 60]).rate,
  subsidy: subsidyBtc(840000),
  rejects: economicsOutputSchema.safeParse({}).success,
}));\n`,
    );
    const out = JSON.parse(await run(process.execPath, ['use.mjs'], project));
    // -100 + 60/1.1 + 60/1.1^2 = 4.1322...; the IRR r solves 60/(1+r) + 60/(1+r)^2 = 100: r = 0.13066...
    expect(out.npv).toBeCloseTo(4.132231, 5);
    expect(out.irr).toBeCloseTo(0.130662, 5);
    expect(out.subsidy).toBe(3.125);
    expect(out.rejects).toBe(false);
  });

  it('the site layer gives what the CLI prints: compare on the embedded network', async () => {
    writeFileSync(
      join(project, 'site.mjs'),
      `import { embeddedSnapshot, inputsFor, resolveEconomics, siteEconomics, siteEconomicsReport } from 'hashcalc';
const inputs = await inputsFor('compare', { mw: 341, powerPrice: '0.045' });
const assumptions = {};
const selection = resolveEconomics('compare', inputs, assumptions);
const report = siteEconomicsReport(siteEconomics(selection, embeddedSnapshot(), Date.now()), assumptions);
console.log(JSON.stringify(report.options.map((o) => [o.id, o.ebitdaUsdPerYear])));\n`,
    );
    const fromLibrary = JSON.parse(await run(process.execPath, ['site.mjs'], project));
    const cli = JSON.parse(
      await run(
        process.execPath,
        [
          join(project, 'node_modules/hashcalc/bin/hashcalc.js'),
          'compare',
          '--mw',
          '341',
          '--power-price',
          '0.045',
          '--offline',
          '--quiet',
          '--json',
        ],
        project,
      ),
    );
    expect(fromLibrary).toEqual(
      cli.options.map((o: { id: string; ebitdaUsdPerYear: number }) => [o.id, o.ebitdaUsdPerYear]),
    );
    expect(fromLibrary.map((o: [string, number]) => o[0])).toEqual(['mining', 'ai-lease', 'gpu-cloud']);
  });

  it("tsc --noEmit type-checks a .ts file importing from 'hashcalc' (NodeNext)", async () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          // Our declarations are still checked where check.ts uses them; zod's own .d.ts are not (~20 s).
          skipLibCheck: true,
          types: [],
        },
        files: ['check.ts'],
      }),
    );
    writeFileSync(
      join(project, 'check.ts'),
      `import { type HashpriceReport, type IrrResult, irr, npv, type SiteEconomics } from 'hashcalc';
const value: number = npv(0.08, [-1000, 400, 400, 400]);
const result: IrrResult = irr([-1000, 400, 400, 400]);
const rate: number | null = result.rate;
const schemaVersion: HashpriceReport['schemaVersion'] | undefined = undefined;
const command: SiteEconomics['command'] | undefined = undefined;
// @ts-expect-error npv takes a rate and the values
npv([1, 2]);
export { command, rate, schemaVersion, value };\n`,
    );
    await run(process.execPath, [TSC, '-p', 'tsconfig.json'], project);
  });

  it('the installed bin runs', async () => {
    const bin = readdirSync(join(project, 'node_modules/.bin'));
    expect(bin).toContain('hashcalc');
    const out = await run(
      process.execPath,
      [join(project, 'node_modules/hashcalc/bin/hashcalc.js'), '--version'],
      project,
    );
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
