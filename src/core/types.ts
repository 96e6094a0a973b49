/**
 * Plain data shared by the pure core and everything around it. The providers module imports
 * `ProviderId`, `TimeRange` and `ProviderTrack` from here; nothing in this folder does I/O.
 */

/** The streaming services blend-bot speaks to. */
export type ProviderId = 'spotify' | 'apple';
export const PROVIDER_IDS = ['spotify', 'apple'] as const satisfies readonly ProviderId[];

/** Spotify's short_term (~4 weeks), medium_term (~6 months) and long_term (~1 year+). */
export type TimeRange = 'short' | 'medium' | 'long';
export const TIME_RANGES = ['short', 'medium', 'long'] as const satisfies readonly TimeRange[];

/**
 * A member's track as their own platform reports it (a "Recording-like" input).
 * `artists` is Spotify's array, or Apple's single "A, B & C" string as a one-element array:
 * the core splits it where it needs to.
 */
export interface ProviderTrack {
  readonly provider: ProviderId;
  /** The provider's own track id (Spotify track id, Apple catalog song id). */
  readonly id: string;
  readonly isrc?: string;
  readonly title: string;
  readonly artists: readonly string[];
  readonly album?: string;
  /** 0 or less means "unknown". */
  readonly durationMs: number;
  readonly artworkUrl?: string;
}

/** What the matcher needs from a track: a `ProviderTrack` or a `ResolvedRecording` both fit. */
export type MatchInput = Pick<ProviderTrack, 'isrc' | 'title' | 'artists' | 'album' | 'durationMs'>;

/**
 * One logical recording with its id on each platform. `ids[p]` missing means "not available
 * on p" (the resolver found nothing), so the recording is left out of p's playlist.
 */
export interface ResolvedRecording {
  /** Stable recording key, see `recordingKey()`: `isrc:…` when there is an ISRC, else `meta:…`. */
  readonly key: string;
  readonly isrc?: string;
  readonly title: string;
  readonly artists: readonly string[];
  readonly album?: string;
  readonly durationMs: number;
  readonly artworkUrl?: string;
  readonly ids: Readonly<Partial<Record<ProviderId, string>>>;
}

/**
 * One member's taste: their ranked tracks per time range, best first (index 0 = rank 1).
 * A missing range is treated as empty (Apple approximates the ranges and may lack one).
 */
export interface MemberTaste {
  readonly memberId: string;
  readonly ranked: Readonly<Partial<Record<TimeRange, readonly ResolvedRecording[]>>>;
}
