/** A catalog reference from the user (a flag, env var or file): the entry, or a usage error with the closest names. */
import { matchModel, type Named } from '../catalog/match.js';
import { UsageError } from '../errors.js';

export function findInCatalog<T extends Named>(
  query: string,
  catalog: readonly T[],
  label: string,
  listCommand: string,
): T {
  const result = matchModel(query, catalog);
  if (result.ok) return result.model;
  const closest = result.suggestions.map((s) => `'${s.name}'`).join(', ');
  throw new UsageError(
    `${label}: unknown model '${query}'; did you mean ${closest}? (see 'hashcalc catalog ${listCommand}')`,
  );
}
