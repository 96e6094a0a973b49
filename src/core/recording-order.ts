import { PROVIDER_IDS } from './types.js';
import type { ResolvedRecording } from './types.js';

/**
 * Which of several recordings stands for them all, decided by content alone so the choice never
 * depends on input order.
 */

function idCount(r: ResolvedRecording): number {
  return (r.ids.spotify === undefined ? 0 : 1) + (r.ids.apple === undefined ? 0 : 1);
}

function sameContent(a: ResolvedRecording, b: ResolvedRecording): boolean {
  if (a.durationMs !== b.durationMs || a.ids.spotify !== b.ids.spotify || a.ids.apple !== b.ids.apple) return false;
  if (a.title !== b.title || a.album !== b.album || a.isrc !== b.isrc || a.artworkUrl !== b.artworkUrl) return false;
  if (a.artists.length !== b.artists.length) return false;
  for (let i = 0; i < a.artists.length; i += 1) if (a.artists[i] !== b.artists[i]) return false;
  return true;
}

const signature = (r: ResolvedRecording) =>
  [r.title, r.artists.join('\u0001'), r.durationMs, r.album ?? '', r.isrc ?? '', r.artworkUrl ?? '',
    ...PROVIDER_IDS.map((p) => r.ids[p] ?? '')].join('\u0000');

/**
 * Of two copies of one key, does `a` represent it rather than `b`? A total order, so the choice
 * does not depend on input order: more platform ids first, then the smaller content. Identical
 * copies (the usual case) never displace each other.
 */
export function preferCopy(a: ResolvedRecording, b: ResolvedRecording): boolean {
  if (a === b) return false;
  const idsA = idCount(a);
  const idsB = idCount(b);
  if (idsA !== idsB) return idsA > idsB;
  return !sameContent(a, b) && signature(a) < signature(b);
}

/** The recording that leads a group: most platform ids, then the smallest key. */
export function leadOf(members: readonly ResolvedRecording[]): ResolvedRecording {
  return members.reduce((best, m) => {
    const diff = idCount(m) - idCount(best);
    return diff > 0 || (diff === 0 && m.key < best.key) ? m : best;
  });
}

