import fc from 'fast-check';
import type { MemberTaste, ResolvedRecording, TimeRange } from '../../src/core/index.js';

/**
 * fast-check generators: a small catalog (so members overlap and artists repeat) and members
 * whose ranges list distinct recordings of it.
 */
export interface Catalog { readonly recordings: readonly ResolvedRecording[] }

export const catalogArb = (maxSize = 40, maxArtists = 6): fc.Arbitrary<Catalog> =>
  fc.array(fc.record({ artist: fc.nat({ max: maxArtists - 1 }), spotify: fc.boolean(), apple: fc.boolean() }), { minLength: 1, maxLength: maxSize })
    .map((specs) => ({
      recordings: specs.map((spec, i) => {
        const isrc = `QZABC${String(i).padStart(7, '0')}`;
        return {
          key: `isrc:${isrc}`, isrc, title: `Song ${i}`, artists: [`Artist ${spec.artist}`], durationMs: 150_000 + i * 7_000,
          ids: { ...(spec.spotify ? { spotify: `sp${i}` } : {}), ...(spec.apple ? { apple: `am${i}` } : {}) },
        };
      }),
    }));

const rangeArb = (catalog: Catalog, maxLength: number) =>
  fc.uniqueArray(fc.nat({ max: catalog.recordings.length - 1 }), { maxLength })
    .map((indexes) => indexes.map((i) => catalog.recordings[i] as ResolvedRecording));

export const memberArb = (catalog: Catalog, memberId: string, maxPerRange = 15): fc.Arbitrary<MemberTaste> =>
  fc.record({ short: rangeArb(catalog, maxPerRange), medium: rangeArb(catalog, maxPerRange), long: rangeArb(catalog, maxPerRange) })
    .map((ranked: Record<TimeRange, ResolvedRecording[]>) => ({ memberId, ranked }));

/** A catalog and 1..maxMembers members (ids m0, m1, …) listing parts of it. */
export const groupArb = (maxMembers = 6, maxSize = 40) =>
  catalogArb(maxSize).chain((catalog) =>
    fc.integer({ min: 1, max: maxMembers }).chain((count) =>
      fc.tuple(...Array.from({ length: count }, (_v, i) => memberArb(catalog, `m${i}`)))
        .map((members) => ({ catalog, members: members as MemberTaste[] }))));

/** Every recording key a member listed. */
export const keysOf = (member: MemberTaste) =>
  new Set([...(member.ranked.short ?? []), ...(member.ranked.medium ?? []), ...(member.ranked.long ?? [])].map((r) => r.key));

/**
 * Like `groupArb`, but members may list a recording under an alias: the same recording as the
 * other platform's resolver saw it (a `meta:` key, no ISRC, only its Apple id).
 */
export const aliasedGroupArb = (maxMembers = 6) =>
  groupArb(maxMembers).chain(({ catalog, members }) =>
    fc.array(fc.boolean(), { minLength: members.length * 3, maxLength: members.length * 3 }).map((flags) => ({
      catalog,
      members: members.map((member, m) => ({
        ...member,
        ranked: Object.fromEntries((['short', 'medium', 'long'] as const).map((range, r) => [range,
          (member.ranked[range] ?? []).map((rec) => (flags[m * 3 + r] && rec.ids.apple
            ? { ...rec, key: `meta:${rec.title.toLowerCase()}|${rec.artists[0]?.toLowerCase()}`, isrc: undefined, ids: { apple: rec.ids.apple } }
            : rec))])),
      })),
    })));
