import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { blendParticipants, blends, blendTracks, providerConnections, users } from '../../db/schema/index.js';
import { BLEND_SIZE } from '../blends/limits.js';
import type { ProviderId } from '../providers/types.js';

/** A member's linked account as the worker sees it (no tokens: those are loaded per call). */
export interface RunConnection {
  readonly id: string;
  readonly provider: ProviderId;
  readonly storefront?: string;
  readonly needsRelink: boolean;
}

export interface RunMember {
  readonly userId: string;
  readonly discordId: string;
  readonly displayName: string;
  readonly isCreator: boolean;
  readonly leftOutReason: string | null;
  readonly connections: readonly RunConnection[];
}

/** Everything a worker run needs about one blend. Members are accepted ones, in join order. */
export interface BlendRun {
  readonly id: string;
  readonly name: string;
  readonly shareCode: string;
  readonly size: number;
  readonly status: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly messageId: string | null;
  readonly resultMessageId: string | null;
  readonly playlistSpotifyId: string | null;
  readonly playlistSpotifyUrl: string | null;
  readonly playlistAppleId: string | null;
  readonly playlistAppleUrl: string | null;
  readonly creatorDiscordId: string;
  readonly members: readonly RunMember[];
}


export async function loadBlendRun(db: Db, blendId: string): Promise<BlendRun | undefined> {
  const [blend] = await db.select({ b: blends, creatorDiscordId: users.discordId })
    .from(blends).innerJoin(users, eq(users.id, blends.createdBy)).where(eq(blends.id, blendId)).limit(1);
  if (!blend) return undefined;
  const rows = await db.select({
    userId: users.id, discordId: users.discordId, displayName: users.displayName, leftOutReason: blendParticipants.leftOutReason,
    connectionId: providerConnections.id, provider: providerConnections.provider, metadata: providerConnections.providerMetadata,
    needsRelinkAt: providerConnections.needsRelinkAt,
  }).from(blendParticipants)
    .innerJoin(users, eq(users.id, blendParticipants.userId))
    .leftJoin(providerConnections, eq(providerConnections.userId, users.id))
    .where(and(eq(blendParticipants.blendId, blendId), eq(blendParticipants.status, 'accepted')))
    .orderBy(asc(blendParticipants.joinedAt), asc(users.id), asc(providerConnections.provider));
  const b = blend.b;
  return {
    id: b.id, name: b.name, shareCode: b.shareCode, status: b.status, size: b.blendSettings?.size ?? BLEND_SIZE.default,
    guildId: b.guildId, channelId: b.channelId, messageId: b.messageId, resultMessageId: b.resultMessageId,
    playlistSpotifyId: b.playlistSpotifyId, playlistSpotifyUrl: b.playlistSpotifyUrl,
    playlistAppleId: b.playlistAppleId, playlistAppleUrl: b.playlistAppleUrl,
    creatorDiscordId: blend.creatorDiscordId,
    members: groupMembers(rows, b.createdBy),
  };
}

type MemberRow = {
  userId: string; discordId: string; displayName: string | null; leftOutReason: string | null;
  connectionId: string | null; provider: ProviderId | null; metadata: unknown; needsRelinkAt: Date | null;
};

function groupMembers(rows: readonly MemberRow[], creatorId: string): RunMember[] {
  const members = new Map<string, RunMember & { connections: RunConnection[] }>();
  for (const row of rows) {
    let member = members.get(row.userId);
    if (!member) {
      member = { userId: row.userId, discordId: row.discordId, displayName: row.displayName ?? 'a member', isCreator: row.userId === creatorId, leftOutReason: row.leftOutReason, connections: [] };
      members.set(row.userId, member);
    }
    if (row.connectionId && row.provider) {
      const storefront = (row.metadata as { storefront?: unknown } | null)?.storefront;
      member.connections.push({ id: row.connectionId, provider: row.provider, needsRelink: row.needsRelinkAt !== null, ...(typeof storefront === 'string' ? { storefront } : {}) });
    }
  }
  return [...members.values()];
}

/** Records (or clears, with null) why the worker left a member out; true when it changed. */
export async function setLeftOutReason(db: Db, blendId: string, userId: string, reason: string | null): Promise<boolean> {
  const changed = await db.update(blendParticipants).set({ leftOutReason: reason })
    .where(and(eq(blendParticipants.blendId, blendId), eq(blendParticipants.userId, userId),
      reason === null ? sql`${blendParticipants.leftOutReason} is not null` : sql`${blendParticipants.leftOutReason} is distinct from ${reason}`))
    .returning({ id: blendParticipants.id });
  return changed.length > 0;
}

export interface TrackRow {
  readonly contributedBy: string;
  readonly trackId: string;
  readonly trackName: string;
  readonly artistName: string;
  readonly albumName: string | null;
  readonly albumArtUrl: string | null;
  readonly durationMs: number | null;
  readonly isrc: string | null;
  readonly position: number;
  readonly sourceProvider: ProviderId;
  readonly spotifyTrackId: string | null;
  readonly appleTrackId: string | null;
  readonly sharedBy: readonly string[];
}

/** Replaces the built track list and the summary together (call inside one transaction). */
export async function saveBuiltBlend(db: Db, blendId: string, tracks: readonly TrackRow[], summary: unknown): Promise<void> {
  await db.delete(blendTracks).where(eq(blendTracks.blendId, blendId));
  for (let i = 0; i < tracks.length; i += 500) {
    await db.insert(blendTracks).values(tracks.slice(i, i + 500).map((t) => ({ ...t, sharedBy: [...t.sharedBy], blendId })));
  }
  await db.update(blends).set({ summary }).where(eq(blends.id, blendId));
}

/** Records a playlist the moment it exists, before anything else can fail. */
export async function recordPlaylist(db: Db, blendId: string, provider: ProviderId, playlist: { id: string; url: string } | null): Promise<void> {
  await db.update(blends).set(provider === 'spotify'
    ? { playlistSpotifyId: playlist?.id ?? null, playlistSpotifyUrl: playlist?.url ?? null }
    : { playlistAppleId: playlist?.id ?? null, playlistAppleUrl: playlist?.url ?? null }).where(eq(blends.id, blendId));
}

/** Records the posted result embed; false if another run recorded one first. */
export async function recordResultMessage(db: Db, blendId: string, messageId: string): Promise<boolean> {
  const rows = await db.update(blends).set({ resultMessageId: messageId })
    .where(and(eq(blends.id, blendId), isNull(blends.resultMessageId))).returning({ id: blends.id });
  return rows.length === 1;
}

export async function completeBlend(db: Db, blendId: string, now: Date): Promise<void> {
  await db.update(blends).set({ status: 'completed', completedAt: now, lockedUntil: null, lastError: null })
    .where(eq(blends.id, blendId));
}

/** Not enough members could take part: back to the creator, off the clock. */
export async function returnToPending(db: Db, blendId: string, reason: string): Promise<void> {
  await db.update(blends).set({ status: 'pending', closesAt: null, lockedUntil: null, lastError: reason })
    .where(eq(blends.id, blendId));
}

export const connectionIds = (run: BlendRun): string[] => run.members.flatMap((m) => m.connections.map((c) => c.id));
