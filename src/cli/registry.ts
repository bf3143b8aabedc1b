/**
 * Every command, in the order `hashcalc --help` lists them: each one's spec (help, examples, arguments and
 * a lazy import of its implementation) lives beside the implementation in src/cli/commands/. The order is
 * COMMAND_NAMES's (test/cli/input-table.test.ts checks it).
 */
import type { CommandSpec } from './command-spec.js';
import { spec as ai } from './commands/ai.spec.js';
import { spec as cache } from './commands/cache.spec.js';
import { spec as catalog } from './commands/catalog.spec.js';
import { spec as check } from './commands/check.spec.js';
import { spec as compare } from './commands/compare.spec.js';
import { spec as completion } from './commands/completion.spec.js';
import { spec as config } from './commands/config.spec.js';
import { spec as doctor } from './commands/doctor.spec.js';
import { spec as exodus } from './commands/exodus.spec.js';
import { spec as hashprice } from './commands/hashprice.spec.js';
import { spec as history } from './commands/history.spec.js';
import { spec as init } from './commands/init.spec.js';
import { spec as mining } from './commands/mining.spec.js';
import { spec as network } from './commands/network.spec.js';
import { spec as project } from './commands/project.spec.js';
import { spec as report } from './commands/report.spec.js';
import { spec as schema } from './commands/schema.spec.js';
import { spec as sensitivity } from './commands/sensitivity.spec.js';
import { spec as strategy } from './commands/strategy.spec.js';

export const COMMAND_SPECS: readonly CommandSpec[] = [
  project,
  report,
  sensitivity,
  strategy,
  history,
  exodus,
  hashprice,
  network,
  compare,
  mining,
  ai,
  check,
  catalog,
  config,
  cache,
  doctor,
  init,
  schema,
  completion,
];
