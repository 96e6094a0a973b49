import { primaryArtist } from './normalize.js';
import type { TasteIndex } from './taste-index.js';

/** The members' main artists: which recording is by whom, and who listens to each artist. */
export interface ArtistTable {
  /** Recording index → artist index. */
  readonly artistOf: Int32Array;
  /** Artist index → display name (as credited on the recording with the smallest key). */
  readonly names: readonly string[];
  /** Artist index → members (ascending) with the taste weight each puts on the artist. */
  readonly listeners: readonly (readonly { readonly member: number; readonly mass: number }[])[];
}

export function artistTable(index: TasteIndex): ArtistTable {
  const idOfKey = new Map<string, number>();
  const names: string[] = [];
  const artistOf = new Int32Array(index.recordings.length);
  index.recordings.forEach((recording, r) => {
    const key = index.artistKeys.of(recording);
    let id = idOfKey.get(key);
    if (id === undefined) {
      idOfKey.set(key, (id = names.length));
      names.push(primaryArtist(recording.artists));
    }
    artistOf[r] = id;
  });
  const listeners: { member: number; mass: number }[][] = names.map(() => []);
  const mass = new Float64Array(names.length);
  index.members.forEach((view, member) => {
    const touched: number[] = [];
    for (let i = 0; i < view.recordings.length; i += 1) {
      const artist = artistOf[view.recordings[i] ?? 0] ?? 0;
      if (mass[artist] === 0) touched.push(artist);
      mass[artist] = (mass[artist] ?? 0) + (view.weights[i] ?? 0);
    }
    for (const artist of touched) {
      listeners[artist]?.push({ member, mass: mass[artist] ?? 0 });
      mass[artist] = 0;
    }
  });
  return { artistOf, names, listeners };
}
