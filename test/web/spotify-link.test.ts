import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { oauthStates, providerConnections, userTopTracks } from '../../db/schema/index.js';
import { asWorker, withActor } from '../../src/data/actor.js';
import { loadUserAuth } from '../../src/data/connections.js';
import { createPkcePair } from '../../src/providers/pkce.js';
import { createLogger } from '../../src/logger.js';
import { createProviders } from '../../src/providers/index.js';
import { authorize, type Harness } from '../providers/harness.js';
import { databaseKind, uniqueDiscordId } from '../support/db.js';
import type { TestBrowser } from './support/browser.js';
import { participationStatus, pendingMember, startWeb, type WebHarness } from './support/web-harness.js';

/** DM link → /link/spotify → (the sim's authorize page, as `simUser`) → the callback URL it sends back to. */
async function startLink(web: WebHarness, browser: TestBrowser, discordId: string, simUser: string) {
  const start = await browser.get(web.ctx.links.url(discordId, 'spotify'));
  expect(start.status).toBe(303);
  const authorizeUrl = start.headers.get('location') ?? '';
  web.sims.spotifySim.nextLogin(simUser);
  const back = await authorize(web.sims.transport, authorizeUrl);
  return { authorizeUrl, callback: `/callback/spotify?${back.toString()}` };
}

async function connectionsOf(web: WebHarness, userId: string) {
  return withActor(web.ctx.db, asWorker, (tx) => tx.select().from(providerConnections).where(eq(providerConnections.userId, userId)));
}

const text = (response: Response) => response.text();

