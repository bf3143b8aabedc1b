/**
 * Help fits the terminal it is shown in: at 60 and 80 columns no line of any command's help is wider, but one
 * word alone or an example's one quoted shell word (neither can be broken without changing it); at 40, also a
 * flag with its value name. At 100 columns the layout is the aligned one (golden outputs).
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/inputs/table.js';
import { runCli } from './run-cli.js';

/** A line that may pass the width: one word, an example's quoted word, or (at 40) an option's flag alone. */
const unbreakable = (line: string, width: number) =>
  /^\s*\S+$/.test(line) ||
  /^\s+'[^']*'\s*\\?$/.test(line) ||
  (width < 60 && /^ {2}(-\w, )?--[\w-]+( <[A-Z_]+>)?$/.test(line));

describe('help fits the terminal', () => {
  for (const width of [40, 60, 80]) {
    it(`every command's help at ${width} columns`, async () => {
      for (const name of [undefined, ...COMMAND_NAMES]) {
        const { stdout, code } = await runCli(name ? [name, '--help'] : ['--help'], {
          COLUMNS: String(width),
        });
        expect(code).toBe(0);
        const over = stdout.split('\n').filter((l) => l.length > width && !unbreakable(l, width));
        expect(over, `${name ?? 'hashcalc'} --help at ${width} columns`).toEqual([]);
      }
    });
  }

  it('stacks an option whose description has no room, and aligns it where there is', async () => {
    const narrow = (await runCli(['compare', '--help'], { COLUMNS: '60' })).stdout;
    expect(narrow).toMatch(/\n {2}--mempool-url <URL>\n {6}mempool instance to use/);
    const wide = (await runCli(['compare', '--help'], { COLUMNS: '100' })).stdout;
    expect(wide).toMatch(/\n {2}--mempool-url <URL> +mempool instance to use/);
  });
});
