import { MAY_BE_JOINED, normalizeArtist, normalizeIsrc, splitArtists, splitArtistsNaively } from './normalize.js';
import { parseTitle } from './parse-title.js';
import type { ParsedTitle } from './parse-title.js';
import type { MatchInput } from './types.js';

/**
 * A track with everything the matcher compares worked out once. Preparing costs a few
 * microseconds; when one track is compared with many (search candidates), prepare it once and
 * call `matchPrepared`.
 */
export interface PreparedTrack {
  readonly isrc: string | undefined;
  readonly title: ParsedTitle;
  /**
   * Every normalised name credited: whole credits, and every name between separators (so
   * Spotify ["Prince", "The Revolution"] meets Apple "Prince & The Revolution"), plus the
   * artists featured in the title.
   */
  readonly names: ReadonlySet<string>;
  /** The main artist's normalised name(s): the whole first credit and its first split name. */
  readonly primaries: readonly string[];
  readonly album: string | undefined;
  /** undefined when unknown (0 or less). */
  readonly durationMs: number | undefined;
}

const ALBUM_SUFFIX = /\s+-\s+(?:single|ep)\s*$/i;


/** Normalised names of one track's credits, each name normalised once. */
function artistNames(artists: readonly string[], featured: readonly string[]): { names: Set<string>; primaries: string[] } {
  const names = new Set<string>();
  const normal = new Map<string, string>();
  const norm = (name: string) => {
    let n = normal.get(name);
    if (n === undefined) normal.set(name, (n = normalizeArtist(name)));
    return n;
  };
  for (const credit of [...artists, ...featured]) {
    names.add(norm(credit));
    if (MAY_BE_JOINED.test(credit)) for (const name of splitArtistsNaively(credit)) names.add(norm(name));
  }
  names.delete('');
  const first = artists[0];
  if (first === undefined) return { names, primaries: [] };
  const whole = norm(first);
  const head = MAY_BE_JOINED.test(first) ? norm(splitArtists(first)[0] ?? first) : whole;
  return { names, primaries: (head === whole ? [whole] : [whole, head]).filter(Boolean) };
}

/** Album name without edition noise ("(Deluxe Edition)", " - Single", "[Remastered]"). */
export function albumKey(album: string | undefined): string | undefined {
  if (!album?.trim()) return undefined;
  return parseTitle(album.replace(ALBUM_SUFFIX, '')).base;
}

export function prepareTrack(track: MatchInput): PreparedTrack {
  const title = parseTitle(track.title);
  const { names, primaries } = artistNames(track.artists, title.featured);
  return {
    isrc: normalizeIsrc(track.isrc),
    title,
    names,
    primaries,
    album: albumKey(track.album),
    durationMs: track.durationMs > 0 ? track.durationMs : undefined,
  };
}
