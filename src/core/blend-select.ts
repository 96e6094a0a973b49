import { sharerCount as countSharers } from './sharers.js';
import type { TasteIndex } from './taste-index.js';

/**
 * Who brings which recording: fair turns over each member's preference list.
 *
 * Each member's list is ordered: recordings shared by more members first, then by the group's
 * combined taste weight, then by first appearance (members in id order, short range first). At every turn the member with the fewest picks so far
 * takes the best recording of their list that nobody has taken yet; ties go to the member whose
 * next recording ranks higher in the same order (so shared songs come early), then to memberId.
 * A member whose list runs out drops out and the others go on.
 *
 * Fairness follows: when member b took their last pick, a member a who still has recordings
 * had at least as many picks as b had then, so every member who is not out of recordings ends
 * within one pick of every other (the ±1 bound), and a member with few recordings gives all
 * they have.
 */
export interface Turn { readonly recording: number; readonly member: number }

export interface Priorities {
  /** Recording index → how many members listed it. */
  readonly sharerCount: Int32Array;
  /** Recording index → Σ of its taste weights over the members. */
  readonly groupWeight: Float64Array;
  /** Recording index → its place when all recordings are sorted by `compareRecordings`. */
  readonly place: Int32Array;
  /** Place → recording index (the inverse of `place`). */
  readonly order: Int32Array;
}

/** Negative when recording a comes before recording b: more sharers, more weight, then first seen. */
export function compareRecordings(p: { readonly sharerCount: Int32Array; readonly groupWeight: Float64Array }, a: number, b: number): number {
  return (p.sharerCount[b] ?? 0) - (p.sharerCount[a] ?? 0) || (p.groupWeight[b] ?? 0) - (p.groupWeight[a] ?? 0) || a - b;
}

export function priorities(index: TasteIndex): Priorities {
  const count = index.recordings.length;
  const sharerCount = new Int32Array(count);
  const groupWeight = new Float64Array(count);
  for (let r = 0; r < count; r += 1) sharerCount[r] = countSharers(index, r);
  for (const member of index.members) {
    for (let i = 0; i < member.recordings.length; i += 1) {
      const r = member.recordings[i] ?? 0;
      groupWeight[r] = (groupWeight[r] ?? 0) + (member.weights[i] ?? 0);
    }
  }
  const order = Int32Array.from({ length: count }, (_v, i) => i).sort((a, b) => compareRecordings({ sharerCount, groupWeight }, a, b));
  const place = new Int32Array(count);
  for (let i = 0; i < count; i += 1) place[order[i] ?? 0] = i;
  return { sharerCount, groupWeight, place, order };
}

/** A member's recordings in priority order (a native sort on places: cheap for 100 members). */
function preferenceList(recordings: Int32Array, p: Priorities): Int32Array {
  return recordings.map((r) => p.place[r] ?? 0).sort().map((place) => p.order[place] ?? 0);
}

/** Picks up to `size` recordings in turn order. */
export function selectFairly(index: TasteIndex, p: Priorities, size: number): Turn[] {
  const lists = index.members.map((m) => preferenceList(m.recordings, p));
  const next = lists.map(() => 0);
  const counts = lists.map(() => 0);
  const taken = new Uint8Array(index.recordings.length);
  const peek = (m: number): number | undefined => {
    const list = lists[m] ?? [];
    let i = next[m] ?? 0;
    while (i < list.length && taken[list[i] ?? 0]) i += 1;
    next[m] = i;
    return list[i];
  };
  const picks: Turn[] = [];
  while (picks.length < size) {
    let chosen: { member: number; recording: number } | undefined;
    for (let m = 0; m < lists.length; m += 1) {
      const recording = peek(m);
      if (recording === undefined) continue;
      const fewer = chosen === undefined || (counts[m] ?? 0) < (counts[chosen.member] ?? 0);
      const tied = chosen !== undefined && counts[m] === counts[chosen.member];
      if (fewer || (tied && chosen !== undefined && (p.place[recording] ?? 0) < (p.place[chosen.recording] ?? 0))) chosen = { member: m, recording };
    }
    if (chosen === undefined) break;
    taken[chosen.recording] = 1;
    counts[chosen.member] = (counts[chosen.member] ?? 0) + 1;
    picks.push(chosen);
  }
  return picks;
}
