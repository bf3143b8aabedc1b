/** "Did you mean": the closest known word by edit distance, if it is close enough. */
import { distance } from 'fastest-levenshtein';

export function closestWord(word: string, known: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const candidate of known) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || d < best.distance) best = { word: candidate, distance: d };
  }
  return best && best.distance <= Math.max(2, Math.ceil(word.length / 2)) ? best.word : undefined;
}
