import { distance } from 'fastest-levenshtein';
import type { PreparedTrack } from './prepare.js';

/** 1 for equal strings, falling with the edit distance relative to the longer one; 0 for "". */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - distance(a, b) / longest;
}

/** Below this, two artist names are different people. */
export const ARTIST_MIN_SIMILARITY = 0.85;

/**
 * How surely the two tracks share their main artist, 0..1:
 * 1 when either's main artist is among the other's credits (whole or split, features included:
 * "A & B" = ["A", "B"], "Song (feat. B)" by A = "Song" by [A, B]); otherwise the best spelling
 * similarity of the main artists when it reaches ARTIST_MIN_SIMILARITY; otherwise 0.
 * A shared featured artist alone does not count: "A feat. C" and "B feat. C" are different songs.
 */
export function artistSimilarity(a: PreparedTrack, b: PreparedTrack): number {
  if (a.primaries.some((name) => b.names.has(name)) || b.primaries.some((name) => a.names.has(name))) {
    return 1;
  }
  let best = 0;
  for (const x of a.primaries) {
    for (const y of b.primaries) best = Math.max(best, stringSimilarity(x, y));
  }
  return best >= ARTIST_MIN_SIMILARITY ? best : 0;
}

/** Durations within this agree completely (encodings and fades differ by a second or two). */
export const DURATION_TOLERANCE_MS = 3_000;
/** Durations further apart than this are different recordings or edits, whatever else agrees. */
export const DURATION_LIMIT_MS = 10_000;

/** 1 up to DURATION_TOLERANCE_MS apart, falling linearly to 0 at DURATION_LIMIT_MS. */
export function durationSimilarity(gapMs: number): number {
  if (gapMs <= DURATION_TOLERANCE_MS) return 1;
  if (gapMs >= DURATION_LIMIT_MS) return 0;
  return 1 - (gapMs - DURATION_TOLERANCE_MS) / (DURATION_LIMIT_MS - DURATION_TOLERANCE_MS);
}

/** Absolute duration gap, or undefined when either duration is unknown. */
export function durationGap(a: PreparedTrack, b: PreparedTrack): number | undefined {
  return a.durationMs === undefined || b.durationMs === undefined ? undefined : Math.abs(a.durationMs - b.durationMs);
}
