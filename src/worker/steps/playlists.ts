import type { AppContext } from '../../context.js';
import type { BlendResult, ProviderId } from '../../core/index.js';
import { asWorker, withActor } from '../../data/actor.js';
import { recordPlaylist, type BlendRun } from '../../data/blend-runs.js';
import { isProviderError } from '../../providers/errors.js';
import { memberAuth } from '../member-auth.js';
import type { Owners } from '../owners.js';

export interface PlaylistLinks { readonly spotify?: string; readonly apple?: string }

/**
 * Creates or updates each platform's playlist. A playlist id is recorded the moment the
 * playlist exists, so a rerun never makes a second one: Spotify's recorded playlist gets its
 * items replaced (a deleted one is made again); Apple Music's is created once with every track,
 * since the API can only append to it.
 */
export async function playlistStep(ctx: AppContext, run: BlendRun, result: BlendResult, owners: Owners): Promise<PlaylistLinks> {
  const links: { spotify?: string; apple?: string } = {};
  const description = `A blend-bot Blend of ${result.contributions.length} members. ${ctx.config.web.publicBaseUrl}/b/${run.shareCode}`;
  for (const provider of ['spotify', 'apple'] as const satisfies readonly ProviderId[]) {
    const owner = owners[provider];
    const trackIds = result.perPlatform[provider]?.trackIds ?? [];
    if (!owner || trackIds.length === 0) continue;
    const recorded = provider === 'spotify' ? run.playlistSpotifyId && { id: run.playlistSpotifyId, url: run.playlistSpotifyUrl ?? '' } : run.playlistAppleId && { id: run.playlistAppleId, url: run.playlistAppleUrl ?? '' };
    const { auth, hooks } = await memberAuth(ctx, owner.connection.id);
    const target = ctx.providers.get(provider);
    if (!target) continue;
    const create = async () => {
      const made = await target.createPlaylist(auth, { name: `Blend: ${run.name}`.slice(0, 100), description, trackIds }, hooks);
      await withActor(ctx.db, asWorker, (tx) => recordPlaylist(tx, run.id, provider, made));
      ctx.log.info({ provider, playlistId: made.id, tracks: trackIds.length }, 'playlist created');
      return made;
    };
    let playlist = recorded || (await create());
    if (target.playlistWrites === 'replace') {
      try {
        await target.replaceItems(auth, playlist.id, trackIds, hooks);
      } catch (error) {
        if (!isProviderError(error, 'not_found')) throw error;
        playlist = await create();
        await target.replaceItems(auth, playlist.id, trackIds, hooks);
      }
    }
    links[provider] = playlist.url;
  }
  return links;
}