describe(`Spotify linking through the web app on ${databaseKind()}`, () => {
  it('links, stores the tokens encrypted, syncs top tracks, accepts the pending participation and confirms by DM', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx, 'Friday mix');
    const browser = web.browser();
    const { authorizeUrl, callback } = await startLink(web, browser, member.discordId, 'ana');

    const authorizeQuery = new URL(authorizeUrl).searchParams;
    expect(authorizeQuery.get('redirect_uri')).toBe(`${web.origin}/callback/spotify`);
    expect(authorizeQuery.get('code_challenge_method')).toBe('S256');
    expect(authorizeQuery.get('scope')?.split(' ')).toEqual(['user-top-read', 'playlist-modify-public', 'playlist-modify-private', 'ugc-image-upload']);

    const done = await browser.get(callback);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/linked/spotify');
    const landing = await browser.get('/linked/spotify');
    expect(await text(landing)).toContain('Spotify is linked');

    const [row] = await connectionsOf(web, member.userId);
    expect(row).toMatchObject({ provider: 'spotify', providerUserId: 'acc_7Qm2ZrA9', needsRelinkAt: null, refreshTokenEncrypted: expect.stringMatching(/^v1\./) });
    expect(row?.providerMetadata).toMatchObject({ displayName: 'Ana', spotifyUserId: 'ana.listens', scopes: expect.arrayContaining(['user-top-read']) });
    const loaded = await withActor(web.ctx.db, asWorker, (tx) => loadUserAuth(tx, web.ctx.vault, row?.id ?? ''));
    const secrets = [loaded?.auth.accessToken, loaded?.auth.refreshToken, new URL(callback, web.origin).searchParams.get('code'), new URL(callback, web.origin).searchParams.get('state')];
    for (const secret of secrets) {
      expect(secret).toEqual(expect.any(String));
      expect(JSON.stringify(row)).not.toContain(secret);
      expect(web.logLines.join('\n')).not.toContain(secret);
    }

    const tracks = await withActor(web.ctx.db, asWorker, (tx) => tx.select().from(userTopTracks).where(eq(userTopTracks.connectionId, row?.id ?? '')));
    expect(new Set(tracks.map((t) => t.timeRange))).toEqual(new Set(['short_term', 'medium_term', 'long_term']));
    expect(tracks.find((t) => t.timeRange === 'short_term' && t.rank === 1)).toMatchObject({ trackName: 'Espresso', isrc: expect.stringMatching(/^[A-Z]{2}/), albumArtUrl: expect.stringMatching(/^https:/) });

    expect(await participationStatus(web.ctx, member.blendId, member.userId)).toBe('accepted');
    const [dm] = web.outbox.dmsTo(member.discordId);
    expect(dm?.message.content).toMatch(/^Linked Spotify as \*\*Ana\*\*\. You're in \*\*Friday mix\*\*\./);
    expect(web.outbox.calls).toContainEqual(expect.objectContaining({ kind: 'edit', channelId: member.channelId, messageId: member.messageId }));
  });

  it('shows a friendly page when the user cancels on Spotify, and stores nothing', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx);
    const browser = web.browser();
    const start = await browser.get(web.ctx.links.url(member.discordId, 'spotify'));
    web.sims.spotifySim.denyNextLogin();
    const back = await authorize(web.sims.transport, start.headers.get('location') ?? '');
    expect(back.get('error')).toBe('access_denied');

    const page = await browser.get(`/callback/spotify?${back.toString()}`);
    expect(page.status).toBe(200);
    expect(await text(page)).toContain('Linking cancelled');
    expect(await connectionsOf(web, member.userId)).toEqual([]);
    expect(await participationStatus(web.ctx, member.blendId, member.userId)).toBe('pending');
  });

  it('tells a user who is not on the development-mode allowlist exactly that, on the page and by DM', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx);
    const browser = web.browser();
    const { callback } = await startLink(web, browser, member.discordId, 'eli');

    const page = await browser.get(callback);
    const body = await text(page);
    expect(page.status).toBe(403);
    expect(body).toContain('allowlist');
    expect(body).toContain('User Management');
    const [dm] = web.outbox.dmsTo(member.discordId);
    expect(dm?.message.content).toMatch(/development mode.*bot owner.*User Management/s);
    expect(await connectionsOf(web, member.userId)).toEqual([]);
    expect(await participationStatus(web.ctx, member.blendId, member.userId)).toBe('pending');
  });

  it('rejects a replayed state: the callback works once, then never again, and changes nothing', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx);
    const browser = web.browser();
    const start = await browser.get(web.ctx.links.url(member.discordId, 'spotify'));
    const stateCookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    web.sims.spotifySim.nextLogin('ana');
    const callback = `/callback/spotify?${(await authorize(web.sims.transport, start.headers.get('location') ?? '')).toString()}`;
    expect((await browser.get(callback)).status).toBe(303);

    const sameBrowser = await browser.get(callback);
    expect(sameBrowser.status).toBe(400);
    const withSavedCookie = await fetch(`${web.origin}${callback}`, { headers: { cookie: stateCookie }, redirect: 'manual' });
    expect(withSavedCookie.status).toBe(400);
    expect(await text(withSavedCookie)).toContain('already used');
    expect(web.outbox.dmsTo(member.discordId)).toHaveLength(1);
    expect(await connectionsOf(web, member.userId)).toHaveLength(1);
  });

  it('rejects an expired state (more than 10 minutes on the consent page)', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx);
    const browser = web.browser();
    const { callback } = await startLink(web, browser, member.discordId, 'ana');
    web.sims.clock.advance(11 * 60_000);

    const page = await browser.get(callback);
    expect(page.status).toBe(400);
    expect(await text(page)).toContain('expired');
    expect(await connectionsOf(web, member.userId)).toEqual([]);
  });

  it('rejects another user\'s state: a sign-in started by someone else cannot be finished in this browser', async () => {
    const web = await startWeb();
    const attacker = await pendingMember(web.ctx);
    const victim = await pendingMember(web.ctx);
    const attackerBrowser = web.browser();
    const victimBrowser = web.browser();
    // The attacker starts linking with their own DM link and sends the authorize URL to the victim…
    const start = await attackerBrowser.get(web.ctx.links.url(attacker.discordId, 'spotify'));
    // …the victim's own sign-in is in progress too, so their browser has a state cookie of its own.
    await victimBrowser.get(web.ctx.links.url(victim.discordId, 'spotify'));
    web.sims.spotifySim.nextLogin('ana');
    const back = await authorize(web.sims.transport, start.headers.get('location') ?? '');

    const page = await victimBrowser.get(`/callback/spotify?${back.toString()}`);
    expect(page.status).toBe(400);
    expect(await text(page)).toContain('Finish in the same browser');
    expect(await connectionsOf(web, attacker.userId)).toEqual([]);
    expect(await connectionsOf(web, victim.userId)).toEqual([]);
  });

  it('rejects a code issued for another PKCE challenge (a wrong verifier at the token exchange)', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx);
    const browser = web.browser();
    const start = await browser.get(web.ctx.links.url(member.discordId, 'spotify'));
    const forged = new URL(start.headers.get('location') ?? '');
    forged.searchParams.set('code_challenge', createPkcePair().challenge);
    web.sims.spotifySim.nextLogin('ana');
    const back = await authorize(web.sims.transport, forged.toString());

    const page = await browser.get(`/callback/spotify?${back.toString()}`);
    expect(page.status).toBe(400);
    expect(await text(page)).toContain('Spotify did not accept this sign-in');
    expect(await connectionsOf(web, member.userId)).toEqual([]);
  });

  it('rejects tampered, expired and wrong-provider link tokens before anything is stored', async () => {
    const web = await startWeb();
    const discordId = uniqueDiscordId();
    const browser = web.browser();
    const good = new URL(web.ctx.links.url(discordId, 'spotify'));
    const token = good.searchParams.get('t') ?? '';

    const tampered = await browser.get(`/link/spotify?t=${token.slice(0, -2)}xx`);
    expect(tampered.status).toBe(400);
    const wrongProvider = await browser.get(`/link/apple?t=${token}`);
    expect(wrongProvider.status).toBe(400);
    const missing = await browser.get('/link/spotify');
    expect(missing.status).toBe(400);
    web.sims.clock.advance(16 * 60_000);
    const expired = await browser.get(good.toString());
    expect(expired.status).toBe(400);
    expect(await text(expired)).toContain('expired');
    expect(await withActor(web.ctx.db, asWorker, (tx) => tx.select().from(oauthStates).where(eq(oauthStates.discordId, discordId)))).toEqual([]);
  });

  it('answers 404 for unknown providers and a clear page when Spotify is not set up', async () => {
    const web = await startWeb({ linkClients: (sims) => ({ apple: sims.appleAuth }) });
    const browser = web.browser();
    expect((await browser.get('/link/tidal?t=x')).status).toBe(404);
    const off = await browser.get(web.ctx.links.url(uniqueDiscordId(), 'spotify'));
    expect(off.status).toBe(404);
    expect(await text(off)).toContain('has not set up Spotify');
  });

  it('says the bot\'s own Spotify credentials were refused (not the user\'s fault) when the client secret is wrong', async () => {
    const wrongSecret = (sims: Harness) => createProviders({ spotify: { ...sims.spotifySim.config, clientSecret: 'wrong' } }, {
      log: createLogger({ level: 'silent', pretty: false }), transport: sims.transport, now: sims.clock.now, sleep: async () => {},
    }).spotifyAuth;
    const web = await startWeb({ linkClients: (sims) => ({ spotify: wrongSecret(sims) }) });
    const member = await pendingMember(web.ctx);
    const browser = web.browser();
    const { callback } = await startLink(web, browser, member.discordId, 'ana');
    const page = await browser.get(callback);
    expect(page.status).toBe(502);
    expect(await text(page)).toContain('refused the bot&#39;s credentials');
    expect(web.logLines.some((l) => l.includes('"level":50') && l.includes('request failed'))).toBe(true);
    expect(await connectionsOf(web, member.userId)).toEqual([]);
  });
});
