import { describe, expect, it, vi } from 'vitest';
import type { UserAuth } from '../../src/providers/types.js';
import { harness } from './harness.js';
import { recording, SIM_RECORDINGS } from './sim/catalog.js';

const TOP = 'GET /me/top/tracks';
const pagesAsked = (h: ReturnType<typeof harness>) => h.spotifySim.requests.entries.filter((e) => e.endpoint === TOP).map((e) => Object.fromEntries(new URL(e.url).searchParams));

describe('Spotify topTracks', () => {
  it('returns our tracks, ranked, with ISRC, artwork, album and links', async () => {
    const h = harness();
    const auth = h.spotifySim.issueTokens('ana');
    const tracks = await h.spotify.topTracks(auth, 'short', 5);
    expect(tracks.map((t) => t.title)).toEqual(['Espresso', 'BIRDS OF A FEATHER', 'APT.', 'Good Luck, Babe!', 'Blinding Lights']);
    const espresso = recording('espresso');
    expect(tracks[0]).toMatchObject({
      provider: 'spotify', id: espresso.spotify!.id, isrc: espresso.spotify!.isrc, artists: ['Sabrina Carpenter'], album: 'Short n\' Sweet',
      durationMs: 175_000, explicit: true, url: `https://open.spotify.com/track/${espresso.spotify!.id}`, artworkUrl: expect.stringMatching(/^https:\/\/i\.scdn\.co\/image\/ab67616d0000b273/),
    });
    expect(tracks[2]?.artists).toEqual(['ROSÉ', 'Bruno Mars']);
    expect(pagesAsked(h)).toEqual([{ time_range: 'short_term', limit: '5', offset: '0' }]);
  });

  it('follows `next` past Spotify\'s 50-per-page limit when a blend needs more', async () => {
    const h = harness();
    const tracks = await h.spotify.topTracks(h.spotifySim.issueTokens('ana'), 'long', 55);
    expect(tracks).toHaveLength(55);
    expect(new Set(tracks.map((t) => t.id)).size).toBe(55);
    expect(pagesAsked(h)).toEqual([{ time_range: 'long_term', limit: '50', offset: '0' }, { time_range: 'long_term', limit: '50', offset: '50' }]);
  });

  it('stops when Spotify has no more (next is null)', async () => {
    const h = harness();
    const tracks = await h.spotify.topTracks(h.spotifySim.issueTokens('ana'), 'long', 200);
    expect(tracks).toHaveLength(SIM_RECORDINGS.filter((r) => r.spotify).length);
    expect(h.spotifySim.requests.count(TOP)).toBe(2);
  });

  it('keeps a missing ISRC missing', async () => {
    const h = harness();
    const tracks = await h.spotify.topTracks(h.spotifySim.issueTokens('ana'), 'medium', 20);
    expect(tracks.find((t) => t.title === 'Redbone')).toMatchObject({ isrc: undefined });
  });
});

