/** The Spotify Web API endpoints blend-bot uses, with dev-mode rules (allowlist, limits, removed endpoints). */
import { HttpResponse, type RequestHandler } from 'msw';
import { z } from 'zod';
import { recording, SIM_RECORDINGS } from './catalog.js';
import { spotifyId } from './ids.js';
import type { createRouter } from './sim-kit.js';
import { paging, recordingBySpotifyId, spotifyError, spotifyTrack } from './spotify-shapes.js';
import type { SimSpotifyPlaylist, SpotifySimState } from './spotify-state.js';
import type { SimUser } from './users.js';

type Route = ReturnType<typeof createRouter>;
const fail = (status: number, message: string) => HttpResponse.json(spotifyError(status, message), { status });
const RANGES = { short_term: 'short', medium_term: 'medium', long_term: 'long' } as const;

const NewPlaylist = z.object({ name: z.string().min(1), description: z.string().optional(), public: z.boolean().optional(), collaborative: z.boolean().optional() });
const Uris = z.object({ uris: z.array(z.string()), position: z.number().int().nonnegative().optional() });

export function webApiHandlers(state: SpotifySimState, route: Route): RequestHandler[] {
  const base = state.settings.apiBase;

  /** Bearer token → user, with the dev-mode allowlist and the endpoint's scope. */
  function guard(request: Request, scopes: readonly string[] = []): { user: SimUser } | Response {
    const header = request.headers.get('authorization');
    if (!header?.startsWith('Bearer ')) return fail(401, 'No token provided');
    const grant = state.accessTokens.get(header.slice(7));
    if (!grant) return fail(401, 'Invalid access token');
    if (grant.expiresAt <= state.settings.now().getTime()) return fail(401, 'The access token expired');
    const user = state.users.find((u) => u.key === grant.userKey) as SimUser;
    if (!state.allowlisted.get(user.key)) return fail(403, 'User not registered in the Developer Dashboard');
    if (scopes.length > 0 && !scopes.some((s) => grant.scope.includes(s))) return fail(403, 'Insufficient client scope');
    return { user };
  }

  function ownPlaylist(request: Request, id: string): { playlist: SimSpotifyPlaylist } | Response {
    const who = guard(request, ['playlist-modify-public', 'playlist-modify-private']);
    if (who instanceof Response) return who;
    const playlist = state.playlists.get(id);
    if (!playlist) return fail(404, 'Resource not found');
    if (playlist.ownerKey !== who.user.key) return fail(403, 'You cannot add tracks to a playlist you don\'t own.');
    return { playlist };
  }

  return [
    route('GET', '/me', ({ request }) => {
      const who = guard(request);
      if (who instanceof Response) return who;
      const u = who.user;
      const id = u.spotify?.id as string;
      return HttpResponse.json({
        display_name: u.displayName, external_urls: { spotify: `https://open.spotify.com/user/${id}` }, href: `${base}/users/${id}`, id,
        images: [], type: 'user', uri: `spotify:user:${id}`, ...(u.spotify?.accountId ? { account_id: u.spotify.accountId } : {}),
      });
    }),

    route('GET', '/me/top/tracks', ({ request }) => {
      const who = guard(request, ['user-top-read']);
      if (who instanceof Response) return who;
      const url = new URL(request.url);
      const range = RANGES[(url.searchParams.get('time_range') ?? 'medium_term') as keyof typeof RANGES];
      const { limit, offset, error } = window(url, 20, 50);
      if (error || !range) return fail(400, error ?? 'Invalid time range');
      const keys = (who.user.spotify?.top[range] ?? []).filter((k) => recording(k).spotify);
      return HttpResponse.json(paging(url, keys.slice(offset, offset + limit).map((k) => spotifyTrack(recording(k))), offset, limit, keys.length));
    }),

    route('GET', '/search', ({ request }) => {
      const who = guard(request);
      if (who instanceof Response) return who;
      const url = new URL(request.url);
      const { limit, offset, error } = window(url, 5, 10);
      if (error) return fail(400, error);
      if (!(url.searchParams.get('type') ?? '').split(',').includes('track')) return fail(400, 'Missing parameter type');
      const q = url.searchParams.get('q');
      if (!q) return fail(400, 'No search query');
      const hits = SIM_RECORDINGS.filter((r) => r.spotify && matchesQuery(r, q));
      return HttpResponse.json({ tracks: paging(url, hits.slice(offset, offset + limit).map(spotifyTrack), offset, limit, hits.length) });
    }),

    route('POST', '/me/playlists', async ({ request }) => {
      const parsed = NewPlaylist.safeParse(await request.json().catch(() => null));
      if (!parsed.success) return fail(400, 'Invalid request body');
      const p = parsed.data;
      const who = guard(request, [p.public === false ? 'playlist-modify-private' : 'playlist-modify-public']);
      if (who instanceof Response) return who;
      if (p.description && /[\r\n]/.test(p.description)) return fail(500, 'Server error.'); // observed: newlines give a 500
      const id = spotifyId(`playlist:${state.playlists.size}:${p.name}`);
      const playlist: SimSpotifyPlaylist = {
        id, ownerKey: who.user.key, ownerId: who.user.spotify?.id as string, name: p.name, description: p.description ?? '',
        public: p.public ?? true, collaborative: p.collaborative ?? false, trackIds: [], snapshot: 1,
      };
      state.playlists.set(id, playlist);
      return HttpResponse.json(playlistObject(base, playlist), { status: 201 });
    }),

    route('GET', '/playlists/:id/items', ({ request, params }) => {
      const own = ownPlaylist(request, String(params.id));
      if (own instanceof Response) return own;
      const url = new URL(request.url);
      const { limit, offset, error } = window(url, 20, 50);
      if (error) return fail(400, error);
      const ids = own.playlist.trackIds;
      const items = ids.slice(offset, offset + limit).map((tid) => {
        const track = spotifyTrack(recordingBySpotifyId(tid)!);
        return { added_at: '2026-01-01T00:00:00Z', added_by: { id: own.playlist.ownerId, type: 'user' }, is_local: false, item: track, track };
      });
      return HttpResponse.json(paging(url, items, offset, limit, ids.length));
    }),

    route('PUT', '/playlists/:id/items', async ({ request, params }) => writeItems(request, String(params.id), 'replace')),
    route('POST', '/playlists/:id/items', async ({ request, params }) => writeItems(request, String(params.id), 'add')),

    // Removed for development-mode apps in Feb 2026: still answering, with 403.
    route('POST', '/users/:id/playlists', () => fail(403, 'Forbidden')),
    route('PUT', '/playlists/:id/tracks', () => fail(403, 'Forbidden')),
    route('POST', '/playlists/:id/tracks', () => fail(403, 'Forbidden')),
    route('GET', '/playlists/:id/tracks', () => fail(403, 'Forbidden')),
  ];

  async function writeItems(request: Request, id: string, mode: 'replace' | 'add'): Promise<Response> {
    const own = ownPlaylist(request, id);
    if (own instanceof Response) return own;
    const parsed = Uris.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return fail(400, 'Invalid request body');
    if (parsed.data.uris.length > 100) return fail(400, 'You can add a maximum of 100 tracks per request.');
    const ids: string[] = [];
    for (const uri of parsed.data.uris) {
      const tid = /^spotify:track:([0-9A-Za-z]{22})$/.exec(uri)?.[1];
      if (!tid || !recordingBySpotifyId(tid)) return fail(400, `Invalid base62 id: ${uri}`);
      ids.push(tid);
    }
    const p = own.playlist;
    if (mode === 'replace') p.trackIds = ids;
    else p.trackIds.splice(parsed.data.position ?? p.trackIds.length, 0, ...ids);
    p.snapshot += 1;
    return HttpResponse.json({ snapshot_id: snapshotId(p) }, { status: mode === 'add' ? 201 : 200 });
  }
}

