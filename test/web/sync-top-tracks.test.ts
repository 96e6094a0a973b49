import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { providerConnections, userTopTracks } from '../../db/schema/index.js';
import type { AppContext } from '../../src/context.js';
import { asUser, asWorker, withActor } from '../../src/data/actor.js';
import { loadUserAuth, upsertConnection } from '../../src/data/connections.js';
import { ensureUser } from '../../src/data/users.js';
import { ProviderError } from '../../src/providers/errors.js';
import type { MusicProvider, ProviderId, ProviderTrack, UserAuth } from '../../src/providers/types.js';
import { syncTopTracks, SYNC_MAX_AGE_MS } from '../../src/sync/sync-top-tracks.js';
import { loadTopTrackSet, replaceTopTracks } from '../../src/sync/top-track-rows.js';
import { harness, type Harness } from '../providers/harness.js';
import { testContext } from '../support/context.js';
import { databaseKind, uniqueDiscordId } from '../support/db.js';

let sims: Harness;
let ctx: AppContext;
beforeEach(async () => {
  sims = harness();
  ctx = await testContext({ providers: sims.providers, now: sims.clock.now });
});

async function connect(provider: ProviderId, simUser: string) {
  const discordId = uniqueDiscordId();
  const auth: UserAuth = provider === 'spotify' ? sims.spotifySim.issueTokens(simUser) : { accessToken: sims.appleSim.userToken(simUser) };
  const { id } = await withActor(ctx.db, asUser(discordId), async (tx) => upsertConnection(tx, ctx.vault, {
    userId: (await ensureUser(tx, { discordId })).id, provider, providerUserId: simUser, auth,
    metadata: provider === 'apple' ? { storefront: 'us' } : {}, authorizedAt: ctx.now(),
  }));
  return { connectionId: id, discordId, auth };
}

const storedRows = (connectionId: string) => withActor(ctx.db, asWorker, (tx) =>
  tx.select().from(userTopTracks).where(eq(userTopTracks.connectionId, connectionId)).orderBy(userTopTracks.timeRange, userTopTracks.rank));
const connectionRow = async (connectionId: string) => (await withActor(ctx.db, asWorker, (tx) =>
  tx.select().from(providerConnections).where(eq(providerConnections.id, connectionId))))[0];
const topTrackCalls = () => sims.spotifySim.requests.count('GET /me/top/tracks');

/** The real provider, except that one range fails as if Spotify were down. */
function failingOn(range: 'medium' | 'long'): ReadonlyMap<ProviderId, MusicProvider> {
  const real = sims.providers.get('spotify') as MusicProvider;
  const flaky: MusicProvider = {
    ...real,
    topTracks: (auth, r, limit, hooks) => (r === range ? Promise.reject(new ProviderError('spotify', 'unavailable', '503 after retries')) : real.topTracks(auth, r, limit, hooks)),
  };
  return new Map([['spotify', flaky]]);
}

