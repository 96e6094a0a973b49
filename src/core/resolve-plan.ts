import { isrcCacheKey, trackRef } from './keys.js';
import { resolutionStep, withRows } from './resolve-cache.js';
import type { CacheLookup, TextQuery, TrackMatchRow } from './resolve-cache.js';
import type { ProviderId, ProviderTrack } from './types.js';

/**
 * Deciding the fewest provider calls that put every member track on every target platform.
 * A track needs nothing on its own platform. Elsewhere, in order: the cache; the catalog by
 * ISRC (Apple: `filter[isrc]`, APPLE_ISRC_BATCH_SIZE per call; Spotify: `isrc:` search, one
 * per call since its batch lookups are gone); a title + artist search only where there is no
 * ISRC or the ISRC missed. Each ISRC and each search is planned once however many members
 * share it. The worker does the calls, stores every answer (misses too) as a `TrackMatchRow`,
 * then asks `planFollowUp` which ISRC misses need a search.
 */

export const APPLE_ISRC_BATCH_SIZE = 25;

export interface ResolutionInput {
  /** Every member track, each on its own platform. */
  readonly tracks: readonly ProviderTrack[];
  /** The platforms the blend is built for. */
  readonly targets: readonly ProviderId[];
  readonly cache: CacheLookup;
}

/** One title + artist search, and the track whose candidates `pickBestCandidate` judges. */
export interface TextSearch extends TextQuery {
  readonly provider: ProviderId;
  readonly source: ProviderTrack;
}

export interface ResolutionPlan {
  /** ISRCs for Apple's catalog, ≤ APPLE_ISRC_BATCH_SIZE per batch, sorted. */
  readonly appleIsrcBatches: readonly (readonly string[])[];
  /** ISRCs to search on Spotify, one call each, sorted. */
  readonly spotifyIsrcLookups: readonly string[];
  readonly textSearches: readonly TextSearch[];
  /**
   * The cache rows that settle a track on a platform without any call: an id found, or a title
   * + artist known to be missing (an ISRC known to be missing does not settle it: a search may).
   * Sorted by provider, then lookup key.
   */
  readonly resolvedFromCache: readonly TrackMatchRow[];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Tracks in a fixed order, so plans do not depend on the order members were loaded in. */
function ordered(tracks: readonly ProviderTrack[]): ProviderTrack[] {
  return tracks.map((track) => ({ track, ref: trackRef(track) }))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
    .map(({ track }) => track);
}

const sortedUnique = (items: Iterable<string>) => [...new Set(items)].sort();
const byKey = <T extends { provider: string; key: string }>(a: T, b: T) =>
  a.provider.localeCompare(b.provider) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

interface Collected {
  readonly isrcs: Record<ProviderId, Set<string>>;
  readonly searches: Map<string, TextSearch>;
  readonly cached: Map<string, TrackMatchRow>;
}

function collect(input: ResolutionInput, onlyAfterIsrcMiss: boolean): Collected {
  const out: Collected = { isrcs: { spotify: new Set(), apple: new Set() }, searches: new Map(), cached: new Map() };
  const targets = sortedUnique(input.targets) as ProviderId[];
  for (const track of ordered(input.tracks)) {
    for (const target of targets) {
      if (target === track.provider) continue;
      const step = resolutionStep(track, target, input.cache);
      if (step.kind === 'resolved') out.cached.set(`${target} ${step.row.lookupKey}`, step.row);
      else if (step.kind === 'isrc') out.isrcs[target].add(step.isrc);
      else if (!onlyAfterIsrcMiss || step.afterIsrcMiss) {
        const id = `${target} ${step.query.key}`;
        if (!out.searches.has(id)) out.searches.set(id, { ...step.query, provider: target, source: track });
      }
    }
  }
  return out;
}

/** The first plan: cache answers, ISRC lookups, and searches for tracks without an ISRC. */
export function planResolution(input: ResolutionInput): ResolutionPlan {
  const found = collect(input, false);
  return {
    appleIsrcBatches: chunk(sortedUnique(found.isrcs.apple), APPLE_ISRC_BATCH_SIZE),
    spotifyIsrcLookups: sortedUnique(found.isrcs.spotify),
    textSearches: [...found.searches.values()].sort(byKey),
    resolvedFromCache: [...found.cached.values()].sort((a, b) => byKey({ ...a, key: a.lookupKey }, { ...b, key: b.lookupKey })),
  };
}

/** The answers of the ISRC lookups; `providerTrackId: null` when the catalog had nothing. */
export interface IsrcLookupResult {
  readonly provider: ProviderId;
  readonly isrc: string;
  readonly providerTrackId: string | null;
}

export interface FollowUpPlan {
  /** Rows to store in `track_matches` for the ISRC answers (misses included). */
  readonly cacheRows: readonly TrackMatchRow[];
  /** Searches for the tracks whose ISRC missed and whose title + artist is not cached. */
  readonly textSearches: readonly TextSearch[];
}

/** The second plan, after the ISRC lookups: which misses need a title + artist search. */
export function planFollowUp(input: ResolutionInput & { readonly isrcResults: readonly IsrcLookupResult[] }): FollowUpPlan {
  const cacheRows = input.isrcResults.flatMap((r): TrackMatchRow[] => {
    const lookupKey = isrcCacheKey(r.isrc);
    return lookupKey === undefined ? [] : [{ provider: r.provider, lookupKey, providerTrackId: r.providerTrackId }];
  });
  const found = collect({ ...input, cache: withRows(input.cache, cacheRows) }, true);
  return { cacheRows, textSearches: [...found.searches.values()].sort(byKey) };
}
