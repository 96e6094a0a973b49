import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupTaste, pairwiseTaste } from '../../src/core/index.js';
import type { MemberTaste, ResolvedRecording } from '../../src/core/index.js';
import { catalogArb, groupArb, keysOf, memberArb } from './arbitraries.js';

const pairArb = catalogArb().chain((catalog) => fc.tuple(memberArb(catalog, 'a'), memberArb(catalog, 'b'), fc.nat()));

/** `member` with `recording` appended to its long-term list (no other weight moves). */
const withAppended = (member: MemberTaste, recording: ResolvedRecording): MemberTaste =>
  ({ ...member, ranked: { ...member.ranked, long: [...(member.ranked.long ?? []), recording] } });

const listed = (member: MemberTaste) => [...(member.ranked.short ?? []), ...(member.ranked.medium ?? []), ...(member.ranked.long ?? [])];

describe('taste score properties', () => {
  it('stays within 0–100, for the group and every pair', () => {
    fc.assert(fc.property(groupArb(), ({ members }) => {
      const group = groupTaste(members);
      for (const score of [group.score, ...group.pairs.map((p) => p.score)]) {
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }
    }));
  });

  it('gives 100 to a member and an identical copy', () => {
    fc.assert(fc.property(pairArb, ([a]) => {
      fc.pre(listed(a).length > 0);
      expect(pairwiseTaste(a, { ...a, memberId: 'twin' }).score).toBe(100);
    }));
  });

  it('gives 0 when nothing is shared, not even an artist', () => {
    fc.assert(fc.property(pairArb, ([a, b]) => {
      const artistsOfA = new Set(listed(a).map((r) => r.artists[0]));
      const disjoint = { ...b, ranked: Object.fromEntries(Object.entries(b.ranked).map(([range, list]) => [range, (list ?? []).filter((r) => !artistsOfA.has(r.artists[0]))])) };
      expect(pairwiseTaste(a, disjoint).score).toBe(0);
    }));
  });

  it('never drops when a member adds a track the other has', () => {
    fc.assert(fc.property(pairArb, ([a, b, pick]) => {
      const candidates = listed(a).filter((r) => !(b.ranked.long ?? []).some((x) => x.key === r.key));
      fc.pre(candidates.length > 0);
      const more = withAppended(b, candidates[pick % candidates.length]!);
      expect(pairwiseTaste(a, more).score).toBeGreaterThanOrEqual(pairwiseTaste(a, b).score);
    }));
  });

  it('never drops for the group when a member adds a track another member has', () => {
    fc.assert(fc.property(groupArb(), fc.nat(), fc.nat(), ({ members }, who, pick) => {
      fc.pre(members.length >= 2);
      const b = members[who % members.length]!;
      const others = members.filter((m) => m !== b).flatMap(listed).filter((r) => !keysOf(b).has(r.key));
      fc.pre(others.length > 0);
      const changed = members.map((m) => (m === b ? withAppended(b, others[pick % others.length]!) : m));
      expect(groupTaste(changed).score).toBeGreaterThanOrEqual(groupTaste(members).score);
    }));
  });
});
