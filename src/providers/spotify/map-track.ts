import type { ProviderTrack } from '../types.js';
import type { SpotifyTrack } from './schemas.js';

/** Spotify track → our track. The id is the bare track id; `trackUri` turns it back into a URI. */
export function toProviderTrack(t: SpotifyTrack): ProviderTrack {
  const images = t.album?.images ?? [];
  return {
    provider: 'spotify',
    id: t.id,
    isrc: t.external_ids?.isrc?.toUpperCase(),
    title: t.name,
    artists: t.artists.map((a) => a.name),
    album: t.album?.name,
    durationMs: t.duration_ms,
    artworkUrl: images[0]?.url,
    url: t.external_urls?.spotify,
    explicit: t.explicit,
    metadata: {
      uri: t.uri,
      artistIds: t.artists.map((a) => a.id ?? null),
      albumId: t.album?.id ?? null,
      releaseDate: t.album?.release_date ?? null,
      images: images.map((i) => ({ url: i.url, width: i.width ?? null, height: i.height ?? null })),
    },
  };
}

/** Accepts a bare id or a `spotify:track:` URI. */
export function trackUri(idOrUri: string): string {
  return idOrUri.startsWith('spotify:') ? idOrUri : `spotify:track:${idOrUri}`;
}
