import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { oauthStates, providerConnections, userTopTracks, users } from '../../db/schema/index.js';
import { asUser, asWorker, withActor } from '../../src/data/actor.js';
import { consumeOAuthState } from '../../src/data/oauth-states.js';
import { ensureUser } from '../../src/data/users.js';
import { databaseKind, testDatabase, uniqueDiscordId } from '../support/db.js';
import { expectRefused, seedBlend, seedPrivateData, seedUser, type SeededUser } from './fixtures.js';

let db: Db;
let me: SeededUser;
let other: SeededUser;
let mine: Awaited<ReturnType<typeof seedPrivateData>>;
let theirs: Awaited<ReturnType<typeof seedPrivateData>>;

beforeAll(async () => {
  db = (await testDatabase()).db;
  me = await seedUser(db, 'Me');
  other = await seedUser(db, 'Other');
  mine = await seedPrivateData(db, me);
  theirs = await seedPrivateData(db, other);
});

const asMe = <T>(work: (tx: Db) => Promise<T>) => withActor(db, asUser(me.discordId), work);
const asWorkerDo = <T>(work: (tx: Db) => Promise<T>) => withActor(db, asWorker, work);

describe(`a user's own data on ${databaseKind()}`, () => {
  describe('provider connections', () => {
    it('reads their own connections and none of another user\'s', async () => {
      const rows = await asMe((tx) => tx.select({ id: providerConnections.id, userId: providerConnections.userId }).from(providerConnections));
      expect(rows).toEqual([{ id: mine.connectionId, userId: me.id }]);
      const asked = await asMe((tx) => tx.select({ id: providerConnections.id }).from(providerConnections).where(eq(providerConnections.id, theirs.connectionId)));
      expect(asked).toEqual([]);
    });

    it('links a connection for themselves but not for another user', async () => {
      const fresh = await seedUser(db);
      const values = { provider: 'apple' as const, providerUserId: 'am-1', accessTokenEncrypted: 'v1:x' };
      const [row] = await withActor(db, asUser(fresh.discordId), (tx) => tx.insert(providerConnections).values({ ...values, userId: fresh.id }).returning({ id: providerConnections.id }));
      expect(row?.id).toBeDefined();
      await expectRefused(withActor(db, asUser(fresh.discordId), (tx) => tx.insert(providerConnections).values({ ...values, userId: other.id })));
    });

    it('updates and deletes their own connection, while another user\'s is untouched', async () => {
      const updatedMine = await asMe((tx) => tx.update(providerConnections).set({ providerUserId: 'renamed' })
        .where(eq(providerConnections.id, mine.connectionId)).returning({ id: providerConnections.id }));
      expect(updatedMine).toHaveLength(1);
      const updatedTheirs = await asMe((tx) => tx.update(providerConnections).set({ accessTokenEncrypted: 'stolen' })
        .where(eq(providerConnections.id, theirs.connectionId)).returning({ id: providerConnections.id }));
      const deletedTheirs = await asMe((tx) => tx.delete(providerConnections).where(eq(providerConnections.userId, other.id)).returning({ id: providerConnections.id }));
      expect([updatedTheirs, deletedTheirs]).toEqual([[], []]);
      const [still] = await asWorkerDo((tx) => tx.select({ token: providerConnections.accessTokenEncrypted }).from(providerConnections).where(eq(providerConnections.id, theirs.connectionId)));
      expect(still).toEqual({ token: 'v1:cipher' });
    });

    it('cannot move their own connection onto another user', async () => {
      await expectRefused(asMe((tx) => tx.update(providerConnections).set({ userId: other.id }).where(eq(providerConnections.id, mine.connectionId))));
    });
  });

  describe('top tracks', () => {
    it('reads their own top tracks and none of another user\'s', async () => {
      const rows = await asMe((tx) => tx.select({ id: userTopTracks.id }).from(userTopTracks));
      expect(rows).toEqual([{ id: mine.topTrackId }]);
      const all = await asWorkerDo((tx) => tx.select({ id: userTopTracks.id }).from(userTopTracks).where(eq(userTopTracks.id, theirs.topTrackId)));
      expect(all).toHaveLength(1);
    });

    it('adds top tracks to their own connection but not to another user\'s', async () => {
      const row = { trackId: 'x', trackName: 'Added', artistName: 'A', timeRange: 'long_term' as const, rank: 7 };
      await expect(asMe((tx) => tx.insert(userTopTracks).values({ ...row, connectionId: mine.connectionId }))).resolves.toBeDefined();
      await expectRefused(asMe((tx) => tx.insert(userTopTracks).values({ ...row, connectionId: theirs.connectionId })));
    });

    it('cannot delete another user\'s top tracks', async () => {
      const deleted = await asMe((tx) => tx.delete(userTopTracks).where(eq(userTopTracks.id, theirs.topTrackId)).returning({ id: userTopTracks.id }));
      expect(deleted).toEqual([]);
    });
  });

  describe('OAuth states', () => {
    it('reads their own OAuth states and none of another user\'s', async () => {
      const rows = await asMe((tx) => tx.select({ id: oauthStates.id, discordId: oauthStates.discordId }).from(oauthStates));
      expect(rows).toEqual([{ id: mine.oauthStateId, discordId: me.discordId }]);
    });

    it('consumes their own state but sees another user\'s as missing', async () => {
      const now = new Date();
      await expect(asMe((tx) => consumeOAuthState(tx, { nonceHash: `nonce-${me.discordId}`, provider: 'spotify' }, now)))
        .resolves.toEqual({ kind: 'consumed', codeVerifierEncrypted: 'v1:verifier' });
      await expect(asMe((tx) => consumeOAuthState(tx, { nonceHash: `nonce-${other.discordId}`, provider: 'spotify' }, now)))
        .resolves.toEqual({ kind: 'missing' });
      const [theirState] = await asWorkerDo((tx) => tx.select({ consumedAt: oauthStates.consumedAt }).from(oauthStates).where(eq(oauthStates.id, theirs.oauthStateId)));
      expect(theirState).toEqual({ consumedAt: null });
    });

    it('creates states only in their own name', async () => {
      const state = { provider: 'spotify' as const, expiresAt: new Date(Date.now() + 60_000) };
      await expect(asMe((tx) => tx.insert(oauthStates).values({ ...state, nonceHash: `own-${uniqueDiscordId()}`, discordId: me.discordId }))).resolves.toBeDefined();
      await expectRefused(asMe((tx) => tx.insert(oauthStates).values({ ...state, nonceHash: `forged-${uniqueDiscordId()}`, discordId: other.discordId })));
    });
  });

  describe('user rows', () => {
    it('sees themselves and the members of their blends, not strangers', async () => {
      const friend = await seedUser(db, 'Friend');
      const stranger = await seedUser(db, 'Stranger');
      await seedBlend(db, { creator: me, status: 'completed', members: [{ user: friend, status: 'accepted' }] });
      await seedBlend(db, { creator: stranger, status: 'completed' });
      const seen = await asMe((tx) => tx.select({ id: users.id }).from(users));
      expect(seen.map((u) => u.id).sort()).toEqual([me.id, friend.id].sort());
    });

    it('creates their own row but not a row for another Discord user', async () => {
      const discordId = uniqueDiscordId();
      await expect(withActor(db, asUser(discordId), (tx) => ensureUser(tx, { discordId, displayName: 'New' }))).resolves.toMatchObject({ displayName: 'New' });
      await expectRefused(withActor(db, asUser(discordId), (tx) => tx.insert(users).values({ discordId: uniqueDiscordId() })));
    });

    it('renames themselves but cannot rename another user or take another Discord id', async () => {
      const renamed = await asMe((tx) => tx.update(users).set({ displayName: 'Me again' }).where(eq(users.id, me.id)).returning({ id: users.id }));
      expect(renamed).toHaveLength(1);
      const hijacked = await asMe((tx) => tx.update(users).set({ displayName: 'pwned' }).where(eq(users.id, other.id)).returning({ id: users.id }));
      expect(hijacked).toEqual([]);
      await expectRefused(asMe((tx) => tx.update(users).set({ discordId: uniqueDiscordId() }).where(eq(users.id, me.id))));
    });

    it('cannot change their own internal id', async () => {
      await expectRefused(asMe((tx) => tx.update(users).set({ id: randomUUID() }).where(eq(users.id, me.id))));
    });
  });

  it('has no access to the worker\'s match cache', async () => {
    await expectRefused(asMe((tx) => tx.execute(sql`select id from track_matches`)));
  });
});
