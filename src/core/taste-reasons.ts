import type { Priorities } from './blend-select.js';
import type { ArtistTable } from './taste-artists.js';
import { sharersOf } from './sharers.js';
import type { TasteIndex } from './taste-index.js';
import type { ResolvedRecording } from './types.js';

/** The common ground behind a taste score, for people to read (the embed, the public page). */

/** How many shared artists the reasons name. */
export const TOP_SHARED_ARTISTS = 5;
/** How many shared tracks the reasons list (`sharedTrackCount` has them all). */
export const SHARED_TRACKS_LISTED = 50;

export interface SharedTrack {
  readonly recording: ResolvedRecording;
  /** Member ids, sorted. */
  readonly sharedBy: readonly string[];
}

export interface SharedArtist {
  readonly name: string;
  /** Member ids, sorted. */
  readonly sharedBy: readonly string[];
}

export interface TasteReasons {
  /**
   * Up to SHARED_TRACKS_LISTED recordings two or more members listed: most sharers first, then
   * most loved by the group, then first seen.
   */
  readonly sharedTracks: readonly SharedTrack[];
  /** How many recordings two or more members listed. */
  readonly sharedTrackCount: number;
  /** Up to TOP_SHARED_ARTISTS main artists two or more members listen to, most listeners first. */
  readonly topSharedArtists: readonly SharedArtist[];
  /** The one song that brings the group together: the first shared track, if any. */
  readonly unifyingTrack?: SharedTrack;
}

/** Shared recordings come first in the blend's priority order, so they are read off its head. */
export function tasteReasons(index: TasteIndex, artists: ArtistTable, p: Priorities): TasteReasons {
  const ids = (members: readonly number[]) => members.map((m) => index.members[m]?.memberId ?? '');
  let sharedTrackCount = 0;
  while (sharedTrackCount < p.order.length && (p.sharerCount[p.order[sharedTrackCount] ?? 0] ?? 0) >= 2) sharedTrackCount += 1;
  const sharedTracks = [...p.order.subarray(0, Math.min(sharedTrackCount, SHARED_TRACKS_LISTED))].map((r) => ({
    recording: index.recordings[r] as ResolvedRecording, sharedBy: ids([...sharersOf(index, r)]),
  }));
  const mass = (a: number) => (artists.listeners[a] ?? []).reduce((sum, l) => sum + l.mass, 0);
  const topSharedArtists = artists.listeners
    .map((listeners, a) => ({ a, count: listeners.length, mass: mass(a) }))
    .filter((x) => x.count >= 2)
    .sort((x, y) => y.count - x.count || y.mass - x.mass || x.a - y.a)
    .slice(0, TOP_SHARED_ARTISTS)
    .map(({ a }) => ({ name: artists.names[a] ?? '', sharedBy: ids((artists.listeners[a] ?? []).map((l) => l.member)) }));
  const [unifyingTrack] = sharedTracks;
  const reasons = { sharedTracks, sharedTrackCount, topSharedArtists };
  return unifyingTrack ? { ...reasons, unifyingTrack } : reasons;
}
