/** Apple Music API resources as the real service sends them. */
import { albumRecordings, recording, SIM_APPLE_PLAYLISTS, SIM_RECORDINGS, type SimRecording } from './catalog.js';
import { appleId, appleLibraryId, hex, slug } from './ids.js';
import type { SimLibraryEntry } from './users.js';

export const albumAppleId = (albumKey: string) => appleId(`album:${albumKey}`);

function artwork(albumKey: string) {
  const h = hex(`art:${albumKey}`);
  return {
    width: 3000, height: 3000, url: `https://is1-ssl.mzstatic.com/image/thumb/Music126/v4/${h.slice(0, 2)}/${h.slice(2, 4)}/${h}/{w}x{h}bb.jpg`,
    bgColor: h.slice(0, 6), textColor1: 'ffffff', textColor2: 'f2f2f2', textColor3: 'cccccc', textColor4: 'c2c2c2',
  };
}

/** A catalog song. `bare`: only `{id, type, href}`, as relationship and view listings often are. */
export function appleSong(r: SimRecording, sf: string, bare = false) {
  const a = r.apple;
  if (!a) throw new Error(`${r.key} is not on Apple Music`);
  const href = `/v1/catalog/${sf}/songs/${a.id}`;
  if (bare) return { id: a.id, type: 'songs', href };
  return {
    id: a.id, type: 'songs', href,
    attributes: {
      albumName: r.album, artistName: a.artistName, artwork: artwork(r.albumKey), discNumber: 1, durationInMillis: r.durationMs,
      genreNames: [r.genre, 'Music'], hasLyrics: true, isAppleDigitalMaster: r.releaseDate >= '2019', name: a.title,
      playParams: { id: a.id, kind: 'song' }, previews: [{ url: `https://audio-ssl.itunes.apple.com/itunes-assets/AudioPreview/${hex(r.key)}.m4a` }],
      releaseDate: r.releaseDate, trackNumber: r.trackNumber,
      url: `https://music.apple.com/${sf}/album/${slug(r.album)}/${albumAppleId(r.albumKey)}?i=${a.id}`,
      ...(a.isrc ? { isrc: a.isrc } : {}), ...(r.explicit ? { contentRating: 'explicit' } : {}),
    },
  };
}

export interface LibraryOptions { readonly includeCatalog: boolean; readonly inFavorites: boolean; readonly sf: string }

export const libraryIdOf = (userKey: string, entry: SimLibraryEntry) =>
  appleLibraryId('key' in entry ? `${userKey}:${entry.key}` : `${userKey}:upload:${entry.upload.title}`);

/** A `library-songs` resource: no `isrc`, no `url`; the catalog song only with `include=catalog`. */
export function appleLibrarySong(userKey: string, entry: SimLibraryEntry, o: LibraryOptions) {
  const id = libraryIdOf(userKey, entry);
  const href = `/v1/me/library/songs/${id}`;
  const favourite = o.inFavorites ? { inFavorites: 'key' in entry && entry.favourite === true } : {};
  if (!('key' in entry)) {
    const u = entry.upload;
    return {
      id, type: 'library-songs', href,
      attributes: { albumName: u.album, artistName: u.artist, discNumber: 1, durationInMillis: u.durationMs, genreNames: [], hasLyrics: false, name: u.title, playParams: { id, kind: 'song', isLibrary: true, reporting: false }, trackNumber: 1, ...favourite },
      ...(o.includeCatalog ? { relationships: { catalog: { href: `${href}/catalog`, data: [] } } } : {}),
    };
  }
  const r = recording(entry.key);
  const a = r.apple!;
  return {
    id, type: 'library-songs', href,
    attributes: {
      albumName: r.album, artistName: a.artistName, artwork: artwork(r.albumKey), discNumber: 1, durationInMillis: r.durationMs,
      genreNames: [r.genre], hasLyrics: true, name: a.title, releaseDate: r.releaseDate, trackNumber: r.trackNumber,
      playParams: { id, kind: 'song', isLibrary: true, reporting: true, catalogId: a.id, reportingId: a.id },
      ...(r.explicit ? { contentRating: 'explicit' } : {}), ...favourite,
    },
    // "When known": matched songs sometimes come back without it (`unlinked`); playParams.catalogId remains.
    ...(o.includeCatalog ? { relationships: { catalog: { href: `${href}/catalog`, data: entry.unlinked ? [] : [appleSong(r, o.sf)] } } } : {}),
  };
}

export function appleAlbum(albumKey: string, sf: string) {
  const tracks = albumRecordings(albumKey).filter((r) => r.apple);
  const first = tracks[0];
  if (!first) return undefined;
  const id = albumAppleId(albumKey);
  return {
    id, type: 'albums', href: `/v1/catalog/${sf}/albums/${id}`,
    attributes: { artistName: first.apple!.artistName, artwork: artwork(albumKey), name: first.album, playParams: { id, kind: 'album' }, releaseDate: first.releaseDate, trackCount: tracks.length, url: `https://music.apple.com/${sf}/album/${slug(first.album)}/${id}` },
  };
}

export function applePlaylist(id: string, sf: string) {
  const p = SIM_APPLE_PLAYLISTS.find((x) => x.id === id);
  if (!p) return undefined;
  return { id, type: 'playlists', href: `/v1/catalog/${sf}/playlists/${id}`, attributes: { curatorName: 'Apple Music', name: p.name, playParams: { id, kind: 'playlist' }, playlistType: 'editorial', url: `https://music.apple.com/${sf}/playlist/${slug(p.name)}/${id}` } };
}

export const albumKeyByAppleId = new Map(SIM_RECORDINGS.map((r) => [albumAppleId(r.albumKey), r.albumKey]));
export const recordingByAppleId = new Map(SIM_RECORDINGS.flatMap((r) => (r.apple ? [[r.apple.id, r] as const] : [])));

export const appleErrors = (status: number, code: string, title: string, detail?: string) =>
  ({ errors: [{ id: hex(`${code}:${detail ?? title}`, 32).toUpperCase(), title, ...(detail ? { detail } : {}), status: String(status), code }] });
