import { describe, expect, it } from 'vitest';
import {
  APPLE_ISRC_BATCH_SIZE, cacheFromRows, isrcCacheKey, pickBestCandidate, planFollowUp, planResolution,
  recordingKey, resolveRecordings, textCacheKey, textSearchRow,
} from '../../src/core/index.js';
import type { ProviderId, ProviderTrack, TrackMatchRow } from '../../src/core/index.js';

const isrc = (i: number) => `USABC${String(i).padStart(7, '0')}`;
const track = (provider: ProviderId, i: number, extra: Partial<ProviderTrack> = {}): ProviderTrack =>
  ({ provider, id: `${provider}-${i}`, isrc: isrc(i), title: `Song ${i}`, artists: [`Artist ${i % 7}`], durationMs: 200_000 + i, ...extra });
const noCache = cacheFromRows([]);
const both: ProviderId[] = ['spotify', 'apple'];

describe('planResolution', () => {
  it('asks Apple by ISRC in batches of 25 and Spotify one ISRC at a time', () => {
    const tracks = [...Array.from({ length: 60 }, (_v, i) => track('spotify', i)), ...Array.from({ length: 3 }, (_v, i) => track('apple', 100 + i))];
    const plan = planResolution({ tracks, targets: both, cache: noCache });
    expect(plan.appleIsrcBatches.map((b) => b.length)).toEqual([APPLE_ISRC_BATCH_SIZE, APPLE_ISRC_BATCH_SIZE, 10]);
    expect(plan.spotifyIsrcLookups).toEqual([isrc(100), isrc(101), isrc(102)]);
    expect(plan.textSearches).toEqual([]);
  });

  it('looks each ISRC up once however many members listed it', () => {
    const tracks = [track('spotify', 1), { ...track('spotify', 1), id: 'other-copy' }, track('spotify', 1, { isrc: ` ${isrc(1).toLowerCase()} ` })];
    expect(planResolution({ tracks, targets: both, cache: noCache }).appleIsrcBatches).toEqual([[isrc(1)]]);
  });

  it('needs nothing for the track\'s own platform or a platform not targeted', () => {
    const plan = planResolution({ tracks: [track('spotify', 1)], targets: ['spotify'], cache: noCache });
    expect(plan).toEqual({ appleIsrcBatches: [], spotifyIsrcLookups: [], textSearches: [], resolvedFromCache: [] });
  });

  it('uses the cache, found or known missing, and searches by text only after an ISRC miss', () => {
    const known = track('spotify', 1);
    const missed = track('spotify', 2);
    const missedTwice = track('spotify', 3);
    const rows: TrackMatchRow[] = [
      { provider: 'apple', lookupKey: isrcCacheKey(isrc(1)) ?? '', providerTrackId: 'am-1' },
      { provider: 'apple', lookupKey: isrcCacheKey(isrc(2)) ?? '', providerTrackId: null },
      { provider: 'apple', lookupKey: isrcCacheKey(isrc(3)) ?? '', providerTrackId: null },
      { provider: 'apple', lookupKey: textCacheKey('Song 3', 'Artist 3'), providerTrackId: null },
    ];
    const plan = planResolution({ tracks: [known, missed, missedTwice], targets: both, cache: cacheFromRows(rows) });
    expect(plan.appleIsrcBatches).toEqual([]);
    expect(plan.textSearches).toEqual([{ provider: 'apple', title: 'Song 2', artist: 'Artist 2', key: textCacheKey('Song 2', 'Artist 2'), source: missed }]);
    expect(plan.resolvedFromCache).toEqual([rows[0], rows[3]]);
  });

  it('searches by title and main artist for tracks without an ISRC, once per key', () => {
    const a = track('apple', 1, { isrc: undefined, title: 'Yellow - Live in Buenos Aires', artists: ['Coldplay & Friends'] });
    const b = { ...a, id: 'apple-copy' };
    const plan = planResolution({ tracks: [b, a], targets: both, cache: noCache });
    expect(plan.spotifyIsrcLookups).toEqual([]);
    expect(plan.textSearches).toEqual([{ provider: 'spotify', title: 'Yellow Live in Buenos Aires', artist: 'Coldplay', key: textCacheKey('Yellow - Live in Buenos Aires', 'Coldplay'), source: a }]);
  });

  it('gives the same plan whatever the order of the tracks', () => {
    const tracks = Array.from({ length: 40 }, (_v, i) => track(i % 2 ? 'spotify' : 'apple', i, i % 5 ? {} : { isrc: undefined }));
    expect(planResolution({ tracks: [...tracks].reverse(), targets: ['apple', 'spotify'], cache: noCache }))
      .toEqual(planResolution({ tracks, targets: both, cache: noCache }));
  });
});

