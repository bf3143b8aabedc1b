/** "Did you mean": the closest known word by edit distance, if it is close enough. */
import { editDistance } from '../catalog/match.js';

export function closestWord(word: string, known: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { word: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.ceil(word.length / 2)) ? best.word : undefined;
}
