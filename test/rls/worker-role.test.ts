import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { blendParticipants, blends, blendTracks, oauthStates, providerConnections, trackMatches, userTopTracks, users } from '../../db/schema/index.js';
import { asWorker, withActor } from '../../src/data/actor.js';
import { loadBlendView, setJoinMessage } from '../../src/data/blends.js';
import { databaseKind, testDatabase } from '../support/db.js';
import { seedBlend, seedPrivateData, seedUser, type SeededUser } from './fixtures.js';

let db: Db;
let alice: SeededUser;
let bob: SeededUser;
let alicePrivate: Awaited<ReturnType<typeof seedPrivateData>>;

beforeAll(async () => {
  db = (await testDatabase()).db;
  alice = await seedUser(db, 'Alice');
  bob = await seedUser(db, 'Bob');
  alicePrivate = await seedPrivateData(db, alice);
  await seedPrivateData(db, bob);
});

const work = <T>(job: (tx: Db) => Promise<T>) => withActor(db, asWorker, job);

describe(`the worker role on ${databaseKind()}`, () => {
  it('reads every member\'s connections, tokens and top tracks, and their Discord ids for DMs', async () => {
    const seen = await work(async (tx) => ({
      connections: await tx.select({ userId: providerConnections.userId, token: providerConnections.accessTokenEncrypted }).from(providerConnections)
        .where(sql`${providerConnections.userId} in (${alice.id}, ${bob.id})`),
      tracks: await tx.select({ id: userTopTracks.id }).from(userTopTracks).where(eq(userTopTracks.connectionId, alicePrivate.connectionId)),
      discordIds: await tx.select({ discordId: users.discordId }).from(users).where(sql`${users.id} in (${alice.id}, ${bob.id})`),
    }));
    expect(seen.connections).toHaveLength(2);
    expect(seen.tracks).toEqual([{ id: alicePrivate.topTrackId }]);
    expect(seen.discordIds.map((u) => u.discordId).sort()).toEqual([alice.discordId, bob.discordId].sort());
  });

  it('claims a due blend with FOR UPDATE SKIP LOCKED and a lease, sees its members and renews the lease', async () => {
    const blend = await seedBlend(db, { creator: alice, status: 'pending', members: [{ user: bob, status: 'accepted' }] });
    const leaseUntil = new Date(Date.now() + 60_000);
    const claimed = await work((tx) => queryRows<{ id: string; attempts: number }>(tx, sql`
      update blends set status = 'processing', locked_until = ${leaseUntil.toISOString()}, attempts = attempts + 1
      where id in (select id from blends where id = ${blend.id} and (locked_until is null or locked_until <= now()) for update skip locked)
      returning id, attempts`));
    expect(claimed).toEqual([{ id: blend.id, attempts: 1 }]);
    const view = await work((tx) => loadBlendView(tx, blend.id, 50));
    expect(view?.members.map((m) => m.discordId).sort()).toEqual([alice.discordId, bob.discordId].sort());
    await work((tx) => tx.update(blends).set({ lockedUntil: new Date('2999-01-01T00:00:00Z') }).where(eq(blends.id, blend.id)));
  });

  it('refreshes tokens, replaces top tracks, caches matches and cleans up OAuth states', async () => {
    await work(async (tx) => {
      await tx.update(providerConnections).set({ accessTokenEncrypted: 'v1:refreshed', needsRelinkAt: null }).where(eq(providerConnections.id, alicePrivate.connectionId));
      await tx.delete(userTopTracks).where(eq(userTopTracks.connectionId, alicePrivate.connectionId));
      await tx.insert(userTopTracks).values({ connectionId: alicePrivate.connectionId, trackId: 'n', trackName: 'Fresh', artistName: 'A', timeRange: 'short_term', rank: 1 });
      const match = { provider: 'apple' as const, lookupKey: `isrc:TEST${alice.discordId}`, providerTrackId: '123' };
      await tx.insert(trackMatches).values(match).onConflictDoUpdate({ target: [trackMatches.provider, trackMatches.storefront, trackMatches.lookupKey], set: { providerTrackId: '123' } });
      await tx.delete(oauthStates).where(eq(oauthStates.id, alicePrivate.oauthStateId));
    });
    const after = await work((tx) => tx.select({ title: userTopTracks.trackName }).from(userTopTracks).where(eq(userTopTracks.connectionId, alicePrivate.connectionId)));
    expect(after).toEqual([{ title: 'Fresh' }]);
  });

  it('writes the built blend, completes it and records the posted embed', async () => {
    const blend = await seedBlend(db, { creator: alice, status: 'processing', members: [{ user: bob, status: 'accepted' }] });
    await work(async (tx) => {
      const rows = [0, 1].map((position) => ({
        blendId: blend.id, contributedBy: position === 0 ? alice.id : bob.id, trackId: `t${position}`, trackName: `Song ${position}`,
        artistName: 'A', position, sourceProvider: 'spotify', spotifyTrackId: `sp${position}`, sharedBy: [alice.id, bob.id],
      }));
      await tx.insert(blendTracks).values(rows)
        .onConflictDoUpdate({ target: [blendTracks.blendId, blendTracks.position], set: { trackName: sql`excluded.track_name` } });
      await tx.update(blendParticipants).set({ leftOutReason: 'no top tracks' })
        .where(and(eq(blendParticipants.blendId, blend.id), eq(blendParticipants.userId, bob.id)));
      await tx.update(blends).set({
        status: 'completed', completedAt: new Date(), summary: { version: 1 }, lockedUntil: null, resultMessageId: '900000000000000009',
        playlistSpotifyId: 'pl', playlistSpotifyUrl: 'https://open.spotify.com/playlist/pl', playlistAppleUrl: 'https://music.apple.com/library/playlist/p.1',
      }).where(eq(blends.id, blend.id));
      await setJoinMessage(tx, blend.id, { channelId: '900000000000000002', messageId: `${blend.id}-m`, guildId: null });
    });
    const [row] = await work((tx) => tx.select({ status: blends.status, resultMessageId: blends.resultMessageId }).from(blends).where(eq(blends.id, blend.id)));
    expect(row).toEqual({ status: 'completed', resultMessageId: '900000000000000009' });
  });

  it('sees blends in every state, whoever created them', async () => {
    const states = ['pending', 'processing', 'completed', 'cancelled'] as const;
    const seeded = await Promise.all(states.map((status) => seedBlend(db, { creator: bob, status })));
    const seen = await work((tx) => tx.select({ status: blends.status }).from(blends).where(sql`${blends.id} in ${seeded.map((b) => b.id)}`));
    expect(seen.map((b) => b.status).sort()).toEqual([...states].sort());
  });
});
