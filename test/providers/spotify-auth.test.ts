import { describe, expect, it } from 'vitest';
import { createPkcePair } from '../../src/providers/pkce.js';
import { SPOTIFY_SCOPES } from '../../src/providers/spotify/auth.js';
import { authorize, harness } from './harness.js';

const REDIRECT = 'http://127.0.0.1:3000/callback/spotify';
const SIX_MONTHS_MS = 183 * 24 * 60 * 60 * 1000;

describe('SpotifyAuth.authorizeUrl', () => {
  it('asks for the blend scopes with a PKCE S256 challenge and the state', () => {
    const h = harness();
    const url = new URL(h.spotifyAuth.authorizeUrl({ state: 'st-1', codeChallenge: 'challenge-1', redirectUri: REDIRECT }));
    expect(`${url.origin}${url.pathname}`).toBe('https://accounts.spotify.com/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: h.spotifySim.config.clientId, response_type: 'code', redirect_uri: REDIRECT, state: 'st-1',
      scope: 'user-top-read playlist-modify-public playlist-modify-private ugc-image-upload', code_challenge_method: 'S256', code_challenge: 'challenge-1',
    });
    expect(SPOTIFY_SCOPES).toContain('ugc-image-upload');
  });

  it('refuses redirect URIs Spotify would reject (localhost, plain HTTP off loopback)', () => {
    const h = harness();
    for (const redirectUri of ['http://localhost:3000/cb', 'http://bot.example.com/cb']) {
      expect(() => h.spotifyAuth.authorizeUrl({ state: 's', codeChallenge: 'c', redirectUri })).toThrow(/redirect URI/);
    }
    expect(() => h.spotifyAuth.authorizeUrl({ state: 's', codeChallenge: 'c', redirectUri: 'https://bot.example.com/cb' })).not.toThrow();
  });
});

describe('SpotifyAuth code exchange', () => {
  it('exchanges the code with the matching verifier, then reads /me keyed on account_id', async () => {
    const h = harness();
    const pkce = createPkcePair();
    h.spotifySim.nextLogin('ana');
    const callback = await authorize(h.transport, h.spotifyAuth.authorizeUrl({ state: 'st-ana', codeChallenge: pkce.challenge, redirectUri: REDIRECT }));
    expect(callback.get('state')).toBe('st-ana');

    const tokens = await h.spotifyAuth.exchangeCode({ code: callback.get('code')!, codeVerifier: pkce.verifier, redirectUri: REDIRECT });
    expect(tokens).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), scope: [...SPOTIFY_SCOPES] });
    expect(tokens.expiresAt.getTime()).toBe(h.clock.now().getTime() + 3_600_000);

    const account = await h.spotifyAuth.me(tokens.accessToken);
    expect(account).toEqual({ providerUserId: 'acc_7Qm2ZrA9', displayName: 'Ana', metadata: expect.objectContaining({ spotifyUserId: 'ana.listens', accountId: 'acc_7Qm2ZrA9' }) });
  });

  it('keys the account on the user id when Spotify sends no account_id', async () => {
    const h = harness();
    const { accessToken } = h.spotifySim.issueTokens('gus');
    await expect(h.spotifyAuth.me(accessToken)).resolves.toMatchObject({ providerUserId: 'gus' });
  });

  it('reports a wrong PKCE verifier as relink_required (invalid_grant), and the code is then spent', async () => {
    const h = harness();
    const pkce = createPkcePair();
    h.spotifySim.nextLogin('ana');
    const code = (await authorize(h.transport, h.spotifyAuth.authorizeUrl({ state: 's', codeChallenge: pkce.challenge, redirectUri: REDIRECT }))).get('code')!;
    await expect(h.spotifyAuth.exchangeCode({ code, codeVerifier: createPkcePair().verifier, redirectUri: REDIRECT })).rejects.toMatchObject({ kind: 'relink_required', status: 400 });
    await expect(h.spotifyAuth.exchangeCode({ code, codeVerifier: pkce.verifier, redirectUri: REDIRECT })).rejects.toMatchObject({ kind: 'relink_required' });
  });

  it('passes a denied consent back as error=access_denied', async () => {
    const h = harness();
    h.spotifySim.denyNextLogin();
    const callback = await authorize(h.transport, h.spotifyAuth.authorizeUrl({ state: 's-deny', codeChallenge: createPkcePair().challenge, redirectUri: REDIRECT }));
    expect(Object.fromEntries(callback)).toEqual({ error: 'access_denied', state: 's-deny' });
  });

  it('says a user missing from the development-mode allowlist is exactly that', async () => {
    const h = harness();
    const { accessToken } = h.spotifySim.issueTokens('eli');
    await expect(h.spotifyAuth.me(accessToken)).rejects.toMatchObject({ kind: 'not_allowlisted', status: 403 });
  });
});

describe('SpotifyAuth.refresh', () => {
  it('returns a new access token and keeps the refresh token when Spotify does not rotate it', async () => {
    const h = harness();
    const first = h.spotifySim.issueTokens('ana');
    const next = await h.spotifyAuth.refresh(first.refreshToken);
    expect(next.accessToken).not.toBe(first.accessToken);
    expect(next.refreshToken).toBe(first.refreshToken);
  });

  it('stores the rotated refresh token when Spotify sends one', async () => {
    const h = harness({ spotify: { rotateRefreshTokens: true } });
    const first = h.spotifySim.issueTokens('ana');
    const next = await h.spotifyAuth.refresh(first.refreshToken);
    expect(next.refreshToken).not.toBe(first.refreshToken);
    await expect(h.spotifyAuth.refresh(next.refreshToken!)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it('spends a refresh token once even when several callers hold the same stale auth', async () => {
    const h = harness({ spotify: { rotateRefreshTokens: true } });
    const { refreshToken } = h.spotifySim.issueTokens('ana');
    const results = await Promise.all([h.spotifyAuth.refresh(refreshToken), h.spotifyAuth.refresh(refreshToken)]);
    expect(results[0]).toEqual(results[1]);
    await expect(h.spotifyAuth.refresh(refreshToken)).resolves.toEqual(results[0]);
    expect(h.spotifySim.requests.count('POST /api/token')).toBe(1);
  });

  it('turns an expired (6 months) refresh token into relink_required', async () => {
    const h = harness();
    const { refreshToken } = h.spotifySim.issueTokens('ana', { authorizedAt: new Date(h.clock.now().getTime() - SIX_MONTHS_MS) });
    await expect(h.spotifyAuth.refresh(refreshToken)).rejects.toMatchObject({ kind: 'relink_required', status: 400 });
  });

  it('turns a revoked refresh token into relink_required, and tries again next time', async () => {
    const h = harness();
    const { refreshToken } = h.spotifySim.issueTokens('ana');
    h.spotifySim.revokeRefreshTokens('ana');
    await expect(h.spotifyAuth.refresh(refreshToken)).rejects.toMatchObject({ kind: 'relink_required' });
    await expect(h.spotifyAuth.refresh(refreshToken)).rejects.toMatchObject({ kind: 'relink_required' });
    expect(h.spotifySim.requests.count('POST /api/token')).toBe(2);
  });
});
