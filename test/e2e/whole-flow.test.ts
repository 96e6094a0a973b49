import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blends, blendTracks } from '../../db/schema/index.js';
import { asWorker, withActor } from '../../src/data/actor.js';
import { createLogger } from '../../src/logger.js';
import { playBlend, type ScenarioResult } from '../demo/scenario.js';
import { CAST, startWorld, type World } from '../demo/world.js';
import { renderMessage } from '../fake-discord/index.js';
import { databaseKind, testDatabase } from '../support/db.js';

let world: World;
let outcome: ScenarioResult;
const transcript: string[] = [];

beforeAll(async () => {
  world = await startWorld({ db: (await testDatabase()).db, log: createLogger({ level: 'silent', pretty: false }), dataDir: '/nonexistent-unused' });
  outcome = await playBlend(world, { say: (line) => transcript.push(line), workerRuns: 'tick', blendName: `Whole flow ${Date.now()}` });
}, 120_000);

afterAll(async () => { await world?.stop(); });

describe(`the whole flow on ${databaseKind()}: start → react → link both providers → finish → worker → playlists → embed → public page`, () => {
  it('builds both playlists with the blend\'s tracks, in order, on the owners\' accounts', async () => {
    const blend = await withActor(world.ctx.db, asWorker, async (tx) => (await tx.select().from(blends).where(eq(blends.shareCode, outcome.shareCode)))[0]);
    expect(blend?.status).toBe('completed');
    const tracks = await withActor(world.ctx.db, asWorker, (tx) => tx.select().from(blendTracks).where(eq(blendTracks.blendId, blend?.id ?? '')).orderBy(asc(blendTracks.position)));
    expect(tracks).toHaveLength(20);
    const spotify = world.providers.spotify.playlists();
    const apple = world.providers.apple.playlists();
    expect(spotify).toHaveLength(1);
    expect(apple).toHaveLength(1);
    expect(spotify[0]?.owner).toBe('ana');
    expect(apple[0]?.owner).toBe('cleo');
    expect(spotify[0]?.trackIds).toEqual(tracks.flatMap((t) => (t.spotifyTrackId ? [t.spotifyTrackId] : [])));
    expect(apple[0]?.trackIds).toEqual(tracks.flatMap((t) => (t.appleTrackId ? [t.appleTrackId] : [])));
    expect(new Set(tracks.map((t) => t.contributedBy)).size).toBe(CAST.length);
  });

  it('posts the finished embed once, with the playlist links and the public page', () => {
    const posted = world.discord.messages(world.channelId).filter((m) => m.content.includes('is ready'));
    expect(posted).toHaveLength(1);
    const text = renderMessage(outcome.result);
    expect(text).toMatch(/Taste match \d+\/100/);
    expect(text).toMatch(/Spotify \d+\/20 · Apple Music \d+\/20/);
    expect(text).toContain('Open in Spotify');
    expect(text).toContain(outcome.publicUrl);
  });

  it('told Dev, whose DMs are closed, in the channel, and Dev still took part through /link', () => {
    expect(transcript.join('\n')).toMatch(/Dev has closed their DMs/);
    expect(world.discord.dms(world.user(CAST[3]).id)).toEqual([]);
  });

  it('answers /blend status with the completed state', async () => {
    const status = await world.discord.slashCommand({ user: world.user(CAST[1]), name: 'blend', subcommand: 'status', options: { code: outcome.shareCode } });
    expect(renderMessage(await status.finalReply())).toMatch(/Finished/);
  });

  it('serves the public page for the finished blend', async () => {
    const page = await fetch(outcome.publicUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const member of CAST) expect(html).toContain(member.globalName);
    expect(html).not.toContain(world.user(CAST[0]).id);
  });
});
