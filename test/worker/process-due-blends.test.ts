import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { blends } from '../../db/schema/index.js';
import type { AppContext } from '../../src/context.js';
import { asWorker, withActor } from '../../src/data/actor.js';
import { claimDueBlends } from '../../src/data/claim-blends.js';
import { processDueBlends, type BlendRunner } from '../../src/worker/process-due-blends.js';
import { RETRY_BASE_MS } from '../../src/worker/failure.js';
import { completeBlend } from '../../src/data/blend-runs.js';
import { harness } from '../providers/harness.js';
import { RecordingOutbox, testContext } from '../support/context.js';
import { seedBlend, seedMember } from './seed.js';

const blendRow = (ctx: AppContext, id: string) => withActor(ctx.db, asWorker, async (tx) => (await tx.select().from(blends).where(eq(blends.id, id)))[0]);

describe('processDueBlends', () => {
  it('lets two workers share 50 due blends so that each is built exactly once', async () => {
    const h = harness();
    const ctx = await testContext({ now: h.clock.now });
    const ana = await seedMember(ctx, h, { sim: 'ana', provider: 'spotify' });
    const ids = await withActor(ctx.db, asWorker, async (tx) => {
      const rows = await tx.insert(blends).values(Array.from({ length: 50 }, (_, i) => ({ createdBy: ana.userId, name: `b${i}`, shareCode: `T${Date.now()}${i}`.slice(-10), status: 'processing' as const }))).returning({ id: blends.id });
      return rows.map((r) => r.id);
    });
    const built: string[] = [];
    const runner: BlendRunner = async (c, blendId) => {
      built.push(blendId);
      await new Promise((resolve) => setTimeout(resolve, 2));
      await withActor(c.db, asWorker, (tx) => completeBlend(tx, blendId, c.now()));
      return { kind: 'completed', tracks: 0, lookups: 0 };
    };
    const worker = async () => { for (let tick = 0; tick < 5; tick++) await processDueBlends(ctx, { batchSize: 7, concurrency: 3 }, runner); };

    await Promise.all([worker(), worker()]);

    const ours = built.filter((id) => ids.includes(id));
    expect(ours).toHaveLength(50);
    expect(new Set(ours).size).toBe(50);
    const statuses = await withActor(ctx.db, asWorker, (tx) => tx.select({ status: blends.status }).from(blends).where(inArray(blends.id, ids)));
    expect(statuses.every((s) => s.status === 'completed')).toBe(true);
  });

  it('claims a pending blend only once joining has closed with two linked members, and never a leased one', async () => {
    const h = harness();
    const ctx = await testContext({ now: h.clock.now });
    const open = await seedBlend(ctx, h, [{ sim: 'ana', provider: 'spotify' }, { sim: 'ben', provider: 'spotify' }], { status: 'pending', closesAt: new Date(h.clock.now().getTime() + 60_000) });
    const claim = () => withActor(ctx.db, asWorker, (tx) => claimDueBlends(tx, { limit: 100, leaseMs: 60_000, now: h.clock.now() }));
    expect((await claim()).map((c) => c.id)).not.toContain(open.blendId);
    h.clock.advance(61_000);
    expect((await claim()).map((c) => c.id)).toContain(open.blendId);
    expect((await claim()).map((c) => c.id)).not.toContain(open.blendId);
    h.clock.advance(61_000);
    expect((await claim()).map((c) => c.id)).toContain(open.blendId);
  });

  it('tells the creator when joining closed with fewer than two linked members, once', async () => {
    const h = harness();
    const outbox = new RecordingOutbox();
    const ctx = await testContext({ now: h.clock.now, discord: outbox });
    const lonely = await seedBlend(ctx, h, [{ sim: 'ana', provider: 'spotify' }], { status: 'pending', closesAt: new Date(h.clock.now().getTime() - 1) });
    const noop: BlendRunner = async () => ({ kind: 'skipped', reason: 'test' });
    await processDueBlends(ctx, {}, noop);
    await processDueBlends(ctx, {}, noop);
    const notices = outbox.calls.filter((c) => c.kind === 'post' && c.channelId === lonely.channelId);
    expect(notices).toHaveLength(1);
    expect(await blendRow(ctx, lonely.blendId)).toMatchObject({ status: 'pending', closesAt: null });
  });

  it('retries a blend whose provider keeps failing with growing waits, then gives it back with a message', async () => {
    const h = harness({ maxAttempts: 1 });
    const outbox = new RecordingOutbox();
    const ctx = await testContext({ now: h.clock.now, discord: outbox, providers: h.providers });
    const seeded = await seedBlend(ctx, h, [{ sim: 'ana', provider: 'spotify' }, { sim: 'ben', provider: 'spotify' }]);
    h.spotifySim.inject({ kind: 'server_error' }, { times: Infinity });

    await processDueBlends(ctx, { maxAttempts: 3 });
    const first = await blendRow(ctx, seeded.blendId);
    expect(first).toMatchObject({ status: 'processing', attempts: 1, lastError: 'Spotify is not answering' });
    expect(first?.lockedUntil?.getTime()).toBe(h.clock.now().getTime() + RETRY_BASE_MS);

    await processDueBlends(ctx, { maxAttempts: 3 });
    expect(await blendRow(ctx, seeded.blendId)).toMatchObject({ attempts: 1 });
    h.clock.advance(RETRY_BASE_MS);
    await processDueBlends(ctx, { maxAttempts: 3 });
    expect((await blendRow(ctx, seeded.blendId))?.lockedUntil?.getTime()).toBe(h.clock.now().getTime() + 2 * RETRY_BASE_MS);
    h.clock.advance(2 * RETRY_BASE_MS);
    await processDueBlends(ctx, { maxAttempts: 3 });

    expect(await blendRow(ctx, seeded.blendId)).toMatchObject({ status: 'pending', attempts: 3, lastError: 'gave up after 3 tries: Spotify is not answering' });
    const notice = outbox.calls.find((c) => c.kind === 'post' && c.channelId === seeded.channelId && /gave up/.test(c.message.content ?? ''));
    expect(notice).toBeDefined();
  });

  it('waits out a rate limit on the blend that hit it without holding up another blend', async () => {
    const h = harness({ maxAttempts: 1 });
    const ctx = await testContext({ now: h.clock.now, providers: h.providers, discord: new RecordingOutbox() });
    const limited = await seedBlend(ctx, h, [{ sim: 'ana', provider: 'spotify' }, { sim: 'ben', provider: 'spotify' }]);
    h.spotifySim.inject({ kind: 'rate_limit', retryAfterSeconds: 120 }, { times: 1 });
    await processDueBlends(ctx, { concurrency: 1 });
    const row = await blendRow(ctx, limited.blendId);
    expect(row?.lockedUntil?.getTime()).toBe(h.clock.now().getTime() + 120_000);
    expect(row?.lastError).toBe('Spotify asked us to slow down');

    const other = await seedBlend(ctx, h, [{ sim: 'cleo', provider: 'apple' }, { sim: 'dev', provider: 'apple' }]);
    await processDueBlends(ctx);
    expect(await blendRow(ctx, other.blendId)).toMatchObject({ status: 'completed' });
    expect(await blendRow(ctx, limited.blendId)).toMatchObject({ status: 'processing' });
  });
});
