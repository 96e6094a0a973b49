import type { AppContext } from '../../context.js';
import { asUser, withActor } from '../../data/actor.js';
import { upsertConnection } from '../../data/connections.js';
import { acceptPendingParticipations, type AcceptedParticipation } from '../../data/participations-accept.js';
import { ensureUser } from '../../data/users.js';
import { isProviderError, type ProviderFailure } from '../../providers/errors.js';
import type { MusicProvider, ProviderAccount, ProviderId, UserAuth } from '../../providers/types.js';
import { fetchTopTrackSet, TOP_TRACKS_PER_RANGE, type TopTrackSet } from '../../sync/fetch-top-tracks.js';
import { replaceTopTracks } from '../../sync/top-track-rows.js';
import { announceLink } from './announce-link.js';

export interface LinkRequest {
  readonly discordId: string;
  readonly provider: ProviderId;
  readonly account: ProviderAccount;
  readonly auth: UserAuth;
  /** Provider specifics kept with the connection (Apple: the storefront). */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export interface LinkResult {
  readonly connectionId: string;
  readonly accepted: readonly AcceptedParticipation[];
  /** False when the provider was busy: the worker syncs before the first blend instead. */
  readonly synced: boolean;
}

/** Provider failures that do not stop a link: the tracks are fetched later. */
const SYNC_LATER: ReadonlySet<ProviderFailure> = new Set(['rate_limited', 'quota_exceeded', 'unavailable', 'bad_response']);

/**
 * The end of every link: fetch the top tracks with the new tokens, then in one transaction as the
 * user store the connection (encrypted), its tracks and accept their pending participations, so a
 * failed link leaves nothing behind. Then a confirmation DM and the join messages' member lists.
 * A provider failure the user must act on (allowlist, subscription) throws before anything is stored.
 */
export async function completeLink(ctx: AppContext, link: LinkRequest): Promise<LinkResult> {
  const provider = ctx.providers.get(link.provider);
  if (!provider) throw new Error(`completeLink: ${link.provider} is not enabled`);
  const fetched = await fetchForLink(ctx, provider, link.auth);
  const result = await withActor(ctx.db, asUser(link.discordId), async (tx) => {
    const user = await ensureUser(tx, { discordId: link.discordId });
    const connection = await upsertConnection(tx, ctx.vault, {
      userId: user.id, provider: link.provider, providerUserId: link.account.providerUserId, auth: fetched.auth,
      metadata: { ...link.account.metadata, displayName: link.account.displayName ?? null, ...link.metadata },
      authorizedAt: ctx.now(),
    });
    if (fetched.tracks) await replaceTopTracks(tx, connection.id, fetched.tracks, { fetchedAt: ctx.now(), perRange: TOP_TRACKS_PER_RANGE });
    const accepted = await acceptPendingParticipations(tx, user.id);
    return { connectionId: connection.id, accepted, synced: fetched.tracks !== undefined };
  });
  ctx.log.info({ provider: link.provider, connectionId: result.connectionId, accepted: result.accepted.length, synced: result.synced }, 'account linked');
  await announceLink(ctx, link.discordId, { provider: link.provider, displayName: link.account.displayName, ...result });
  return result;
}

async function fetchForLink(ctx: AppContext, provider: MusicProvider, auth: UserAuth): Promise<{ auth: UserAuth; tracks?: TopTrackSet }> {
  let latest = auth;
  try {
    const tracks = await fetchTopTrackSet(provider, auth, TOP_TRACKS_PER_RANGE, { onTokens: (next) => { latest = next; } });
    return { auth: latest, tracks };
  } catch (error) {
    if (!isProviderError(error) || !SYNC_LATER.has(error.kind)) throw error;
    ctx.log.warn({ err: error, provider: provider.id }, 'top tracks not fetched at link time; the worker will sync them');
    return { auth: latest };
  }
}
