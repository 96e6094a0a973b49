/** Apple Music personal endpoints (`/me/…`): developer token + Music User Token + subscription. */
import { HttpResponse, type RequestHandler } from 'msw';
import { z } from 'zod';
import { recording } from './catalog.js';
import { appleAlbum, appleLibrarySong, applePlaylist, appleSong, libraryIdOf, recordingByAppleId, appleErrors } from './apple-shapes.js';
import { badParam, checkDeveloperToken, checkUser, nextLink, notFound, window, type AppleSimState } from './apple-state.js';
import { appleLibraryId } from './ids.js';
import type { createRouter } from './sim-kit.js';
import type { SimUser } from './users.js';

type Route = ReturnType<typeof createRouter>;
type Resolver = (args: { request: Request; url: URL; user: SimUser; sf: string; params: Record<string, string> }) => Response | Promise<Response>;

const RECENT_HISTORY_DEPTH = 50;
const TrackRefs = z.array(z.object({ id: z.string(), type: z.enum(['songs', 'library-songs', 'music-videos', 'library-music-videos']) }));
const NewPlaylist = z.object({
  attributes: z.object({ name: z.string().min(1), description: z.string().optional(), isPublic: z.boolean().optional() }),
  relationships: z.object({ tracks: z.object({ data: TrackRefs }).optional() }).optional(),
});

