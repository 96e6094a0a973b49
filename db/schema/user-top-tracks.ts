import { pgTable, uuid, text, timestamp, integer, jsonb, index, unique } from 'drizzle-orm/pg-core';
import { timeRangeEnum } from './enums.js';
import { providerConnections } from './provider-connections.js';

export { timeRangeEnum };

export const userTopTracks = pgTable('user_top_tracks', {
  id: uuid('id').defaultRandom().primaryKey(),
  connectionId: uuid('connection_id').references(() => providerConnections.id, { onDelete: 'cascade' }).notNull(),
  trackId: text('track_id').notNull(),
  trackName: text('track_name').notNull(),
  artistName: text('artist_name').notNull(),
  albumName: text('album_name'),
  albumArtUrl: text('album_art_url'),
  durationMs: integer('duration_ms'),
  isrc: text('isrc'),
  trackMetadata: jsonb('track_metadata'),
  timeRange: timeRangeEnum('time_range').notNull(),
  rank: integer('rank').notNull(),
  fetchedAt: timestamp('fetched_at').defaultNow().notNull(),
}, (t) => [
  index('idx_user_top_tracks_connection_id').on(t.connectionId),
  index('idx_user_top_tracks_connection_time_range').on(t.connectionId, t.timeRange),
  unique('user_top_tracks_connection_range_rank_unique').on(t.connectionId, t.timeRange, t.rank),
]);
