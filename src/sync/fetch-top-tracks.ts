import { TIME_RANGES, type MusicProvider, type ProviderTrack, type TimeRange, type TokenHooks, type UserAuth } from '../providers/types.js';

/** One user's ranked tracks for every range, index 0 = rank 1. */
export type TopTrackSet = Readonly<Record<TimeRange, readonly ProviderTrack[]>>;

/** How many tracks per range a sync asks for unless a blend needs more (Spotify: one page). */
export const TOP_TRACKS_PER_RANGE = 50;

/**
 * Fetches all three ranges before anything is written, so a failure in any range leaves the
 * stored tracks as they were. Ranges run one after another: a token refreshed during the first
 * is used for the next (and reported through `hooks`), instead of three refreshes racing.
 */
export async function fetchTopTrackSet(provider: MusicProvider, auth: UserAuth, perRange: number, hooks: TokenHooks = {}): Promise<TopTrackSet> {
  let current = auth;
  const track: TokenHooks = {
    onTokens: async (next) => {
      current = next;
      await hooks.onTokens?.(next);
    },
  };
  const set: Partial<Record<TimeRange, ProviderTrack[]>> = {};
  for (const range of TIME_RANGES) set[range] = await provider.topTracks(current, range, perRange, track);
  return set as TopTrackSet;
}

export const countTracks = (set: TopTrackSet): Record<TimeRange, number> =>
  ({ short: set.short.length, medium: set.medium.length, long: set.long.length });