export function meHandlers(state: AppleSimState, route: Route): RequestHandler[] {
  /** Every `/me` route: developer token, then the MUT (and a subscription unless told otherwise). */
  const me = (method: 'GET' | 'POST', path: string, resolve: Resolver, needsSubscription = true) =>
    route(method, path, async ({ request, params }) => {
      const devFailure = await checkDeveloperToken(state, request);
      if (devFailure) return devFailure;
      const who = checkUser(state, request, needsSubscription);
      if (who instanceof Response) return who;
      const sf = who.user.apple?.storefront ?? 'us';
      return resolve({ request, url: new URL(request.url), user: who.user, sf, params: params as Record<string, string> });
    });

  return [
    me('GET', '/me/storefront', ({ sf }) => HttpResponse.json({
      data: [{ id: sf, type: 'storefronts', href: `/v1/storefronts/${sf}`, attributes: { name: sf === 'gb' ? 'United Kingdom' : 'United States', defaultLanguageTag: sf === 'gb' ? 'en-GB' : 'en-US', supportedLanguageTags: ['en-US', 'es-MX'], explicitContentPolicy: 'allowed' } }],
    }), false),

    me('GET', '/me/recent/played/tracks', ({ url, user, sf }) => {
      const types = (url.searchParams.get('types') ?? '').split(',').filter(Boolean);
      if (types.length === 0) return badParam('Missing required parameter \'types\'');
      const w = window(url, 30, 30);
      if (w instanceof Response) return w;
      const played = (user.apple?.recentlyPlayed ?? []).slice(0, RECENT_HISTORY_DEPTH).map((k) => {
        const fromLibrary = k.startsWith('lib:') && types.includes('library-songs');
        const key = k.replace(/^lib:/, '');
        return fromLibrary ? appleLibrarySong(user.key, { key }, { includeCatalog: false, inFavorites: false, sf }) : appleSong(recording(key), sf);
      });
      return HttpResponse.json({ data: played.slice(w.offset, w.offset + w.limit), next: nextLink(url, state.settings.apiBase, w.offset, w.limit, played.length) });
    }),

    me('GET', '/me/history/heavy-rotation', ({ url, user, sf }) => {
      const w = window(url, 10, 10);
      if (w instanceof Response) return w;
      const items = (user.apple?.heavyRotation ?? []).flatMap((h) => (h.type === 'albums' ? appleAlbum(h.id, sf) : applePlaylist(h.id, sf)) ?? []);
      return HttpResponse.json({ data: items.slice(w.offset, w.offset + w.limit), next: nextLink(url, state.settings.apiBase, w.offset, w.limit, items.length) });
    }),

    me('GET', '/me/library/songs', ({ url, user, sf }) => {
      const w = window(url, 25, 100);
      if (w instanceof Response) return w;
      const o = { includeCatalog: (url.searchParams.get('include') ?? '').split(',').includes('catalog'), inFavorites: (url.searchParams.get('extend') ?? '').includes('inFavorites'), sf };
      const songs = (user.apple?.library ?? []).map((e) => appleLibrarySong(user.key, e, o));
      return HttpResponse.json({ data: songs.slice(w.offset, w.offset + w.limit), next: nextLink(url, state.settings.apiBase, w.offset, w.limit, songs.length), meta: { total: songs.length } });
    }),

    me('GET', '/me/music-summaries', ({ url, user, sf }) => {
      if (url.searchParams.get('filter[year]') !== 'latest') return badParam('Value of \'filter[year]\' must be \'latest\'');
      const views = (url.searchParams.get('views') ?? '').split(',');
      const replay = user.apple?.replay ?? [];
      if (replay.length === 0) return notFound('No music summary is available for this user');
      const year = state.settings.now().getUTCFullYear();
      const songs = replay.map((k) => appleSong(recording(k), sf, true));
      return HttpResponse.json({
        data: [{
          id: String(year), type: 'music-summaries', href: `/v1/me/music-summaries/${year}`, attributes: { year },
          views: views.includes('top-songs') ? { 'top-songs': { href: `/v1/me/music-summaries/${year}/view/top-songs`, attributes: { title: 'Top Songs' }, data: songs } } : {},
        }],
      });
    }),

    me('POST', '/me/library/playlists', async ({ request, user }) => {
      const parsed = NewPlaylist.safeParse(await request.json().catch(() => null));
      if (!parsed.success) return badParam('Invalid request body');
      const tracks = parsed.data.relationships?.tracks?.data ?? [];
      const unknown = tracks.find((t) => !knownTrack(user, t));
      if (unknown) return badParam(`Unable to find ${unknown.type} with id ${unknown.id}`);
      const id = `p.${appleLibraryId(`playlist:${state.playlists.size}:${parsed.data.attributes.name}`).slice(2)}`;
      const a = parsed.data.attributes;
      state.playlists.set(id, { id, ownerKey: user.key, name: a.name, description: a.description ?? '', isPublic: a.isPublic ?? false, tracks: tracks.map((t) => ({ ...t })) });
      return HttpResponse.json({
        data: [{ id, type: 'library-playlists', href: `/v1/me/library/playlists/${id}`, attributes: { canEdit: true, dateAdded: state.settings.now().toISOString(), description: { standard: a.description ?? '' }, hasCatalog: false, isPublic: a.isPublic ?? false, name: a.name, playParams: { id, kind: 'playlist', isLibrary: true } } }],
      }, { status: 201 });
    }),

    me('POST', '/me/library/playlists/:id/tracks', async ({ request, user, params }) => {
      const playlist = state.playlists.get(params.id ?? '');
      if (!playlist || playlist.ownerKey !== user.key) return notFound();
      const parsed = z.object({ data: TrackRefs }).safeParse(await request.json().catch(() => null));
      if (!parsed.success) return badParam('Invalid request body');
      const unknown = parsed.data.data.find((t) => !knownTrack(user, t));
      if (unknown) return HttpResponse.json(appleErrors(400, '40005', 'Invalid Parameter Value', `Unable to find ${unknown.type} with id ${unknown.id}`), { status: 400 });
      playlist.tracks.push(...parsed.data.data);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}

function knownTrack(user: SimUser, t: { id: string; type: string }): boolean {
  if (t.type === 'songs') return recordingByAppleId.has(t.id);
  if (t.type === 'library-songs') return (user.apple?.library ?? []).some((e) => libraryIdOf(user.key, e) === t.id);
  return false;
}
