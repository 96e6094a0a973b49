import { createHash } from 'node:crypto';
import { chunk } from '../batches.js';
import type { CatalogScope, MusicProvider } from '../types.js';
import type { AppleApi } from './api.js';
import { APPLE_LIMITS, findSongsByIsrc, searchSongs } from './catalog.js';
import { appleTrackType } from './map-song.js';
import { CreatedPlaylist, Storefronts } from './schemas.js';
import { appleTopTracks } from './top-tracks.js';

export interface AppleProviderDeps {
  readonly api: AppleApi;
}

export type AppleProvider = MusicProvider & {
  /** The user's storefront (`us`, `gb`, …), cached per Music User Token. */
  storefront(musicUserToken: string): Promise<string>;
};

/**
 * Apple Music. `UserAuth.accessToken` is the Music User Token; there is no refresh, so a rejected
 * MUT is `relink_required`. Catalog calls need `scope.storefront` (the target user's storefront).
 * Playlists are library playlists and append-only: `createPlaylist` takes all tracks at once.
 */
export function createApple(deps: AppleProviderDeps): AppleProvider {
  const { api } = deps;
  const storefronts = new Map<string, string>();

  async function storefront(mut: string): Promise<string> {
    const key = createHash('sha256').update(mut).digest('base64url');
    const cached = storefronts.get(key);
    if (cached) return cached;
    const body = await api.json({ path: '/me/storefront', mut }, Storefronts);
    const id = (body.data[0]?.id ?? 'us').toLowerCase();
    if (storefronts.size >= 1_000) storefronts.delete(storefronts.keys().next().value as string);
    storefronts.set(key, id);
    return id;
  }

  async function append(mut: string, playlistId: string, trackIds: readonly string[]): Promise<void> {
    for (const ids of chunk(trackIds, APPLE_LIMITS.playlistWrite)) {
      await api.send({ method: 'POST', path: `/me/library/playlists/${encodeURIComponent(playlistId)}/tracks`, mut, body: { data: ids.map(ref) } });
    }
  }

  return {
    id: 'apple',
    playlistWrites: 'append-only',
    storefront,

    async topTracks(auth, range, limit) {
      if (limit <= 0) return [];
      return appleTopTracks({ api, mut: auth.accessToken, storefront: await storefront(auth.accessToken) }, range, limit);
    },

    findByIsrc: async (isrcs, scope) => findSongsByIsrc(api, requireStorefront(scope), isrcs),
    search: async (q, scope) => searchSongs(api, requireStorefront(scope), q),

    async createPlaylist(auth, p) {
      const [first = [], ...rest] = chunk(p.trackIds ?? [], APPLE_LIMITS.playlistWrite);
      const body = {
        attributes: { name: p.name, description: p.description, ...(p.isPublic === undefined ? {} : { isPublic: p.isPublic }) },
        ...(first.length > 0 ? { relationships: { tracks: { data: first.map(ref) } } } : {}),
      };
      const created = await api.json({ method: 'POST', path: '/me/library/playlists', mut: auth.accessToken, body }, CreatedPlaylist);
      const id = created.data[0]!.id;
      await append(auth.accessToken, id, rest.flat());
      return { id, url: `https://music.apple.com/library/playlist/${encodeURIComponent(id)}` };
    },

    /** Apple Music cannot remove or reorder playlist tracks: this appends `trackIds`. */
    replaceItems: (auth, playlistId, trackIds) => append(auth.accessToken, playlistId, trackIds),
  };
}

const ref = (id: string) => ({ id, type: appleTrackType(id) });

function requireStorefront(scope: CatalogScope): string {
  if (!scope.storefront) throw new TypeError('Apple Music catalog calls need the target user\'s storefront: pass scope.storefront');
  return scope.storefront;
}
