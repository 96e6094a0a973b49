import { spaceArtists } from './artist-spacing.js';
import { priorities, selectFairly } from './blend-select.js';
import type { Priorities, Turn } from './blend-select.js';
import { platformCoverage } from './coverage.js';
import type { PlatformCoverage } from './coverage.js';
import { sharersOf } from './sharers.js';
import { bestAppearance, indexTastes } from './taste-index.js';
import type { TasteIndex } from './taste-index.js';
import { tasteOfIndex } from './taste.js';
import type { GroupTaste } from './taste.js';
import type { MemberTaste, ProviderId, ResolvedRecording, TimeRange } from './types.js';

/**
 * The blend (design.md, "The blend"): one ordered playlist from the members' ranked tracks.
 *
 * - Each recording once: recordings are grouped by key, ISRC, platform id, or (without ISRC)
 *   normalised title + artist + duration (group-recordings.ts).
 * - Selection by fair turns (blend-select.ts): every member within ±1 pick of every other while
 *   they have recordings left; a member with few gives what they have and the others share the
 *   rest. Shared recordings rank first in every member's list, so they are picked early, but
 *   never at the cost of that bound.
 * - Order: shared recordings first (more sharers, then more loved), then the turns in the order
 *   they were taken; then no main artist twice in a row where avoidable (artist-spacing.ts).
 * - Recent taste weighs more than old and rank matters within a range (weights.ts).
 * - Same output for the same input, whatever the order of members (ties break on memberId and
 *   recording key).
 */

export const BLEND_MIN_SIZE = 10;
export const BLEND_MAX_SIZE = 100;

export interface BlendOptions {
  /** Wanted length, clamped to BLEND_MIN_SIZE..BLEND_MAX_SIZE; shorter if there are fewer recordings. */
  readonly size: number;
  /** Platforms to make playlists for; `perPlatform` has one entry per platform listed. */
  readonly platforms: readonly ProviderId[];
}

/** Why an entry is in the blend. `rank` is 1-based (1 = the member's top track in that range). */
export type BlendReason =
  | { readonly kind: 'shared'; readonly members: number }
  | { readonly kind: 'top'; readonly range: TimeRange; readonly rank: number };

export interface BlendEntry {
  /** 0-based position in the blend. */
  readonly position: number;
  readonly recording: ResolvedRecording;
  /** The member credited with bringing it. */
  readonly contributorId: string;
  /** Every member who listed it, sorted (contributor included). */
  readonly sharedBy: readonly string[];
  readonly reason: BlendReason;
}

export interface BlendResult {
  readonly entries: readonly BlendEntry[];
  /** Per requested platform: its track ids in order, and its coverage of the blend. */
  readonly perPlatform: Readonly<Partial<Record<ProviderId, PlatformCoverage>>>;
  /** Entries credited to each member, every member listed, in memberId order. */
  readonly contributions: readonly { readonly memberId: string; readonly count: number }[];
  readonly taste: GroupTaste;
}

export function clampBlendSize(size: number): number {
  const whole = Number.isFinite(size) ? Math.round(size) : BLEND_MIN_SIZE;
  return Math.min(BLEND_MAX_SIZE, Math.max(BLEND_MIN_SIZE, whole));
}

/** Shared picks first (by priority), then the others in turn order. */
function ordered(picks: readonly Turn[], p: Priorities): Turn[] {
  const shared = picks.filter((pick) => (p.sharerCount[pick.recording] ?? 0) >= 2)
    .sort((a, b) => (p.place[a.recording] ?? 0) - (p.place[b.recording] ?? 0));
  return [...shared, ...picks.filter((pick) => (p.sharerCount[pick.recording] ?? 0) < 2)];
}

function toEntry(index: TasteIndex, pick: Turn, position: number): BlendEntry {
  const recording = index.recordings[pick.recording] as ResolvedRecording;
  const sharers = [...sharersOf(index, pick.recording)];
  const member = index.members[pick.member];
  const best = member ? bestAppearance(member, member.recordings.indexOf(pick.recording)) : { range: 'short' as const, rank: 0 };
  return {
    position, recording, contributorId: member?.memberId ?? '',
    sharedBy: sharers.map((m) => index.members[m]?.memberId ?? ''),
    reason: sharers.length >= 2 ? { kind: 'shared', members: sharers.length } : { kind: 'top', range: best.range, rank: best.rank + 1 },
  };
}

/** Builds the blend; see the rules above. */
export function buildBlend(members: readonly MemberTaste[], options: BlendOptions): BlendResult {
  const index = indexTastes(members);
  const p = priorities(index);
  const picks = ordered(selectFairly(index, p, clampBlendSize(options.size)), p);
  const spaced = spaceArtists(picks, (pick) => index.artistKeys.of(index.recordings[pick.recording] as ResolvedRecording));
  const entries = spaced.map((pick, i) => toEntry(index, pick, i));
  const counts = index.members.map((m) => ({ memberId: m.memberId, count: 0 }));
  for (const pick of picks) (counts[pick.member] as { count: number }).count += 1;
  return {
    entries,
    perPlatform: platformCoverage(entries.map((e) => e.recording), options.platforms),
    contributions: counts,
    taste: tasteOfIndex(index, p),
  };
}
