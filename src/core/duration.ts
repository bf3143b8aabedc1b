/** Durations for data flags (--max-age 10m, --timeout 5s) and ages in messages ("3 min ago"). Pure. */

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Reads "90s", "10m", "2h", "1d", "1w", "500ms" or a bare number in `bareUnit`; NaN when it is not one.
 * Combined forms such as "1h30m" are accepted.
 */
export function parseDurationMs(raw: string, bareUnit: 'ms' | 's'): number {
  const text = raw.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * (UNIT_MS[bareUnit] ?? 1);
  const parts = text.match(/\d+(?:\.\d+)?\s*[a-z]+/g);
  if (!parts || parts.join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) return Number.NaN;
  let total = 0;
  for (const part of parts) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(part);
    const scale = match?.[2] ? UNIT_MS[match[2]] : undefined;
    if (!match || scale === undefined) return Number.NaN;
    total += Number(match[1]) * scale;
  }
  return total;
}

/**
 * A unit that reads two ways: `M` (months or minutes?). parseDurationMs reads units case-insensitively, so a
 * caller checks this first. Returns the unit as written, or undefined.
 */
export function ambiguousDurationUnit(raw: string): string | undefined {
  return /\d\s*(M)(?![a-zA-Z])/.exec(raw)?.[1];
}

/** "500 ms", "90 s", "10 min", "2 h", "3 days". */
export function formatDuration(ms: number): string {
  const a = Math.max(0, ms);
  if (a < 1000) return `${Math.round(a)} ms`;
  if (a < 90_000) return `${Math.round(a / 1000)} s`;
  if (a < 5_400_000) return `${Math.round(a / 60_000)} min`;
  if (a < 172_800_000) return `${Math.round(a / 3_600_000)} h`;
  return `${Math.round(a / 86_400_000)} days`;
}

/** An age to the second at least: "1 s", "3 min", "2 h". */
export function formatAge(ms: number): string {
  return ms < 90_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : formatDuration(ms);
}

/** "3 min ago", "1 s ago". */
export function ago(fromMs: number, nowMs: number): string {
  return `${formatAge(nowMs - fromMs)} ago`;
}
