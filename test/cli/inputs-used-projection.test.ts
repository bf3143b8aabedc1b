/** Every input of project, sensitivity and check changes what the command reports (the runs and the lists: ./inputs-used.ts). */
import { describe, expect, it } from 'vitest';
import type { CommandName } from '../../src/inputs/table.js';
import { inputsUsedBy, KNOWN_IGNORED } from './inputs-used.js';

const COMMANDS: CommandName[] = ['project', 'sensitivity', 'check'];

describe('every input a command accepts changes what it reports', () => {
  // project runs once per input (~90 runs with the debt inputs): on a loaded machine past the 20 s default.
  it.each(COMMANDS.map((name) => [name]))('%s', { timeout: 60_000 }, async (name) => {
    const { unchanged, listedButChanged } = await inputsUsedBy(name);
    expect(unchanged, 'accepted and ignored').toEqual(KNOWN_IGNORED[name] ?? []);
    expect(listedButChanged, 'listed as behavioural but changing the output').toEqual([]);
  });
});
