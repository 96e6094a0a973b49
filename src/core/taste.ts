import { priorities } from './blend-select.js';
import type { Priorities } from './blend-select.js';
import { artistTable } from './taste-artists.js';
import type { ArtistTable } from './taste-artists.js';
import { sharerCount } from './sharers.js';
import { indexTastes } from './taste-index.js';
import type { TasteIndex } from './taste-index.js';
import { tasteReasons } from './taste-reasons.js';
import type { TasteReasons } from './taste-reasons.js';
import type { MemberTaste } from './types.js';

/**
 * Taste match, 0–100: how much of each member's taste the others share.
 *
 * Every appearance in a member's top lists carries a weight (weights.ts: recent and high ranks
 * weigh more). A member's coverage is the weighted share of their recordings that are shared:
 *
 *   coverage(m) = Σ_r w_m(r) · hit(r) / Σ_r w_m(r)
 *   hit(r) = 1                      if another member also listed recording r
 *          = SHARED_ARTIST_CREDIT   else, if another member listed anything by r's main artist
 *          = 0                      otherwise
 *
 * Pair score  = round(100 · (coverage_a→b + coverage_b→a) / 2), "another member" being the other.
 * Group score = round(100 · mean of the members' coverages), "another member" being anyone else
 * (members without tracks are left out; under two members with tracks, 0).
 *
 * Why it is believable: identical lists share everything (100); nothing in common, not even an
 * artist, gives 0; a member adding a recording another member has never lowers it (that
 * recording's hit is 1, at least the member's current coverage, and it can only raise the
 * others' hits); the common ground is reported with the number (see taste-reasons.ts).
 * Mind that the group score asks "how much of each taste does someone else share": in a large
 * group it runs higher than the pair scores, which ask it of one other member.
 */
export const SHARED_ARTIST_CREDIT = 0.4;

export interface TasteMatch extends TasteReasons {
  /** 0–100. */
  readonly score: number;
}

export interface PairScore { readonly a: string; readonly b: string; readonly score: number }

export interface GroupTaste extends TasteMatch {
  /** Every pair of members (a < b by id), in id order. */
  readonly pairs: readonly PairScore[];
}

const toScore = (fraction: number) => Math.round(100 * Math.min(1, Math.max(0, fraction)));

function groupScore(index: TasteIndex, artists: ArtistTable): number {
  const coverages: number[] = [];
  for (const view of index.members) {
    if (view.total <= 0) continue;
    let hits = 0;
    for (let i = 0; i < view.recordings.length; i += 1) {
      const r = view.recordings[i] ?? 0;
      const weight = view.weights[i] ?? 0;
      if (sharerCount(index, r) >= 2) hits += weight;
      else if ((artists.listeners[artists.artistOf[r] ?? 0]?.length ?? 0) >= 2) hits += SHARED_ARTIST_CREDIT * weight;
    }
    coverages.push(hits / view.total);
  }
  return coverages.length < 2 ? 0 : toScore(coverages.reduce((a, b) => a + b, 0) / coverages.length);
}

/** trackHit[a·n + b]: a's weight on recordings b shares; artistHit likewise for main artists. */
function pairMatrices(index: TasteIndex, artists: ArtistTable): { trackHit: Float64Array; artistHit: Float64Array } {
  const n = index.members.length;
  const trackHit = new Float64Array(n * n);
  const artistHit = new Float64Array(n * n);
  const { sharerStart, sharerList } = index;
  index.members.forEach((view, a) => {
    for (let i = 0; i < view.recordings.length; i += 1) {
      const r = view.recordings[i] ?? 0;
      const start = sharerStart[r] ?? 0;
      const end = sharerStart[r + 1] ?? 0;
      if (end - start < 2) continue;
      const weight = view.weights[i] ?? 0;
      for (let k = start; k < end; k += 1) {
        const b = sharerList[k] ?? 0;
        if (a !== b) trackHit[a * n + b] = (trackHit[a * n + b] ?? 0) + weight;
      }
    }
  });
  for (const listeners of artists.listeners) {
    if (listeners.length < 2) continue;
    for (const { member: a, mass } of listeners) {
      for (const { member: b } of listeners) if (a !== b) artistHit[a * n + b] = (artistHit[a * n + b] ?? 0) + mass;
    }
  }
  return { trackHit, artistHit };
}

function pairScores(index: TasteIndex, artists: ArtistTable): PairScore[] {
  const n = index.members.length;
  const { trackHit, artistHit } = pairMatrices(index, artists);
  const coverage = (a: number, b: number) => {
    const total = index.members[a]?.total ?? 0;
    const track = trackHit[a * n + b] ?? 0;
    return total <= 0 ? 0 : (track + SHARED_ARTIST_CREDIT * ((artistHit[a * n + b] ?? 0) - track)) / total;
  };
  const pairs: PairScore[] = [];
  for (let a = 0; a < n; a += 1) {
    for (let b = a + 1; b < n; b += 1) {
      pairs.push({ a: index.members[a]?.memberId ?? '', b: index.members[b]?.memberId ?? '', score: toScore((coverage(a, b) + coverage(b, a)) / 2) });
    }
  }
  return pairs;
}

/** The group's taste from an index already built (the blend shares its index). */
export function tasteOfIndex(index: TasteIndex, p: Priorities = priorities(index)): GroupTaste {
  const artists = artistTable(index);
  return { score: groupScore(index, artists), ...tasteReasons(index, artists, p), pairs: pairScores(index, artists) };
}

/** Whole-group taste match with its reasons and every pair's score. */
export function groupTaste(members: readonly MemberTaste[]): GroupTaste {
  return tasteOfIndex(indexTastes(members));
}

/** Taste match of two members (with different memberIds) with its reasons. */
export function pairwiseTaste(a: MemberTaste, b: MemberTaste): TasteMatch {
  const { pairs: _pairs, ...match } = groupTaste([a, b]);
  return match;
}
