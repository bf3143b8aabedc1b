/** The `doctor` --json contract (zod/mini): loaded by tests and the build (JSON Schema), never by a command. */
import * as z from 'zod/mini';
import { DOCUMENT_VERSIONS } from './documents.js';

const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;

const status = describe(
  z.enum(['ok', 'warn', 'fail', 'skip']),
  'ok; warn: works, but worth a look; fail: broken (exit 1); skip: not run (--offline)',
);

export const doctorOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.doctor),
  command: z.literal('doctor'),
  ok: describe(z.boolean(), 'no check failed (exit 0); false: at least one did (exit 1)'),
  checks: z.array(
    z.object({
      id: describe(
        z.enum(['node', 'config', 'cache', 'proxy', 'mempool', 'blockchain.info', 'coingecko']),
        'the check: node, config, cache, proxy, then one per live source',
      ),
      name: z.string(),
      status,
      detail: describe(z.string(), 'one line: what was found, or why it failed'),
    }),
  ),
  node: z.object({
    version: z.string(),
    supported: describe(z.boolean(), 'Node >= 20.18'),
    compileCache: describe(
      z.boolean(),
      'the module compile cache is available (Node >= 22.1): faster starts',
    ),
  }),
  config: z.object({
    path: describe(z.nullable(z.string()), 'the config file; null without a home directory'),
    pathFrom: z.enum(['HASHCALC_CONFIG', 'default', 'none']),
    exists: z.boolean(),
    valid: describe(z.nullable(z.boolean()), 'every value accepted; null when there is no file'),
  }),
  cache: z.object({
    dir: describe(z.nullable(z.string()), 'the cache directory; null without a home directory'),
    exists: z.boolean(),
    writable: describe(z.boolean(), 'the directory, or the parent it would be made in, is writable'),
    files: z.array(
      z.object({
        name: z.string(),
        state: describe(
          z.enum(['absent', 'ok', 'problem']),
          'ok: a regular file, parseable, within its size cap; problem: ignored and rewritten on the next fetch',
        ),
        sizeBytes: z.nullable(z.int()),
        problem: z.nullable(z.string()),
      }),
    ),
  }),
  proxy: z.object({
    http: describe(z.nullable(z.string()), 'VARIABLE=url as used for http:// (never a user or password)'),
    https: describe(
      z.nullable(z.string()),
      'VARIABLE=url as used for https:// (HTTP_PROXY when HTTPS_PROXY is unset)',
    ),
    noProxy: z.nullable(z.string()),
  }),
  sources: z.array(
    z.object({
      source: z.enum(['mempool', 'blockchain.info', 'coingecko']),
      host: z.string(),
      url: describe(z.nullable(z.string()), 'the URL asked; null when skipped'),
      status,
      elapsedMs: describe(
        z.nullable(z.number()),
        'from the request to a checked answer or the failure; null when skipped',
      ),
    }),
  ),
});

export type DoctorReport = z.infer<typeof doctorOutputSchema>;
