import type { AppContext } from '../../context.js';
import { buildBlend, type BlendEntry, type BlendResult, type MemberTaste, type ProviderId } from '../../core/index.js';
import { asWorker, withActor } from '../../data/actor.js';
import { saveBuiltBlend, type BlendRun, type TrackRow } from '../../data/blend-runs.js';
import { storedSummary, summarize } from '../summary.js';
import type { TakingPart } from './sync-members.js';

/** Builds the blend with the pure core and saves tracks and summary in one transaction. */
export async function buildStep(ctx: AppContext, run: BlendRun, takingPart: readonly TakingPart[], tastes: readonly MemberTaste[], targets: readonly ProviderId[], leftOut: number): Promise<BlendResult> {
  const result = buildBlend(tastes, { size: run.size, platforms: targets });
  const providerOf = new Map(takingPart.map((p) => [p.member.userId, p.connection.provider]));
  const names = new Map(takingPart.map((p) => [p.member.userId, p.member.displayName]));
  const rows = result.entries.map((entry) => toRow(entry, providerOf.get(entry.contributorId) ?? 'spotify'));
  await withActor(ctx.db, asWorker, (tx) => saveBuiltBlend(tx, run.id, rows, storedSummary(summarize(result, names, leftOut))));
  ctx.log.info({ tracks: rows.length, taste: result.taste.score }, 'blend built');
  return result;
}

function toRow(entry: BlendEntry, contributorProvider: ProviderId): TrackRow {
  const r = entry.recording;
  const own = r.ids[contributorProvider];
  const sourceProvider: ProviderId = own ? contributorProvider : r.ids.spotify ? 'spotify' : 'apple';
  return {
    contributedBy: entry.contributorId,
    trackId: own ?? r.ids.spotify ?? r.ids.apple ?? r.key,
    trackName: r.title,
    artistName: r.artists.join(', '),
    albumName: r.album ?? null,
    albumArtUrl: r.artworkUrl ?? null,
    durationMs: r.durationMs > 0 ? r.durationMs : null,
    isrc: r.isrc ?? null,
    position: entry.position + 1,
    sourceProvider,
    spotifyTrackId: r.ids.spotify ?? null,
    appleTrackId: r.ids.apple ?? null,
    sharedBy: entry.sharedBy,
  };
}
