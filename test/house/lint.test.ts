/**
 * House rules as part of `npm test`: biome (format and lint), the type checker and the dependency rule
 * (dependency-cruiser, see DESIGN.md's layout). Each must exit 0; on failure its output is the message.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => `${ROOT}node_modules/.bin/${name}`;
const hasDepcruiseConfig = existsSync(`${ROOT}.dependency-cruiser.cjs`);
if (!hasDepcruiseConfig)
  console.warn('lint: .dependency-cruiser.cjs does not exist yet: the dependency rule is NOT checked');

function check(command: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        const output = `${stdout}${stderr}`.trim();
        resolve({ code, output: error && !output ? String(error) : output });
      },
    );
  });
}

async function expectClean(command: string, args: readonly string[]): Promise<void> {
  const { code, output } = await check(command, args);
  expect(code, `${[command, ...args].join(' ')} exited ${code}:\n${output.slice(-20_000)}`).toBe(0);
}

describe.concurrent('lint', { timeout: 30_000 }, () => {
  it('biome check .', () => expectClean(bin('biome'), ['check', '--colors=off', '.']));

  it('tsc --noEmit -p tsconfig.json', () =>
    expectClean(bin('tsc'), ['--noEmit', '--pretty', 'false', '-p', 'tsconfig.json']));

  it.skipIf(!hasDepcruiseConfig)('depcruise src --config .dependency-cruiser.cjs', () =>
    expectClean(bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs']),
  );
});
