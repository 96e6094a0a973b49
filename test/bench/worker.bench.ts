/**
 * Worker figures (issue 6): provider lookups per blend against the lower bound, lookups for the
 * same members' second blend, finish → embed latency with 50 ms per provider call, and blends
 * per minute for one and two workers. Embedded PGlite, in-memory; simulators through msw.
 */
import { eq } from 'drizzle-orm';
import { blendParticipants, blends } from '../../db/schema/index.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { isrcCacheKey, textCacheKey, primaryArtist, type ProviderId } from '../../src/core/index.js';
import { createLinkSigner } from '../../src/crypto/link-signer.js';
import { createVault } from '../../src/crypto/vault.js';
import { asWorker, withActor } from '../../src/data/actor.js';
import { createBlend } from '../../src/data/create-blend.js';
import { createLogger } from '../../src/logger.js';
import { createProviders } from '../../src/providers/index.js';
import type { Transport } from '../../src/providers/transport.js';
import { processDueBlends } from '../../src/worker/process-due-blends.js';
import { createClock, type Harness } from '../providers/harness.js';
import { mswTransport } from '../providers/msw-transport.js';
import { createAppleSim } from '../providers/sim/apple-sim.js';
import { SIM_RECORDINGS } from '../providers/sim/catalog.js';
import { createSpotifySim } from '../providers/sim/spotify-sim.js';
import { RecordingOutbox } from '../support/recording-outbox.js';
import { seedMember, type SeedMember } from '../worker/seed.js';
import { scratchPglite, scratchPostgres, type BenchDatabase } from './support/scratch-db.js';

const TEN: SeedMember[] = [
  ...['ana', 'ben', 'gus', 'ana', 'ben'].map((sim): SeedMember => ({ sim, provider: 'spotify' })),
  ...['cleo', 'dev', 'gus', 'cleo', 'dev'].map((sim): SeedMember => ({ sim, provider: 'apple' })),
];

type Member = { userId: string; discordId: string };

