import { blendSummarySchema, SUMMARY_LIST_MAX, type BlendSummary } from '../blends/summary.js';
import type { BlendResult, ProviderId } from '../core/index.js';

/** The summary plus what only the embed needs (not stored). */
export type BlendSummaryV1 = BlendSummary & { readonly leftOut: number };

/** Public text: no mention-like or snowflake-like runs (the schema refuses them), and short. */
const clip = (text: string, max = 200) => {
  const safe = text.replace(/<[@#][!&]?\d+>|\b\d{17,20}\b/g, '…').trim() || '…';
  return safe.length <= max ? safe : `${safe.slice(0, max - 1)}…`;
};

/**
 * `blends.summary` for a built blend, in the public page's contract (src/blends/summary.ts),
 * checked against its schema before it is stored: plain sentences, no mentions or ids.
 */
export function storedSummary(summary: BlendSummaryV1): BlendSummary {
  const { leftOut: _leftOut, ...stored } = summary;
  return blendSummarySchema.parse(stored) as BlendSummary;
}

export function summarize(result: BlendResult, names: ReadonlyMap<string, string>, leftOut: number): BlendSummaryV1 {
  const { taste } = result;
  const artists = taste.topSharedArtists.map((a) => a.name);
  const unifying = taste.unifyingTrack?.recording;
  const reasons = [
    taste.sharedTrackCount > 0 ? `${taste.sharedTrackCount} track${taste.sharedTrackCount === 1 ? '' : 's'} loved by more than one of you` : 'No track in common yet: a blend of very different tastes',
    ...(artists.length > 0 ? [`Artists you share: ${artists.join(', ')}`] : []),
    ...(unifying ? [`The song that brings you together: ${unifying.title} by ${unifying.artists.join(', ')}`] : []),
  ].map((r) => clip(r, 300));
  const coverage: Partial<Record<ProviderId, { available: number; total: number }>> = {};
  for (const [provider, c] of Object.entries(result.perPlatform) as [ProviderId, { available: number; total: number }][]) {
    coverage[provider] = { available: c.available, total: c.total };
  }
  return {
    version: 1,
    taste: {
      score: taste.score, reasons, sharedTracks: taste.sharedTrackCount, topSharedArtists: artists.slice(0, SUMMARY_LIST_MAX).map(clip),
      ...(unifying ? { unifyingTrack: { title: clip(unifying.title), artist: clip(unifying.artists.join(', ')) } } : {}),
    },
    coverage,
    members: result.contributions.map((c) => ({ userId: c.memberId, displayName: clip(names.get(c.memberId) ?? 'a member'), contributed: c.count })),
    leftOut,
  };
}