describe(`syncTopTracks on ${databaseKind()}`, () => {
  it('stores all three Spotify ranges with ranks, ISRC, artwork and JSONB metadata', async () => {
    const { connectionId } = await connect('spotify', 'ana');
    const outcome = await syncTopTracks(ctx, connectionId, { actor: asWorker });
    expect(outcome).toEqual({ kind: 'synced', counts: { short: 12, medium: 16, long: 50 } });

    const rows = await storedRows(connectionId);
    const short = rows.filter((r) => r.timeRange === 'short_term');
    expect(short.map((r) => r.rank)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(short[0]).toMatchObject({ trackName: 'Espresso', artistName: 'Sabrina Carpenter', isrc: expect.stringMatching(/^[A-Z0-9]{12}$/), albumArtUrl: expect.stringMatching(/^https:/), durationMs: expect.any(Number) });
    expect(short[0]?.trackMetadata).toMatchObject({ artists: ['Sabrina Carpenter'], uri: expect.stringMatching(/^spotify:track:/) });
    expect((await connectionRow(connectionId))?.lastSyncAt?.toISOString()).toBe(sims.clock.now().toISOString());

    const set = await withActor(ctx.db, asWorker, (tx) => loadTopTrackSet(tx, connectionId, 'spotify'));
    expect(set.short[0]).toMatchObject({ provider: 'spotify', title: 'Espresso', artists: ['Sabrina Carpenter'] });
    expect(set.long).toHaveLength(50);
  });

  it('re-syncs only when the stored tracks are older than 24 hours, or when forced', async () => {
    const { connectionId } = await connect('spotify', 'ben');
    await syncTopTracks(ctx, connectionId, { actor: asWorker });
    const calls = topTrackCalls();

    sims.clock.advance(SYNC_MAX_AGE_MS - 60_000);
    expect(await syncTopTracks(ctx, connectionId, { actor: asWorker })).toMatchObject({ kind: 'fresh' });
    expect(topTrackCalls()).toBe(calls);
    expect(await syncTopTracks(ctx, connectionId, { actor: asWorker, force: true })).toMatchObject({ kind: 'synced' });
    expect(topTrackCalls()).toBe(calls + 3);

    sims.clock.advance(SYNC_MAX_AGE_MS + 1);
    expect(await syncTopTracks(ctx, connectionId, { actor: asWorker })).toMatchObject({ kind: 'synced' });
  });

  it('fetches more, paginating, when a blend needs more tracks per range than were stored', async () => {
    const { connectionId } = await connect('spotify', 'ana');
    await syncTopTracks(ctx, connectionId, { actor: asWorker });
    const calls = topTrackCalls();
    const outcome = await syncTopTracks(ctx, connectionId, { actor: asWorker, perRange: 80 });
    expect(outcome).toMatchObject({ kind: 'synced', counts: { long: 59 } }); // all ana has: more than one 50-item page
    expect(topTrackCalls() - calls).toBe(4);
    expect(await syncTopTracks(ctx, connectionId, { actor: asWorker, perRange: 80 })).toMatchObject({ kind: 'fresh' });
  });

  it('persists tokens the provider refreshed during the sync', async () => {
    const { connectionId, auth } = await connect('spotify', 'ana');
    sims.spotifySim.expireAccessTokens('ana');
    expect(await syncTopTracks(ctx, connectionId, { actor: asWorker })).toMatchObject({ kind: 'synced' });
    const loaded = await withActor(ctx.db, asWorker, (tx) => loadUserAuth(tx, ctx.vault, connectionId));
    expect(loaded?.auth.accessToken).not.toBe(auth.accessToken);
    expect(loaded?.auth.refreshToken).toBe(auth.refreshToken);
  });

  it('marks the connection for relinking when its refresh token is dead, and keeps its tracks', async () => {
    const { connectionId } = await connect('spotify', 'ben');
    await syncTopTracks(ctx, connectionId, { actor: asWorker });
    const before = await storedRows(connectionId);
    sims.clock.advance(SYNC_MAX_AGE_MS + 1);
    sims.spotifySim.revokeRefreshTokens('ben');
    sims.spotifySim.expireAccessTokens('ben');

    expect(await syncTopTracks(ctx, connectionId, { actor: asWorker })).toEqual({ kind: 'needs_relink' });
    expect((await connectionRow(connectionId))?.needsRelinkAt?.toISOString()).toBe(sims.clock.now().toISOString());
    expect(await storedRows(connectionId)).toEqual(before);
    const calls = sims.spotifySim.requests.count();
    expect(await syncTopTracks(ctx, connectionId, { actor: asWorker, force: true })).toEqual({ kind: 'needs_relink' });
    expect(sims.spotifySim.requests.count()).toBe(calls);
  });

  it('leaves every stored range as it was when a later range fails to fetch', async () => {
    const { connectionId } = await connect('spotify', 'ana');
    await syncTopTracks(ctx, connectionId, { actor: asWorker });
    const before = await storedRows(connectionId);
    const lastSync = (await connectionRow(connectionId))?.lastSyncAt;
    sims.clock.advance(SYNC_MAX_AGE_MS + 1);

    await expect(syncTopTracks({ ...ctx, providers: failingOn('long') }, connectionId, { actor: asWorker })).rejects.toMatchObject({ kind: 'unavailable' });
    expect(await storedRows(connectionId)).toEqual(before);
    expect((await connectionRow(connectionId))?.lastSyncAt).toEqual(lastSync);
  });

  it('replaces the ranges in one transaction: a write that fails half way leaves the previous set', async () => {
    const { connectionId } = await connect('spotify', 'ben');
    await syncTopTracks(ctx, connectionId, { actor: asWorker });
    const before = await storedRows(connectionId);
    const good: ProviderTrack = { provider: 'spotify', id: 'new1', title: 'New', artists: ['Someone'], durationMs: 1000 };
    const broken = { ...good, id: 'new2', title: null } as unknown as ProviderTrack;

    await expect(withActor(ctx.db, asWorker, (tx) =>
      replaceTopTracks(tx, connectionId, { short: [good], medium: [good], long: [good, broken] }, { fetchedAt: sims.clock.now(), perRange: 50 }))).rejects.toThrow();
    expect(await storedRows(connectionId)).toEqual(before);
  });

  it('syncs Apple Music from its documented approximation and keeps the storefront', async () => {
    const { connectionId } = await connect('apple', 'cleo');
    const outcome = await syncTopTracks(ctx, connectionId, { actor: asWorker });
    expect(outcome.kind).toBe('synced');
    const counts = outcome.kind === 'synced' ? outcome.counts : undefined;
    expect(counts?.short).toBeGreaterThan(5);
    expect(counts?.medium).toBeGreaterThan(5);
    expect(counts?.long).toBeGreaterThan(5);
    expect((await connectionRow(connectionId))?.providerMetadata).toEqual({ storefront: 'us', topTracksPerRange: 50 });
    const rows = await storedRows(connectionId);
    expect(rows.some((r) => r.isrc !== null && r.albumArtUrl?.includes('600x600'))).toBe(true);
  });

  it('runs as the actor it is given: a user can sync their own connection, and another user\'s is invisible', async () => {
    const mine = await connect('spotify', 'ben');
    const theirs = await connect('spotify', 'ana');
    expect(await syncTopTracks(ctx, mine.connectionId, { actor: asUser(mine.discordId) })).toMatchObject({ kind: 'synced' });
    expect(await syncTopTracks(ctx, theirs.connectionId, { actor: asUser(mine.discordId) })).toEqual({ kind: 'gone' });
    expect(await storedRows(theirs.connectionId)).toEqual([]);
  });

  it('skips a connection whose provider is no longer configured', async () => {
    const { connectionId } = await connect('spotify', 'ben');
    expect(await syncTopTracks({ ...ctx, providers: new Map() }, connectionId, { actor: asWorker })).toEqual({ kind: 'provider_disabled' });
  });
});
