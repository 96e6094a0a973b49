import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { blendParticipants, blends, blendTracks } from '../../db/schema/index.js';
import type { AppContext } from '../../src/context.js';
import { asWorker, withActor } from '../../src/data/actor.js';
import { PIPELINE_STEPS, runBlendPipeline } from '../../src/worker/pipeline.js';
import { loadBlendView } from '../../src/data/blends.js';
import { renderStatus } from '../../src/blends/blend-status.js';
import { harness, type Harness } from '../providers/harness.js';
import { RecordingOutbox, testContext } from '../support/context.js';
import { seedBlend } from './seed.js';

async function setup(): Promise<{ h: Harness; ctx: AppContext; outbox: RecordingOutbox }> {
  const h = harness();
  const outbox = new RecordingOutbox();
  const ctx = await testContext({ providers: h.providers, discord: outbox, now: h.clock.now });
  return { h, ctx, outbox };
}

const blendRow = (ctx: AppContext, id: string) => withActor(ctx.db, asWorker, async (tx) => (await tx.select().from(blends).where(eq(blends.id, id)))[0]);
const trackRows = (ctx: AppContext, id: string) => withActor(ctx.db, asWorker, (tx) => tx.select().from(blendTracks).where(eq(blendTracks.blendId, id)).orderBy(asc(blendTracks.position)));
const embedsIn = (outbox: RecordingOutbox, channelId: string) => outbox.calls.filter((c) => c.kind === 'post' && c.channelId === channelId && (c.message.embeds?.length ?? 0) > 0);

