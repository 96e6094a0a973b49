import type { MatchInput } from '../../src/core/index.js';

/**
 * One labelled pair of the golden matching set: a Spotify-style track (artists array,
 * " - Remastered 2011" suffixes) and an Apple-style one (one "A, B & C" artist string,
 * "(Remastered 2011)" groups), with whether they are the same recording and the kind of
 * variation the pair exercises.
 */
export interface GoldenPair {
  readonly kind: string;
  readonly same: boolean;
  readonly spotify: MatchInput;
  readonly apple: MatchInput;
}

/** "3:20" or "3:20.4" → milliseconds. */
export function ms(duration: string): number {
  const [minutes = '0', seconds = '0'] = duration.split(':');
  return Math.round((Number(minutes) * 60 + Number(seconds)) * 1000);
}

interface Extra { readonly album?: string; readonly isrc?: string }

/** A Spotify-style track: artists as an array. */
export function S(title: string, artists: readonly string[], duration: string, extra: Extra | string = {}): MatchInput {
  const more = typeof extra === 'string' ? { album: extra } : extra;
  return { title, artists, durationMs: ms(duration), ...more };
}

/** An Apple-style track: one joined artist string. */
export function A(title: string, artist: string, duration: string, extra: Extra | string = {}): MatchInput {
  const more = typeof extra === 'string' ? { album: extra } : extra;
  return { title, artists: [artist], durationMs: ms(duration), ...more };
}

export const same = (kind: string, spotify: MatchInput, apple: MatchInput): GoldenPair =>
  ({ kind, same: true, spotify, apple });

export const different = (kind: string, spotify: MatchInput, apple: MatchInput): GoldenPair =>
  ({ kind, same: false, spotify, apple });
