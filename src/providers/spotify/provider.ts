import type { z } from 'zod';
import { chunk, mapLimit, uniqueBy } from '../batches.js';
import { ProviderError } from '../errors.js';
import type { Http } from '../http.js';
import type { WireRequest } from '../transport.js';
import type { CatalogScope, MusicProvider, ProviderTrack, TimeRange, TokenHooks, UserAuth } from '../types.js';
import { createUserSession, type UserSession } from '../user-session.js';
import type { SpotifyAuth } from './auth.js';
import { toProviderTrack, trackUri } from './map-track.js';
import { SearchTracks, Snapshot, SpotifyPlaylist, TopTracksPage } from './schemas.js';

/** Spotify's own limits (dev mode, Feb 2026): top tracks ≤ 50 per page, search ≤ 10, items ≤ 100 per write. */
export const SPOTIFY_LIMITS = { topTracksPage: 50, search: 10, isrcSearch: 5, itemsPerWrite: 100, lookupConcurrency: 4, nameLength: 100, descriptionLength: 300 } as const;

export const SPOTIFY_TIME_RANGE = { short: 'short_term', medium: 'medium_term', long: 'long_term' } as const satisfies Record<TimeRange, string>;

export interface SpotifyProviderDeps {
  readonly http: Http;
  readonly auth: SpotifyAuth;
  readonly apiBase: string;
  readonly now?: () => Date;
}

export type SpotifyProvider = MusicProvider & { refresh(auth: UserAuth): Promise<UserAuth> };

export function createSpotify(deps: SpotifyProviderDeps): SpotifyProvider {
  const { http, apiBase } = deps;
  const now = deps.now ?? (() => new Date());

  async function refresh(auth: UserAuth): Promise<UserAuth> {
    if (!auth.refreshToken) throw new ProviderError('spotify', 'relink_required', 'no refresh token stored for this Spotify connection');
    const { accessToken, refreshToken, expiresAt } = await deps.auth.refresh(auth.refreshToken);
    return { accessToken, refreshToken, expiresAt };
  }

  const session = (auth: UserAuth, hooks?: TokenHooks) => createUserSession(auth, { refresh, hooks, now });
  const call = <S extends z.ZodType>(s: UserSession, req: Omit<WireRequest, 'headers'>, schema: S) =>
    s.run((token) => http.json({ ...req, headers: headers(token, req.body) }, schema));

  function catalogSession(scope: CatalogScope): UserSession {
    if (!scope.auth) throw new TypeError('Spotify catalog lookups need a linked member\'s token: pass scope.auth');
    return session(scope.auth, scope);
  }

  async function searchTracks(s: UserSession, q: string, limit: number): Promise<ProviderTrack[]> {
    const query = new URLSearchParams({ q, type: 'track', limit: String(limit) });
    const body = await call(s, { method: 'GET', url: `${apiBase}/search?${query.toString()}` }, SearchTracks);
    return body.tracks.items.map(toProviderTrack);
  }

  return {
    id: 'spotify',
    playlistWrites: 'replace',
    refresh,

    async topTracks(auth, range, limit, hooks) {
      const s = session(auth, hooks);
      const tracks: ProviderTrack[] = [];
      const first = new URLSearchParams({ time_range: SPOTIFY_TIME_RANGE[range], limit: String(Math.min(limit, SPOTIFY_LIMITS.topTracksPage)), offset: '0' });
      let url: string | null = limit > 0 ? `${apiBase}/me/top/tracks?${first.toString()}` : null;
      while (url && tracks.length < limit) {
        const page: z.output<typeof TopTracksPage> = await call(s, { method: 'GET', url }, TopTracksPage);
        tracks.push(...page.items.map(toProviderTrack));
        url = page.items.length > 0 && page.next ? ownUrl(page.next) : null;
      }
      return uniqueBy(tracks, (t) => t.id).slice(0, limit);
    },

    async findByIsrc(isrcs, scope) {
      const s = catalogSession(scope);
      const wanted = [...new Set(isrcs.map((i) => i.trim().toUpperCase()).filter(Boolean))];
      const found = new Map<string, ProviderTrack>();
      await mapLimit(wanted, SPOTIFY_LIMITS.lookupConcurrency, async (isrc) => {
        const items = await searchTracks(s, `isrc:${isrc}`, SPOTIFY_LIMITS.isrcSearch);
        const match = items.find((t) => t.isrc === isrc) ?? items[0];
        if (match) found.set(isrc, match);
      });
      return found;
    },

    async search(q, scope) {
      const text = `track:"${unquote(q.title)}" artist:"${unquote(q.artist)}"`;
      return searchTracks(catalogSession(scope), text, SPOTIFY_LIMITS.search);
    },

    async createPlaylist(auth, p, hooks) {
      const s = session(auth, hooks);
      const body = JSON.stringify({ name: [...p.name].slice(0, SPOTIFY_LIMITS.nameLength).join(''), description: cleanDescription(p.description), public: p.isPublic ?? true });
      const created = await call(s, { method: 'POST', url: `${apiBase}/me/playlists`, body }, SpotifyPlaylist);
      if (p.trackIds && p.trackIds.length > 0) await writeItems(s, created.id, p.trackIds);
      return { id: created.id, url: created.external_urls.spotify };
    },

    async replaceItems(auth, playlistId, trackIds, hooks) {
      await writeItems(session(auth, hooks), playlistId, trackIds);
    },
  };

  /** The first 100 replace the playlist (an empty list clears it), the rest are appended in order. */
  async function writeItems(s: UserSession, playlistId: string, trackIds: readonly string[]): Promise<void> {
    const url = `${apiBase}/playlists/${encodeURIComponent(playlistId)}/items`;
    const [first = [], ...rest] = chunk(trackIds.map(trackUri), SPOTIFY_LIMITS.itemsPerWrite);
    await call(s, { method: 'PUT', url, body: JSON.stringify({ uris: first }) }, Snapshot);
    for (const uris of rest) await call(s, { method: 'POST', url, body: JSON.stringify({ uris }) }, Snapshot);
  }

  /** `next` links are followed only on our own API base: the bearer token goes nowhere else. */
  function ownUrl(next: string): string {
    if (!next.startsWith(`${apiBase}/`)) throw new ProviderError('spotify', 'bad_response', 'paging `next` points outside the Spotify API base');
    return next;
  }
}

function headers(token: string, body: string | undefined): Record<string, string> {
  return body === undefined ? { authorization: `Bearer ${token}` } : { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

const unquote = (s: string) => s.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();

/** Spotify: ≤ 300 chars, no newlines, no HTML (violations have produced 500s, not 400s). */
export function cleanDescription(text: string): string {
  const flat = text.replace(/[<>]/g, '').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= SPOTIFY_LIMITS.descriptionLength ? flat : `${chars.slice(0, SPOTIFY_LIMITS.descriptionLength - 1).join('').trimEnd()}…`;
}
