import type { TimeRange } from './types.js';

/**
 * How much one appearance in a member's top list says about their taste. Used by the blend
 * (who brings what, in which order) and by the taste score (how much of a taste is shared).
 *
 *   weight(range, rank) = RANGE_WEIGHT[range] · RANK_HALF_LIFE / (RANK_HALF_LIFE + rank)
 *
 * with rank 0 for a list's first track. Recent taste counts more (short 3 : medium 2 : long 1),
 * and rank matters inside a range: the 1st track weighs 1, the 11th ½, the 31st ¼. A recording
 * listed in several ranges adds up (a song loved for a year and still played now is a strong
 * signal); listed twice in one range, its better rank counts.
 */
export const RANGE_WEIGHT = { short: 3, medium: 2, long: 1 } as const satisfies Record<TimeRange, number>;

/** The rank (0-based) at which an appearance weighs half as much as the first. */
export const RANK_HALF_LIFE = 10;

export function appearanceWeight(range: TimeRange, rank: number): number {
  return (RANGE_WEIGHT[range] * RANK_HALF_LIFE) / (RANK_HALF_LIFE + rank);
}
