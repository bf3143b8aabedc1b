/** Every input of the commands but project, sensitivity and check changes what the command reports (the runs and the lists: ./inputs-used.ts). */
import { COMMAND_NAMES } from '../../src/inputs/table.js';
import { describeInputsUsed } from './inputs-used.js';

/** The rest are in inputs-used-projection.test.ts (two files, so that the two workers share the load). */
const COMMANDS = COMMAND_NAMES.filter((name) => !['project', 'sensitivity', 'check'].includes(name));

describeInputsUsed(COMMANDS);
