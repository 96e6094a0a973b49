import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { blendParticipants, blends, providerConnections, userTopTracks, users } from '../../../db/schema/index.js';
import { asUser, asWorker, withActor } from '../../../src/data/actor.js';
import { ensureUser } from '../../../src/data/users.js';
import type { ProviderId } from '../../../src/providers/types.js';

/** Gives a Discord user a linked connection (what the web role's callback stores), with one cached top track. */
export async function linkMember(db: Db, discordId: string, provider: ProviderId = 'spotify'): Promise<void> {
  await withActor(db, asUser(discordId), async (tx) => {
    const user = await ensureUser(tx, { discordId });
    const [connection] = await tx.insert(providerConnections)
      .values({ userId: user.id, provider, providerUserId: `${provider}-${discordId}`, accessTokenEncrypted: 'v1:test' })
      .returning({ id: providerConnections.id });
    await tx.insert(userTopTracks).values({ connectionId: connection!.id, trackId: 't1', trackName: 'Song', artistName: 'Artist', timeRange: 'short_term', rank: 1 });
  });
}

export interface StoredBlend {
  readonly id: string;
  readonly name: string;
  readonly shareCode: string;
  readonly status: string;
  readonly messageId: string | null;
  readonly channelId: string | null;
  readonly guildId: string | null;
  readonly closesAt: Date | null;
  readonly size: number | undefined;
  readonly creatorDiscordId: string;
}

/** The newest blend a user started, read as the worker (tests look past RLS). */
export async function newestBlendBy(db: Db, discordId: string): Promise<StoredBlend | undefined> {
  const rows = await withActor(db, asWorker, (tx) => tx.select({
    id: blends.id, name: blends.name, shareCode: blends.shareCode, status: blends.status, messageId: blends.messageId,
    channelId: blends.channelId, guildId: blends.guildId, closesAt: blends.closesAt, settings: blends.blendSettings, creatorDiscordId: users.discordId,
  }).from(blends).innerJoin(users, eq(users.id, blends.createdBy)).where(eq(users.discordId, discordId)).orderBy(blends.createdAt));
  const row = rows.at(-1);
  return row && { ...row, size: row.settings?.size };
}

/** Discord id → participant status of a blend, read as the worker. */
export async function participants(db: Db, blendId: string): Promise<Record<string, string>> {
  const rows = await withActor(db, asWorker, (tx) => tx.select({ discordId: users.discordId, status: blendParticipants.status })
    .from(blendParticipants).innerJoin(users, eq(users.id, blendParticipants.userId)).where(eq(blendParticipants.blendId, blendId)));
  return Object.fromEntries(rows.map((r) => [r.discordId, r.status]));
}

/** How many connections and cached top tracks a user has for a provider, read as the worker. */
export async function storedConnection(db: Db, discordId: string, provider: ProviderId): Promise<{ connections: number; topTracks: number }> {
  return withActor(db, asWorker, async (tx) => {
    const rows = await tx.select({ id: providerConnections.id }).from(providerConnections).innerJoin(users, eq(users.id, providerConnections.userId))
      .where(and(eq(users.discordId, discordId), eq(providerConnections.provider, provider)));
    const tracks = await tx.select({ id: userTopTracks.id }).from(userTopTracks).innerJoin(providerConnections, eq(providerConnections.id, userTopTracks.connectionId))
      .innerJoin(users, eq(users.id, providerConnections.userId)).where(eq(users.discordId, discordId));
    return { connections: rows.length, topTracks: tracks.length };
  });
}

/** Moves a blend to a state directly, as the worker would. */
export async function setBlendStatus(db: Db, blendId: string, status: 'pending' | 'processing' | 'completed' | 'cancelled'): Promise<void> {
  await withActor(db, asWorker, (tx) => tx.update(blends).set({ status }).where(eq(blends.id, blendId)));
}

/** What the web role does after a member links: their pending participations become accepted. */
export async function acceptPending(db: Db, discordId: string): Promise<void> {
  await withActor(db, asUser(discordId), async (tx) => {
    const user = await ensureUser(tx, { discordId });
    await tx.update(blendParticipants).set({ status: 'accepted' })
      .where(and(eq(blendParticipants.userId, user.id), eq(blendParticipants.status, 'pending')));
  });
}
