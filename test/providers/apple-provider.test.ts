import { describe, expect, it } from 'vitest';
import { APPLE_RANGE_SOURCES } from '../../src/providers/apple/top-tracks.js';
import { harness } from './harness.js';
import { recording, SIM_RECORDINGS } from './sim/catalog.js';

const mut = (h: ReturnType<typeof harness>, user: string) => ({ accessToken: h.appleSim.userToken(user) });
const titles = (tracks: readonly { title: string }[]) => tracks.map((t) => t.title);

describe('Apple Music top tracks (approximated, see APPLE_RANGE_SOURCES)', () => {
  it('documents one named mapping per range', () => {
    expect(APPLE_RANGE_SOURCES).toEqual({ short: ['recently-played'], medium: ['heavy-rotation', 'library'], long: ['replay', 'library'] });
  });

  it('short = recently played tracks, library plays resolved to catalog songs, repeats once', async () => {
    const h = harness();
    const tracks = await h.apple.topTracks(mut(h, 'cleo'), 'short', 50);
    expect(titles(tracks)).toEqual(['Espresso', 'APT.', 'BIRDS OF A FEATHER', 'Blinding Lights', 'Free Mind (Apple Music Home Session)', 'Tití Me Preguntó', 'Levitating', 'DÁKITI', 'As It Was', 'Calm Down (with Selena Gomez)']);
    const apt = recording('apt');
    expect(tracks[1]).toMatchObject({ provider: 'apple', id: apt.apple!.id, isrc: apt.apple!.isrc, artists: ['ROSÉ & Bruno Mars'], metadata: expect.objectContaining({ libraryId: expect.stringMatching(/^i\./) }) });
    const recent = h.appleSim.requests.entries.find((e) => e.endpoint === 'GET /me/recent/played/tracks')!;
    expect(Object.fromEntries(new URL(recent.url).searchParams)).toEqual({ types: 'songs,library-songs', limit: '30' });
  });

  it('fills in catalog metadata: artwork template, link, explicitness, duration', async () => {
    const h = harness();
    const [espresso] = await h.apple.topTracks(mut(h, 'cleo'), 'short', 1);
    expect(espresso).toMatchObject({
      title: 'Espresso', album: 'Short n\' Sweet', durationMs: 175_000, explicit: true,
      artworkUrl: expect.stringMatching(/\/600x600bb\.jpg$/), url: expect.stringMatching(/^https:\/\/music\.apple\.com\/us\/album\//),
    });
  });

  it('medium = heavy-rotation albums and playlists taking turns, then library songs (favourites first)', async () => {
    const h = harness();
    const tracks = await h.apple.topTracks(mut(h, 'cleo'), 'medium', 50);
    expect(titles(tracks).slice(0, 5)).toEqual(['Espresso', 'Tití Me Preguntó', 'BIRDS OF A FEATHER', 'DÁKITI', 'APT.']);
    const libraryPart = titles(tracks).slice(titles(tracks).indexOf('Levitating'));
    expect(libraryPart.slice(0, 2)).toEqual(['Levitating', 'Blinding Lights']); // the favourites
    expect(tracks.find((t) => t.title === 'Untitled (Live at Glastonbury)')).toMatchObject({ isrc: undefined, id: expect.stringMatching(/^i\./) });
    expect(h.appleSim.requests.counts()).toMatchObject({ 'GET /me/history/heavy-rotation': 1, 'GET /catalog/:sf/albums/:id/tracks': 1, 'GET /catalog/:sf/playlists/:id/tracks': 2 });
    const library = h.appleSim.requests.entries.find((e) => e.endpoint === 'GET /me/library/songs')!;
    expect(new URL(library.url).searchParams.get('include')).toBe('catalog');
  });

  it('resolves a matched library song without the catalog relationship through playParams.catalogId', async () => {
    const h = harness();
    const tracks = await h.apple.topTracks(mut(h, 'cleo'), 'medium', 50);
    expect(tracks.filter((t) => t.title.startsWith('Despacito'))).toEqual([expect.objectContaining({ id: recording('despacito').apple!.id, isrc: recording('despacito').apple!.isrc })]);
  });

  it('long = the latest Replay year\'s top songs, fetched by id when the view lists bare songs', async () => {
    const h = harness();
    const tracks = await h.apple.topTracks(mut(h, 'cleo'), 'long', 8);
    expect(titles(tracks)).toEqual(['Blinding Lights', 'Levitating', 'As It Was', 'Despacito (feat. Daddy Yankee)', 'Anti-Hero', 'Flowers', 'Kill Bill', 'Calm Down (with Selena Gomez)']);
    const summary = h.appleSim.requests.entries.find((e) => e.endpoint === 'GET /me/music-summaries')!;
    expect(Object.fromEntries(new URL(summary.url).searchParams)).toEqual({ 'filter[year]': 'latest', views: 'top-songs' });
    expect(h.appleSim.requests.count('GET /me/library/songs')).toBe(0); // Replay was enough
  });

  it('long falls back to the library when the user has no Replay yet', async () => {
    const h = harness();
    const tracks = await h.apple.topTracks(mut(h, 'dev'), 'long', 50);
    expect(titles(tracks)).toEqual(['Dreams', '505', 'Seven Nation Army', 'Strobe', 'One More Time']);
    expect(tracks.find((t) => t.title === 'Strobe')?.isrc).toBeUndefined(); // Apple lists no ISRC for it
  });

  it('uses the user\'s storefront for catalog calls, asked once per token', async () => {
    const h = harness();
    await h.apple.topTracks(mut(h, 'dev'), 'medium', 50);
    await h.apple.topTracks(mut(h, 'dev'), 'short', 50);
    expect(h.appleSim.requests.count('GET /me/storefront')).toBe(1);
    expect(h.appleSim.requests.entries.filter((e) => e.endpoint.includes('/catalog/')).every((e) => e.url.includes('/catalog/gb/'))).toBe(true);
  });
});

describe('Apple Music catalog', () => {
  const isrcs = SIM_RECORDINGS.flatMap((r) => (r.apple?.isrc ? [r.apple.isrc] : [])).slice(0, 30);

  it('looks 30 ISRCs up in 2 requests (filter[isrc] takes at most 25)', async () => {
    const h = harness();
    const found = await h.apple.findByIsrc(isrcs, { storefront: 'us' });
    expect(found.size).toBe(30);
    // The batches go out concurrently, so they may arrive in either order.
    const asked = h.appleSim.requests.entries.map((e) => new URL(e.url).searchParams.get('filter[isrc]')!.split(',').length);
    expect(asked.sort((x, y) => y - x)).toEqual([25, 5]);
    const levitating = recording('levitating');
    expect(found.get(levitating.apple!.isrc!)).toMatchObject({ id: levitating.apple!.id, title: 'Levitating' });
  });

  it('leaves unknown and malformed ISRCs out', async () => {
    const h = harness();
    const found = await h.apple.findByIsrc(['USS1M0000000', 'not-an-isrc', recording('strobe').spotify!.isrc!], { storefront: 'us' });
    expect(found.size).toBe(0);
  });

  it('needs a storefront', async () => {
    const h = harness();
    await expect(h.apple.findByIsrc(isrcs, {})).rejects.toThrow(TypeError);
  });

  it('searches the catalog by artist and title', async () => {
    const h = harness();
    const results = await h.apple.search({ title: 'Bohemian Rhapsody', artist: 'Queen' }, { storefront: 'gb' });
    expect(results[0]).toMatchObject({ title: 'Bohemian Rhapsody', isrc: recording('bohemian-rhapsody').apple!.isrc });
    const q = new URL(h.appleSim.requests.entries[0]!.url);
    expect(q.pathname).toBe('/v1/catalog/gb/search');
    expect(Object.fromEntries(q.searchParams)).toEqual({ term: 'Queen Bohemian Rhapsody', types: 'songs', limit: '10' });
  });
});

describe('Apple Music library playlists (append-only)', () => {
  const catalogIds = (n: number) => SIM_RECORDINGS.flatMap((r) => (r.apple ? [r.apple.id] : [])).slice(0, n);

  it('creates the playlist with its tracks in one request, then appends beyond 100', async () => {
    const h = harness();
    const ids = [...catalogIds(60), ...catalogIds(60)];
    const playlist = await h.apple.createPlaylist(mut(h, 'cleo'), { name: 'Blend: Ana + Cleo', description: 'Made by blend-bot', trackIds: ids });
    expect(playlist.id).toMatch(/^p\./);
    expect(playlist.url).toBe(`https://music.apple.com/library/playlist/${playlist.id}`);
    expect(h.appleSim.requests.counts()).toEqual({ 'POST /me/library/playlists': 1, 'POST /me/library/playlists/:id/tracks': 1 });
    expect(h.appleSim.playlists()[0]).toMatchObject({ owner: 'cleo', name: 'Blend: Ana + Cleo', trackIds: ids });
  });

  it('adds library-only songs as library-songs', async () => {
    const h = harness();
    const [upload] = (await h.apple.topTracks(mut(h, 'cleo'), 'medium', 50)).filter((t) => t.id.startsWith('i.'));
    await h.apple.createPlaylist(mut(h, 'cleo'), { name: 'Blend', description: '', trackIds: [upload!.id] });
    expect(h.appleSim.playlists()[0]?.tracks).toEqual([{ id: upload!.id, type: 'library-songs' }]);
  });

  it('replaceItems can only append, and says so', async () => {
    const h = harness();
    expect(h.apple.playlistWrites).toBe('append-only');
    const { id } = await h.apple.createPlaylist(mut(h, 'cleo'), { name: 'Blend', description: '', trackIds: catalogIds(2) });
    await h.apple.replaceItems(mut(h, 'cleo'), id, catalogIds(3).slice(2));
    expect(h.appleSim.playlists()[0]?.trackIds).toEqual(catalogIds(3));
  });
});

describe('Apple Music failures', () => {
  it('a revoked Music User Token (403) asks for a relink', async () => {
    const h = harness();
    const stale = mut(h, 'cleo');
    h.appleSim.revokeUserToken('cleo');
    await expect(h.apple.topTracks(stale, 'short', 10)).rejects.toMatchObject({ provider: 'apple', kind: 'relink_required', status: 403 });
  });

  it('no subscription (400, code 40015) is no_subscription', async () => {
    const h = harness();
    await expect(h.apple.topTracks(mut(h, 'fay'), 'short', 10)).rejects.toMatchObject({ kind: 'no_subscription', status: 400 });
    await expect(h.appleAuth.storefront(h.appleSim.userToken('fay'))).resolves.toBe('us');
  });

  it('a rejected developer token (401) is re-minted once and the call retried', async () => {
    const h = harness();
    h.appleSim.inject({ kind: 'unauthorized' }, { endpoint: 'GET /catalog/:sf/search' });
    const results = await h.apple.search({ title: 'Kyoto', artist: 'Phoebe Bridgers' }, { storefront: 'us' });
    expect(results[0]?.title).toBe('Kyoto');
    expect(h.appleSim.requests.entries.map((e) => e.status)).toEqual([401, 200]);
  });

  it('a developer token rejected twice is unauthorized', async () => {
    const h = harness();
    h.appleSim.inject({ kind: 'unauthorized' }, { times: 2 });
    await expect(h.apple.search({ title: 'Kyoto', artist: 'Phoebe Bridgers' }, { storefront: 'us' })).rejects.toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it('backs off on a 429 without Retry-After (Apple sends none)', async () => {
    const h = harness();
    h.appleSim.inject({ kind: 'rate_limit' }, { times: 2 });
    await expect(h.apple.findByIsrc([recording('kyoto').apple!.isrc!], { storefront: 'us' })).resolves.toHaveProperty('size', 1);
    expect(h.sleeps).toEqual([500, 1_000]);
  });

  it('backs off on 5xx, then reports unavailable', async () => {
    const h = harness({ maxAttempts: 2 });
    h.appleSim.inject({ kind: 'server_error', status: 503 }, { times: Infinity });
    await expect(h.apple.topTracks(mut(h, 'cleo'), 'short', 10)).rejects.toMatchObject({ kind: 'unavailable', status: 503 });
    expect(h.sleeps).toEqual([500]);
  });

  it.each(['malformed_json', 'wrong_shape'] as const)('reports %s as bad_response', async (kind) => {
    const h = harness();
    h.appleSim.inject({ kind }, { endpoint: 'GET /catalog/:sf/songs' });
    await expect(h.apple.findByIsrc([recording('kyoto').apple!.isrc!], { storefront: 'us' })).rejects.toMatchObject({ kind: 'bad_response' });
  });
});
