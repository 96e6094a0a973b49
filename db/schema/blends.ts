import { pgTable, uuid, text, timestamp, jsonb, integer, index } from 'drizzle-orm/pg-core';
import { blendStatusEnum } from './enums.js';
import { users } from './users.js';

export { blendStatusEnum };

/** What `blend_settings` holds. */
export interface BlendSettings { readonly size?: number }

/**
 * A blend. Besides the seed's columns: where it lives on Discord (guild, channel, the join
 * message and the posted result embed — recorded so it is never posted twice), when joining
 * closes, the worker's bookkeeping (attempts, last error, lease), the playlists' urls and the
 * summary (taste score, coverage, common ground) the embed and the public page show.
 */
export const blends = pgTable('blends', {
  id: uuid('id').defaultRandom().primaryKey(),
  createdBy: uuid('created_by').references(() => users.id).notNull(),
  name: text('name').notNull(),
  shareCode: text('share_code').notNull().unique(),
  status: blendStatusEnum('status').default('pending').notNull(),
  blendSettings: jsonb('blend_settings').$type<BlendSettings>().default({}),
  playlistSpotifyId: text('playlist_spotify_id'),
  playlistAppleId: text('playlist_apple_id'),
  playlistSpotifyUrl: text('playlist_spotify_url'),
  playlistAppleUrl: text('playlist_apple_url'),
  summary: jsonb('summary'),
  guildId: text('guild_id'),
  channelId: text('channel_id'),
  messageId: text('message_id').unique(),
  resultMessageId: text('result_message_id'),
  closesAt: timestamp('closes_at'),
  attempts: integer('attempts').default(0).notNull(),
  lastError: text('last_error'),
  lockedUntil: timestamp('locked_until'),
  createdAt: timestamp('created_at').defaultNow().notNull(),
  completedAt: timestamp('completed_at'),
}, (t) => [
  index('idx_blends_share_code').on(t.shareCode),
  index('idx_blends_status_closes_at').on(t.status, t.closesAt),
  index('idx_blends_channel_id').on(t.channelId),
]);