async function world(latencyMs: number, scratch: () => Promise<BenchDatabase> = scratchPglite) {
  const clock = createClock();
  const spotifySim = createSpotifySim({ now: clock.now });
  const appleSim = createAppleSim({ now: clock.now });
  const base = mswTransport([...spotifySim.handlers, ...appleSim.handlers]);
  const transport: Transport = async (r) => { if (latencyMs > 0) await new Promise((res) => setTimeout(res, latencyMs)); return base(r); };
  const log = createLogger({ level: 'silent', pretty: false });
  const built = createProviders({ spotify: spotifySim.config, apple: appleSim.config }, { log, transport, now: clock.now });
  const { database, drop } = await scratch();
  const config = loadConfig({ DISCORD_TOKEN: 'b', DISCORD_CLIENT_ID: '100000000000000001', TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64') });
  const ctx: AppContext = {
    config, log, db: database.db, now: clock.now, providers: built.providers, linkClients: {}, vault: createVault(config.vault.key),
    links: createLinkSigner({ secret: config.vault.key, publicBaseUrl: config.web.publicBaseUrl, now: clock.now }), discord: new RecordingOutbox(),
  };
  const h = { ...built, spotifySim, appleSim, clock, sleeps: [], logLines: [], transport } as unknown as Harness;
  const requests = () => [...spotifySim.requests.entries, ...appleSim.requests.entries];
  const clear = () => { spotifySim.requests.clear(); appleSim.requests.clear(); };
  return { ctx, h, requests, clear, close: async () => { await database.close(); await drop(); } };
}

async function queueBlend(ctx: AppContext, members: readonly Member[], size = 50): Promise<string> {
  return withActor(ctx.db, asWorker, async (tx) => {
    const blend = await createBlend(tx, { createdBy: members[0]?.userId ?? '', name: 'Bench', size, channelId: '1' });
    for (const m of members) {
      await tx.insert(blendParticipants).values({ blendId: blend.id, userId: m.userId, status: 'accepted' })
        .onConflictDoUpdate({ target: [blendParticipants.blendId, blendParticipants.userId], set: { status: 'accepted' } });
    }
    await tx.update(blends).set({ status: 'processing' }).where(eq(blends.id, blend.id));
    return blend.id;
  });
}

const isLookup = (url: string) => url.includes('filter%5Bisrc%5D') || url.includes('filter[isrc]') || /\/search\?/.test(url);

/** The fewest lookups that can place every member track on the other platform, from the catalogue. */
function lowerBound(tracksByOrigin: Map<ProviderId, Map<string, { title: string; artist: string }>>): number {
  const byKey = new Map(SIM_RECORDINGS.flatMap((r) => [...(r.spotify ? [[`spotify:${r.spotify.id}`, r] as const] : []), ...(r.apple ? [[`apple:${r.apple.id}`, r] as const] : [])]));
  const appleIsrcs = new Set<string>();
  const spotifyIsrcs = new Set<string>();
  const searches = new Set<string>();
  for (const [origin, ids] of tracksByOrigin) {
    const target: ProviderId = origin === 'spotify' ? 'apple' : 'spotify';
    for (const [id, seen] of ids) {
      const r = byKey.get(`${origin}:${id}`);
      if (!r) { searches.add(`${target} ${textCacheKey(seen.title, primaryArtist([seen.artist]))}`); continue; } // not in the catalogue (an upload): only a search can place it
      const own = origin === 'spotify' ? r.spotify : r.apple;
      const isrc = own?.isrc ?? null;
      if (isrc) (target === 'apple' ? appleIsrcs : spotifyIsrcs).add(isrcCacheKey(isrc) ?? isrc);
      const other = target === 'apple' ? r.apple : r.spotify;
      if (!isrc || other?.isrc !== isrc) {
        const title = origin === 'spotify' ? r.spotify?.title ?? r.title : r.apple?.title ?? r.title;
        const artists = origin === 'spotify' ? r.spotify?.artists ?? r.artists : [r.apple?.artistName ?? ''];
        searches.add(`${target} ${textCacheKey(title, primaryArtist(artists))}`);
      }
    }
  }
  return Math.ceil(appleIsrcs.size / 25) + spotifyIsrcs.size + searches.size;
}

async function lookupFigures(): Promise<void> {
  const w = await world(0);
  const members = [];
  for (const m of TEN) members.push(await seedMember(w.ctx, w.h, m));
  await queueBlend(w.ctx, members);
  w.clear();
  await processDueBlends(w.ctx);
  const first = w.requests();
  const origin = new Map<ProviderId, Map<string, { title: string; artist: string }>>([['spotify', new Map()], ['apple', new Map()]]);
  const rows = await withActor(w.ctx.db, asWorker, (tx) => tx.query.userTopTracks.findMany({ with: undefined }));
  const conns = await withActor(w.ctx.db, asWorker, (tx) => tx.query.providerConnections.findMany());
  const providerOf = new Map(conns.map((c) => [c.id, c.provider]));
  for (const row of rows) origin.get(providerOf.get(row.connectionId) ?? 'spotify')?.set(row.trackId, { title: row.trackName, artist: row.artistName });
  const lookups = first.filter((r) => isLookup(r.url)).length;
  const bound = lowerBound(origin);
  console.log(`10-member cross-platform blend: ${first.length} provider calls in all, ${lookups} lookups; lower bound ${bound}; ratio ${(lookups / bound).toFixed(2)} (target 1.00)`);
  await queueBlend(w.ctx, members);
  w.clear();
  await processDueBlends(w.ctx);
  const second = w.requests();
  console.log(`same members' second blend: ${second.filter((r) => isLookup(r.url)).length} lookups (target 0), ${second.length} provider calls in all (playlist writes)`);
  await w.close();
}

async function latencyFigure(): Promise<void> {
  const w = await world(50);
  const members = [];
  for (const m of TEN) members.push(await seedMember(w.ctx, w.h, m));
  await queueBlend(w.ctx, members);
  const started = performance.now();
  await processDueBlends(w.ctx);
  console.log(`finish → embed, 10 members, 50 ms per provider call, cold caches: ${Math.round(performance.now() - started)} ms (target < 2000)`);
  await w.close();
}

async function throughput(workers: number, blendsToBuild: number, scratch: () => Promise<BenchDatabase>): Promise<number> {
  const w = await world(0, scratch);
  const members = [];
  for (const m of TEN.slice(0, 3)) members.push(await seedMember(w.ctx, w.h, m));
  await queueBlend(w.ctx, members);
  await processDueBlends(w.ctx); // warm: top tracks synced, lookups cached
  for (let i = 0; i < blendsToBuild; i++) await queueBlend(w.ctx, members, 20);
  const started = performance.now();
  const loop = async () => { while ((await processDueBlends(w.ctx, { batchSize: 10, concurrency: 4 })).claimed > 0); };
  await Promise.all(Array.from({ length: workers }, loop));
  const perMinute = (blendsToBuild / (performance.now() - started)) * 60_000;
  await w.close();
  return perMinute;
}

export async function run(): Promise<void> {
  await lookupFigures();
  await latencyFigure();
  const databases: [string, () => Promise<BenchDatabase>][] = [['PGlite', scratchPglite]];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) databases.push(['PostgreSQL', () => scratchPostgres(serverUrl)]);
  for (const [label, scratch] of databases) {
    const one = await throughput(1, 60, scratch);
    const two = await throughput(2, 60, scratch);
    console.log(`blends per minute on ${label} (warm caches, 3 members, 20 tracks, workers in one Node process): one worker ${Math.round(one)}, two workers ${Math.round(two)} (${(two / one).toFixed(2)}×; targets ≥ 1000/min and ≥ 1.8×)`);
  }
}
