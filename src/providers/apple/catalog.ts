import { chunk, mapLimit } from '../batches.js';
import type { ProviderTrack, TrackQuery } from '../types.js';
import type { AppleApi } from './api.js';
import { catalogSongToTrack } from './map-song.js';
import { SearchResults, SongList, type CatalogSong } from './schemas.js';

/** Apple's documented ceilings: 25 ISRCs per filter, search limit 25; ids per fetch kept modest (414s). */
export const APPLE_LIMITS = { isrcBatch: 25, search: 10, idsBatch: 100, concurrency: 3, libraryPage: 100, recentPage: 30, heavyRotationPage: 10, playlistWrite: 100 } as const;

const ISRC = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;
const sf = (storefront: string) => encodeURIComponent(storefront.toLowerCase());

/** Catalog songs for ISRCs, keyed by upper-case ISRC; the first song Apple lists per ISRC wins. */
export async function findSongsByIsrc(api: AppleApi, storefront: string, isrcs: readonly string[]): Promise<Map<string, ProviderTrack>> {
  const wanted = [...new Set(isrcs.map((i) => i.trim().toUpperCase()))].filter((i) => ISRC.test(i));
  const found = new Map<string, ProviderTrack>();
  const pages = await mapLimit(chunk(wanted, APPLE_LIMITS.isrcBatch), APPLE_LIMITS.concurrency, (batch) =>
    api.json({ path: `/catalog/${sf(storefront)}/songs?filter[isrc]=${batch.join(',')}` }, SongList));
  for (const song of pages.flatMap((p) => p.data)) {
    const track = catalogSongToTrack(song);
    if (track?.isrc && wanted.includes(track.isrc) && !found.has(track.isrc)) found.set(track.isrc, track);
  }
  return found;
}

export async function searchSongs(api: AppleApi, storefront: string, q: TrackQuery): Promise<ProviderTrack[]> {
  const term = encodeURIComponent(`${q.artist} ${q.title}`.replace(/\s+/g, ' ').trim());
  const body = await api.json({ path: `/catalog/${sf(storefront)}/search?term=${term}&types=songs&limit=${APPLE_LIMITS.search}` }, SearchResults);
  return (body.results.songs?.data ?? []).flatMap((s) => catalogSongToTrack(s) ?? []);
}

/** Catalog songs by id, in the order asked; ids Apple does not know are absent. */
export async function songsByIds(api: AppleApi, storefront: string, ids: readonly string[]): Promise<Map<string, CatalogSong>> {
  const unique = [...new Set(ids)];
  const pages = await mapLimit(chunk(unique, APPLE_LIMITS.idsBatch), APPLE_LIMITS.concurrency, (batch) =>
    api.json({ path: `/catalog/${sf(storefront)}/songs?ids=${batch.map(encodeURIComponent).join(',')}` }, SongList));
  return new Map(pages.flatMap((p) => p.data).filter((s) => s.attributes).map((s) => [s.id, s]));
}
