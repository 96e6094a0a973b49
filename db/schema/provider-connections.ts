import { pgTable, uuid, text, timestamp, jsonb, index, unique } from 'drizzle-orm/pg-core';
import { providerEnum } from './enums.js';
import { users } from './users.js';

export { providerEnum };

/**
 * One linked streaming account per (user, provider). Tokens are vault ciphertexts, never plaintext.
 * `authorizedAt` starts Spotify's 6-month refresh-token clock; `needsRelinkAt` is set when the
 * provider says the grant is gone (invalid_grant, an Apple 403), so the user is asked to link again.
 */
export const providerConnections = pgTable('provider_connections', {
  id: uuid('id').defaultRandom().primaryKey(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }).notNull(),
  provider: providerEnum('provider').notNull(),
  providerUserId: text('provider_user_id').notNull(),
  accessTokenEncrypted: text('access_token_encrypted').notNull(),
  refreshTokenEncrypted: text('refresh_token_encrypted'),
  tokenExpiresAt: timestamp('token_expires_at'),
  providerMetadata: jsonb('provider_metadata'),
  lastSyncAt: timestamp('last_sync_at'),
  authorizedAt: timestamp('authorized_at').defaultNow().notNull(),
  needsRelinkAt: timestamp('needs_relink_at'),
  createdAt: timestamp('created_at').defaultNow().notNull(),
  updatedAt: timestamp('updated_at').defaultNow().notNull(),
}, (t) => [
  index('idx_provider_connections_user_id').on(t.userId),
  index('idx_provider_connections_user_provider').on(t.userId, t.provider),
  unique('provider_connections_user_provider_unique').on(t.userId, t.provider),
]);
