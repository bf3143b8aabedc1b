/** The `config` --json contract (zod/mini): loaded by tests and the build (JSON Schema), never by a command. */
import * as z from 'zod/mini';
import { DOCUMENT_VERSIONS } from './documents.js';

const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;

export const configOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.config),
  command: z.literal('config'),
  file: z.object({
    path: describe(
      z.nullable(z.string()),
      'the user config file: HASHCALC_CONFIG, else $XDG_CONFIG_HOME/hashcalc/config.json or ~/.config/hashcalc/config.json; null without a home directory',
    ),
    pathFrom: describe(z.enum(['HASHCALC_CONFIG', 'default', 'none']), 'where the path came from'),
    exists: z.boolean(),
    valid: describe(z.boolean(), 'read and every value accepted (a file that is not is exit 2, naming it)'),
    inputs: describe(z.int(), 'how many inputs the file sets'),
  }),
  inputs: z.array(
    z.object({
      id: z.string(),
      flag: z.string(),
      env: z.nullable(z.string()),
      path: describe(z.nullable(z.string()), 'the key in a scenario or config file'),
      value: describe(
        z.nullable(z.union([z.number(), z.string(), z.boolean(), z.array(z.string())])),
        'the effective value when no flag is given; null where the input has no default (a catalog figure or none)',
      ),
      origin: describe(
        z.enum(['env', 'scenario', 'config', 'default', 'none']),
        'scenario: HASHCALC_SCENARIO names one; none: no default (a catalog figure, or nothing)',
      ),
      from: describe(
        z.nullable(z.string()),
        'the variable or "file: key" the value came from; null for a default',
      ),
      commands: z.array(z.string()),
    }),
  ),
});

export type ConfigReport = z.infer<typeof configOutputSchema>;