function window(url: URL, defaultLimit: number, maxLimit: number): { limit: number; offset: number; error?: string } {
  const limit = Number(url.searchParams.get('limit') ?? defaultLimit);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) return { limit, offset, error: 'Invalid limit' };
  if (!Number.isInteger(offset) || offset < 0 || offset > 1000) return { limit, offset, error: 'Invalid offset' };
  return { limit, offset };
}

const snapshotId = (p: SimSpotifyPlaylist) => Buffer.from(`${p.id}:${p.snapshot}`).toString('base64url');

export function playlistObject(base: string, p: SimSpotifyPlaylist) {
  return {
    collaborative: p.collaborative, description: p.description, external_urls: { spotify: `https://open.spotify.com/playlist/${p.id}` },
    href: `${base}/playlists/${p.id}`, id: p.id, images: [], name: p.name,
    owner: { id: p.ownerId, type: 'user', uri: `spotify:user:${p.ownerId}` }, public: p.public, snapshot_id: snapshotId(p),
    items: { href: `${base}/playlists/${p.id}/items`, total: p.trackIds.length }, type: 'playlist', uri: `spotify:playlist:${p.id}`,
  };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** `isrc:X`, `track:"…"`, `artist:"…"` filters plus free words, loosely as Spotify matches them. */
export function matchesQuery(r: (typeof SIM_RECORDINGS)[number], q: string): boolean {
  const s = r.spotify!;
  const filters = [...q.matchAll(/(\w+):(?:"([^"]*)"|(\S+))/g)].map((m) => ({ field: m[1] as string, value: (m[2] ?? m[3] ?? '') }));
  const free = fold(q.replace(/(\w+):(?:"[^"]*"|\S+)/g, ' '));
  const title = fold(s.title);
  const artists = s.artists.map(fold);
  for (const { field, value } of filters) {
    if (field === 'isrc' && s.isrc?.toUpperCase() !== value.toUpperCase()) return false;
    if (field === 'track' && !title.includes(fold(value))) return false;
    if (field === 'artist' && !artists.some((a) => a.includes(fold(value)))) return false;
  }
  return free.split(' ').filter(Boolean).every((w) => `${title} ${artists.join(' ')}`.includes(w));
}
