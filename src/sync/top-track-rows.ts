import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { providerConnections, userTopTracks } from '../../db/schema/index.js';
import { TIME_RANGES, type ProviderId, type ProviderTrack, type TimeRange } from '../providers/types.js';
import type { TopTrackSet } from './fetch-top-tracks.js';

/** Our ranges as the `time_range` enum spells them. */
export const DB_TIME_RANGE = { short: 'short_term', medium: 'medium_term', long: 'long_term' } as const satisfies Record<TimeRange, string>;

/** `provider_metadata` key: how many tracks per range the last sync asked for. */
export const SYNCED_PER_RANGE_KEY = 'topTracksPerRange';

/**
 * Replaces every range of a connection's top tracks and stamps `last_sync_at`, inside the
 * caller's transaction (withActor), so readers see the old set or the new one, never a mix.
 * The connection row is locked first, so two syncs of one connection run one after the other
 * instead of colliding on the (connection, range, rank) key. False when the connection is gone.
 */
export async function replaceTopTracks(db: Db, connectionId: string, set: TopTrackSet, sync: { fetchedAt: Date; perRange: number }): Promise<boolean> {
  const [locked] = await db.update(providerConnections)
    .set({
      lastSyncAt: sync.fetchedAt,
      providerMetadata: sql`coalesce(${providerConnections.providerMetadata}, '{}'::jsonb) || ${JSON.stringify({ [SYNCED_PER_RANGE_KEY]: sync.perRange })}::jsonb`,
    })
    .where(eq(providerConnections.id, connectionId))
    .returning({ id: providerConnections.id });
  if (!locked) return false;
  for (const range of TIME_RANGES) {
    await db.delete(userTopTracks).where(and(eq(userTopTracks.connectionId, connectionId), eq(userTopTracks.timeRange, DB_TIME_RANGE[range])));
    const rows = set[range].map((track, i) => toRow(connectionId, range, i + 1, track, sync.fetchedAt));
    if (rows.length > 0) await db.insert(userTopTracks).values(rows);
  }
  return true;
}

function toRow(connectionId: string, range: TimeRange, rank: number, t: ProviderTrack, fetchedAt: Date) {
  return {
    connectionId, rank, fetchedAt,
    timeRange: DB_TIME_RANGE[range],
    trackId: t.id,
    trackName: t.title,
    artistName: t.artists.join(', '),
    albumName: t.album ?? null,
    albumArtUrl: t.artworkUrl ?? null,
    durationMs: t.durationMs > 0 ? Math.round(t.durationMs) : null,
    isrc: t.isrc?.toUpperCase() ?? null,
    trackMetadata: { ...t.metadata, artists: t.artists, url: t.url ?? null, explicit: t.explicit ?? null },
  };
}

/** The stored ranked tracks of a connection, back in the provider layer's shape. */
export async function loadTopTrackSet(db: Db, connectionId: string, provider: ProviderId): Promise<TopTrackSet> {
  const rows = await db.select().from(userTopTracks)
    .where(eq(userTopTracks.connectionId, connectionId))
    .orderBy(asc(userTopTracks.timeRange), asc(userTopTracks.rank));
  const set: Record<TimeRange, ProviderTrack[]> = { short: [], medium: [], long: [] };
  for (const row of rows) {
    const range = TIME_RANGES.find((r) => DB_TIME_RANGE[r] === row.timeRange);
    if (range) set[range].push(fromRow(provider, row));
  }
  return set;
}

function fromRow(provider: ProviderId, row: typeof userTopTracks.$inferSelect): ProviderTrack {
  const { artists, url, explicit, ...metadata } = (row.trackMetadata ?? {}) as { artists?: string[]; url?: string | null; explicit?: boolean | null };
  return {
    provider,
    id: row.trackId,
    isrc: row.isrc ?? undefined,
    title: row.trackName,
    artists: Array.isArray(artists) && artists.length > 0 ? artists : [row.artistName],
    album: row.albumName ?? undefined,
    durationMs: row.durationMs ?? 0,
    artworkUrl: row.albumArtUrl ?? undefined,
    url: url ?? undefined,
    explicit: explicit ?? undefined,
    metadata,
  };
}
