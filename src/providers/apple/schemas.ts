import { z } from 'zod';

/**
 * Apple Music API shapes blend-bot reads. Resources are `{id, type, href, attributes,
 * relationships}`; collections are `{data, next?}` where `next` is a path like `/v1/me/…?offset=30`.
 */
export const Artwork = z.object({ url: z.string(), width: z.number().nullable().optional(), height: z.number().nullable().optional() });

const PlayParams = z.object({ id: z.string(), kind: z.string(), isLibrary: z.boolean().optional(), catalogId: z.string().optional() });

export const SongAttributes = z.object({
  name: z.string(),
  artistName: z.string(),
  albumName: z.string().optional(),
  durationInMillis: z.number().int().nonnegative().optional(),
  isrc: z.string().optional(),
  artwork: Artwork.optional(),
  url: z.string().optional(),
  contentRating: z.string().optional(),
  genreNames: z.array(z.string()).optional(),
  releaseDate: z.string().optional(),
  playParams: PlayParams.optional(),
  inFavorites: z.boolean().optional(),
});

/** A catalog song. `attributes` can be absent in relationship/view listings (then fetched by id). */
export const CatalogSong = z.object({ id: z.string(), type: z.literal('songs'), attributes: SongAttributes.optional() });
export type CatalogSong = z.infer<typeof CatalogSong>;

/** A library song (`i.…`): no `isrc` or `url`; `include=catalog` adds the catalog song when known. */
export const LibrarySong = z.object({
  id: z.string(),
  type: z.literal('library-songs'),
  attributes: SongAttributes.optional(),
  relationships: z.object({ catalog: z.object({ data: z.array(CatalogSong) }).optional() }).optional(),
});
export type LibrarySong = z.infer<typeof LibrarySong>;

/** Anything else in a track listing (music videos, uploads of other kinds): kept out of blends. */
const OtherResource = z.object({ id: z.string(), type: z.string().refine((t) => t !== 'songs' && t !== 'library-songs', 'a song must have song attributes') });

export const AnyTrack = z.union([CatalogSong, LibrarySong, OtherResource]);
export type AnyTrack = z.infer<typeof AnyTrack>;

export const collection = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next: z.string().optional() });

export const TrackList = collection(AnyTrack);
export const SongList = collection(CatalogSong);

/** Heavy rotation / recently played containers: albums, playlists, stations, library albums/playlists. */
export const Container = z.object({ id: z.string(), type: z.string(), attributes: z.object({ name: z.string().optional() }).loose().optional() });
export const ContainerList = collection(Container);

export const MusicSummaries = z.object({
  data: z.array(z.object({
    id: z.string(),
    type: z.literal('music-summaries'),
    attributes: z.object({ year: z.number().optional() }).loose().optional(),
    views: z.record(z.string(), z.object({ data: z.array(AnyTrack) })).optional(),
  })),
});

export const Storefronts = z.object({
  data: z.array(z.object({ id: z.string(), type: z.literal('storefronts'), attributes: z.object({ name: z.string() }).loose().optional() })).min(1),
});

export const SearchResults = z.object({ results: z.object({ songs: SongList.optional() }) });

export const CreatedPlaylist = z.object({
  data: z.array(z.object({ id: z.string(), type: z.literal('library-playlists'), attributes: z.object({ name: z.string() }).loose().optional() })).min(1),
});

/** `{"errors":[{"id","title","detail"?,"status":"403","code":"40300"}]}`: status and code are strings. */
export const AppleErrors = z.object({
  errors: z.array(z.object({ id: z.string().optional(), title: z.string().optional(), detail: z.string().optional(), status: z.string(), code: z.string() })).min(1),
});
