import type { MemberTaste, ProviderId, ResolvedRecording, TimeRange } from '../../src/core/index.js';

/** Small hand-made recordings and members for example tests. */
export function rec(n: number, artist = `Artist ${n}`, ids: Partial<Record<ProviderId, string>> = { spotify: `sp${n}`, apple: `am${n}` }): ResolvedRecording {
  const isrc = `QZABC${String(n).padStart(7, '0')}`;
  return { key: `isrc:${isrc}`, isrc, title: `Song ${n}`, artists: [artist], durationMs: 180_000 + n * 1000, ids };
}

export function taste(memberId: string, ranked: Partial<Record<TimeRange, readonly ResolvedRecording[]>>): MemberTaste {
  return { memberId, ranked };
}

/** `count` recordings numbered from `from`, each by its own artist. */
export const recs = (from: number, count: number) => Array.from({ length: count }, (_v, i) => rec(from + i));
