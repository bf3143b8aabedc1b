/**
 * "Did you mean": the one edit distance (fastest-levenshtein) behind every suggestion hashcalc makes, for a
 * command, a flag, a scenario key, a driver (closestWord), a model (src/catalog/match.ts) and a rule's
 * metric (src/rules/evaluate.ts), each with its own ranking.
 */
import { distance } from 'fastest-levenshtein';

/** Levenshtein distance; with `limit`, limit + 1 without comparing when the lengths alone exceed it. */
export function editDistance(a: string, b: string, limit?: number): number {
  if (limit === undefined) return distance(a, b);
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  return Math.min(distance(a, b), limit + 1);
}

/** The closest known word, case-insensitive, if it is close enough (the first of equals). */
export function closestWord(word: string, known: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const candidate of known) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || d < best.distance) best = { word: candidate, distance: d };
  }
  return best && best.distance <= Math.max(2, Math.ceil(word.length / 2)) ? best.word : undefined;
}
