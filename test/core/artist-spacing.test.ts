import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spaceArtists } from '../../src/core/index.js';

const repeats = (artists: readonly string[]) => artists.filter((a, i) => i > 0 && a === artists[i - 1]).length;
const fewestRepeats = (artists: readonly string[]) => {
  const most = Math.max(0, ...[...new Set(artists)].map((a) => artists.filter((x) => x === a).length));
  return Math.max(0, most - (artists.length - most) - 1);
};
const identity = (artist: string) => artist;

describe('spaceArtists', () => {
  it('moves only what it must', () => {
    expect(spaceArtists(['a', 'a', 'b', 'c'], identity)).toEqual(['a', 'b', 'a', 'c']);
    expect(spaceArtists(['a', 'b', 'c'], identity)).toEqual(['a', 'b', 'c']);
  });

  it('looks ahead so it does not paint itself into a corner', () => {
    expect(spaceArtists(['b', 'a', 'a', 'c', 'a'], identity)).toEqual(['a', 'b', 'a', 'c', 'a']);
  });

  it('repeats the fewest times possible when one artist has more than half', () => {
    expect(spaceArtists(['a', 'a', 'a', 'a', 'b'], identity)).toEqual(['a', 'b', 'a', 'a', 'a']);
  });

  it('keeps the items and reaches the fewest repeats possible, always', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 40 }), (artists) => {
      const spaced = spaceArtists(artists, identity);
      expect([...spaced].sort()).toEqual([...artists].sort());
      expect(repeats(spaced)).toBe(fewestRepeats(artists));
    }), { numRuns: 500 });
  });
});
