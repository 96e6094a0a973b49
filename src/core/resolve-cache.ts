import { isrcCacheKey, textCacheKey } from './keys.js';
import { primaryArtist } from './normalize.js';
import { parseTitle } from './parse-title.js';
import type { ProviderId, ProviderTrack } from './types.js';

/**
 * The `track_matches` cache as the resolver sees it. A row is (provider, lookup_key,
 * provider_track_id): the id found on `provider` for that key, or null for "looked up, not
 * there". Lookup keys come from `isrcCacheKey` and `textCacheKey` only.
 */
export interface TrackMatchRow {
  readonly provider: ProviderId;
  readonly lookupKey: string;
  readonly providerTrackId: string | null;
}

/** Answers "what does the cache know?": an id, null (known miss) or undefined (never looked up). */
export type CacheLookup = (provider: ProviderId, lookupKey: string) => string | null | undefined;

const rowId = (provider: ProviderId, lookupKey: string) => `${provider}\u0000${lookupKey}`;

/** A `CacheLookup` over rows loaded from `track_matches` (a later row wins over an earlier one). */
export function cacheFromRows(rows: readonly TrackMatchRow[]): CacheLookup {
  const map = new Map(rows.map((row) => [rowId(row.provider, row.lookupKey), row.providerTrackId]));
  return (provider, lookupKey) => map.get(rowId(provider, lookupKey));
}

/** `base` with `rows` laid over it (rows win). */
export function withRows(base: CacheLookup, rows: readonly TrackMatchRow[]): CacheLookup {
  const over = cacheFromRows(rows);
  return (provider, lookupKey) => {
    const answer = over(provider, lookupKey);
    return answer === undefined ? base(provider, lookupKey) : answer;
  };
}

/** What to search for when a track has no ISRC or its ISRC missed. */
export interface TextQuery {
  /** Title without remaster/edit/feature noise; version words ("Live") kept. */
  readonly title: string;
  /** The main artist, raw. */
  readonly artist: string;
  /** `track_matches.lookup_key` under which to store the answer. */
  readonly key: string;
}

export function textQuery(track: ProviderTrack): TextQuery {
  const artist = primaryArtist(track.artists);
  return { title: parseTitle(track.title).display, artist, key: textCacheKey(track.title, artist) };
}

/** Where resolving one track on one other platform stands. */
export type ResolutionStep =
  | { readonly kind: 'resolved'; readonly providerTrackId: string | null; readonly row: TrackMatchRow }
  | { readonly kind: 'isrc'; readonly isrc: string; readonly lookupKey: string }
  | { readonly kind: 'text'; readonly query: TextQuery; readonly afterIsrcMiss: boolean };

/**
 * The next step for `track` on `target`: the cache's answer by ISRC, else an ISRC lookup;
 * after an ISRC miss (or without an ISRC) the cache's answer by title + artist, else a search.
 */
export function resolutionStep(track: ProviderTrack, target: ProviderId, cache: CacheLookup): ResolutionStep {
  const lookupKey = track.isrc === undefined ? undefined : isrcCacheKey(track.isrc);
  if (lookupKey !== undefined) {
    const byIsrc = cache(target, lookupKey);
    if (byIsrc === undefined) return { kind: 'isrc', isrc: lookupKey.slice('isrc:'.length), lookupKey };
    if (byIsrc !== null) return { kind: 'resolved', providerTrackId: byIsrc, row: { provider: target, lookupKey, providerTrackId: byIsrc } };
  }
  const query = textQuery(track);
  const byText = cache(target, query.key);
  if (byText === undefined) return { kind: 'text', query, afterIsrcMiss: lookupKey !== undefined };
  return { kind: 'resolved', providerTrackId: byText, row: { provider: target, lookupKey: query.key, providerTrackId: byText } };
}
