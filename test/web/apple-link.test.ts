import { eq } from 'drizzle-orm';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { providerConnections, userTopTracks } from '../../db/schema/index.js';
import { asWorker, withActor } from '../../src/data/actor.js';
import { databaseKind } from '../support/db.js';
import type { TestBrowser } from './support/browser.js';
import { participationStatus, pendingMember, startWeb, type WebHarness } from './support/web-harness.js';

/** What the MusicKit page hands its script: the developer token and the state the form posts. */
async function openMusicKitPage(web: WebHarness, browser: TestBrowser, discordId: string) {
  const page = await browser.get(web.ctx.links.url(discordId, 'apple'));
  const body = await page.text();
  const state = /name="state" value="([^"]+)"/.exec(body)?.[1] ?? '';
  const developerToken = /data-developer-token="([^"]+)"/.exec(body)?.[1] ?? '';
  return { page, body, state, developerToken };
}

const connectionsOf = (web: WebHarness, userId: string) =>
  withActor(web.ctx.db, asWorker, (tx) => tx.select().from(providerConnections).where(eq(providerConnections.userId, userId)));

describe(`Apple Music linking through the web app on ${databaseKind()}`, () => {
  it('serves the MusicKit JS v3 page with an origin-locked ES256 developer token, a nonce CSP and the state', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx);
    const { page, body, state, developerToken } = await openMusicKitPage(web, web.browser(), member.discordId);

    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain('https://js-cdn.music.apple.com');
    expect(body).toContain(`<script nonce="${nonce}">`);
    expect(body).toContain('<script src="https://js-cdn.music.apple.com/musickit/v3/musickit.js" async></script>');
    expect(body).toContain('MusicKit.configure');
    expect(body).toContain('music.authorize()');
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.getSetCookie().join()).toMatch(/blend_state_apple=.*HttpOnly.*SameSite=Lax/i);

    expect(decodeProtectedHeader(developerToken)).toEqual({ alg: 'ES256', kid: web.sims.appleSim.config.keyId });
    expect(decodeJwt(developerToken)).toMatchObject({ iss: web.sims.appleSim.config.teamId, origin: [web.origin] });
    expect(web.ctx.links.verify('state', state)).toMatchObject({ ok: true, claims: { discordId: member.discordId, provider: 'apple' } });
  });

  it('accepts the Music User Token with a valid state: stores it encrypted with the storefront, syncs, accepts and confirms', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx, 'Road trip');
    const browser = web.browser();
    const { state } = await openMusicKitPage(web, browser, member.discordId);
    const mut = web.sims.appleSim.userToken('cleo');

    const done = await browser.postForm('/callback/apple', { state, musicUserToken: mut });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/linked/apple');

    const [row] = await connectionsOf(web, member.userId);
    expect(row).toMatchObject({ provider: 'apple', refreshTokenEncrypted: null, providerMetadata: expect.objectContaining({ storefront: 'us' }) });
    expect(row?.accessTokenEncrypted).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(mut);
    const tracks = await withActor(web.ctx.db, asWorker, (tx) => tx.select().from(userTopTracks).where(eq(userTopTracks.connectionId, row?.id ?? '')));
    const shortRanks = tracks.filter((t) => t.timeRange === 'short_term').map((t) => t.rank).sort((a, b) => a - b);
    expect(shortRanks).toEqual(Array.from({ length: shortRanks.length }, (_, i) => i + 1));
    expect(tracks.length).toBeGreaterThan(10);
    expect(await participationStatus(web.ctx, member.blendId, member.userId)).toBe('accepted');
    expect(web.outbox.dmsTo(member.discordId)[0]?.message.content).toMatch(/^Linked Apple Music\. You're in \*\*Road trip\*\*\./);
  });

  it('accepts the POST only with a valid state, from this browser, once, and from our own page', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx);
    const browser = web.browser();
    const { page, state } = await openMusicKitPage(web, browser, member.discordId);
    const stateCookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const musicUserToken = web.sims.appleSim.userToken('cleo');

    expect((await browser.postForm('/callback/apple', { musicUserToken })).status).toBe(400);
    expect((await browser.postForm('/callback/apple', { state: `${state}x`, musicUserToken })).status).toBe(400);
    expect((await browser.postForm('/callback/apple', { state: web.ctx.links.sign('state', member.discordId, 'apple'), musicUserToken })).status).toBe(400);
    expect((await web.browser().postForm('/callback/apple', { state, musicUserToken })).status).toBe(400);
    expect((await browser.postForm('/callback/apple', { state, musicUserToken }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await browser.postForm('/callback/apple', { state, musicUserToken }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await connectionsOf(web, member.userId)).toEqual([]);

    expect((await browser.postForm('/callback/apple', { state, musicUserToken })).status).toBe(303);
    const replay = await fetch(`${web.origin}/callback/apple`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: stateCookie },
      body: new URLSearchParams({ state, musicUserToken }).toString(),
    });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('already used');
  });

  it('rejects an expired state', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx);
    const browser = web.browser();
    const { state } = await openMusicKitPage(web, browser, member.discordId);
    web.sims.clock.advance(10 * 60_000 + 1);
    const page = await browser.postForm('/callback/apple', { state, musicUserToken: web.sims.appleSim.userToken('cleo') });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('expired');
  });

  it('tells a member without an Apple Music subscription exactly that, and stores nothing', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx);
    const browser = web.browser();
    const { state } = await openMusicKitPage(web, browser, member.discordId);

    const page = await browser.postForm('/callback/apple', { state, musicUserToken: web.sims.appleSim.userToken('fay') });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('active subscription');
    expect(web.outbox.dmsTo(member.discordId)[0]?.message.content).toMatch(/Linking Apple Music did not work\. .*subscription/);
    expect(await connectionsOf(web, member.userId)).toEqual([]);
    expect(await participationStatus(web.ctx, member.blendId, member.userId)).toBe('pending');
  });

  it('rejects a Music User Token Apple does not accept', async () => {
    const web = await startWeb();
    const member = await pendingMember(web.ctx);
    const browser = web.browser();
    const { state } = await openMusicKitPage(web, browser, member.discordId);
    const stale = web.sims.appleSim.userToken('cleo');
    web.sims.appleSim.revokeUserToken('cleo');

    const page = await browser.postForm('/callback/apple', { state, musicUserToken: stale });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Apple Music did not accept this sign-in');
    expect(await connectionsOf(web, member.userId)).toEqual([]);
  });

  it('refuses a body over the size limit with 413', async () => {
    const web = await startWeb();
    const page = await web.browser().postForm('/callback/apple', { state: 'x', musicUserToken: 'a'.repeat(20_000) });
    expect(page.status).toBe(413);
    expect(await page.text()).not.toMatch(/at .*\.js|PayloadTooLargeError|stack/i);
  });
});
