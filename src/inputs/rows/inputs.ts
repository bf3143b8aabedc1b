/**  */
import { type RowSpec, TAKING_INPUTS } from './define.js';

export const INPUTS_ROWS: readonly RowSpec[] = [
  {
    id: 'scenario',
    flag: '--scenario',
    valueName: 'FILE',
    path: null,
    group: 'inputs',
    commands: TAKING_INPUTS,
    kind: { type: 'file' },
    description: 'read inputs from a scenario file (flags and env override it; see hashcalc init)',
    global: true,
  },
  {
    id: 'explain',
    flag: '--explain',
    env: null,
    path: null,
    group: 'inputs',
    commands: TAKING_INPUTS,
    kind: { type: 'boolean' },
    description:
      'list every input, its value and where it came from (flag, env, scenario, config, default) on stderr',
    global: true,
  },
  {
    id: 'verbose',
    flag: '--verbose',
    env: null,
    path: null,
    group: 'inputs',
    commands: TAKING_INPUTS,
    kind: { type: 'boolean' },
    description: 'more detail on stderr (implies --explain)',
    global: true,
  },
];
