/**
 * "No artist twice in a row where it can be avoided", keeping the given order as far as possible.
 *
 * Position by position, take the earliest remaining item whose artist differs from the previous
 * one AND after which the rest can still be laid out without repeats. The rest (R items, first
 * one not by artist p) can be, exactly when no artist has more than ⌈R/2⌉ items and p has at
 * most ⌊R/2⌋. When a repeat cannot be avoided (one artist has more than half the items), take
 * the most frequent other artist, which gives the fewest repeats possible:
 * max(0, m − (n − m) − 1) for n items of which m share the main artist.
 */

interface TopTwo { readonly artist: string | undefined; readonly first: number; readonly second: number }

/** The largest count, its artist, and the largest count of any other artist. */
function topTwo(counts: ReadonlyMap<string, number>): TopTwo {
  let artist: string | undefined;
  let first = 0;
  let second = 0;
  for (const [name, count] of counts) {
    if (count > first) [artist, first, second] = [name, count, first];
    else if (count > second) second = count;
  }
  return { artist, first, second };
}

/** Can the remaining items, less one by `artist`, follow an item by `artist` without repeats? */
function feasibleAfter(counts: ReadonlyMap<string, number>, top: TopTwo, remaining: number, artist: string): boolean {
  const rest = remaining - 1;
  const own = (counts.get(artist) ?? 0) - 1;
  const maxOther = top.artist === artist ? Math.max(top.second, own) : top.first;
  return own <= Math.floor(rest / 2) && maxOther <= Math.ceil(rest / 2);
}

function choose<T>(items: readonly T[], artists: readonly string[], counts: ReadonlyMap<string, number>, previous: string | undefined): number {
  const top = topTwo(counts);
  for (let i = 0; i < items.length; i += 1) {
    const artist = artists[i] ?? '';
    if (artist !== previous && feasibleAfter(counts, top, items.length, artist)) return i;
  }
  let best = -1;
  for (let i = 0; i < items.length; i += 1) {
    const artist = artists[i] ?? '';
    if (artist === previous) continue;
    if (best < 0 || (counts.get(artist) ?? 0) > (counts.get(artists[best] ?? '') ?? 0)) best = i;
  }
  return Math.max(best, 0);
}

/** Reorders `items` so that equal `artistOf` values are never adjacent where avoidable. */
export function spaceArtists<T>(items: readonly T[], artistOf: (item: T) => string): T[] {
  const rest = [...items];
  const artists = rest.map(artistOf);
  const counts = new Map<string, number>();
  for (const artist of artists) counts.set(artist, (counts.get(artist) ?? 0) + 1);
  const out: T[] = [];
  let previous: string | undefined;
  while (rest.length > 0) {
    const i = choose(rest, artists, counts, previous);
    const [item] = rest.splice(i, 1);
    const [artist = ''] = artists.splice(i, 1);
    counts.set(artist, (counts.get(artist) ?? 1) - 1);
    out.push(item as T);
    previous = artist;
  }
  return out;
}
