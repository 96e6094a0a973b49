import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { blendParticipants, blends, users } from '../../db/schema/index.js';

/** A blend as the bot handles it; the columns are picked so nothing else leaks into replies. */
export interface BlendRef {
  readonly id: string;
  readonly name: string;
  readonly shareCode: string;
  readonly status: 'pending' | 'processing' | 'completed' | 'cancelled';
  readonly createdBy: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly messageId: string | null;
  readonly closesAt: Date | null;
}

const blendRef = {
  id: blends.id, name: blends.name, shareCode: blends.shareCode, status: blends.status, createdBy: blends.createdBy,
  guildId: blends.guildId, channelId: blends.channelId, messageId: blends.messageId, closesAt: blends.closesAt,
};

export async function findBlendByShareCode(db: Db, shareCode: string): Promise<BlendRef | undefined> {
  const [row] = await db.select(blendRef).from(blends).where(eq(blends.shareCode, shareCode)).limit(1);
  return row;
}

/** Name and code only: all the public role may read of a completed blend. */
export async function findPublicBlend(db: Db, shareCode: string): Promise<{ name: string; shareCode: string; status: BlendRef['status'] } | undefined> {
  const [row] = await db.select({ name: blends.name, shareCode: blends.shareCode, status: blends.status })
    .from(blends).where(eq(blends.shareCode, shareCode)).limit(1);
  return row;
}

export async function findBlendByMessageId(db: Db, messageId: string): Promise<BlendRef | undefined> {
  const [row] = await db.select(blendRef).from(blends).where(eq(blends.messageId, messageId)).limit(1);
  return row;
}

export type ChannelBlendFilter =
  | { readonly kind: 'any' }
  | { readonly kind: 'open' }
  /** Open, and the user takes part (not declined). */
  | { readonly kind: 'open-member'; readonly userId: string }
  | { readonly kind: 'open-created-by'; readonly userId: string };

/** The newest blend started in a channel that matches the filter (and that the actor can see). */
export async function findNewestBlendInChannel(db: Db, channelId: string, filter: ChannelBlendFilter): Promise<BlendRef | undefined> {
  const conditions = [eq(blends.channelId, channelId)];
  if (filter.kind !== 'any') conditions.push(eq(blends.status, 'pending'));
  if (filter.kind === 'open-created-by') conditions.push(eq(blends.createdBy, filter.userId));
  if (filter.kind === 'open-member') {
    conditions.push(inArray(blends.id, db.select({ id: blendParticipants.blendId }).from(blendParticipants)
      .where(and(eq(blendParticipants.userId, filter.userId), ne(blendParticipants.status, 'declined')))));
  }
  const [row] = await db.select(blendRef).from(blends).where(and(...conditions))
    .orderBy(sql`${blends.status} = 'pending' desc`, desc(blends.createdAt)).limit(1);
  return row;
}

export async function setJoinMessage(db: Db, blendId: string, where: { channelId: string; messageId: string; guildId: string | null }): Promise<void> {
  await db.update(blends).set({ channelId: where.channelId, messageId: where.messageId, guildId: where.guildId }).where(eq(blends.id, blendId));
}

/** pending → processing (joining closes, the worker builds it). False if it was no longer pending. */
export async function markProcessing(db: Db, blendId: string): Promise<boolean> {
  const rows = await db.update(blends).set({ status: 'processing', lockedUntil: null })
    .where(and(eq(blends.id, blendId), eq(blends.status, 'pending'))).returning({ id: blends.id });
  return rows.length === 1;
}

export async function cancelBlend(db: Db, blendId: string): Promise<void> {
  await db.update(blends).set({ status: 'cancelled' }).where(and(eq(blends.id, blendId), eq(blends.status, 'pending')));
}

export interface BlendMember {
  readonly discordId: string;
  readonly displayName: string | null;
  readonly status: 'pending' | 'accepted';
}

/** What the join message and /blend status show: the blend, its creator and who is in it. */
export interface BlendView extends BlendRef {
  readonly creatorDiscordId: string;
  readonly size: number;
  readonly members: readonly BlendMember[];
  /** Why the last build did not complete (safe text written by the worker), if it did not. */
  readonly lastError: string | null;
}

/**
 * Loads the view of one blend, members in the order they joined. Run it as the worker: the
 * join message is public in its channel, so it shows every member whoever caused the refresh.
 */
export async function loadBlendView(db: Db, blendId: string, defaultSize: number): Promise<BlendView | undefined> {
  const [blend] = await db.select({ ...blendRef, settings: blends.blendSettings, lastError: blends.lastError, creatorDiscordId: users.discordId })
    .from(blends).innerJoin(users, eq(users.id, blends.createdBy)).where(eq(blends.id, blendId)).limit(1);
  if (!blend) return undefined;
  const members = await db.select({ discordId: users.discordId, displayName: users.displayName, status: blendParticipants.status })
    .from(blendParticipants).innerJoin(users, eq(users.id, blendParticipants.userId))
    .where(and(eq(blendParticipants.blendId, blendId), ne(blendParticipants.status, 'declined')))
    .orderBy(blendParticipants.joinedAt, blendParticipants.id);
  const { settings, ...rest } = blend;
  return {
    ...rest,
    size: settings?.size ?? defaultSize,
    members: members.map((m) => ({ ...m, status: m.status === 'accepted' ? 'accepted' : 'pending' })),
  };
}
