/** Every input of the commands but project, sensitivity and check changes what the command reports (the runs and the lists: ./inputs-used.ts). */
import { describe, expect, it } from 'vitest';
import type { CommandName } from '../../src/inputs/table.js';
import { inputsUsedBy, KNOWN_IGNORED } from './inputs-used.js';

const COMMANDS: CommandName[] = [
  'history',
  'exodus',
  'hashprice',
  'network',
  'compare',
  'mining',
  'ai',
  'catalog',
  'init',
  'schema',
  'completion',
];

describe('every input a command accepts changes what it reports', () => {
  it.each(COMMANDS.map((name) => [name]))('%s', async (name) => {
    const { unchanged, listedButChanged } = await inputsUsedBy(name);
    expect(unchanged, 'accepted and ignored').toEqual(KNOWN_IGNORED[name] ?? []);
    expect(listedButChanged, 'listed as behavioural but changing the output').toEqual([]);
  });
});
