import { recordingKey } from './keys.js';
import { matchPrepared } from './match.js';
import { normalizeIsrc } from './normalize.js';
import { prepareTrack } from './prepare.js';
import { resolutionStep } from './resolve-cache.js';
import type { CacheLookup, TrackMatchRow } from './resolve-cache.js';
import type { TextSearch } from './resolve-plan.js';
import type { MatchInput, ProviderId, ProviderTrack, ResolvedRecording } from './types.js';

/**
 * Turning answers into recordings: choosing among search candidates, and building each member
 * track's `ResolvedRecording` once the cache knows the answers.
 */

/**
 * The candidate that is the same recording as `source`, or undefined. Among several, the best
 * match score wins, then the closest duration, then the smallest id (so the choice is stable).
 * Use it for search results and for an ISRC that maps to several catalog tracks.
 */
export function pickBestCandidate<T extends MatchInput & { readonly id: string }>(source: MatchInput, candidates: readonly T[]): T | undefined {
  const prepared = prepareTrack(source);
  let best: { candidate: T; score: number; gap: number } | undefined;
  for (const candidate of candidates) {
    const result = matchPrepared(prepared, prepareTrack(candidate));
    if (!result.sameRecording) continue;
    const gap = Math.abs(candidate.durationMs - source.durationMs);
    const better = best === undefined || result.score > best.score
      || (result.score === best.score && (gap < best.gap || (gap === best.gap && candidate.id < best.candidate.id)));
    if (better) best = { candidate, score: result.score, gap };
  }
  return best?.candidate;
}

/** The `track_matches` row that records a search's outcome (null id: nothing matched). */
export function textSearchRow(search: TextSearch, candidates: readonly (MatchInput & { readonly id: string })[]): TrackMatchRow {
  return { provider: search.provider, lookupKey: search.key, providerTrackId: pickBestCandidate(search.source, candidates)?.id ?? null };
}

/** One member track as a recording: its own id, plus the ids the cache knows on `targets`. */
export function resolveTrack(track: ProviderTrack, targets: readonly ProviderId[], cache: CacheLookup): ResolvedRecording {
  const ids: Partial<Record<ProviderId, string>> = { [track.provider]: track.id };
  for (const target of targets) {
    if (target === track.provider) continue;
    const step = resolutionStep(track, target, cache);
    if (step.kind === 'resolved' && step.providerTrackId !== null) ids[target] = step.providerTrackId;
  }
  const { provider: _provider, id: _id, isrc: _isrc, ...rest } = track;
  const isrc = normalizeIsrc(track.isrc);
  return { ...rest, ...(isrc ? { isrc } : {}), key: recordingKey(track), ids };
}

/**
 * Every member track as a recording, in the order given. Run it after the lookups have been
 * stored: whatever is still unknown or missing is simply absent from `ids`.
 */
export function resolveRecordings(input: { readonly tracks: readonly ProviderTrack[]; readonly targets: readonly ProviderId[]; readonly cache: CacheLookup }): ResolvedRecording[] {
  return input.tracks.map((track) => resolveTrack(track, input.targets, input.cache));
}
