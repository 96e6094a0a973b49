import { TIME_RANGES } from '../../src/core/index.js';
import type { MemberTaste, ResolvedRecording, TimeRange } from '../../src/core/index.js';

/**
 * Realistic-looking, reproducible tastes for benches and tests: a catalog in scenes, where each
 * member listens mostly inside one or two scenes plus the hits everyone hears (so members
 * overlap, some a lot), artists with many songs, most recordings on both platforms, 5% without
 * an ISRC, and every member's recordings separate objects (as loaded from the database).
 * Seeded, so every run builds the same data.
 */

/** mulberry32: a tiny seeded generator (tests and benches only; the core never draws). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function catalog(size: number, artists: number, random: () => number): ResolvedRecording[] {
  return Array.from({ length: size }, (_unused, i) => {
    const artist = `Artist ${Math.floor(random() * artists)}`;
    const hasIsrc = random() > 0.05;
    const isrc = `US${'ABC'}${String(10_000_000 + i).slice(1)}`;
    const title = `Song ${i} of the catalog`;
    const ids: Partial<Record<'spotify' | 'apple', string>> = {};
    if (random() > 0.05) ids.spotify = `sp${i}`;
    if (random() > 0.1) ids.apple = `am${i}`;
    return {
      key: hasIsrc ? `isrc:${isrc}` : `meta:song ${i} of catalog|${artist.toLowerCase()}`,
      ...(hasIsrc ? { isrc } : {}),
      title, artists: [artist], durationMs: 150_000 + Math.floor(random() * 150_000), ids,
    };
  });
}

/** Skewed pick: low indexes (the popular songs of a list) come up far more often. */
function skewed<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(list.length * random() ** 1.6)] as T;
}

/** The catalog cut into scenes (genres, in effect): members mostly listen inside one or two. */
const SCENES = 12;
const HITS_SHARE = 0.25;

export function member(memberId: string, pool: readonly ResolvedRecording[], perRange: number, random: () => number): MemberTaste {
  const sceneSize = Math.floor(pool.length / SCENES);
  const scenes = [Math.floor(random() * SCENES), Math.floor(random() * SCENES)].map((s) => pool.slice(s * sceneSize, (s + 1) * sceneSize));
  const hits = pool.filter((_r, i) => i % sceneSize < sceneSize / 20);
  const ranked = {} as Record<TimeRange, ResolvedRecording[]>;
  for (const range of TIME_RANGES) {
    const seen = new Set<string>();
    const list: ResolvedRecording[] = [];
    while (list.length < perRange) {
      const source = random() < HITS_SHARE ? hits : (scenes[random() < 0.7 ? 0 : 1] ?? hits);
      const recording = skewed(source, random);
      if (seen.has(recording.key)) continue;
      seen.add(recording.key);
      list.push(JSON.parse(JSON.stringify(recording)) as ResolvedRecording); // as if loaded per member
    }
    ranked[range] = list;
  }
  return { memberId, ranked };
}

/** `count` members with `tracks` tracks each (split evenly over the three ranges). */
export function group(count: number, tracks: number, seed = 1): MemberTaste[] {
  const random = seeded(seed);
  const pool = catalog(Math.max(3000, count * 60), Math.max(300, count * 8), random);
  return Array.from({ length: count }, (_unused, i) => member(`member-${String(i).padStart(3, '0')}`, pool, Math.ceil(tracks / 3), random));
}
