import type { ProviderId, ResolvedRecording } from './types.js';

/**
 * One platform's playlist and how much of the blend it carries. A recording with no id on the
 * platform (not in its catalog, or not found) is left out of its list and counted as missing.
 */
export interface PlatformCoverage {
  /** Track ids on this platform, in blend order. */
  readonly trackIds: readonly string[];
  /** How many blend entries the platform has (= trackIds.length). */
  readonly available: number;
  /** How many entries the blend has. */
  readonly total: number;
  /** Keys of the recordings the platform lacks, in blend order. */
  readonly missing: readonly string[];
}

export function platformCoverage(recordings: readonly ResolvedRecording[], platforms: readonly ProviderId[]): Partial<Record<ProviderId, PlatformCoverage>> {
  const coverage: Partial<Record<ProviderId, PlatformCoverage>> = {};
  for (const platform of [...new Set(platforms)].sort()) {
    const trackIds: string[] = [];
    const missing: string[] = [];
    for (const recording of recordings) {
      const id = recording.ids[platform];
      if (id === undefined) missing.push(recording.key);
      else trackIds.push(id);
    }
    coverage[platform] = { trackIds, available: trackIds.length, total: recordings.length, missing };
  }
  return coverage;
}
