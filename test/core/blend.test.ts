import { describe, expect, it } from 'vitest';
import { BLEND_MAX_SIZE, BLEND_MIN_SIZE, buildBlend } from '../../src/core/index.js';
import { rec, recs, taste } from './tastes.js';

const both = { platforms: ['spotify', 'apple'] as const };

describe('buildBlend', () => {
  it('puts tracks shared by more members first, then better loved ones', () => {
    const everyone = rec(1);
    const two = rec(2);
    const members = [
      taste('a', { short: [two, everyone, ...recs(100, 12)] }),
      taste('b', { short: [...recs(200, 12), two, everyone] }),
      taste('c', { long: [everyone, ...recs(300, 12)] }),
    ];
    const { entries } = buildBlend(members, { size: 20, ...both });
    expect(entries.slice(0, 2).map((e) => e.recording.key)).toEqual([everyone.key, two.key]);
    expect(entries[0]).toMatchObject({ sharedBy: ['a', 'b', 'c'], reason: { kind: 'shared', members: 3 } });
  });

  it('lists each recording once, even when members reach it under different keys', () => {
    const spotifySide = rec(1);
    const appleSide = { ...rec(1), key: 'meta:song 1|artist 1', isrc: undefined, ids: { apple: 'am1' } };
    const { entries } = buildBlend([taste('a', { short: [spotifySide, ...recs(10, 10)] }), taste('b', { short: [appleSide, ...recs(30, 10)] })], { size: 30, ...both });
    expect(entries.filter((e) => e.recording.ids.apple === 'am1')).toHaveLength(1);
    expect(entries.find((e) => e.recording.ids.apple === 'am1')?.sharedBy).toEqual(['a', 'b']);
  });

  it('gives every member an equal share when they have enough tracks', () => {
    const members = ['a', 'b', 'c'].map((id, m) => taste(id, { short: recs(100 * (m + 1), 30) }));
    const { contributions, entries } = buildBlend(members, { size: 30, ...both });
    expect(contributions).toEqual([{ memberId: 'a', count: 10 }, { memberId: 'b', count: 10 }, { memberId: 'c', count: 10 }]);
    expect(entries.slice(0, 3).map((e) => e.contributorId)).toEqual(['a', 'b', 'c']);
  });

  it('lets a member with few tracks give what they have and shares the rest fairly', () => {
    const members = [taste('few', { short: recs(1, 2) }), taste('b', { short: recs(100, 30) }), taste('c', { medium: recs(200, 30) })];
    const { contributions } = buildBlend(members, { size: 20, ...both });
    expect(contributions).toEqual([{ memberId: 'b', count: 9 }, { memberId: 'c', count: 9 }, { memberId: 'few', count: 2 }]);
  });

  it('prefers recent taste, and rank within a range', () => {
    const [shortTop, mediumTop, longTop, shortSecond] = recs(1, 4);
    const member = taste('a', { long: [longTop!, ...recs(50, 5)], medium: [mediumTop!, ...recs(60, 5)], short: [shortTop!, shortSecond!, ...recs(70, 5)] });
    const keys = buildBlend([member], { size: 30, ...both }).entries.map((e) => e.recording.key);
    expect(keys.indexOf(shortTop!.key)).toBe(0);
    expect(keys.indexOf(shortTop!.key)).toBeLessThan(keys.indexOf(shortSecond!.key));
    expect(keys.indexOf(mediumTop!.key)).toBeLessThan(keys.indexOf(longTop!.key));
  });

  it('says where a solo track comes from, with a 1-based rank', () => {
    const entries = buildBlend([taste('a', { medium: recs(1, 12) })], { size: 10, ...both }).entries;
    expect(entries[0]).toMatchObject({ contributorId: 'a', sharedBy: ['a'], reason: { kind: 'top', range: 'medium', rank: 1 } });
  });

  it('keeps the same artist apart when it can', () => {
    const sameArtist = Array.from({ length: 5 }, (_v, i) => rec(i + 1, 'Taylor Swift'));
    const { entries } = buildBlend([taste('a', { short: [...sameArtist, ...recs(50, 5)] })], { size: 10, ...both });
    const artists = entries.map((e) => e.recording.artists[0]);
    expect(artists.some((artist, i) => i > 0 && artist === artists[i - 1])).toBe(false);
  });

  it(`keeps the size within ${BLEND_MIN_SIZE}–${BLEND_MAX_SIZE} and within what there is`, () => {
    const many = [taste('a', { short: recs(1, 150) }), taste('b', { short: recs(500, 150) })];
    expect(buildBlend(many, { size: 500, ...both }).entries).toHaveLength(BLEND_MAX_SIZE);
    expect(buildBlend(many, { size: 3, ...both }).entries).toHaveLength(BLEND_MIN_SIZE);
    expect(buildBlend([taste('a', { short: recs(1, 4) })], { size: 50, ...both }).entries).toHaveLength(4);
    expect(buildBlend([], { size: 50, ...both }).entries).toEqual([]);
  });

  it('leaves a recording off the platform that lacks it and counts it', () => {
    const onlySpotify = rec(1, 'Artist 1', { spotify: 'sp1' });
    const { perPlatform } = buildBlend([taste('a', { short: [onlySpotify, ...recs(2, 9)] })], { size: 10, ...both });
    expect(perPlatform.spotify).toMatchObject({ available: 10, total: 10, missing: [] });
    expect(perPlatform.apple).toMatchObject({ available: 9, total: 10, missing: [onlySpotify.key] });
    expect(perPlatform.apple?.trackIds).not.toContain(undefined);
  });

  it('only reports the platforms asked for', () => {
    expect(Object.keys(buildBlend([taste('a', { short: recs(1, 10) })], { size: 10, platforms: ['apple'] }).perPlatform)).toEqual(['apple']);
  });
});
