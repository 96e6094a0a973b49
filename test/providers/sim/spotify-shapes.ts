/** Spotify Web API objects as the real service sends them (dev mode, 2026: no popularity/markets). */
import { recordingByKey, type SimRecording } from './catalog.js';
import { hex, spotifyId } from './ids.js';

export function spotifyArtist(name: string) {
  const id = spotifyId(`artist:${name}`);
  return { external_urls: { spotify: `https://open.spotify.com/artist/${id}` }, href: `https://api.spotify.com/v1/artists/${id}`, id, name, type: 'artist', uri: `spotify:artist:${id}` };
}

export function spotifyTrack(r: SimRecording) {
  const s = r.spotify;
  if (!s) throw new Error(`${r.key} is not on Spotify`);
  const albumId = spotifyId(`album:${r.albumKey}`);
  const art = hex(`cover:${r.albumKey}`, 24);
  return {
    album: {
      album_type: r.album === r.title ? 'single' : 'album',
      artists: [spotifyArtist(s.artists[0] as string)],
      external_urls: { spotify: `https://open.spotify.com/album/${albumId}` },
      href: `https://api.spotify.com/v1/albums/${albumId}`,
      id: albumId,
      images: [
        { url: `https://i.scdn.co/image/ab67616d0000b273${art}`, height: 640, width: 640 },
        { url: `https://i.scdn.co/image/ab67616d00001e02${art}`, height: 300, width: 300 },
        { url: `https://i.scdn.co/image/ab67616d00004851${art}`, height: 64, width: 64 },
      ],
      name: r.album,
      release_date: r.releaseDate,
      release_date_precision: 'day',
      total_tracks: 12,
      type: 'album',
      uri: `spotify:album:${albumId}`,
    },
    artists: s.artists.map(spotifyArtist),
    disc_number: 1,
    duration_ms: r.durationMs,
    explicit: r.explicit,
    external_ids: s.isrc ? { isrc: s.isrc } : {},
    external_urls: { spotify: `https://open.spotify.com/track/${s.id}` },
    href: `https://api.spotify.com/v1/tracks/${s.id}`,
    id: s.id,
    is_local: false,
    name: s.title,
    preview_url: null,
    track_number: r.trackNumber,
    type: 'track',
    uri: `spotify:track:${s.id}`,
  };
}

export function paging<T>(href: URL, items: readonly T[], offset: number, limit: number, total: number) {
  const at = (o: number) => {
    const u = new URL(href);
    u.searchParams.set('offset', String(o));
    u.searchParams.set('limit', String(limit));
    return u.toString();
  };
  return {
    href: href.toString(),
    items,
    limit,
    next: offset + limit < total ? at(offset + limit) : null,
    offset,
    previous: offset > 0 ? at(Math.max(0, offset - limit)) : null,
    total,
  };
}

const bySpotifyId = new Map([...recordingByKey.values()].flatMap((r) => (r.spotify ? [[r.spotify.id, r] as const] : [])));

export function recordingBySpotifyId(id: string): SimRecording | undefined {
  return bySpotifyId.get(id);
}

export const spotifyError = (status: number, message: string, reason?: string) =>
  ({ error: { status, message, ...(reason ? { reason } : {}) } });
