import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAppleDeveloperToken } from '../../src/providers/apple/developer-token.js';
import type { Transport } from '../../src/providers/transport.js';
import { mswTransport } from './msw-transport.js';
import { createAppleSim } from './sim/apple-sim.js';
import { SIM_RECORDINGS } from './sim/catalog.js';
import { createSpotifySim } from './sim/spotify-sim.js';
import { SIM_USERS } from './sim/users.js';

async function call(transport: Transport, url: string, headers: Record<string, string> = {}, method: 'GET' | 'POST' = 'GET', body?: unknown) {
  const response = await transport({ method, url, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) as unknown : null, location: response.headers.get('location') };
}

describe('the shared catalogue', () => {
  it('has unique ids and valid ISRCs, with one-platform recordings and one-sided ISRCs', () => {
    const spotifyIds = SIM_RECORDINGS.flatMap((r) => (r.spotify ? [r.spotify.id] : []));
    const appleIds = SIM_RECORDINGS.flatMap((r) => (r.apple ? [r.apple.id] : []));
    expect(new Set(spotifyIds).size).toBe(spotifyIds.length);
    expect(new Set(appleIds).size).toBe(appleIds.length);
    for (const r of SIM_RECORDINGS) for (const isrc of [r.spotify?.isrc, r.apple?.isrc]) if (isrc) expect(isrc).toMatch(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/);
    expect(SIM_RECORDINGS.some((r) => r.spotify && !r.apple)).toBe(true);
    expect(SIM_RECORDINGS.some((r) => r.apple && !r.spotify)).toBe(true);
    expect(SIM_RECORDINGS.some((r) => r.spotify && r.apple && r.spotify.isrc === null)).toBe(true);
    expect(SIM_RECORDINGS.some((r) => r.spotify && r.apple && r.apple.isrc === null)).toBe(true);
    expect(SIM_RECORDINGS.some((r) => r.spotify?.isrc && r.apple?.isrc && r.spotify.isrc !== r.apple.isrc)).toBe(true);
  });

  it('only lists histories of recordings that exist', () => {
    const keys = new Set(SIM_RECORDINGS.map((r) => r.key));
    for (const u of SIM_USERS) {
      for (const k of [...Object.values(u.spotify?.top ?? {}).flat(), ...(u.apple?.recentlyPlayed ?? []).map((x) => x.replace(/^lib:/, '')), ...(u.apple?.replay ?? [])]) {
        expect(keys.has(k), `${u.key}: ${k}`).toBe(true);
      }
    }
  });
});

describe('Spotify simulator', () => {
  const sim = createSpotifySim();
  const t = mswTransport(sim.handlers);
  const api = sim.config.apiBase;

  it('enforces dev-mode limits: search ≤ 10, top tracks ≤ 50', async () => {
    const bearer = { authorization: `Bearer ${sim.issueTokens('ana').accessToken}` };
    expect((await call(t, `${api}/search?q=isrc:X&type=track&limit=11`, bearer)).status).toBe(400);
    expect((await call(t, `${api}/me/top/tracks?limit=51`, bearer)).status).toBe(400);
    expect((await call(t, `${api}/me/top/tracks?limit=50`, bearer)).status).toBe(200);
  });

  it('answers the endpoints removed in Feb 2026 with 403', async () => {
    const bearer = { authorization: `Bearer ${sim.issueTokens('ana').accessToken}` };
    expect((await call(t, `${api}/users/ana.listens/playlists`, bearer, 'POST', { name: 'x' })).status).toBe(403);
    expect((await call(t, `${api}/playlists/abc/tracks`, bearer)).status).toBe(403);
  });

  it('shows an account chooser at /authorize when no login is queued, and honours sim_user', async () => {
    const authorize = `${sim.config.accountsBase}/authorize?client_id=${sim.config.clientId}&response_type=code&redirect_uri=${encodeURIComponent('http://127.0.0.1:3000/cb')}&state=s`;
    const page = await t({ method: 'GET', url: authorize, headers: {} });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Log in as Ana');
    const picked = await t({ method: 'GET', url: `${authorize}&sim_user=ben`, headers: {} });
    expect(picked.status).toBe(302);
    expect(new URL(picked.headers.get('location')!).searchParams.get('code')).toBeTruthy();
  });

  it('rejects localhost redirect URIs like Spotify does', async () => {
    const r = await t({ method: 'GET', url: `${sim.config.accountsBase}/authorize?client_id=${sim.config.clientId}&response_type=code&redirect_uri=${encodeURIComponent('http://localhost:3000/cb')}`, headers: {} });
    expect(r.status).toBe(400);
  });

  it('counts requests per endpoint', async () => {
    const fresh = createSpotifySim();
    const ft = mswTransport(fresh.handlers);
    const bearer = { authorization: `Bearer ${fresh.issueTokens('ana').accessToken}` };
    await call(ft, `${fresh.config.apiBase}/me`, bearer);
    await call(ft, `${fresh.config.apiBase}/me/top/tracks`, bearer);
    await call(ft, `${fresh.config.apiBase}/me/top/tracks?offset=20`, bearer);
    expect(fresh.requests.counts()).toEqual({ 'GET /me': 1, 'GET /me/top/tracks': 2 });
    expect(fresh.requests.count()).toBe(3);
  });
});

