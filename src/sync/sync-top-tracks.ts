import type { AppContext } from '../context.js';
import { withActor, type Actor } from '../data/actor.js';
import { loadUserAuth, markNeedsRelink, type ConnectionSummary } from '../data/connections.js';
import type { Db } from '../../db/client.js';
import { isProviderError } from '../providers/errors.js';
import type { TimeRange } from '../providers/types.js';
import { countTracks, fetchTopTrackSet, TOP_TRACKS_PER_RANGE } from './fetch-top-tracks.js';
import { persistRefreshedTokens } from './persist-tokens.js';
import { replaceTopTracks, SYNCED_PER_RANGE_KEY } from './top-track-rows.js';

/** Stored top tracks younger than this are used as they are (design.md lifecycle). */
export const SYNC_MAX_AGE_MS = 24 * 60 * 60_000;

export interface SyncOptions {
  /** Whose rights the database work runs with: the worker passes `asWorker`, the web `asUser(…)`. */
  readonly actor: Actor;
  /** Sync even when the stored tracks are fresh. */
  readonly force?: boolean;
  /** Tracks per range; more than was stored last time triggers a sync (Spotify paginates). */
  readonly perRange?: number;
}

export type SyncOutcome =
  | { readonly kind: 'synced'; readonly counts: Readonly<Record<TimeRange, number>> }
  | { readonly kind: 'fresh'; readonly lastSyncAt: Date }
  /** The grant is gone (now or earlier): the connection is marked; the caller asks the user to relink. */
  | { readonly kind: 'needs_relink' }
  /** The provider is not configured on this deployment any more. */
  | { readonly kind: 'provider_disabled' }
  /** The connection was deleted (unlinked) meanwhile. */
  | { readonly kind: 'gone' };

/**
 * Brings one connection's top tracks up to date. No transaction is held during provider calls:
 * load (one transaction), fetch every range, then replace them all in a second transaction.
 * Tokens a provider refreshes on the way are persisted at once. Other provider failures throw
 * their `ProviderError` for the caller to judge (a transient one leaves the old tracks in place).
 */
export async function syncTopTracks(ctx: AppContext, connectionId: string, options: SyncOptions): Promise<SyncOutcome> {
  const inTx = <T>(work: (tx: Db) => Promise<T>) => withActor(ctx.db, options.actor, work);
  const connection = await inTx((tx) => loadUserAuth(tx, ctx.vault, connectionId));
  if (!connection) return { kind: 'gone' };
  if (connection.needsRelinkAt) return { kind: 'needs_relink' };
  const perRange = options.perRange ?? TOP_TRACKS_PER_RANGE;
  if (!options.force && connection.lastSyncAt && isFresh(connection, perRange, ctx.now())) {
    return { kind: 'fresh', lastSyncAt: connection.lastSyncAt };
  }
  const provider = ctx.providers.get(connection.provider);
  if (!provider) return { kind: 'provider_disabled' };

  let set;
  try {
    set = await fetchTopTrackSet(provider, connection.auth, perRange, persistRefreshedTokens(ctx, options.actor, connectionId));
  } catch (error) {
    if (!isProviderError(error, 'relink_required')) throw error;
    await inTx((tx) => markNeedsRelink(tx, connectionId, ctx.now()));
    ctx.log.info({ connectionId, provider: connection.provider }, 'connection needs relinking');
    return { kind: 'needs_relink' };
  }
  const saved = await inTx((tx) => replaceTopTracks(tx, connectionId, set, { fetchedAt: ctx.now(), perRange }));
  if (!saved) return { kind: 'gone' };
  const counts = countTracks(set);
  ctx.log.info({ connectionId, provider: connection.provider, counts }, 'top tracks synced');
  return { kind: 'synced', counts };
}

/** Fresh: synced within a day, with at least as many tracks per range asked for as now. */
export function isFresh(connection: Pick<ConnectionSummary, 'lastSyncAt' | 'metadata'>, perRange: number, now: Date): boolean {
  if (!connection.lastSyncAt) return false;
  const asked = Number(connection.metadata[SYNCED_PER_RANGE_KEY] ?? 0);
  return now.getTime() - connection.lastSyncAt.getTime() < SYNC_MAX_AGE_MS && asked >= perRange;
}
