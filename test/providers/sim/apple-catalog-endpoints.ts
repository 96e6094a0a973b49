/** Apple Music catalog endpoints: developer token only. */
import { HttpResponse, type RequestHandler } from 'msw';
import { albumRecordings, recording, SIM_APPLE_PLAYLISTS, SIM_RECORDINGS } from './catalog.js';
import { albumKeyByAppleId, appleSong, recordingByAppleId } from './apple-shapes.js';
import { badParam, checkDeveloperToken, nextLink, notFound, window, type AppleSimState } from './apple-state.js';
import type { createRouter } from './sim-kit.js';

type Route = ReturnType<typeof createRouter>;
type Resolver = (args: { url: URL; sf: string; params: Record<string, string> }) => Response;

const MAX_ISRCS = 25;
const MAX_IDS = 300;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function catalogHandlers(state: AppleSimState, route: Route): RequestHandler[] {
  const catalog = (path: string, resolve: Resolver) =>
    route('GET', path, async ({ request, params }) => {
      const devFailure = await checkDeveloperToken(state, request);
      if (devFailure) return devFailure;
      const p = params as Record<string, string>;
      return resolve({ url: new URL(request.url), sf: (p.sf ?? 'us').toLowerCase(), params: p });
    });

  return [
    catalog('/catalog/:sf/songs', ({ url, sf }) => {
      const isrcs = url.searchParams.get('filter[isrc]');
      const ids = url.searchParams.get('ids');
      if (isrcs !== null) {
        const list = isrcs.split(',').map((i) => i.trim().toUpperCase()).filter(Boolean);
        if (list.length > MAX_ISRCS) return badParam(`Value of 'filter[isrc]' must have at most ${MAX_ISRCS} elements`);
        const hits = SIM_RECORDINGS.filter((r) => r.apple?.isrc && list.includes(r.apple.isrc));
        const filters = Object.fromEntries(list.map((i) => [i, hits.filter((r) => r.apple?.isrc === i).map((r) => appleSong(r, sf, true))]));
        return HttpResponse.json({ data: hits.map((r) => appleSong(r, sf)), meta: { filters: { isrc: filters } } });
      }
      if (ids !== null) {
        const list = ids.split(',').filter(Boolean);
        if (list.length > MAX_IDS) return badParam(`Value of 'ids' must have at most ${MAX_IDS} elements`);
        return HttpResponse.json({ data: list.flatMap((id) => { const r = recordingByAppleId.get(id); return r ? [appleSong(r, sf)] : []; }) });
      }
      return badParam('One of \'ids\' or \'filter[isrc]\' is required');
    }),

    catalog('/catalog/:sf/songs/:id', ({ sf, params }) => {
      const r = recordingByAppleId.get(params.id ?? '');
      return r ? HttpResponse.json({ data: [appleSong(r, sf)] }) : notFound();
    }),

    catalog('/catalog/:sf/search', ({ url, sf }) => {
      const term = fold(url.searchParams.get('term') ?? '');
      if (!term) return badParam('Missing required parameter \'term\'');
      const w = window(url, 5, 25);
      if (w instanceof Response) return w;
      if (!(url.searchParams.get('types') ?? '').split(',').includes('songs')) return HttpResponse.json({ results: {}, meta: { results: { order: [], rawOrder: [] } } });
      const hits = searchCatalog(term);
      if (hits.length === 0) return HttpResponse.json({ results: {}, meta: { results: { order: [], rawOrder: [] } } });
      const data = hits.slice(w.offset, w.offset + w.limit).map((r) => appleSong(r, sf));
      return HttpResponse.json({
        results: { songs: { href: `/v1/catalog/${sf}/search?term=${encodeURIComponent(term)}&types=songs`, next: nextLink(url, state.settings.apiBase, w.offset, w.limit, hits.length), data } },
        meta: { results: { order: ['songs'], rawOrder: ['songs'] } },
      });
    }),

    catalog('/catalog/:sf/albums/:id/tracks', ({ sf, params }) => {
      const albumKey = albumKeyByAppleId.get(params.id ?? '');
      const tracks = albumKey ? albumRecordings(albumKey).filter((r) => r.apple) : [];
      return tracks.length > 0 ? HttpResponse.json({ data: tracks.map((r) => appleSong(r, sf)) }) : notFound();
    }),

    catalog('/catalog/:sf/playlists/:id/tracks', ({ sf, params }) => {
      const playlist = SIM_APPLE_PLAYLISTS.find((p) => p.id === params.id);
      return playlist ? HttpResponse.json({ data: playlist.keys.map((k) => appleSong(recording(k), sf)) }) : notFound();
    }),

    catalog('/test', () => HttpResponse.json({})),
  ];
}

/** Loosely like Apple's search: most of the words must appear; more matching words rank higher. */
function searchCatalog(term: string) {
  const words = [...new Set(term.split(' '))];
  const needed = Math.max(1, Math.ceil(words.length * 0.6));
  return SIM_RECORDINGS.flatMap((r) => {
    if (!r.apple) return [];
    const haystack = new Set(fold(`${r.apple.title} ${r.apple.artistName} ${r.album}`).split(' '));
    const score = words.filter((w) => haystack.has(w)).length;
    return score >= needed ? [{ r, score }] : [];
  }).sort((a, b) => b.score - a.score).map((x) => x.r);
}
