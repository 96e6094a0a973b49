import type { AppContext } from '../../context.js';
import {
  cacheFromRows, isrcCacheKey, planFollowUp, planResolution, resolveRecordings, textQuery, textSearchRow, withRows,
  type CacheLookup, type IsrcLookupResult, type MemberTaste, type ProviderId, type ResolvedRecording, type TextSearch, type TrackMatchRow,
} from '../../core/index.js';
import { asWorker, withActor } from '../../data/actor.js';
import { loadTrackMatches, saveTrackMatches } from '../../data/track-matches.js';
import type { CatalogScope, ProviderTrack } from '../../providers/types.js';
import { TIME_RANGES } from '../../providers/types.js';
import { mapWithConcurrency } from '../map-with-concurrency.js';
import { memberAuth } from '../member-auth.js';
import { storefrontOf, targetsOf, type Owners } from '../owners.js';
import { allTracks, type TakingPart } from './sync-members.js';

/** Lookups in flight at once per run (Spotify's ISRC search is one call per ISRC). */
export const LOOKUP_CONCURRENCY = 8;

/**
 * Puts every member track on every target platform: the `track_matches` cache first, then ISRC
 * lookups (Apple in batches of 25, Spotify one by one), then title + artist searches where there
 * is no ISRC or it missed. Every answer is stored as soon as it arrives, misses included, so a
 * rerun after a failure or a later blend with the same members asks nothing twice.
 */
export async function resolveStep(ctx: AppContext, takingPart: readonly TakingPart[], owners: Owners): Promise<{ tastes: MemberTaste[]; lookups: number }> {
  const targets = targetsOf(owners);
  const tracks = takingPart.flatMap((p) => allTracks(p.tracks));
  const storefront = storefrontOf(owners);
  let cache = await loadCache(ctx, tracks, targets, storefront);
  const scopes = await catalogScopes(ctx, owners);
  const save = async (rows: readonly TrackMatchRow[]) => {
    await withActor(ctx.db, asWorker, (tx) => saveTrackMatches(tx, storefront, rows, ctx.now()));
    cache = withRows(cache, rows);
  };

  const plan = planResolution({ tracks, targets, cache });
  const isrcResults = await lookUpIsrcs(ctx, plan.appleIsrcBatches, plan.spotifyIsrcLookups, scopes);
  const followUp = planFollowUp({ tracks, targets, cache, isrcResults });
  await save(followUp.cacheRows);
  const searches = [...plan.textSearches, ...followUp.textSearches];
  await mapWithConcurrency(searches, LOOKUP_CONCURRENCY, async (search) => save([await runSearch(ctx, search, scopes)]));

  const tastes = takingPart.map((p) => tasteOf(p, targets, cache));
  return { tastes, lookups: plan.appleIsrcBatches.length + plan.spotifyIsrcLookups.length + searches.length };
}

async function loadCache(ctx: AppContext, tracks: readonly ProviderTrack[], targets: readonly ProviderId[], storefront: (p: ProviderId) => string): Promise<CacheLookup> {
  const keys = tracks.flatMap((t) => [isrcCacheKey(t.isrc ?? ''), textQuery(t).key]).filter((k): k is string => Boolean(k));
  const rows = await withActor(ctx.db, asWorker, async (tx) =>
    (await Promise.all(targets.map((p) => loadTrackMatches(tx, p, storefront(p), keys, ctx.now())))).flat());
  return cacheFromRows(rows);
}

async function catalogScopes(ctx: AppContext, owners: Owners): Promise<Partial<Record<ProviderId, CatalogScope>>> {
  const scopes: Partial<Record<ProviderId, CatalogScope>> = {};
  if (owners.spotify) {
    const { auth, hooks } = await memberAuth(ctx, owners.spotify.connection.id);
    scopes.spotify = { auth, ...hooks };
  }
  if (owners.apple) scopes.apple = { storefront: storefrontOf(owners)('apple') };
  return scopes;
}

async function lookUpIsrcs(ctx: AppContext, appleBatches: readonly (readonly string[])[], spotifyIsrcs: readonly string[], scopes: Partial<Record<ProviderId, CatalogScope>>): Promise<IsrcLookupResult[]> {
  const results: IsrcLookupResult[] = [];
  const ask = async (provider: ProviderId, isrcs: readonly string[]) => {
    const found = await providerOf(ctx, provider).findByIsrc(isrcs, scopes[provider] ?? {});
    for (const isrc of isrcs) results.push({ provider, isrc, providerTrackId: found.get(isrc.toUpperCase())?.id ?? null });
  };
  await mapWithConcurrency(appleBatches, LOOKUP_CONCURRENCY, (batch) => ask('apple', batch));
  await mapWithConcurrency(spotifyIsrcs, LOOKUP_CONCURRENCY, (isrc) => ask('spotify', [isrc]));
  return results;
}

async function runSearch(ctx: AppContext, search: TextSearch, scopes: Partial<Record<ProviderId, CatalogScope>>): Promise<TrackMatchRow> {
  const candidates = await providerOf(ctx, search.provider).search({ title: search.title, artist: search.artist }, scopes[search.provider] ?? {});
  return textSearchRow(search, candidates);
}

function tasteOf(part: TakingPart, targets: readonly ProviderId[], cache: CacheLookup): MemberTaste {
  const ranked: Partial<Record<(typeof TIME_RANGES)[number], ResolvedRecording[]>> = {};
  for (const range of TIME_RANGES) ranked[range] = resolveRecordings({ tracks: part.tracks[range], targets, cache });
  return { memberId: part.member.userId, ranked };
}

function providerOf(ctx: AppContext, provider: ProviderId) {
  const found = ctx.providers.get(provider);
  if (!found) throw new Error(`${provider} is not enabled`);
  return found;
}
