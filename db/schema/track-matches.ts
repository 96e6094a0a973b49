import { pgTable, uuid, text, timestamp, jsonb, unique } from 'drizzle-orm/pg-core';
import { providerEnum } from './enums.js';

/**
 * Cross-platform resolution cache: (target provider, storefront, lookup key) → the provider's
 * track id, or null for "looked and not found" (with `checkedAt`, so misses can be retried
 * later). `lookupKey` is the engine's key (`isrc:…` or normalised title + artist).
 */
export const trackMatches = pgTable('track_matches', {
  id: uuid('id').defaultRandom().primaryKey(),
  provider: providerEnum('provider').notNull(),
  storefront: text('storefront').default('').notNull(),
  lookupKey: text('lookup_key').notNull(),
  providerTrackId: text('provider_track_id'),
  track: jsonb('track'),
  checkedAt: timestamp('checked_at').defaultNow().notNull(),
}, (t) => [
  unique('track_matches_provider_storefront_key_unique').on(t.provider, t.storefront, t.lookupKey),
]);
