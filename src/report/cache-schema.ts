/** The `cache` --json contract (zod/mini): loaded by tests and the build (JSON Schema), never by a command. */
import * as z from 'zod/mini';
import { DOCUMENT_VERSIONS } from './documents.js';

const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;

const isoTime = describe(z.string(), 'an ISO 8601 time (UTC)');
const ageSeconds = describe(z.number(), 'seconds between that time and now (negative: dated in the future)');

const fileRef = z.object({ name: z.string(), path: z.string(), sizeBytes: z.int() });

export const cacheOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.cache),
  command: z.literal('cache'),
  directory: z.object({
    path: describe(
      z.nullable(z.string()),
      'the cache directory: HASHCALC_CACHE_DIR, else $XDG_CACHE_HOME/hashcalc, else the platform cache directory; null without a home directory (nothing is cached)',
    ),
    from: describe(
      z.enum(['HASHCALC_CACHE_DIR', 'XDG_CACHE_HOME', 'default', 'none']),
      'where the path came from',
    ),
    exists: z.boolean(),
    sizeBytes: describe(z.int(), "the size of hashcalc's files in it (before --clear)"),
  }),
  files: describe(
    z.array(
      z.object({
        name: z.string(),
        path: z.string(),
        kind: describe(
          z.enum(['network', 'history', 'temporary']),
          'temporary: left by an interrupted write (removed by the next write once a minute old)',
        ),
        status: describe(
          z.enum(['absent', 'valid', 'invalid', 'not-a-file', 'temporary']),
          'invalid: corrupt, foreign, too large, unreadable or an older layout (problem says which; a run ignores it and rewrites it); not-a-file: something else under that name (never read, never removed)',
        ),
        sizeBytes: z.int(),
        modifiedAt: z.nullable(isoTime),
        ageSeconds: z.nullable(ageSeconds),
        problem: describe(z.nullable(z.string()), 'what is wrong with it, as a run would say'),
      }),
    ),
    'network.json and history.json (present or not), then any temporary files; as they were before --clear',
  ),
  network: describe(
    z.array(
      z.object({
        quantity: z.string(),
        origin: z.enum(['mempool', 'blockchain.info', 'coingecko']),
        instance: describe(
          z.nullable(z.string()),
          'the instance (base URL without the scheme, e.g. mempool.space/api), else the host that answered',
        ),
        asOf: describe(isoTime, 'the time the value describes'),
        fetchedAt: isoTime,
        ageSeconds: describe(ageSeconds, 'since it was fetched'),
        fresh: describe(z.boolean(), 'within its time to live: a run uses it without a request'),
      }),
    ),
    "network.json's valid entries, one per quantity, source and instance",
  ),
  history: z.object({
    instance: describe(
      z.nullable(z.object({ api: z.string(), host: z.string() })),
      'the mempool instance history.json holds (one at a time); null when the file is absent or invalid',
    ),
    series: z.array(
      z.object({
        series: z.enum(['retargets', 'fees', 'prices']),
        rows: z.int(),
        firstDay: z.nullable(z.string()),
        lastDay: z.nullable(z.string()),
        fetchedAt: isoTime,
        ageSeconds,
      }),
    ),
  }),
  cleared: describe(
    z.nullable(
      z.object({
        removed: z.array(fileRef),
        kept: describe(
          z.array(z.object({ name: z.string(), path: z.string() })),
          "under one of hashcalc's names but not a regular file: left alone",
        ),
        failed: z.array(z.object({ name: z.string(), path: z.string(), error: z.string() })),
        directoryRemoved: describe(
          z.boolean(),
          "the directory too: only hashcalc's own (not one named by HASHCALC_CACHE_DIR) and only when left empty",
        ),
      }),
    ),
    'with --clear, what was removed; null without it',
  ),
});

export type CacheReport = z.infer<typeof cacheOutputSchema>;
