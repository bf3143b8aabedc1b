/** Every input of project, sensitivity and check changes what the command reports (the runs and the lists: ./inputs-used.ts). */
import type { CommandName } from '../../src/inputs/table.js';
import { describeInputsUsed } from './inputs-used.js';

const COMMANDS: CommandName[] = ['project', 'sensitivity', 'check'];

describeInputsUsed(COMMANDS);
