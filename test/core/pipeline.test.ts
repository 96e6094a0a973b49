import { describe, expect, it } from 'vitest';
import {
  buildBlend, cacheFromRows, planFollowUp, planResolution, resolveRecordings, textSearchRow, withRows,
} from '../../src/core/index.js';
import type { ProviderId, ProviderTrack, ResolvedRecording, TrackMatchRow } from '../../src/core/index.js';

/**
 * The worker's sequence with the provider calls replaced by two small catalogs: a Spotify
 * member and an Apple member who both love one song end up sharing it, on both platforms.
 */
const spotifyCatalog: ProviderTrack[] = [
  { provider: 'spotify', id: 'sp-yesterday', isrc: 'GBAYE0601477', title: 'Yesterday - Remastered 2009', artists: ['The Beatles'], durationMs: 125_000 },
  { provider: 'spotify', id: 'sp-hoppipolla', isrc: 'GBAAA0500001', title: 'Hoppípolla', artists: ['Sigur Rós'], durationMs: 268_000 },
];
const appleCatalog: ProviderTrack[] = [
  { provider: 'apple', id: 'am-yesterday', isrc: 'GBAYE0601477', title: 'Yesterday (Remastered 2009)', artists: ['The Beatles'], durationMs: 125_400 },
  { provider: 'apple', id: 'am-hoppipolla', title: 'Hoppipolla', artists: ['Sigur Ros'], durationMs: 268_500 },
];
const catalogs: Record<ProviderId, ProviderTrack[]> = { spotify: spotifyCatalog, apple: appleCatalog };
const byIsrc = (provider: ProviderId, isrc: string) => catalogs[provider].find((t) => t.isrc === isrc)?.id ?? null;
const search = (provider: ProviderId) => catalogs[provider];

describe('resolving and blending, as the worker does it', () => {
  it('finds the shared songs across platforms and lists them on both', () => {
    const spotifyMember = [spotifyCatalog[0]!, spotifyCatalog[1]!];
    const appleMember = [appleCatalog[0]!, appleCatalog[1]!];
    const targets: ProviderId[] = ['spotify', 'apple'];
    const tracks = [...spotifyMember, ...appleMember];
    let cache = cacheFromRows([]);

    const plan = planResolution({ tracks, targets, cache });
    const isrcResults = [
      ...plan.appleIsrcBatches.flat().map((isrc) => ({ provider: 'apple' as const, isrc, providerTrackId: byIsrc('apple', isrc) })),
      ...plan.spotifyIsrcLookups.map((isrc) => ({ provider: 'spotify' as const, isrc, providerTrackId: byIsrc('spotify', isrc) })),
    ];
    const followUp = planFollowUp({ tracks, targets, cache, isrcResults });
    const rows: TrackMatchRow[] = [...followUp.cacheRows, ...[...plan.textSearches, ...followUp.textSearches].map((s) => textSearchRow(s, search(s.provider)))];
    cache = withRows(cache, rows);

    const [sy, sh, ay, ah] = resolveRecordings({ tracks, targets, cache }) as ResolvedRecording[];
    const members = [
      { memberId: 'spotify-fan', ranked: { short: [sy!, sh!, ...filler('s')] } },
      { memberId: 'apple-fan', ranked: { short: [ay!, ah!, ...filler('a')] } },
    ];
    const blend = buildBlend(members, { size: 10, platforms: targets });

    expect(plan.appleIsrcBatches).toEqual([['GBAAA0500001', 'GBAYE0601477']]);
    expect(plan.textSearches.map((s) => [s.provider, s.title])).toEqual([['spotify', 'Hoppipolla']]);
    expect(blend.taste.sharedTrackCount).toBe(2);
    expect(blend.entries.slice(0, 2).map((e) => e.recording.ids)).toEqual([
      { spotify: 'sp-yesterday', apple: 'am-yesterday' },
      { spotify: 'sp-hoppipolla', apple: 'am-hoppipolla' },
    ]);
  });
});

function filler(prefix: string): ResolvedRecording[] {
  return Array.from({ length: 8 }, (_v, i) => ({
    key: `meta:${prefix}${i}`, title: `${prefix} filler ${i}`, artists: [`${prefix} artist ${i}`], durationMs: 200_000, ids: { spotify: `${prefix}-sp-${i}`, apple: `${prefix}-am-${i}` },
  }));
}
