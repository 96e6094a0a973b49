import { isProviderError } from '../errors.js';
import type { ProviderTrack, TimeRange } from '../types.js';
import type { AppleApi } from './api.js';
import { APPLE_LIMITS, songsByIds } from './catalog.js';
import { catalogSongToTrack, librarySongToTrack } from './map-song.js';
import { ContainerList, MusicSummaries, TrackList, type AnyTrack, type CatalogSong, type LibrarySong } from './schemas.js';

/**
 * Apple Music has no "top tracks" endpoint and exposes no play counts, so each range is
 * approximated from the listening signals it does expose, in this named order (a later source
 * only fills what the earlier ones left; duplicates by ISRC, else id, are dropped):
 *
 * | range  | sources                        | why                                                                  |
 * | ------ | ------------------------------ | -------------------------------------------------------------------- |
 * | short  | recently played tracks         | the only song-level signal for the last days or weeks (~30–50 deep)  |
 * | medium | heavy rotation, then library   | heavy rotation is what the user played most over recent months, but as albums and playlists, so each is expanded to its tracks and they take turns; library songs (favourites first) fill the rest |
 * | long   | Replay top songs, then library | Replay (`music-summaries`) is Apple's own ranked top songs of the latest year; when the user has no Replay yet, the library (what they chose to keep) stands in |
 *
 * Library songs carry no ISRC, so each is resolved to its catalog song (`include=catalog`, else
 * `playParams.catalogId` fetched by id); only uploads and unmatched songs stay library-only.
 */
export const APPLE_RANGE_SOURCES = {
  short: ['recently-played'],
  medium: ['heavy-rotation', 'library'],
  long: ['replay', 'library'],
} as const satisfies Record<TimeRange, readonly AppleTasteSource[]>;

export type AppleTasteSource = 'recently-played' | 'heavy-rotation' | 'library' | 'replay';

/** Tracks taken from each heavy-rotation album or playlist before the next one gets a turn. */
export const HEAVY_ROTATION_TRACKS_PER_ITEM = 5;
const MAX_PAGES = 5;

export interface TasteContext {
  readonly api: AppleApi;
  readonly mut: string;
  readonly storefront: string;
}

type Candidate = CatalogSong | LibrarySong;

const SOURCES: Record<AppleTasteSource, (ctx: TasteContext, limit: number) => Promise<Candidate[]>> = {
  'recently-played': (ctx, limit) => pages(ctx, `/me/recent/played/tracks?types=songs,library-songs&limit=${APPLE_LIMITS.recentPage}`, limit),
  'library': async (ctx, limit) => {
    const songs = await pages(ctx, `/me/library/songs?include=catalog&extend=inFavorites&limit=${APPLE_LIMITS.libraryPage}`, limit);
    return [...songs.filter(isFavourite), ...songs.filter((s) => !isFavourite(s))];
  },
  'replay': async (ctx) => {
    const body = await ctx.api.json({ path: '/me/music-summaries?filter[year]=latest&views=top-songs', mut: ctx.mut }, MusicSummaries);
    return (body.data[0]?.views?.['top-songs']?.data ?? []).filter(isSong);
  },
  'heavy-rotation': heavyRotation,
};

export async function appleTopTracks(ctx: TasteContext, range: TimeRange, limit: number): Promise<ProviderTrack[]> {
  const out: ProviderTrack[] = [];
  const seen = new Set<string>();
  for (const source of APPLE_RANGE_SOURCES[range]) {
    if (out.length >= limit) break;
    const candidates = await SOURCES[source](ctx, limit).catch(emptyWhenNotFound);
    for (const track of await resolveCandidates(ctx, candidates)) {
      const key = track.isrc ?? track.id;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(track);
    }
  }
  return out.slice(0, limit);
}

/** Heavy rotation is albums and playlists: expand each, then let them take turns. */
async function heavyRotation(ctx: TasteContext, limit: number): Promise<Candidate[]> {
  const body = await ctx.api.json({ path: `/me/history/heavy-rotation?limit=${APPLE_LIMITS.heavyRotationPage}`, mut: ctx.mut }, ContainerList);
  const expansions = await Promise.all(body.data.map((c) => expand(ctx, c.type, c.id).catch(emptyWhenNotFound)));
  const perItem = Math.max(HEAVY_ROTATION_TRACKS_PER_ITEM, Math.ceil(limit / Math.max(1, expansions.length)));
  const lists = expansions.map((tracks) => tracks.slice(0, perItem));
  const turns: Candidate[] = [];
  for (let i = 0; i < perItem; i += 1) for (const list of lists) if (list[i]) turns.push(list[i] as Candidate);
  return turns;
}

function expand(ctx: TasteContext, type: string, id: string): Promise<Candidate[]> {
  const sf = encodeURIComponent(ctx.storefront);
  const paths: Record<string, string> = {
    albums: `/catalog/${sf}/albums/${encodeURIComponent(id)}/tracks`,
    playlists: `/catalog/${sf}/playlists/${encodeURIComponent(id)}/tracks`,
    'library-albums': `/me/library/albums/${encodeURIComponent(id)}/tracks?include=catalog`,
    'library-playlists': `/me/library/playlists/${encodeURIComponent(id)}/tracks?include=catalog`,
  };
  const path = paths[type];
  if (!path) return Promise.resolve([]); // stations and other kinds have no fixed track list
  return ctx.api.json({ path, mut: type.startsWith('library-') ? ctx.mut : undefined }, TrackList).then((b) => b.data.filter(isSong));
}

/** Follows `next` until `limit` candidates or `MAX_PAGES` pages. */
async function pages(ctx: TasteContext, first: string, limit: number): Promise<Candidate[]> {
  const out: Candidate[] = [];
  let path: string | undefined = first;
  for (let page = 0; path && out.length < limit && page < MAX_PAGES; page += 1) {
    const body: { data: AnyTrack[]; next?: string } = await ctx.api.json({ path, mut: ctx.mut }, TrackList);
    out.push(...body.data.filter(isSong));
    path = body.data.length > 0 ? body.next : undefined;
  }
  return out;
}

/** Catalog songs as they are; library songs via their catalog song, fetched by id when needed. */
async function resolveCandidates(ctx: TasteContext, candidates: readonly Candidate[]): Promise<ProviderTrack[]> {
  const missing = candidates.flatMap((c) => (c.type === 'songs' ? (c.attributes ? [] : [c.id]) : catalogOf(c) ? [] : c.attributes?.playParams?.catalogId ?? []));
  const fetched = missing.length > 0 ? await songsByIds(ctx.api, ctx.storefront, missing) : new Map<string, CatalogSong>();
  return candidates.flatMap((c) => {
    if (c.type === 'songs') return catalogSongToTrack(c.attributes ? c : fetched.get(c.id) ?? c) ?? [];
    const catalog = catalogOf(c) ?? fetched.get(c.attributes?.playParams?.catalogId ?? '');
    return (catalog ? catalogSongToTrack(catalog, { libraryId: c.id }) : librarySongToTrack(c)) ?? [];
  });
}

const catalogOf = (song: LibrarySong): CatalogSong | undefined => song.relationships?.catalog?.data.find((s) => s.attributes);
const isSong = (t: AnyTrack): t is Candidate => t.type === 'songs' || t.type === 'library-songs';
const isFavourite = (s: Candidate) => s.attributes?.inFavorites === true;

function emptyWhenNotFound(error: unknown): Candidate[] {
  if (isProviderError(error, 'not_found')) return [];
  throw error;
}
