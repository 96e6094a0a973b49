import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

export interface DiscordProfile { readonly discordId: string; readonly displayName?: string | null; readonly avatarUrl?: string | null }

/** The user row for a Discord account, created on first contact; the display name follows Discord's. */
export async function ensureUser(db: Db, profile: DiscordProfile): Promise<{ id: string; displayName: string | null }> {
  const [row] = await db.insert(users)
    .values({ discordId: profile.discordId, displayName: profile.displayName ?? null, avatarUrl: profile.avatarUrl ?? null })
    .onConflictDoUpdate({
      target: users.discordId,
      set: {
        displayName: sql`coalesce(excluded.display_name, ${users.displayName})`,
        avatarUrl: sql`coalesce(excluded.avatar_url, ${users.avatarUrl})`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: users.id, displayName: users.displayName });
  if (!row) throw new Error('ensureUser returned no row');
  return row;
}

export async function findUserByDiscordId(db: Db, discordId: string) {
  const [row] = await db.select({ id: users.id, displayName: users.displayName, discordId: users.discordId })
    .from(users).where(eq(users.discordId, discordId)).limit(1);
  return row;
}
