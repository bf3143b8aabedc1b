/**
 * The one registry of --json documents: each document's name (what `hashcalc schema NAME` takes) and its
 * schemaVersion. The zod schemas (json-schema.ts) and the schema command derive their names from it; no zod
 * here, so the CLI can list the names without loading it. A version changes only with a change of meaning
 * (CHANGELOG.md); additive fields keep it.
 */
export const DOCUMENT_VERSIONS = {
  project: 1,
  sensitivity: 1,
  strategy: 1,
  history: 1,
  exodus: 1,
  hashprice: 1,
  network: 1,
  /** 2: horizon-aware (NPV, IRR, payback over the horizon; the verdict ranks by NPV). */
  compare: 2,
  mining: 1,
  ai: 1,
  check: 1,
  catalog: 1,
  config: 1,
  cache: 1,
  doctor: 1,
} as const;

export type DocumentName = keyof typeof DOCUMENT_VERSIONS;

export const DOCUMENT_NAMES = Object.keys(DOCUMENT_VERSIONS) as DocumentName[];

/** What `hashcalc schema` takes: every document, and the scenario file. */
export const SCHEMA_NAMES: readonly string[] = [...DOCUMENT_NAMES, 'scenario'];

/** The schemaVersion a document carries. */
export function schemaVersionOf<N extends DocumentName>(name: N): (typeof DOCUMENT_VERSIONS)[N] {
  return DOCUMENT_VERSIONS[name];
}
