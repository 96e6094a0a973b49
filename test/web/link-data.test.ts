import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { blendParticipants, blends, oauthStates, providerConnections, userTopTracks } from '../../db/schema/index.js';
import type { AppContext } from '../../src/context.js';
import { asUser, asWorker, withActor } from '../../src/data/actor.js';
import { loadUserAuth, markNeedsRelink, saveRefreshedTokens, upsertConnection, type NewConnection } from '../../src/data/connections.js';
import { consumeOAuthState, createOAuthState, OAUTH_STATE_RETENTION_MS } from '../../src/data/oauth-states.js';
import { acceptPendingParticipations } from '../../src/data/participations-accept.js';
import { ensureUser } from '../../src/data/users.js';
import { replaceTopTracks } from '../../src/sync/top-track-rows.js';
import { testContext } from '../support/context.js';
import { databaseKind, uniqueDiscordId } from '../support/db.js';
import { pendingMember } from './support/web-harness.js';

let ctx: AppContext;
beforeAll(async () => { ctx = await testContext(); });

const T0 = new Date('2026-09-01T12:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

async function newUser() {
  const discordId = uniqueDiscordId();
  const user = await withActor(ctx.db, asUser(discordId), (tx) => ensureUser(tx, { discordId }));
  return { discordId, userId: user.id };
}

const connection = (userId: string, over: Partial<NewConnection> = {}): NewConnection => ({
  userId, provider: 'spotify', providerUserId: 'acc_1', auth: { accessToken: 'BQ-access-1', refreshToken: 'AQ-refresh-1', expiresAt: later(3_600_000) },
  metadata: { displayName: 'Ana' }, authorizedAt: T0, ...over,
});

const asWorkerSelect = <T>(work: Parameters<typeof withActor<T>>[2]) => withActor(ctx.db, asWorker, work);

describe(`connection data on ${databaseKind()}`, () => {
  it('relinking the same account keeps its tracks, clears the relink flag and restarts the authorisation clock', async () => {
    const { discordId, userId } = await newUser();
    const { id } = await withActor(ctx.db, asUser(discordId), (tx) => upsertConnection(tx, ctx.vault, connection(userId)));
    await withActor(ctx.db, asUser(discordId), async (tx) => {
      await replaceTopTracks(tx, id, { short: [{ provider: 'spotify', id: 't1', title: 'A', artists: ['B'], durationMs: 1 }], medium: [], long: [] }, { fetchedAt: T0, perRange: 50 });
      await markNeedsRelink(tx, id, later(1000));
    });
    const again = await withActor(ctx.db, asUser(discordId), (tx) => upsertConnection(tx, ctx.vault, connection(userId, { authorizedAt: later(5000), auth: { accessToken: 'BQ-access-2' } })));
    expect(again).toEqual({ id, accountChanged: false });
    const [row] = await asWorkerSelect((tx) => tx.select().from(providerConnections).where(eq(providerConnections.id, id)));
    expect(row).toMatchObject({ needsRelinkAt: null, authorizedAt: later(5000), lastSyncAt: T0, refreshTokenEncrypted: null });
    expect(await asWorkerSelect((tx) => tx.select().from(userTopTracks).where(eq(userTopTracks.connectionId, id)))).toHaveLength(1);
  });

  it('linking a different account drops the old account\'s tracks', async () => {
    const { discordId, userId } = await newUser();
    const { id } = await withActor(ctx.db, asUser(discordId), (tx) => upsertConnection(tx, ctx.vault, connection(userId)));
    await withActor(ctx.db, asUser(discordId), (tx) =>
      replaceTopTracks(tx, id, { short: [{ provider: 'spotify', id: 't1', title: 'A', artists: ['B'], durationMs: 1 }], medium: [], long: [] }, { fetchedAt: T0, perRange: 50 }));
    const other = await withActor(ctx.db, asUser(discordId), (tx) => upsertConnection(tx, ctx.vault, connection(userId, { providerUserId: 'acc_2' })));
    expect(other).toEqual({ id, accountChanged: true });
    expect(await asWorkerSelect((tx) => tx.select().from(userTopTracks).where(eq(userTopTracks.connectionId, id)))).toEqual([]);
    const [row] = await asWorkerSelect((tx) => tx.select().from(providerConnections).where(eq(providerConnections.id, id)));
    expect(row?.lastSyncAt).toBeNull();
  });

  it('saves refreshed tokens, keeping the stored refresh token when none came back', async () => {
    const { discordId, userId } = await newUser();
    const { id } = await withActor(ctx.db, asUser(discordId), (tx) => upsertConnection(tx, ctx.vault, connection(userId)));
    await asWorkerSelect((tx) => saveRefreshedTokens(tx, ctx.vault, id, { accessToken: 'BQ-new', expiresAt: later(7_200_000) }, later(10)));
    let loaded = await asWorkerSelect((tx) => loadUserAuth(tx, ctx.vault, id));
    expect(loaded?.auth).toEqual({ accessToken: 'BQ-new', refreshToken: 'AQ-refresh-1', expiresAt: later(7_200_000) });
    expect(loaded?.authorizedAt).toEqual(T0);
    await asWorkerSelect((tx) => saveRefreshedTokens(tx, ctx.vault, id, { accessToken: 'BQ-newer', refreshToken: 'AQ-rotated' }, later(20)));
    loaded = await asWorkerSelect((tx) => loadUserAuth(tx, ctx.vault, id));
    expect(loaded?.auth.refreshToken).toBe('AQ-rotated');
  });

  it('keeps the first relink time', async () => {
    const { discordId, userId } = await newUser();
    const { id } = await withActor(ctx.db, asUser(discordId), (tx) => upsertConnection(tx, ctx.vault, connection(userId)));
    await asWorkerSelect((tx) => markNeedsRelink(tx, id, later(1)));
    await asWorkerSelect((tx) => markNeedsRelink(tx, id, later(2)));
    expect((await asWorkerSelect((tx) => loadUserAuth(tx, ctx.vault, id)))?.needsRelinkAt).toEqual(later(1));
  });

  it('lets a user load only their own tokens', async () => {
    const a = await newUser();
    const b = await newUser();
    const { id } = await withActor(ctx.db, asUser(a.discordId), (tx) => upsertConnection(tx, ctx.vault, connection(a.userId)));
    expect(await withActor(ctx.db, asUser(b.discordId), (tx) => loadUserAuth(tx, ctx.vault, id))).toBeUndefined();
    expect((await withActor(ctx.db, asUser(a.discordId), (tx) => loadUserAuth(tx, ctx.vault, id)))?.auth.accessToken).toBe('BQ-access-1');
  });
});

describe(`oauth state data on ${databaseKind()}`, () => {
  const state = (discordId: string, nonceHash = `h-${uniqueDiscordId()}`) =>
    ({ nonceHash, discordId, provider: 'spotify' as const, codeVerifierEncrypted: 'v1.enc', expiresAt: later(600_000) });

  it('is consumed exactly once, even by two callbacks at the same time', async () => {
    const discordId = uniqueDiscordId();
    const s = state(discordId);
    await withActor(ctx.db, asUser(discordId), (tx) => createOAuthState(tx, s, T0));
    const consume = () => withActor(ctx.db, asUser(discordId), (tx) => consumeOAuthState(tx, { nonceHash: s.nonceHash, provider: 'spotify' }, later(1000)));
    const results = await Promise.all([consume(), consume()]);
    expect(results.map((r) => r.kind).sort()).toEqual(['already_used', 'consumed']);
    expect(results).toContainEqual({ kind: 'consumed', codeVerifierEncrypted: 'v1.enc' });
  });

  it('is refused after expiry, for another provider, and to another user (who cannot see it)', async () => {
    const owner = uniqueDiscordId();
    const s = state(owner);
    await withActor(ctx.db, asUser(owner), (tx) => createOAuthState(tx, s, T0));
    expect(await withActor(ctx.db, asUser(uniqueDiscordId()), (tx) => consumeOAuthState(tx, { nonceHash: s.nonceHash, provider: 'spotify' }, later(1)))).toEqual({ kind: 'missing' });
    expect(await withActor(ctx.db, asUser(owner), (tx) => consumeOAuthState(tx, { nonceHash: s.nonceHash, provider: 'apple' }, later(1)))).toEqual({ kind: 'missing' });
    expect(await withActor(ctx.db, asUser(owner), (tx) => consumeOAuthState(tx, { nonceHash: s.nonceHash, provider: 'spotify' }, later(600_000)))).toEqual({ kind: 'expired' });
  });

  it('drops the user\'s long-expired states when a new one is made', async () => {
    const discordId = uniqueDiscordId();
    const old = state(discordId);
    await withActor(ctx.db, asUser(discordId), (tx) => createOAuthState(tx, old, T0));
    await withActor(ctx.db, asUser(discordId), (tx) => createOAuthState(tx, state(discordId), later(600_000 + OAUTH_STATE_RETENTION_MS + 1)));
    const rows = await asWorkerSelect((tx) => tx.select({ nonceHash: oauthStates.nonceHash }).from(oauthStates).where(eq(oauthStates.discordId, discordId)));
    expect(rows.map((r) => r.nonceHash)).not.toContain(old.nonceHash);
    expect(rows).toHaveLength(1);
  });
});

describe(`accepting participations on ${databaseKind()}`, () => {
  it('accepts pending participations in open blends only', async () => {
    const open = await pendingMember(ctx, 'Open one');
    const closed = await pendingMember(ctx, 'Closed one');
    await withActor(ctx.db, asWorker, async (tx) => {
      await tx.update(blends).set({ status: 'processing' }).where(eq(blends.id, closed.blendId));
      await tx.insert(blendParticipants).values({ blendId: closed.blendId, userId: open.userId, status: 'pending' });
    });
    const declined = await pendingMember(ctx, 'Left it');
    await withActor(ctx.db, asWorker, (tx) => tx.insert(blendParticipants).values({ blendId: declined.blendId, userId: open.userId, status: 'declined' }));

    const accepted = await withActor(ctx.db, asUser(open.discordId), (tx) => acceptPendingParticipations(tx, open.userId));
    expect(accepted).toEqual([{ blendId: open.blendId, blendName: 'Open one' }]);
    const statuses = await asWorkerSelect((tx) => tx.select({ blendId: blendParticipants.blendId, status: blendParticipants.status })
      .from(blendParticipants).where(eq(blendParticipants.userId, open.userId)));
    expect(new Map(statuses.map((s) => [s.blendId, s.status]))).toEqual(new Map([[open.blendId, 'accepted'], [closed.blendId, 'pending'], [declined.blendId, 'declined']]));
  });
});
