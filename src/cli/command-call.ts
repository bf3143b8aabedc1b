/** The call a command's implementation receives from the program. */
import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { CommandName } from '../inputs/table.js';

/** What a command's implementation receives. */
export interface CommandCall {
  name: CommandName;
  /** commander's parsed options (attribute names), command and global. */
  options: Readonly<Record<string, unknown>>;
  /** Positional arguments. */
  args: readonly string[];
  /** The context with stderr silenced under --quiet. */
  ctx: Context;
  /** The real stderr: --explain prints there even with --quiet (it was asked for). */
  explainTo: Context['stderr'];
  /** The whole program (for completion, which describes every command). */
  program: Command;
}
