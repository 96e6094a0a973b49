import type { ProviderTrack } from '../types.js';
import type { CatalogSong, LibrarySong } from './schemas.js';

/** Artwork edge in pixels: big enough for an embed thumbnail and the public page. */
export const ARTWORK_SIZE = 600;

/** Apple artwork URLs are templates: `{w}x{h}` (and sometimes `{f}`, the format). */
export function fillArtwork(template: string, size = ARTWORK_SIZE): string {
  return template.replace('{w}', String(size)).replace('{h}', String(size)).replace('{f}', 'jpg');
}

type Attributes = NonNullable<CatalogSong['attributes']>;

function base(id: string, a: Attributes, extra: Record<string, unknown>): ProviderTrack {
  return {
    provider: 'apple',
    id,
    isrc: a.isrc?.toUpperCase(),
    title: a.name,
    // Apple gives one credit string ("A & B"); splitting it would break names like "Simon & Garfunkel".
    artists: [a.artistName],
    album: a.albumName,
    durationMs: a.durationInMillis ?? 0,
    artworkUrl: a.artwork ? fillArtwork(a.artwork.url) : undefined,
    url: a.url,
    explicit: a.contentRating === undefined ? undefined : a.contentRating === 'explicit',
    metadata: { genreNames: a.genreNames ?? [], releaseDate: a.releaseDate ?? null, artworkTemplate: a.artwork?.url ?? null, ...extra },
  };
}

/** Only songs that carry attributes map; the caller fetches the rest by id first. */
export function catalogSongToTrack(song: CatalogSong, extra: Record<string, unknown> = {}): ProviderTrack | undefined {
  return song.attributes ? base(song.id, song.attributes, { type: 'songs', ...extra }) : undefined;
}

/** A library song no catalog song could be found for (an upload, or unmatched): no ISRC, library id. */
export function librarySongToTrack(song: LibrarySong): ProviderTrack | undefined {
  return song.attributes ? base(song.id, song.attributes, { type: 'library-songs', libraryId: song.id }) : undefined;
}

/** `i.…` ids are library songs; everything else is a catalog song id. */
export const appleTrackType = (id: string): 'library-songs' | 'songs' => (id.startsWith('i.') ? 'library-songs' : 'songs');