describe('Apple Music simulator', () => {
  const sim = createAppleSim();
  const t = mswTransport(sim.handlers);
  const api = sim.config.apiBase;
  const devToken = (over: Partial<Parameters<typeof createAppleDeveloperToken>[0]> = {}) =>
    createAppleDeveloperToken({ ...sim.config, now: new Date(), ttlSeconds: 3_600, ...over }).then((d) => ({ authorization: `Bearer ${d.token}` }));

  it('verifies the developer token: signature, kid, iss, origin', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect((await call(t, `${api}/test`, await devToken())).status).toBe(200);
    expect((await call(t, `${api}/test`, await devToken({ privateKeyPem: other }))).status).toBe(401);
    expect((await call(t, `${api}/test`, await devToken({ keyId: 'OTHERKEY00' }))).status).toBe(401);
    expect((await call(t, `${api}/test`, await devToken({ teamId: 'OTHERTEAM0' }))).status).toBe(401);
    expect((await call(t, `${api}/test`, await devToken({ origin: ['https://bot.example.com'] }))).status).toBe(401);
    expect((await call(t, `${api}/test`, { ...await devToken({ origin: ['https://bot.example.com'] }), origin: 'https://bot.example.com' })).status).toBe(200);
    expect((await call(t, `${api}/test`)).status).toBe(401);
  });

  it('rejects more than 25 ISRCs and a heavy-rotation limit above 10 with 400', async () => {
    const auth = await devToken();
    const isrcs = Array.from({ length: 26 }, (_, i) => `USS1M00${String(i).padStart(5, '0')}`);
    expect(await call(t, `${api}/catalog/us/songs?filter[isrc]=${isrcs.join(',')}`, auth)).toMatchObject({ status: 400, body: { errors: [{ status: '400', code: '40005' }] } });
    expect((await call(t, `${api}/me/history/heavy-rotation?limit=11`, { ...auth, 'music-user-token': sim.userToken('cleo') })).status).toBe(400);
  });

  it('answers a bad Music User Token with 403/40300 and a lapsed subscription with 400/40015', async () => {
    const auth = await devToken();
    expect(await call(t, `${api}/me/library/songs`, { ...auth, 'music-user-token': 'nope' })).toMatchObject({ status: 403, body: { errors: [{ code: '40300' }] } });
    sim.setSubscribed('gus', false);
    expect(await call(t, `${api}/me/library/songs`, { ...auth, 'music-user-token': sim.userToken('gus') })).toMatchObject({ status: 400, body: { errors: [{ code: '40015' }] } });
  });

  it('pages the library with Apple-style `next` paths', async () => {
    const auth = { ...await devToken(), 'music-user-token': sim.userToken('cleo') };
    const first = await call(t, `${api}/me/library/songs?limit=3&include=catalog`, auth);
    expect(first.body).toMatchObject({ next: '/v1/me/library/songs?limit=3&include=catalog&offset=3', meta: { total: 8 } });
  });
});
