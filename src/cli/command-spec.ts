/** What a command declares beside its implementation (src/cli/commands/<name>.spec.ts). */
import type { CommandName } from '../inputs/table.js';
import type { CommandCall } from './command-call.js';

export interface CommandSpec {
  name: CommandName;
  /** One line in `hashcalc --help`, the first of the command's help. */
  description: string;
  examples: readonly string[];
  /** Extra help text after the examples (wrapped to the terminal). */
  more?: string;
  /** Positional arguments, in commander's notation ('<name>' required, '[kind]' optional). */
  args?: readonly { name: string; description: string; defaultValue?: string }[];
  /** The implementation, imported only when the command runs. */
  load: () => Promise<(call: CommandCall) => Promise<number>>;
}
