import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { artistKey, buildBlend, clampBlendSize } from '../../src/core/index.js';
import { aliasedGroupArb, groupArb, keysOf } from './arbitraries.js';

const sizeArb = fc.integer({ min: 0, max: 130 });
const platforms = ['spotify', 'apple'] as const;

describe('buildBlend properties', () => {
  it('lists each recording once (by key, ISRC and platform id)', () => {
    fc.assert(fc.property(groupArb(), sizeArb, ({ members }, size) => {
      const { entries } = buildBlend(members, { size, platforms });
      const seen = (values: (string | undefined)[]) => values.filter((v) => v !== undefined);
      for (const values of [entries.map((e) => e.recording.key), seen(entries.map((e) => e.recording.isrc)), seen(entries.map((e) => e.recording.ids.spotify)), seen(entries.map((e) => e.recording.ids.apple))]) {
        expect(new Set(values).size).toBe(values.length);
      }
    }));
  });

  it('lists each recording once when members reach it under different keys', () => {
    fc.assert(fc.property(aliasedGroupArb(), sizeArb, ({ members }, size) => {
      const { entries } = buildBlend(members, { size, platforms });
      const titles = entries.map((e) => e.recording.title);
      expect(new Set(titles).size).toBe(titles.length);
    }));
  });

  it('keeps every member who still has tracks within one of every other member', () => {
    fc.assert(fc.property(groupArb(), sizeArb, ({ members }, size) => {
      const { entries, contributions } = buildBlend(members, { size, platforms });
      const inBlend = new Set(entries.map((e) => e.recording.key));
      const count = new Map(contributions.map((c) => [c.memberId, c.count]));
      for (const a of members) {
        const hasMore = [...keysOf(a)].some((key) => !inBlend.has(key));
        if (!hasMore) continue;
        for (const b of members) expect(count.get(b.memberId) ?? 0).toBeLessThanOrEqual((count.get(a.memberId) ?? 0) + 1);
      }
      expect(contributions.reduce((sum, c) => sum + c.count, 0)).toBe(entries.length);
    }));
  });

  it('gives the same blend whatever the order of the members', () => {
    fc.assert(fc.property(aliasedGroupArb(), sizeArb, fc.infiniteStream(fc.nat()), ({ members }, size, draws) => {
      const shuffled = [...members];
      const random = draws[Symbol.iterator]();
      for (let i = shuffled.length - 1; i > 0; i -= 1) {
        const j = (random.next().value as number) % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(buildBlend(shuffled, { size, platforms })).toEqual(buildBlend(members, { size, platforms }));
    }));
  });

  it('puts no artist twice in a row unless one artist has more than half the blend', () => {
    fc.assert(fc.property(groupArb(), sizeArb, ({ members }, size) => {
      const artists = buildBlend(members, { size, platforms }).entries.map((e) => artistKey(e.recording));
      const most = Math.max(0, ...[...new Set(artists)].map((a) => artists.filter((x) => x === a).length));
      const repeats = artists.filter((a, i) => i > 0 && a === artists[i - 1]).length;
      expect(repeats).toBe(Math.max(0, most - (artists.length - most) - 1));
    }));
  });

  it('has the size asked for, within 10–100, unless there are fewer recordings', () => {
    fc.assert(fc.property(groupArb(), sizeArb, ({ members }, size) => {
      const distinct = new Set(members.flatMap((m) => [...keysOf(m)])).size;
      expect(buildBlend(members, { size, platforms }).entries).toHaveLength(Math.min(clampBlendSize(size), distinct));
    }));
  });

  it('puts on each platform exactly the entries it has, in order', () => {
    fc.assert(fc.property(groupArb(), ({ members }) => {
      const { entries, perPlatform } = buildBlend(members, { size: 50, platforms });
      for (const p of platforms) {
        const ids = entries.flatMap((e) => (e.recording.ids[p] === undefined ? [] : [e.recording.ids[p]]));
        expect(perPlatform[p]?.trackIds).toEqual(ids);
        expect((perPlatform[p]?.available ?? 0) + (perPlatform[p]?.missing.length ?? 0)).toBe(entries.length);
      }
    }));
  });
});
