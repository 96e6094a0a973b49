import { pgTable, uuid, text, timestamp } from 'drizzle-orm/pg-core';
import { providerEnum } from './enums.js';

/**
 * Single-use OAuth state. Only a SHA-256 of the nonce is stored, so a database read does not
 * yield a usable state; the PKCE verifier is a vault ciphertext. `consumedAt` makes it single-use.
 */
export const oauthStates = pgTable('oauth_states', {
  id: uuid('id').defaultRandom().primaryKey(),
  nonceHash: text('nonce_hash').notNull().unique(),
  discordId: text('discord_id').notNull(),
  provider: providerEnum('provider').notNull(),
  codeVerifierEncrypted: text('code_verifier_encrypted'),
  expiresAt: timestamp('expires_at').notNull(),
  consumedAt: timestamp('consumed_at'),
  createdAt: timestamp('created_at').defaultNow().notNull(),
});
