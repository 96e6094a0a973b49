import { ArtistKeys } from './artist-keys.js';
import { groupNodes } from './group-recordings.js';
import { preferCopy } from './recording-order.js';
import { flatSharers } from './sharers.js';
import { TIME_RANGES } from './types.js';
import type { MemberTaste, ResolvedRecording, TimeRange } from './types.js';
import { appearanceWeight } from './weights.js';

/**
 * The members' tastes over one shared set of distinct recordings: the common ground the blend
 * and the taste score both work from. Members are taken in memberId order and recordings are
 * numbered in order of first appearance in that walk, so nothing downstream depends on the
 * order of the input.
 */
export interface Appearance { readonly range: TimeRange; readonly rank: number }

export interface MemberView {
  readonly memberId: string;
  /** The distinct recording indexes the member listed, in walk order (short range first). */
  readonly recordings: Int32Array;
  /** Taste weight (see weights.ts) of each entry of `recordings`. */
  readonly weights: Float64Array;
  /** The heaviest appearance of each entry of `recordings`: its range (index into TIME_RANGES)… */
  readonly bestRange: Uint8Array;
  /** …and its 0-based rank. */
  readonly bestRank: Int32Array;
  /** Σ of `weights`. */
  readonly total: number;
}

export interface TasteIndex {
  readonly recordings: readonly ResolvedRecording[];
  readonly members: readonly MemberView[];
  /**
   * Who listed each recording, as one flat list: the members (indexes into `members`,
   * ascending) who listed recording r are sharerList[sharerStart[r] … sharerStart[r + 1] − 1].
   */
  readonly sharerStart: Int32Array;
  readonly sharerList: Int32Array;
  /** Main-artist keys, remembered for this index's lifetime. */
  readonly artistKeys: ArtistKeys;
}

/** Entries with one memberId, in an order that depends on their content only. */
function canonicalMembers(members: readonly MemberTaste[]): [string, MemberTaste[]][] {
  const byId = new Map<string, MemberTaste[]>();
  for (const member of members) {
    const list = byId.get(member.memberId);
    if (list) list.push(member);
    else byId.set(member.memberId, [member]);
  }
  const signature = (m: MemberTaste) => TIME_RANGES.map((r) => (m.ranked[r] ?? []).map((x) => x.key).join(',')).join('|');
  const bySignature = (a: MemberTaste, b: MemberTaste) => (signature(a) < signature(b) ? -1 : signature(a) > signature(b) ? 1 : 0);
  for (const list of byId.values()) if (list.length > 1) list.sort(bySignature);
  return [...byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Numbers distinct keys in walk order (member, range, rank); `appearances[m]` holds (node,
 * range index, rank) triples in rank order within each range.
 */
function walk(members: readonly [string, MemberTaste[]][]): { nodes: ResolvedRecording[]; appearances: Int32Array[] } {
  const nodeOf = new Map<string, number>();
  const nodes: ResolvedRecording[] = [];
  const appearances = members.map(([, entries]) => {
    const lists = TIME_RANGES.map((range) => entries.map((entry) => entry.ranked[range] ?? []));
    const triples = new Int32Array(3 * lists.flat().reduce((sum, list) => sum + list.length, 0));
    let t = 0;
    lists.forEach((inRange, r) => {
      const longest = Math.max(0, ...inRange.map((list) => list.length));
      for (let rank = 0; rank < longest; rank += 1) {
        for (const list of inRange) {
          const recording = list[rank];
          if (recording === undefined) continue;
          let node = nodeOf.get(recording.key);
          if (node === undefined) nodeOf.set(recording.key, (node = nodes.push(recording) - 1));
          else if (preferCopy(recording, nodes[node] as ResolvedRecording)) nodes[node] = recording;
          triples[t++] = node;
          triples[t++] = r;
          triples[t++] = rank;
        }
      }
    });
    return triples;
  });
  return { nodes, appearances };
}

/** Per-recording scratch arrays shared by every member's pass (reset after each). */
interface Scratch { readonly slot: Int32Array; readonly mark: Int32Array }

function memberView(memberId: string, triples: Int32Array, groupOf: Int32Array, scratch: Scratch, stamp: number): MemberView {
  const most = triples.length / 3;
  const recordings = new Int32Array(most);
  const weights = new Float64Array(most);
  const bestRange = new Uint8Array(most);
  const bestRank = new Int32Array(most);
  let count = 0;
  let total = 0;
  for (let t = 0; t < triples.length; t += 3) {
    const group = groupOf[triples[t] ?? 0] ?? 0;
    const r = triples[t + 1] ?? 0;
    const rank = triples[t + 2] ?? 0;
    const mark = stamp * 3 + r + 1;
    if (scratch.mark[group] === mark) continue; // listed again lower in the same range: the best rank counts
    scratch.mark[group] = mark;
    const weight = appearanceWeight(TIME_RANGES[r] ?? 'short', rank);
    let at = scratch.slot[group] ?? -1;
    if (at < 0) {
      at = count++;
      scratch.slot[group] = at;
      recordings[at] = group;
      bestRange[at] = r;
      bestRank[at] = rank;
    } else if (weight > appearanceWeight(TIME_RANGES[bestRange[at] ?? 0] ?? 'short', bestRank[at] ?? 0)) {
      bestRange[at] = r;
      bestRank[at] = rank;
    }
    weights[at] = (weights[at] ?? 0) + weight;
    total += weight;
  }
  for (let i = 0; i < count; i += 1) scratch.slot[recordings[i] ?? 0] = -1;
  return {
    memberId, recordings: recordings.subarray(0, count), weights: weights.subarray(0, count),
    bestRange: bestRange.subarray(0, count), bestRank: bestRank.subarray(0, count), total,
  };
}

/** The member's heaviest appearance of the recording at `i` in their `recordings`. */
export function bestAppearance(view: MemberView, i: number): Appearance {
  return { range: TIME_RANGES[view.bestRange[i] ?? 0] ?? 'short', rank: view.bestRank[i] ?? 0 };
}

/**
 * Builds the index. Entries that share a memberId are one member (each recording's best rank per
 * range counts).
 */
export function indexTastes(members: readonly MemberTaste[]): TasteIndex {
  const canonical = canonicalMembers(members);
  const { nodes, appearances } = walk(canonical);
  const artistKeys = new ArtistKeys();
  const { recordings, groupOf } = groupNodes(nodes, artistKeys);
  const scratch: Scratch = { slot: new Int32Array(recordings.length).fill(-1), mark: new Int32Array(recordings.length) };
  const views = canonical.map(([id], m) => memberView(id, appearances[m] ?? new Int32Array(0), groupOf, scratch, m));
  return { recordings, members: views, ...flatSharers(recordings.length, views), artistKeys };
}
