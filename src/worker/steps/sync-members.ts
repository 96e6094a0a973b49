import type { AppContext } from '../../context.js';
import { asWorker, withActor } from '../../data/actor.js';
import { setLeftOutReason, type BlendRun, type RunConnection, type RunMember } from '../../data/blend-runs.js';
import { isProviderError, type ProviderFailure } from '../../providers/errors.js';
import type { ProviderTrack } from '../../providers/types.js';
import { loadTopTrackSet } from '../../sync/top-track-rows.js';
import { syncTopTracks } from '../../sync/sync-top-tracks.js';
import type { TopTrackSet } from '../../sync/fetch-top-tracks.js';
import { mapWithConcurrency } from '../map-with-concurrency.js';
import { notifyLeftOut } from '../notices.js';

/** Members synced at once per run (each one's ranges run in turn, sharing one token). */
export const MEMBER_SYNC_CONCURRENCY = 10;

/** A member who takes part, with the account their taste comes from and its ranked tracks. */
export interface TakingPart { readonly member: RunMember; readonly connection: RunConnection; readonly tracks: TopTrackSet }
export interface LeftOut { readonly member: RunMember; readonly reason: string; readonly relink?: RunConnection['provider'] }

/** Failures that are the member's, not the moment's: leave them out and tell them. */
const MEMBER_FAILURES: Partial<Record<ProviderFailure, string>> = {
  relink_required: 'your music account needs linking again',
  not_allowlisted: 'Spotify says your account is not on this bot\'s allowlist (the bot owner has to add you in the Spotify developer dashboard)',
  no_subscription: 'Apple Music says there is no active subscription on your account',
  forbidden: 'the music service refused to share your top tracks',
  unauthorized: 'the music service rejected your login',
};

/**
 * Brings every accepted member's top tracks up to date (24 h rule) and sorts them into those
 * who take part and those left out (no usable account, relink needed, not allowlisted, no top
 * tracks). Transient provider failures propagate: the whole run is retried later.
 */
export async function syncMembers(ctx: AppContext, run: BlendRun): Promise<{ takingPart: TakingPart[]; leftOut: LeftOut[] }> {
  const results = await mapWithConcurrency(run.members, MEMBER_SYNC_CONCURRENCY, (member) => syncOne(ctx, member));
  const takingPart = results.filter((r): r is TakingPart => 'tracks' in r);
  const leftOut = results.filter((r): r is LeftOut => 'reason' in r);
  const newlyLeftOut = await withActor(ctx.db, asWorker, async (tx) => {
    for (const part of takingPart) await setLeftOutReason(tx, run.id, part.member.userId, null);
    const changed: LeftOut[] = [];
    for (const out of leftOut) if (await setLeftOutReason(tx, run.id, out.member.userId, out.reason)) changed.push(out);
    return changed;
  });
  for (const out of newlyLeftOut) await notifyLeftOut(ctx, run, out).catch((err: unknown) => ctx.log.warn({ err }, 'could not tell a member they were left out'));
  return { takingPart, leftOut };
}

/** Spotify first (real top tracks), then Apple Music (approximated); enabled and not stale. */
function usableConnections(ctx: AppContext, member: RunMember): RunConnection[] {
  return member.connections.filter((c) => ctx.providers.has(c.provider))
    .sort((a, b) => Number(a.needsRelink) - Number(b.needsRelink) || (a.provider === 'spotify' ? -1 : 1));
}

async function syncOne(ctx: AppContext, member: RunMember): Promise<TakingPart | LeftOut> {
  const [connection] = usableConnections(ctx, member);
  if (!connection) return { member, reason: 'no linked music service is enabled on this bot' };
  if (connection.needsRelink) return { member, reason: MEMBER_FAILURES.relink_required ?? '', relink: connection.provider };
  try {
    const outcome = await syncTopTracks(ctx, connection.id, { actor: asWorker });
    if (outcome.kind === 'needs_relink') return { member, reason: MEMBER_FAILURES.relink_required ?? '', relink: connection.provider };
    if (outcome.kind === 'gone' || outcome.kind === 'provider_disabled') return { member, reason: 'your linked account is no longer available' };
  } catch (error) {
    const reason = isProviderError(error) ? MEMBER_FAILURES[error.kind] : undefined;
    if (!reason) throw error;
    return { member, reason, ...(isProviderError(error, 'unauthorized') ? { relink: connection.provider } : {}) };
  }
  const tracks = await withActor(ctx.db, asWorker, (tx) => loadTopTrackSet(tx, connection.id, connection.provider));
  if (countAll(tracks) === 0) return { member, reason: 'your account has no listening history to blend yet' };
  return { member, connection, tracks };
}

const countAll = (set: TopTrackSet) => set.short.length + set.medium.length + set.long.length;
export const allTracks = (set: TopTrackSet): ProviderTrack[] => [...set.short, ...set.medium, ...set.long];
