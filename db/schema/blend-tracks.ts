import { pgTable, uuid, text, integer, timestamp, index, unique } from 'drizzle-orm/pg-core';
import { blends } from './blends.js';
import { users } from './users.js';

/**
 * The built blend, one row per position. `track_id`/`source_provider` are the contributor's own
 * copy; `spotify_track_id`/`apple_track_id` are the recording on each platform (null: not there).
 */
export const blendTracks = pgTable('blend_tracks', {
  id: uuid('id').defaultRandom().primaryKey(),
  blendId: uuid('blend_id').references(() => blends.id, { onDelete: 'cascade' }).notNull(),
  contributedBy: uuid('contributed_by').references(() => users.id).notNull(),
  trackId: text('track_id').notNull(),
  trackName: text('track_name').notNull(),
  artistName: text('artist_name').notNull(),
  albumName: text('album_name'),
  albumArtUrl: text('album_art_url'),
  durationMs: integer('duration_ms'),
  isrc: text('isrc'),
  position: integer('position').notNull(),
  sourceProvider: text('source_provider').notNull(),
  spotifyTrackId: text('spotify_track_id'),
  appleTrackId: text('apple_track_id'),
  sharedBy: uuid('shared_by').array().default([]).notNull(),
  addedAt: timestamp('added_at').defaultNow().notNull(),
}, (t) => [
  index('idx_blend_tracks_blend_id').on(t.blendId),
  unique('blend_tracks_blend_position_unique').on(t.blendId, t.position),
]);
