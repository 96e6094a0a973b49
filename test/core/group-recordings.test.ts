import { describe, expect, it } from 'vitest';
import { groupRecordings } from '../../src/core/index.js';
import type { ResolvedRecording } from '../../src/core/index.js';
import { rec } from './tastes.js';

const loose = (n: number, extra: Partial<ResolvedRecording> = {}): ResolvedRecording => {
  const { isrc: _isrc, ...rest } = rec(n);
  return { ...rest, key: `meta:song ${n}|artist ${n}`, ids: {}, ...extra };
};

describe('groupRecordings', () => {
  it('groups copies of one key, and recordings that share an ISRC or a platform id', () => {
    const a = rec(1);
    const sameIsrcOtherKey = { ...rec(1), key: 'meta:whatever', ids: {} };
    const sameSpotifyId = { ...rec(2), ids: { spotify: 'sp1' } };
    const groups = groupRecordings([a, { ...a }, sameIsrcOtherKey, sameSpotifyId, rec(3)]);
    expect(groups.recordings).toHaveLength(2);
    expect(groups.indexOf.get(sameSpotifyId.key)).toBe(groups.indexOf.get(a.key));
    expect(groups.indexOf.get(rec(3).key)).toBe(1);
  });

  it('joins a recording without ISRC to the same title and artist within a few seconds, not further', () => {
    const near = groupRecordings([rec(1), loose(1, { durationMs: rec(1).durationMs + 2_000 })]);
    const far = groupRecordings([rec(1), loose(1, { durationMs: rec(1).durationMs + 20_000 })]);
    expect(near.recordings).toHaveLength(1);
    expect(far.recordings).toHaveLength(2);
  });

  it('never joins two recordings that both have (different) ISRCs on metadata alone', () => {
    const remaster = { ...rec(1), key: 'isrc:QZABC9999999', isrc: 'QZABC9999999', ids: { spotify: 'other' } };
    expect(groupRecordings([rec(1), remaster]).recordings).toHaveLength(2);
  });

  it('lets the copy with most platform ids lead, carrying every id of the group', () => {
    const spotifyOnly = { ...rec(1), ids: { spotify: 'sp1' } };
    const appleAlias = loose(1, { ids: { apple: 'am1' }, durationMs: rec(1).durationMs });
    const forward = groupRecordings([spotifyOnly, appleAlias]).recordings;
    const backward = groupRecordings([appleAlias, spotifyOnly]).recordings;
    expect(forward).toEqual(backward);
    expect(forward[0]).toMatchObject({ key: spotifyOnly.key, isrc: spotifyOnly.isrc, ids: { spotify: 'sp1', apple: 'am1' } });
  });
});
