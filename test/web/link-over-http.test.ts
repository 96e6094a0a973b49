import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import type { AppContext } from '../../src/context.js';
import { asWorker, withActor } from '../../src/data/actor.js';
import { listUserConnections, loadUserAuth } from '../../src/data/connections.js';
import { createDiscordOutbox } from '../../src/discord/outbox.js';
import { createAppProviders } from '../../src/providers-wiring.js';
import { createWebApp } from '../../src/web/app.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';
import { startProviderServer, type ProviderServer } from '../providers/sim/index.js';
import { testContext } from '../support/context.js';
import { databaseKind, uniqueDiscordId } from '../support/db.js';
import { TestBrowser } from './support/browser.js';
import { participationStatus, pendingMember } from './support/web-harness.js';

/**
 * The web role as production wires it (providers-wiring, the undici transport, the REST outbox),
 * against the provider simulators and a Discord-compatible server, all over loopback HTTP.
 */
let discord: FakeDiscord;
let providers: ProviderServer;
let ctx: AppContext;
let origin: string;
let close: () => Promise<void>;

beforeAll(async () => {
  discord = await startFakeDiscord();
  providers = await startProviderServer();
  const target: { app?: Express } = {};
  const server = createServer((req, res) => { if (target.app) target.app(req, res); else res.destroy(); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { spotify, apple } = providers;
  const base = await testContext({
    env: {
      PUBLIC_BASE_URL: origin, DISCORD_API_BASE: discord.apiBase,
      SPOTIFY_CLIENT_ID: spotify.config.clientId, SPOTIFY_CLIENT_SECRET: spotify.config.clientSecret,
      SPOTIFY_API_BASE: spotify.config.apiBase, SPOTIFY_ACCOUNTS_BASE: spotify.config.accountsBase,
      APPLE_TEAM_ID: apple.config.teamId, APPLE_KEY_ID: apple.config.keyId, APPLE_PRIVATE_KEY: apple.config.privateKeyPem, APPLE_MUSIC_API_BASE: apple.config.apiBase,
    },
  });
  ctx = { ...base, ...createAppProviders(base.config, base.log), discord: createDiscordOutbox(base.config.discord) };
  target.app = createWebApp(ctx);
  close = () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
});

afterAll(async () => {
  await close?.();
  await providers?.close();
  await discord?.close();
});

describe(`linking both providers over real HTTP on ${databaseKind()}`, () => {
  it('goes from the DM link to linked, synced accounts on Spotify and Apple Music, with the DMs and the join message on Discord', async () => {
    const member = discord.addMember({ id: uniqueDiscordId(), username: 'linker' });
    const joinMessage = await ctx.discord.post(discord.channel.id, { content: 'A new Blend is open' });
    const { userId, blendId } = await pendingMember(ctx, 'Loopback mix', { discordId: member.id, channelId: discord.channel.id, messageId: joinMessage.id });
    const browser = new TestBrowser(origin);

    // Spotify: our redirect → the simulated authorize page → back to our callback.
    const start = await browser.get(ctx.links.url(member.id, 'spotify'));
    const authorizeUrl = new URL(start.headers.get('location') ?? '');
    authorizeUrl.searchParams.set('sim_user', 'ana');
    const consent = await fetch(authorizeUrl, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location') ?? '');
    expect(callback.origin).toBe(origin);
    expect((await browser.get(`${callback.pathname}${callback.search}`)).status).toBe(303);

    // Apple Music: the MusicKit page, then the form post MusicKit JS would make.
    const page = await (await browser.get(ctx.links.url(member.id, 'apple'))).text();
    const state = /name="state" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const musicUserToken = providers.apple.userToken('gus');
    expect((await browser.postForm('/callback/apple', { state, musicUserToken })).status).toBe(303);

    const connections = await withActor(ctx.db, asWorker, (tx) => listUserConnections(tx, userId));
    expect(connections.map((c) => [c.provider, c.lastSyncAt !== null])).toEqual([['spotify', true], ['apple', true]]);
    expect(await participationStatus(ctx, blendId, userId)).toBe('accepted');

    const dms = await discord.waitFor(() => (discord.dms(member.id).length >= 2 ? discord.dms(member.id) : undefined));
    expect(dms.map((m) => m.content)).toEqual([
      expect.stringMatching(/^Linked Spotify as \*\*Ana\*\*\. You're in \*\*Loopback mix\*\*\./),
      expect.stringMatching(/^Linked Apple Music\. Your taste now counts/),
    ]);
    const edited = await discord.waitFor(() => discord.message(discord.channel.id, joinMessage.id)?.editedAt ?? undefined);
    expect(edited).toBeGreaterThan(0);

    // Nothing in a full dump of provider_connections is a usable token.
    const plaintext = await withActor(ctx.db, asWorker, async (tx) => Promise.all(connections.map((c) => loadUserAuth(tx, ctx.vault, c.id))));
    const secrets = plaintext.flatMap((c) => [c?.auth.accessToken, c?.auth.refreshToken]).filter((s): s is string => Boolean(s));
    expect(secrets).toContain(musicUserToken);
    expect(secrets.length).toBe(3);
    const dump = (await withActor(ctx.db, asWorker, (tx) => queryRows<{ row: string }>(tx, sql`select row_to_json(pc)::text as row from provider_connections pc`))).map((r) => r.row).join('\n');
    for (const secret of secrets) expect(dump).not.toContain(secret);
    const states = (await withActor(ctx.db, asWorker, (tx) => queryRows<{ row: string }>(tx, sql`select row_to_json(s)::text as row from oauth_states s`))).map((r) => r.row).join('\n');
    expect(states).not.toContain(state);
    expect(states).not.toContain(state.split('.')[0]);
  });
});
