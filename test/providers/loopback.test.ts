import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createProviders, type Providers } from '../../src/providers/index.js';
import { createPkcePair } from '../../src/providers/pkce.js';
import { createUndiciTransport } from '../../src/providers/transport.js';
import { authorize } from './harness.js';
import { startProviderServer, type ProviderServer } from './sim/provider-server.js';

/** The real production transport (undici fetch + Agent) against the simulators on 127.0.0.1. */
describe('providers over loopback HTTP (startProviderServer + undici)', () => {
  let server: ProviderServer;
  let undici: ReturnType<typeof createUndiciTransport>;
  let built: Providers;
  const sleeps: number[] = [];

  beforeAll(async () => {
    server = await startProviderServer();
    undici = createUndiciTransport();
    built = createProviders({ spotify: server.spotify.config, apple: server.apple.config }, {
      log: pino({ level: 'silent' }), transport: undici.transport, sleep: async (ms) => { sleeps.push(ms); }, random: () => 0,
    });
  });

  afterAll(async () => {
    await undici.close();
    await server.close();
  });

  it('serves the sims under one origin', () => {
    expect(server.urls).toEqual({
      spotifyApiBase: `${server.origin}/spotify/api/v1`, spotifyAccountsBase: `${server.origin}/spotify/accounts`, appleApiBase: `${server.origin}/apple/v1`,
    });
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('links Spotify (authorize → PKCE code exchange → /me), syncs top tracks and writes a playlist', async () => {
    const pkce = createPkcePair();
    const redirectUri = 'http://127.0.0.1:3000/callback/spotify';
    server.spotify.nextLogin('ben');
    const callback = await authorize(undici.transport, built.spotifyAuth!.authorizeUrl({ state: 'st', codeChallenge: pkce.challenge, redirectUri }));
    const tokens = await built.spotifyAuth!.exchangeCode({ code: callback.get('code')!, codeVerifier: pkce.verifier, redirectUri });
    await expect(built.spotifyAuth!.me(tokens.accessToken)).resolves.toMatchObject({ providerUserId: 'acc_K31xPw0d', displayName: 'Ben' });

    const top = await built.spotify!.topTracks(tokens, 'medium', 5);
    expect(top.map((t) => t.title)).toEqual(['Mr. Brightside', 'Do I Wanna Know?', '505', 'Seven Nation Army', 'Smells Like Teen Spirit']);
    const playlist = await built.spotify!.createPlaylist(tokens, { name: 'Blend: Ben + Dev', description: 'over real HTTP', trackIds: top.map((t) => t.id) });
    expect(server.spotify.playlists()).toEqual([expect.objectContaining({ id: playlist.id, owner: 'ben', recordingKeys: ['mr-brightside', 'do-i-wanna-know', '505', 'seven-nation-army', 'smells-like-teen-spirit'] })]);
  });

  it('verifies the Apple developer token and answers personal calls with the Music User Token', async () => {
    const auth = { accessToken: server.apple.userToken('dev') };
    await expect(built.appleAuth!.storefront(auth.accessToken)).resolves.toBe('gb');
    const long = await built.apple!.topTracks(auth, 'long', 3);
    expect(long.map((t) => t.title)).toEqual(['Dreams', '505', 'Seven Nation Army']);
    const playlist = await built.apple!.createPlaylist(auth, { name: 'Blend: Ben + Dev', description: '', trackIds: long.map((t) => t.id) });
    expect(server.apple.playlists()).toEqual([expect.objectContaining({ id: playlist.id, owner: 'dev', recordingKeys: ['dreams', '505', 'seven-nation-army'] })]);
    expect(server.apple.requests.counts()).toMatchObject({ 'GET /me/storefront': 1, 'POST /me/library/playlists': 1 });
  });

  it('retries a dropped connection and a 503 over real sockets', async () => {
    server.apple.inject({ kind: 'network_error' }, { endpoint: 'GET /catalog/:sf/search' });
    server.apple.inject({ kind: 'server_error', status: 503 }, { endpoint: 'GET /catalog/:sf/search' });
    sleeps.length = 0;
    const results = await built.apple!.search({ title: 'Get Lucky', artist: 'Daft Punk' }, { storefront: 'us' });
    expect(results[0]?.title).toBe('Get Lucky (feat. Pharrell Williams & Nile Rodgers)');
    expect(sleeps).toEqual([500, 1_000]);
  });

  it('passes a real Retry-After header through', async () => {
    server.spotify.inject({ kind: 'rate_limit', retryAfterSeconds: 4 }, { endpoint: 'GET /search' });
    sleeps.length = 0;
    const auth = server.spotify.issueTokens('ana');
    await expect(built.spotify!.search({ title: 'Kyoto', artist: 'Phoebe Bridgers' }, { auth })).resolves.toHaveLength(1);
    expect(sleeps).toEqual([4_000]);
  });
});
