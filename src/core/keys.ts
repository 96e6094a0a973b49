import { normalizeArtist, normalizeIsrc, normalizeTitle, primaryArtist } from './normalize.js';
import type { ProviderTrack } from './types.js';

/**
 * Stable string keys. They are stored (recording keys in blend rows, lookup keys in the
 * `track_matches` cache), so changing their shape invalidates stored rows: add a new prefix
 * rather than changing an existing one.
 */

/** The "metadata" identity of a recording: normalised title (with version tags) + main artist. */
export function metaKey(track: Pick<ProviderTrack, 'title' | 'artists'>): string {
  return `meta:${normalizeTitle(track.title)}|${normalizeArtist(primaryArtist(track.artists))}`;
}

/**
 * The recording key: `isrc:<ISRC>` when the track has a well-formed ISRC, else `meta:<title>|<artist>`;
 * for a track whose title and artist are both empty, `id:<provider>:<id>` so that it never
 * collides with another such track.
 */
export function recordingKey(track: Pick<ProviderTrack, 'isrc' | 'title' | 'artists'> & Partial<Pick<ProviderTrack, 'provider' | 'id'>>): string {
  const isrc = normalizeIsrc(track.isrc);
  if (isrc) return `isrc:${isrc}`;
  if (!track.title.trim() && !track.artists.some((a) => a.trim()) && track.provider && track.id) {
    return `id:${track.provider}:${track.id}`;
  }
  return metaKey(track);
}

/** `track_matches.lookup_key` for an ISRC lookup; undefined for a malformed ISRC. */
export function isrcCacheKey(isrc: string): string | undefined {
  const normal = normalizeIsrc(isrc);
  return normal ? `isrc:${normal}` : undefined;
}

/**
 * `track_matches.lookup_key` for a title + artist search. The artist may be a joined credit
 * ("A & B"): only its main name counts, as in the search itself.
 */
export function textCacheKey(title: string, artist: string): string {
  return `text:${normalizeTitle(title)}|${normalizeArtist(primaryArtist([artist]))}`;
}

/** A member track's own identity on its platform, for maps keyed by track. */
export function trackRef(track: Pick<ProviderTrack, 'provider' | 'id'>): string {
  return `${track.provider}:${track.id}`;
}

/** The main artist's normalised name: what "the same artist" means for spacing and taste. */
export function artistKey(track: Pick<ProviderTrack, 'artists'>): string {
  return normalizeArtist(primaryArtist(track.artists));
}