describe('Spotify retry and token policy', () => {
  it('sleeps for Retry-After on a 429, then succeeds', async () => {
    const h = harness();
    h.spotifySim.inject({ kind: 'rate_limit', retryAfterSeconds: 3 }, { endpoint: TOP });
    await expect(h.spotify.topTracks(h.spotifySim.issueTokens('ana'), 'short', 3)).resolves.toHaveLength(3);
    expect(h.sleeps).toEqual([3_000]);
  });

  it('stops with quota_exceeded instead of waiting hours', async () => {
    const h = harness();
    h.spotifySim.inject({ kind: 'quota_exceeded' }, { endpoint: TOP });
    await expect(h.spotify.topTracks(h.spotifySim.issueTokens('ana'), 'short', 3)).rejects.toMatchObject({ provider: 'spotify', kind: 'quota_exceeded' });
    expect(h.sleeps).toEqual([]);
  });

  it('refreshes once on a 401, retries, and hands the new tokens to onTokens', async () => {
    const h = harness();
    const auth = h.spotifySim.issueTokens('ana');
    h.spotifySim.expireAccessTokens('ana');
    const onTokens = vi.fn();
    await expect(h.spotify.topTracks(auth, 'short', 3, { onTokens })).resolves.toHaveLength(3);
    expect(onTokens).toHaveBeenCalledTimes(1);
    const fresh = onTokens.mock.calls[0]?.[0] as UserAuth;
    expect(fresh.accessToken).not.toBe(auth.accessToken);
    expect(fresh.refreshToken).toBe(auth.refreshToken);
    expect(h.spotifySim.requests.counts()).toMatchObject({ [TOP]: 2, 'POST /api/token': 1 });
  });

  it('shares one refresh between concurrent lookups that all hit a 401', async () => {
    const h = harness();
    const auth = h.spotifySim.issueTokens('ana');
    h.spotifySim.expireAccessTokens('ana');
    const onTokens = vi.fn();
    const isrcs = SIM_RECORDINGS.flatMap((r) => (r.spotify?.isrc ? [r.spotify.isrc] : [])).slice(0, 6);
    await expect(h.spotify.findByIsrc(isrcs, { auth, onTokens })).resolves.toHaveProperty('size', 6);
    expect(onTokens).toHaveBeenCalledTimes(1);
    expect(h.spotifySim.requests.count('POST /api/token')).toBe(1);
  });

  it('does not spend a rotating refresh token twice when the caller keeps passing the stale auth', async () => {
    const h = harness({ spotify: { rotateRefreshTokens: true } });
    const stale = h.spotifySim.issueTokens('ana');
    h.spotifySim.expireAccessTokens('ana');
    for (const range of ['short', 'medium', 'long'] as const) await expect(h.spotify.topTracks(stale, range, 3)).resolves.toHaveLength(3);
    expect(h.spotifySim.requests.count('POST /api/token')).toBe(1);
  });

  it('refreshes up front when the stored expiry has passed', async () => {
    const h = harness();
    const auth = { ...h.spotifySim.issueTokens('ana'), expiresAt: new Date(h.clock.now().getTime() - 1_000) };
    const onTokens = vi.fn();
    await h.spotify.topTracks(auth, 'short', 3, { onTokens });
    expect(onTokens).toHaveBeenCalledTimes(1);
    expect(h.spotifySim.requests.count(TOP)).toBe(1);
  });

  it('gives up with unauthorized when the refreshed token is rejected too', async () => {
    const h = harness();
    h.spotifySim.inject({ kind: 'unauthorized' }, { endpoint: TOP, times: 2 });
    await expect(h.spotify.topTracks(h.spotifySim.issueTokens('ana'), 'short', 3)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(h.spotifySim.requests.counts()).toMatchObject({ [TOP]: 2, 'POST /api/token': 1 });
  });

  it('asks for a relink when the refresh token is dead (invalid_grant)', async () => {
    const h = harness();
    const auth = h.spotifySim.issueTokens('ana');
    h.spotifySim.expireAccessTokens('ana');
    h.spotifySim.revokeRefreshTokens('ana');
    await expect(h.spotify.topTracks(auth, 'short', 3)).rejects.toMatchObject({ kind: 'relink_required' });
  });

  it('treats a 401 without a refresh token as final', async () => {
    const h = harness();
    const { accessToken } = h.spotifySim.issueTokens('ana');
    h.spotifySim.expireAccessTokens('ana');
    await expect(h.spotify.topTracks({ accessToken }, 'short', 3)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(h.spotifySim.requests.count('POST /api/token')).toBe(0);
  });

  it('backs off on 5xx and then succeeds', async () => {
    const h = harness();
    h.spotifySim.inject({ kind: 'server_error', status: 502 }, { endpoint: TOP, times: 2 });
    await expect(h.spotify.topTracks(h.spotifySim.issueTokens('ana'), 'short', 3)).resolves.toHaveLength(3);
    expect(h.sleeps).toEqual([500, 1_000]);
  });

  it('gives up on 5xx after the last attempt with unavailable', async () => {
    const h = harness();
    h.spotifySim.inject({ kind: 'server_error' }, { endpoint: TOP, times: Infinity });
    await expect(h.spotify.topTracks(h.spotifySim.issueTokens('ana'), 'short', 3)).rejects.toMatchObject({ kind: 'unavailable', status: 500 });
    expect(h.spotifySim.requests.count(TOP)).toBe(4);
  });

  it.each(['malformed_json', 'wrong_shape'] as const)('reports %s as bad_response', async (kind) => {
    const h = harness();
    h.spotifySim.inject({ kind }, { endpoint: TOP });
    await expect(h.spotify.topTracks(h.spotifySim.issueTokens('ana'), 'short', 3)).rejects.toMatchObject({ kind: 'bad_response' });
  });

  it('reports a user missing from the development-mode allowlist as not_allowlisted', async () => {
    const h = harness();
    await expect(h.spotify.topTracks(h.spotifySim.issueTokens('eli'), 'short', 3)).rejects.toMatchObject({ kind: 'not_allowlisted', status: 403 });
    h.spotifySim.setAllowlisted('eli', true);
    await expect(h.spotify.topTracks(h.spotifySim.issueTokens('eli'), 'short', 3)).resolves.toHaveLength(1);
  });

  it('tells a missing scope apart from the allowlist', async () => {
    const h = harness();
    const auth = h.spotifySim.issueTokens('ana', { scope: ['playlist-modify-public'] });
    await expect(h.spotify.topTracks(auth, 'short', 3)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('Spotify catalog lookups', () => {
  it('finds tracks by ISRC with one isrc: search each (limit ≤ 10), keyed by upper-case ISRC', async () => {
    const h = harness();
    const scope = { auth: h.spotifySim.issueTokens('ana') };
    const levitating = recording('levitating').spotify!;
    const found = await h.spotify.findByIsrc([levitating.isrc!.toLowerCase(), 'USS1M0000000', recording('strobe').spotify!.isrc!], scope);
    expect([...found.keys()].sort()).toEqual([levitating.isrc, recording('strobe').spotify!.isrc].sort());
    expect(found.get(levitating.isrc!)).toMatchObject({ id: levitating.id, title: 'Levitating' });
    const searches = h.spotifySim.requests.entries.filter((e) => e.endpoint === 'GET /search').map((e) => new URL(e.url).searchParams);
    expect(searches).toHaveLength(3);
    for (const q of searches) expect(Number(q.get('limit'))).toBeLessThanOrEqual(10);
    // One search per ISRC, upper-cased; they run concurrently, so in no fixed order.
    expect(searches.map((q) => q.get('q'))).toContain(`isrc:${levitating.isrc}`);
  });

  it('searches by title and artist with Spotify\'s field filters', async () => {
    const h = harness();
    const results = await h.spotify.search({ title: 'Bohemian Rhapsody', artist: 'Queen' }, { auth: h.spotifySim.issueTokens('ben') });
    expect(results.map((t) => t.title)).toEqual(['Bohemian Rhapsody - Remastered 2011']);
    const q = new URL(h.spotifySim.requests.entries.at(-1)!.url).searchParams;
    expect(q.get('q')).toBe('track:"Bohemian Rhapsody" artist:"Queen"');
    expect(q.get('limit')).toBe('10');
  });

  it('needs a member\'s token for catalog calls', async () => {
    const h = harness();
    await expect(h.spotify.search({ title: 'x', artist: 'y' }, {})).rejects.toThrow(TypeError);
  });
});

describe('Spotify playlists', () => {
  const onSpotify = SIM_RECORDINGS.flatMap((r) => (r.spotify ? [r.spotify.id] : []));
  const ids = (n: number) => Array.from({ length: n }, (_, i) => onSpotify[i % onSpotify.length] as string);

  it('creates with POST /me/playlists and fills 250 tracks with 1 PUT + 2 POSTs of ≤ 100', async () => {
    const h = harness();
    const auth = h.spotifySim.issueTokens('ana');
    const playlist = await h.spotify.createPlaylist(auth, { name: 'Blend: Ana + Cleo', description: 'Made by blend-bot\nfor Ana & Cleo <3' });
    expect(playlist.url).toBe(`https://open.spotify.com/playlist/${playlist.id}`);
    const tracks = ids(250);
    await h.spotify.replaceItems(auth, playlist.id, tracks);

    const writes = h.spotifySim.requests.entries.filter((e) => e.endpoint.endsWith('/playlists/:id/items')).map((e) => e.endpoint);
    expect(writes).toEqual(['PUT /playlists/:id/items', 'POST /playlists/:id/items', 'POST /playlists/:id/items']);
    const [created] = h.spotifySim.playlists();
    expect(created).toMatchObject({ owner: 'ana', name: 'Blend: Ana + Cleo', description: 'Made by blend-bot for Ana & Cleo 3', public: true });
    expect(created?.trackIds).toEqual(tracks);
  });

  it('replaces instead of appending when run again', async () => {
    const h = harness();
    const auth = h.spotifySim.issueTokens('ana');
    const { id } = await h.spotify.createPlaylist(auth, { name: 'Blend', description: '', trackIds: ids(3) });
    await h.spotify.replaceItems(auth, id, ids(2));
    expect(h.spotifySim.playlists()[0]?.trackIds).toEqual(ids(2));
    await h.spotify.replaceItems(auth, id, []);
    expect(h.spotifySim.playlists()[0]?.trackIds).toEqual([]);
  });

  it('accepts spotify:track: URIs as well as bare ids', async () => {
    const h = harness();
    const auth = h.spotifySim.issueTokens('ana');
    const { id } = await h.spotify.createPlaylist(auth, { name: 'Blend', description: '' });
    await h.spotify.replaceItems(auth, id, ids(2).map((t) => `spotify:track:${t}`));
    expect(h.spotifySim.playlists()[0]?.trackIds).toEqual(ids(2));
  });

  it('does not resend the create after a 500 (no duplicate playlists)', async () => {
    const h = harness();
    h.spotifySim.inject({ kind: 'server_error' }, { endpoint: 'POST /me/playlists' });
    await expect(h.spotify.createPlaylist(h.spotifySim.issueTokens('ana'), { name: 'Blend', description: '' })).rejects.toMatchObject({ kind: 'unavailable' });
    expect(h.spotifySim.requests.count('POST /me/playlists')).toBe(1);
  });

  it('writing to a playlist someone else owns is forbidden, not an allowlist problem', async () => {
    const h = harness();
    const { id } = await h.spotify.createPlaylist(h.spotifySim.issueTokens('ana'), { name: 'Blend', description: '' });
    await expect(h.spotify.replaceItems(h.spotifySim.issueTokens('ben'), id, ids(1))).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
