import { matchScore } from '../../src/core/index.js';
import type { MatchResult } from '../../src/core/index.js';
import { DIFFERENT_PAIRS } from './pairs-different.js';
import { SAME_PAIRS } from './pairs-same.js';
import type { GoldenPair } from './golden-pair.js';

/** The whole labelled set: pairs that are and pairs that are not the same recording. */
export const GOLDEN_PAIRS: readonly GoldenPair[] = [...SAME_PAIRS, ...DIFFERENT_PAIRS];

export interface Confusion { tp: number; fp: number; fn: number; tn: number }

export interface Quality extends Confusion {
  /** NaN when nothing was predicted "same" (no positives to be precise about). */
  readonly precision: number;
  /** NaN when the set has no true pairs. */
  readonly recall: number;
  readonly f1: number;
}

export interface Judged { readonly pair: GoldenPair; readonly result: MatchResult; readonly correct: boolean }

export function judge(pairs: readonly GoldenPair[] = GOLDEN_PAIRS): Judged[] {
  return pairs.map((pair) => {
    const result = matchScore(pair.spotify, pair.apple);
    return { pair, result, correct: result.sameRecording === pair.same };
  });
}

export function quality(judged: readonly Judged[]): Quality {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { pair, result } of judged) {
    if (result.sameRecording) c[pair.same ? 'tp' : 'fp'] += 1;
    else c[pair.same ? 'fn' : 'tn'] += 1;
  }
  const precision = c.tp / (c.tp + c.fp);
  const recall = c.tp / (c.tp + c.fn);
  return { ...c, precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** Quality per variation kind, kinds in alphabetical order. */
export function qualityByKind(judged: readonly Judged[]): [string, Quality][] {
  const kinds = [...new Set(judged.map((j) => j.pair.kind))].sort();
  return kinds.map((kind) => [kind, quality(judged.filter((j) => j.pair.kind === kind))]);
}
