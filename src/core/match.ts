import { prepareTrack } from './prepare.js';
import type { PreparedTrack } from './prepare.js';
import {
  artistSimilarity, durationGap, durationSimilarity, DURATION_LIMIT_MS, DURATION_TOLERANCE_MS, stringSimilarity,
} from './similarity.js';
import type { MatchInput } from './types.js';

/**
 * Are two tracks (usually one per platform) the same recording?
 *
 * 1. Equal ISRCs (case, spaces and hyphens ignored) settle it: score 1. Different ISRCs do not
 *    settle the opposite (a remaster often gets a new ISRC), so matching goes on.
 * 2. Vetoes: a title part, version class (live, remix …), remixer, main artist, duration
 *    (> DURATION_LIMIT_MS apart), edit (radio edit vs album cut of different length) or title
 *    that disagrees makes them different recordings; the score is then capped at VETO_SCORE_CAP.
 * 3. Otherwise score = Σ MATCH_WEIGHTS[c] · similarity(c) / Σ weights of the known components
 *    (album and duration drop out when either side lacks them), minus EDIT_MISMATCH_PENALTY
 *    when only one side is labelled an edit. Same recording when score ≥ MATCH_THRESHOLD.
 *
 * False positives (two songs merged) hurt more than misses (one song listed twice, or missing
 * on one platform), so vetoes are strict and the threshold is high.
 */

export const MATCH_WEIGHTS = { title: 0.4, artist: 0.3, duration: 0.2, album: 0.1 } as const;
/**
 * Set on test/golden: same-recording pairs that pass the vetoes score ≥ 0.9 there, vetoed pairs
 * ≤ VETO_SCORE_CAP; 0.85 leaves room for a few seconds of duration gap or a different album name
 * (single vs album) but not both at once.
 */
export const MATCH_THRESHOLD = 0.85;
/**
 * Below this base-title similarity, two titles are different songs. Titles of the same recording
 * are nearly always equal once normalised; 0.9 still forgives one typo in ten letters but not
 * "Lover" vs "Lovers".
 */
export const TITLE_MIN_SIMILARITY = 0.9;
/** Remixes with names less alike than this are different remixes. */
export const REMIX_MIN_SIMILARITY = 0.8;
export const EDIT_MISMATCH_PENALTY = 0.05;
export const VETO_SCORE_CAP = 0.5;

export type MatchReason =
  | 'isrc' | 'metadata' | 'below-threshold' | 'no-title' | 'different-part' | 'different-version'
  | 'different-remix' | 'different-artist' | 'duration-far' | 'different-edit' | 'different-title';

export interface MatchResult {
  readonly score: number;
  readonly sameRecording: boolean;
  readonly reason: MatchReason;
}

function sameKeys<K>(a: ReadonlyMap<K, unknown>, b: ReadonlyMap<K, unknown>): boolean {
  return a.size === b.size && [...a.keys()].every((k) => b.has(k));
}

function veto(a: PreparedTrack, b: PreparedTrack, titleSim: number, artistSim: number): MatchReason | undefined {
  const gap = durationGap(a, b);
  if (!a.title.base || !b.title.base) return 'no-title';
  if (a.title.part !== b.title.part) return 'different-part';
  if (!sameKeys(a.title.versions, b.title.versions)) return 'different-version';
  const remixA = a.title.versions.get('remix');
  const remixB = b.title.versions.get('remix');
  if (remixA !== undefined && remixB !== undefined && stringSimilarity(remixA, remixB) < REMIX_MIN_SIMILARITY) {
    return 'different-remix';
  }
  if (artistSim === 0) return 'different-artist';
  if (gap !== undefined && gap > DURATION_LIMIT_MS) return 'duration-far';
  const editsDiffer = a.title.edits.join() !== b.title.edits.join();
  if (editsDiffer && (gap === undefined || gap > DURATION_TOLERANCE_MS)) return 'different-edit';
  if (titleSim < TITLE_MIN_SIMILARITY) return 'different-title';
  return undefined;
}

function weightedScore(a: PreparedTrack, b: PreparedTrack, titleSim: number, artistSim: number): number {
  const gap = durationGap(a, b);
  let sum = MATCH_WEIGHTS.title * titleSim + MATCH_WEIGHTS.artist * artistSim;
  let weight = MATCH_WEIGHTS.title + MATCH_WEIGHTS.artist;
  if (gap !== undefined) {
    sum += MATCH_WEIGHTS.duration * durationSimilarity(gap);
    weight += MATCH_WEIGHTS.duration;
  }
  if (a.album !== undefined && b.album !== undefined) {
    sum += MATCH_WEIGHTS.album * stringSimilarity(a.album, b.album);
    weight += MATCH_WEIGHTS.album;
  }
  const penalty = a.title.edits.join() === b.title.edits.join() ? 0 : EDIT_MISMATCH_PENALTY;
  return Math.max(0, sum / weight - penalty);
}

/** `matchScore` for tracks already prepared with `prepareTrack`. */
export function matchPrepared(a: PreparedTrack, b: PreparedTrack): MatchResult {
  if (a.isrc !== undefined && a.isrc === b.isrc) return { score: 1, sameRecording: true, reason: 'isrc' };
  const titleSim = stringSimilarity(a.title.base, b.title.base);
  const artistSim = artistSimilarity(a, b);
  const score = weightedScore(a, b, titleSim, artistSim);
  const vetoed = veto(a, b, titleSim, artistSim);
  if (vetoed) return { score: Math.min(score, VETO_SCORE_CAP), sameRecording: false, reason: vetoed };
  const sameRecording = score >= MATCH_THRESHOLD;
  return { score, sameRecording, reason: sameRecording ? 'metadata' : 'below-threshold' };
}

/** How alike two tracks are (0..1) and whether they are the same recording, with the reason. */
export function matchScore(a: MatchInput, b: MatchInput): MatchResult {
  return matchPrepared(prepareTrack(a), prepareTrack(b));
}