describe('planFollowUp', () => {
  it('searches by text exactly for the ISRCs that missed, and returns their cache rows', () => {
    const found = track('apple', 1);
    const missed = track('apple', 2);
    const plan = planFollowUp({
      tracks: [found, missed], targets: both, cache: noCache,
      isrcResults: [{ provider: 'spotify', isrc: isrc(1), providerTrackId: 'sp-1' }, { provider: 'spotify', isrc: isrc(2), providerTrackId: null }],
    });
    expect(plan.cacheRows).toEqual([
      { provider: 'spotify', lookupKey: `isrc:${isrc(1)}`, providerTrackId: 'sp-1' },
      { provider: 'spotify', lookupKey: `isrc:${isrc(2)}`, providerTrackId: null },
    ]);
    expect(plan.textSearches.map((s) => s.source)).toEqual([missed]);
  });
});

describe('choosing and applying answers', () => {
  const source = { title: 'Yesterday - Remastered 2009', artists: ['The Beatles'], durationMs: 125_000 };

  it('picks the candidate that is the same recording, closest first', () => {
    const candidates = [
      { id: 'live', title: 'Yesterday (Live)', artists: ['The Beatles'], durationMs: 125_000 },
      { id: 'far', title: 'Yesterday', artists: ['The Beatles'], durationMs: 127_500 },
      { id: 'close', title: 'Yesterday', artists: ['The Beatles'], durationMs: 125_400 },
      { id: 'cover', title: 'Yesterday', artists: ['Matt Monro'], durationMs: 125_000 },
    ];
    expect(pickBestCandidate(source, candidates)?.id).toBe('close');
    expect(pickBestCandidate(source, candidates.filter((c) => c.id === 'live' || c.id === 'cover'))).toBeUndefined();
  });

  it('records a search that found nothing as a known miss', () => {
    const search = { provider: 'apple' as const, title: 'Yesterday', artist: 'The Beatles', key: 'text:yesterday|beatles', source: { ...source, provider: 'spotify' as const, id: 's1' } };
    expect(textSearchRow(search, [])).toEqual({ provider: 'apple', lookupKey: 'text:yesterday|beatles', providerTrackId: null });
  });

  it('builds recordings with every id the cache knows, and none it does not', () => {
    const spotifyTrack = track('spotify', 1);
    const appleTrack = track('apple', 2, { isrc: undefined });
    const cache = cacheFromRows([
      { provider: 'apple', lookupKey: `isrc:${isrc(1)}`, providerTrackId: 'am-1' },
      { provider: 'spotify', lookupKey: textCacheKey('Song 2', 'Artist 2'), providerTrackId: null },
    ]);
    const [first, second] = resolveRecordings({ tracks: [spotifyTrack, appleTrack], targets: both, cache });
    expect(first).toMatchObject({ key: recordingKey(spotifyTrack), isrc: isrc(1), ids: { spotify: 'spotify-1', apple: 'am-1' } });
    expect(second?.ids).toEqual({ apple: 'apple-2' });
    expect(second?.key).toBe(recordingKey(appleTrack));
  });
});
