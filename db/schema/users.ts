import { pgTable, uuid, text, timestamp } from 'drizzle-orm/pg-core';

/** A Discord user. `email` is nullable: a Discord user has none until a provider profile gives one. */
export const users = pgTable('users', {
  id: uuid('id').defaultRandom().primaryKey(),
  discordId: text('discord_id').notNull().unique(),
  email: text('email').unique(),
  displayName: text('display_name'),
  avatarUrl: text('avatar_url'),
  createdAt: timestamp('created_at').defaultNow().notNull(),
  updatedAt: timestamp('updated_at').defaultNow().notNull(),
});
