import { describe, expect, it } from 'vitest';
import { SHARED_ARTIST_CREDIT, groupTaste, pairwiseTaste } from '../../src/core/index.js';
import { rec, recs, taste } from './tastes.js';

describe('pairwiseTaste', () => {
  it('gives 100 to identical tastes and 0 to tastes with nothing in common', () => {
    const ranked = { short: recs(1, 10), medium: recs(20, 5), long: recs(40, 5) };
    expect(pairwiseTaste(taste('a', ranked), taste('b', ranked)).score).toBe(100);
    expect(pairwiseTaste(taste('a', { short: recs(1, 10) }), taste('b', { short: recs(100, 10) })).score).toBe(0);
  });

  it('gives partial credit for a shared artist without a shared song', () => {
    const a = taste('a', { short: [rec(1, 'Dua Lipa')] });
    const b = taste('b', { short: [rec(2, 'Dua Lipa')] });
    expect(pairwiseTaste(a, b).score).toBe(Math.round(100 * SHARED_ARTIST_CREDIT));
    expect(pairwiseTaste(a, b).topSharedArtists).toEqual([{ name: 'Dua Lipa', sharedBy: ['a', 'b'] }]);
  });

  it('weighs a shared top track more than a shared deep cut (worked example)', () => {
    // a lists [s, x] and b lists [s, y] in short term: each covers w(0) / (w(0) + w(1)) = 11/21.
    const shared = rec(1);
    const top = pairwiseTaste(taste('a', { short: [shared, rec(2)] }), taste('b', { short: [shared, rec(3)] }));
    const deep = pairwiseTaste(taste('a', { short: [rec(2), shared] }), taste('b', { short: [rec(3), shared] }));
    expect(top.score).toBe(Math.round((100 * 11) / 21));
    expect(deep.score).toBeLessThan(top.score);
  });

  it('names the shared tracks and the one that brings them together', () => {
    const song = rec(7, 'Phoebe Bridgers');
    const match = pairwiseTaste(taste('a', { short: [song, rec(1)] }), taste('b', { long: [rec(2), song] }));
    expect(match.sharedTrackCount).toBe(1);
    expect(match.unifyingTrack).toEqual({ recording: song, sharedBy: ['a', 'b'] });
  });
});

describe('groupTaste', () => {
  it('scores the group, lists every pair, and finds the song most members share', () => {
    const anthem = rec(1, 'ABBA');
    const members = [
      taste('c', { short: [anthem, rec(10)] }),
      taste('a', { short: [anthem, rec(2)] }),
      taste('b', { medium: [rec(2), anthem] }),
    ];
    const group = groupTaste(members);
    expect(group.pairs.map((p) => [p.a, p.b])).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c']]);
    expect(group.unifyingTrack?.sharedBy).toEqual(['a', 'b', 'c']);
    expect(group.sharedTracks.map((t) => t.recording.key)).toEqual([anthem.key, rec(2).key]);
    expect(group.score).toBeGreaterThan(0);
    expect(group.score).toBeLessThanOrEqual(100);
  });

  it('is 0 for fewer than two members with tracks', () => {
    expect(groupTaste([taste('a', { short: recs(1, 5) })]).score).toBe(0);
    expect(groupTaste([taste('a', { short: recs(1, 5) }), taste('b', {})]).score).toBe(0);
  });
});
