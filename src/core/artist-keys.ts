import { artistKey } from './keys.js';
import type { ResolvedRecording } from './types.js';

/**
 * `artistKey` remembered per credit string for the length of one computation: a group of 100
 * members lists thousands of recordings by a few hundred artists, and normalising a name costs
 * microseconds. Create one per call; nothing is kept between calls.
 */
export class ArtistKeys {
  private readonly memo = new Map<string, string>();

  of(recording: Pick<ResolvedRecording, 'artists'>): string {
    const credit = recording.artists[0] ?? '';
    let key = this.memo.get(credit);
    if (key === undefined) this.memo.set(credit, (key = artistKey(recording)));
    return key;
  }
}