describe('the blend pipeline', () => {
  it('builds a cross-platform blend: both playlists hold the blend in order and one embed is posted', async () => {
    const { h, ctx, outbox } = await setup();
    const seeded = await seedBlend(ctx, h, [{ sim: 'ana', provider: 'spotify' }, { sim: 'ben', provider: 'spotify' }, { sim: 'cleo', provider: 'apple' }], { size: 20 });

    const outcome = await runBlendPipeline(ctx, seeded.blendId);

    expect(outcome).toMatchObject({ kind: 'completed', tracks: 20 });
    const blend = await blendRow(ctx, seeded.blendId);
    expect(blend).toMatchObject({ status: 'completed', lockedUntil: null });
    const tracks = await trackRows(ctx, seeded.blendId);
    expect(tracks.map((t) => t.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(tracks.map((t) => t.contributedBy))).toEqual(new Set(seeded.members.map((m) => m.userId)));

    const [spotify] = h.spotifySim.playlists();
    expect(h.spotifySim.playlists()).toHaveLength(1);
    expect(spotify?.owner).toBe('ana');
    expect(spotify?.trackIds).toEqual(tracks.flatMap((t) => (t.spotifyTrackId ? [t.spotifyTrackId] : [])));
    expect(blend?.playlistSpotifyId).toBe(spotify?.id);
    const [apple] = h.appleSim.playlists();
    expect(h.appleSim.playlists()).toHaveLength(1);
    expect(apple?.trackIds).toEqual(tracks.flatMap((t) => (t.appleTrackId ? [t.appleTrackId] : [])));

    const embeds = embedsIn(outbox, seeded.channelId);
    expect(embeds).toHaveLength(1);
    const embed = embeds[0]?.kind === 'post' ? embeds[0].message.embeds?.[0] : undefined;
    expect(embed?.url).toBe(spotify?.url);
    expect(JSON.stringify(embed)).toMatch(/Taste match \d+\/100/);
    expect(JSON.stringify(embed)).toMatch(/Spotify \d+\/20 · Apple Music \d+\/20/);
    expect(blend?.resultMessageId).toBe(embeds[0]?.kind === 'post' ? embeds[0].id : undefined);
    expect(blend?.summary).toMatchObject({ version: 1, members: expect.arrayContaining([expect.objectContaining({ displayName: 'Cleo' })]) });
    expect(outbox.calls.some((c) => c.kind === 'edit' && c.messageId === `m${seeded.channelId}`)).toBe(true);
  });

  it.each(PIPELINE_STEPS)('resumes after dying just after the %s step with one playlist per platform and one embed', async (step) => {
    const { h, ctx, outbox } = await setup();
    const seeded = await seedBlend(ctx, h, [{ sim: 'ana', provider: 'spotify' }, { sim: 'cleo', provider: 'apple' }, { sim: 'gus', provider: 'spotify' }], { size: 15 });

    await expect(runBlendPipeline(ctx, seeded.blendId, { afterStep: (s) => { if (s === step) throw new Error(`crash after ${s}`); } }))
      .rejects.toThrow(`crash after ${step}`);
    if (step !== 'complete') await runBlendPipeline(ctx, seeded.blendId);

    expect(await blendRow(ctx, seeded.blendId)).toMatchObject({ status: 'completed' });
    expect(h.spotifySim.playlists()).toHaveLength(1);
    expect(h.appleSim.playlists()).toHaveLength(1);
    expect(embedsIn(outbox, seeded.channelId)).toHaveLength(1);
    const tracks = await trackRows(ctx, seeded.blendId);
    expect(tracks).toHaveLength(15);
    expect(h.spotifySim.playlists()[0]?.trackIds).toEqual(tracks.flatMap((t) => (t.spotifyTrackId ? [t.spotifyTrackId] : [])));
  });

  it('leaves out a member Spotify does not allow, tells them by DM, and builds from the others', async () => {
    const { h, ctx, outbox } = await setup();
    const seeded = await seedBlend(ctx, h, [{ sim: 'ana', provider: 'spotify' }, { sim: 'eli', provider: 'spotify' }, { sim: 'dev', provider: 'apple' }]);

    expect(await runBlendPipeline(ctx, seeded.blendId)).toMatchObject({ kind: 'completed' });

    const eli = seeded.members[1];
    const dm = outbox.dmsTo(eli?.discordId ?? '');
    expect(dm).toHaveLength(1);
    expect(dm[0]?.message.content).toMatch(/not on this bot's allowlist/);
    const rows = await withActor(ctx.db, asWorker, (tx) => tx.select().from(blendParticipants).where(eq(blendParticipants.blendId, seeded.blendId)));
    expect(rows.find((r) => r.userId === eli?.userId)?.leftOutReason).toMatch(/allowlist/);
    const contributors = new Set((await trackRows(ctx, seeded.blendId)).map((t) => t.contributedBy));
    expect(contributors.has(eli?.userId ?? '')).toBe(false);
  });

  it('sends the blend back to its creator when fewer than two members can take part', async () => {
    const { h, ctx, outbox } = await setup();
    const seeded = await seedBlend(ctx, h, [{ sim: 'ana', provider: 'spotify' }, { sim: 'fay', provider: 'apple' }]);

    expect(await runBlendPipeline(ctx, seeded.blendId)).toMatchObject({ kind: 'not_enough_members' });

    expect(await blendRow(ctx, seeded.blendId)).toMatchObject({ status: 'pending', closesAt: null, lastError: expect.stringMatching(/fewer than two.*Fay: Apple Music says there is no active subscription/) });
    const notice = outbox.calls.find((c) => c.kind === 'post' && c.channelId === seeded.channelId);
    expect(notice?.kind === 'post' && notice.message.content).toMatch(new RegExp(`<@${seeded.members[0]?.discordId}>.*could not build`));
    expect(h.spotifySim.playlists()).toEqual([]);
    const view = await withActor(ctx.db, asWorker, (tx) => loadBlendView(tx, seeded.blendId, 50));
    const status = JSON.stringify(renderStatus(view ?? (() => { throw new Error('no view'); })()));
    expect(status).toMatch(/Last build.*fewer than two members could take part/);
  });

  it('asks the providers nothing for a second blend of the same members', async () => {
    const { h, ctx } = await setup();
    const members = [{ sim: 'ben', provider: 'spotify' as const }, { sim: 'dev', provider: 'apple' as const }];
    const first = await runBlendPipeline(ctx, (await seedBlend(ctx, h, members)).blendId);
    expect(first).toMatchObject({ kind: 'completed' });
    expect(first.kind === 'completed' && first.lookups).toBeGreaterThan(0);

    const second = await runBlendPipeline(ctx, (await seedBlend(ctx, h, members)).blendId);
    expect(second).toMatchObject({ kind: 'completed', lookups: 0 });
  });
});

describe('the stored summary', () => {
  it('keeps to the public contract even when titles and names look like Discord ids', async () => {
    const { summarize, storedSummary } = await import('../../src/worker/summary.js');
    const recording = { key: 'isrc:X', title: 'Track 12345678901234567890', artists: ['<@1234567890123456789>'], durationMs: 1, ids: { spotify: 's' } };
    const result = {
      entries: [], perPlatform: { spotify: { trackIds: ['s'], available: 1, total: 1, missing: [] } }, contributions: [{ memberId: '00000000-0000-4000-8000-000000000001', count: 1 }],
      taste: { score: 50, sharedTracks: [{ recording, sharedBy: ['a', 'b'] }], sharedTrackCount: 1, topSharedArtists: [{ name: '<@1234567890123456789>', sharedBy: ['a', 'b'] }], unifyingTrack: { recording, sharedBy: ['a', 'b'] }, pairs: [] },
    };
    const stored = storedSummary(summarize(result as never, new Map([['00000000-0000-4000-8000-000000000001', 'x'.repeat(500)]]), 0));
    expect(JSON.stringify(stored)).not.toMatch(/\d{17}/);
    expect(stored.members[0]?.displayName?.length).toBeLessThanOrEqual(200);
  });
});
