import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/client.js';
import {
  blendParticipants, blends, blendTracks, oauthStates, providerConnections, trackMatches, users, userTopTracks,
} from '../../db/schema/index.js';
import { databaseKind, testDatabase, uniqueDiscordId } from '../support/db.js';

let db: Db;
beforeAll(async () => { db = (await testDatabase()).db; });

async function newUser() {
  const [user] = await db.insert(users).values({ discordId: uniqueDiscordId(), displayName: 'Ada' }).returning();
  return user!;
}

async function newBlend(createdBy: string) {
  const [blend] = await db.insert(blends).values({ createdBy, name: 'Friday', shareCode: `SC${uniqueDiscordId()}` }).returning();
  return blend!;
}

async function newConnection(userId: string) {
  const [c] = await db.insert(providerConnections).values({ userId, provider: 'spotify', providerUserId: 'sp-1', accessTokenEncrypted: 'v1.x.y' }).returning();
  return c!;
}

/** The driver's error, or the cause drizzle wrapped it in. */
async function sqlState(promise: Promise<unknown>): Promise<string | undefined> {
  try { await promise; } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.code;
  }
  return undefined;
}

describe(`schema on ${databaseKind()}`, () => {
  it('round-trips users, with email optional and discord_id required', async () => {
    const user = await newUser();
    const [read] = await db.select().from(users).where(sql`${users.id} = ${user.id}`);
    expect(read).toMatchObject({ displayName: 'Ada', email: null, discordId: user.discordId });
    expect(await sqlState(db.insert(users).values({ discordId: user.discordId }))).toBe('23505');
  });

  it('round-trips provider connections with JSONB metadata, one per (user, provider)', async () => {
    const user = await newUser();
    const [c] = await db.insert(providerConnections).values({
      userId: user.id, provider: 'apple', providerUserId: 'apple-1', accessTokenEncrypted: 'v1.aa.bb',
      providerMetadata: { storefront: 'gb' }, tokenExpiresAt: new Date('2027-01-01T00:00:00Z'),
    }).returning();
    expect(c).toMatchObject({ provider: 'apple', providerMetadata: { storefront: 'gb' }, refreshTokenEncrypted: null, needsRelinkAt: null });
    expect(c?.tokenExpiresAt?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(await sqlState(db.insert(providerConnections).values({ userId: user.id, provider: 'apple', providerUserId: 'other', accessTokenEncrypted: 'x' }))).toBe('23505');
  });

  it('round-trips top tracks, one per (connection, time range, rank)', async () => {
    const connection = await newConnection((await newUser()).id);
    const row = { connectionId: connection.id, trackId: 't1', trackName: 'Song', artistName: 'Band', timeRange: 'short_term' as const, rank: 1, isrc: 'USRC17607839', durationMs: 200_000, trackMetadata: { explicit: true } };
    const [t] = await db.insert(userTopTracks).values(row).returning();
    expect(t).toMatchObject({ ...row, albumName: null });
    expect(await sqlState(db.insert(userTopTracks).values({ ...row, trackId: 't2' }))).toBe('23505');
    await db.insert(userTopTracks).values({ ...row, timeRange: 'long_term' });
  });

  it('round-trips blends with their Discord and processing columns; share codes are unique', async () => {
    const user = await newUser();
    const blend = await newBlend(user.id);
    expect(blend).toMatchObject({ status: 'pending', blendSettings: {}, attempts: 0, lockedUntil: null, resultMessageId: null });
    const [updated] = await db.update(blends).set({ guildId: 'g', channelId: 'c', messageId: `m${blend.id}`, status: 'processing', summary: { taste: 80 } })
      .where(sql`${blends.id} = ${blend.id}`).returning();
    expect(updated).toMatchObject({ status: 'processing', summary: { taste: 80 }, channelId: 'c' });
    expect(await sqlState(db.insert(blends).values({ createdBy: user.id, name: 'x', shareCode: blend.shareCode }))).toBe('23505');
  });

  it('round-trips participants, one per (blend, user)', async () => {
    const user = await newUser();
    const blend = await newBlend(user.id);
    const [p] = await db.insert(blendParticipants).values({ blendId: blend.id, userId: user.id }).returning();
    expect(p).toMatchObject({ status: 'pending', leftOutReason: null });
    expect(await sqlState(db.insert(blendParticipants).values({ blendId: blend.id, userId: user.id, status: 'accepted' }))).toBe('23505');
  });

  it('round-trips blend tracks, one per (blend, position)', async () => {
    const user = await newUser();
    const blend = await newBlend(user.id);
    const row = { blendId: blend.id, contributedBy: user.id, trackId: 't', trackName: 'Song', artistName: 'A', position: 1, sourceProvider: 'spotify', spotifyTrackId: 't', sharedBy: [user.id] };
    const [t] = await db.insert(blendTracks).values(row).returning();
    expect(t).toMatchObject({ ...row, appleTrackId: null });
    expect(await sqlState(db.insert(blendTracks).values({ ...row, trackId: 'u' }))).toBe('23505');
  });

  it('round-trips OAuth states and track matches, including cached misses', async () => {
    const nonceHash = `h${uniqueDiscordId()}`;
    const [s] = await db.insert(oauthStates).values({ nonceHash, discordId: '1', provider: 'spotify', expiresAt: new Date(Date.now() + 600_000) }).returning();
    expect(s).toMatchObject({ consumedAt: null, codeVerifierEncrypted: null });
    expect(await sqlState(db.insert(oauthStates).values({ nonceHash, discordId: '2', provider: 'apple', expiresAt: new Date() }))).toBe('23505');
    const key = `isrc:${uniqueDiscordId()}`;
    const [miss] = await db.insert(trackMatches).values({ provider: 'apple', storefront: 'us', lookupKey: key, providerTrackId: null }).returning();
    expect(miss).toMatchObject({ providerTrackId: null, track: null });
    expect(await sqlState(db.insert(trackMatches).values({ provider: 'apple', storefront: 'us', lookupKey: key, providerTrackId: '1' }))).toBe('23505');
    await db.insert(trackMatches).values({ provider: 'apple', storefront: 'gb', lookupKey: key, providerTrackId: '1' });
  });

  it("has the seed's eight indexes", async () => {
    const rows = await queryRows<{ indexname: string; indexdef: string }>(db, sql`select indexname, indexdef from pg_indexes where schemaname = 'public'`);
    const defs = new Map(rows.map((r) => [r.indexname, r.indexdef.replace(/"/g, '')]));
    const expected: Record<string, string> = {
      idx_provider_connections_user_id: 'provider_connections USING btree (user_id)',
      idx_user_top_tracks_connection_id: 'user_top_tracks USING btree (connection_id)',
      idx_blend_participants_blend_id: 'blend_participants USING btree (blend_id)',
      idx_blend_participants_user_id: 'blend_participants USING btree (user_id)',
      idx_blend_tracks_blend_id: 'blend_tracks USING btree (blend_id)',
      idx_blends_share_code: 'blends USING btree (share_code)',
      idx_user_top_tracks_connection_time_range: 'user_top_tracks USING btree (connection_id, time_range)',
      idx_provider_connections_user_provider: 'provider_connections USING btree (user_id, provider)',
    };
    for (const [name, shape] of Object.entries(expected)) expect(defs.get(name)).toContain(shape);
  });

  it('deletes a user\'s connections and cached tracks with the user (no orphans)', async () => {
    const user = await newUser();
    const connection = await newConnection(user.id);
    await db.insert(userTopTracks).values({ connectionId: connection.id, trackId: 't', trackName: 'S', artistName: 'A', timeRange: 'medium_term', rank: 1 });
    await db.delete(users).where(sql`${users.id} = ${user.id}`);
    const left = await db.select().from(userTopTracks).where(sql`${userTopTracks.connectionId} = ${connection.id}`);
    expect(left).toEqual([]);
  });
});
