/** Every input of project, sensitivity and check changes what the command reports (the runs and the lists: ./inputs-used.ts). */
import { describe, expect, it } from 'vitest';
import type { CommandName } from '../../src/inputs/table.js';
import { inputsUsedBy, KNOWN_IGNORED } from './inputs-used.js';

const COMMANDS: CommandName[] = ['project', 'sensitivity', 'check'];

describe('every input a command accepts changes what it reports', () => {
  // One run per input a command takes (~40 for a projecting command): past the 20 s default on a loaded machine.
  it.each(COMMANDS.map((name) => [name]))(
    '%s',
    async (name) => {
      const { unchanged, listedButChanged } = await inputsUsedBy(name);
      expect(unchanged, 'accepted and ignored').toEqual(KNOWN_IGNORED[name] ?? []);
      expect(listedButChanged, 'listed as behavioural but changing the output').toEqual([]);
    },
    60_000,
  );
});
