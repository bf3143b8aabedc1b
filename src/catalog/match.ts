/** Loose model-name matching: `s21xp`, `S21 XP`, `antminer-s21-xp` all find the same entry. */
import { editDistance } from '../core/suggest.js';

const VENDOR_WORDS =
  /^(antminer|bitmain|whatsminer|microbt|avalon|canaan|sealminer|bitdeer|nvidia|amd|instinct)/;

export function normalizeModelName(name: string): string {
  let key = name
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/[^a-z0-9]/g, '');
  // Strip vendor words repeatedly ("bitmain antminer s21" -> "s21"), but never down to nothing.
  for (let m = VENDOR_WORDS.exec(key); m && key.length > m[0].length; m = VENDOR_WORDS.exec(key)) {
    key = key.slice(m[0].length);
  }
  return key;
}

export interface Named {
  id: string;
  name: string;
  aliases: readonly string[];
}

export type MatchResult<T> = { ok: true; model: T } | { ok: false; suggestions: T[] };

function keysOf(entry: Named): string[] {
  return [entry.id, entry.name, ...entry.aliases].map(normalizeModelName);
}

export function matchModel<T extends Named>(
  query: string,
  catalog: readonly T[],
  maxSuggestions = 3,
): MatchResult<T> {
  const key = normalizeModelName(query);
  const exact = catalog.find((entry) => keysOf(entry).includes(key));
  if (exact) return { ok: true, model: exact };
  const scored = catalog
    .map((entry) => {
      const keys = keysOf(entry);
      const distance = Math.min(...keys.map((k) => editDistance(key, k)));
      // Prefer names the query is the start of ('s21x' -> 's21xp') over names it extends ('s21').
      const bonus = keys.some((k) => k.startsWith(key)) ? 2 : keys.some((k) => key.startsWith(k)) ? 1 : 0;
      return { entry, score: distance - bonus };
    })
    .sort((a, b) => a.score - b.score);
  return { ok: false, suggestions: scored.slice(0, maxSuggestions).map((s) => s.entry) };
}
