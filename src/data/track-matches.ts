import { and, eq, gt, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { trackMatches } from '../../db/schema/index.js';
import type { TrackMatchRow } from '../core/index.js';
import type { ProviderId } from '../providers/types.js';

/** A "not found" is trusted this long, then looked up again (catalogs grow). */
export const MISS_TTL_MS = 30 * 24 * 60 * 60_000;
const CHUNK = 5_000;

/** The cached answers for these lookup keys on one provider and storefront ('' for Spotify). */
export async function loadTrackMatches(db: Db, provider: ProviderId, storefront: string, keys: readonly string[], now: Date): Promise<TrackMatchRow[]> {
  const unique = [...new Set(keys)];
  const rows: TrackMatchRow[] = [];
  const freshMiss = new Date(now.getTime() - MISS_TTL_MS);
  for (let i = 0; i < unique.length; i += CHUNK) {
    const found = await db.select({ lookupKey: trackMatches.lookupKey, providerTrackId: trackMatches.providerTrackId }).from(trackMatches)
      .where(and(eq(trackMatches.provider, provider), eq(trackMatches.storefront, storefront), inArray(trackMatches.lookupKey, unique.slice(i, i + CHUNK)),
        or(isNotNull(trackMatches.providerTrackId), gt(trackMatches.checkedAt, freshMiss))));
    rows.push(...found.map((r) => ({ provider, lookupKey: r.lookupKey, providerTrackId: r.providerTrackId })));
  }
  return rows;
}

/** Stores lookup answers, misses included; a newer answer replaces an older one. */
export async function saveTrackMatches(db: Db, storefrontOf: (p: ProviderId) => string, answers: readonly TrackMatchRow[], now: Date): Promise<void> {
  const rows = [...new Map(answers.map((r) => [`${r.provider} ${r.lookupKey}`, r])).values()];
  for (let i = 0; i < rows.length; i += 1_000) {
    await db.insert(trackMatches)
      .values(rows.slice(i, i + 1_000).map((r) => ({ provider: r.provider, storefront: storefrontOf(r.provider), lookupKey: r.lookupKey, providerTrackId: r.providerTrackId, checkedAt: now })))
      .onConflictDoUpdate({
        target: [trackMatches.provider, trackMatches.storefront, trackMatches.lookupKey],
        set: { providerTrackId: sql`excluded.provider_track_id`, checkedAt: sql`excluded.checked_at` },
      });
  }
}
