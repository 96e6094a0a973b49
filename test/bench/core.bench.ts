import { loadavg } from 'node:os';
import { buildBlend, cacheFromRows, matchPrepared, matchScore, planResolution, prepareTrack } from '../../src/core/index.js';
import type { ProviderTrack } from '../../src/core/index.js';
import { group } from '../core/synthetic.js';
import { GOLDEN_PAIRS, judge, quality, qualityByKind } from '../golden/metrics.js';
import type { Quality } from '../golden/metrics.js';

/**
 * `npm run bench -- core`: match quality on the golden set, then speed. Targets (2-core
 * machine): a blend of 100 members × 150 tracks in < 20 ms, 10,000 candidate pairs in < 100 ms.
 * Figures are medians of many runs after a warm-up, as wall time and as this process's CPU time;
 * the verdict takes the lower of the two, because on a busy machine (see the load average) the
 * wall clock also counts the time other processes hold the cores.
 */

const BLEND_TARGET_MS = 20;
const PAIRS_TARGET_MS = 100;

interface Timing { readonly medianMs: number; readonly minMs: number; readonly cpuMedianMs: number }

function measure(runs: number, work: () => unknown): Timing {
  for (let i = 0; i < Math.min(10, runs); i += 1) work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    work();
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { medianMs: median(wall), minMs: Math.min(...wall), cpuMedianMs: median(cpu) };
}

const pct = (x: number) => (Number.isNaN(x) ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
const row = (name: string, q: Quality) =>
  `${name.padEnd(20)} ${String(q.tp + q.fp + q.fn + q.tn).padStart(4)}  P ${pct(q.precision)}  R ${pct(q.recall)}  F1 ${pct(q.f1)}  (tp ${q.tp} fp ${q.fp} fn ${q.fn} tn ${q.tn})`;
const verdict = (t: Timing, target: number) =>
  `median ${t.medianMs.toFixed(2)} ms wall, ${t.cpuMedianMs.toFixed(2)} ms cpu (min ${t.minMs.toFixed(2)} ms)  [target < ${target} ms: ${Math.min(t.medianMs, t.cpuMedianMs) < target ? 'met' : 'MISSED'}]`;

function printQuality(): void {
  const judged = judge();
  console.log(`match quality on ${GOLDEN_PAIRS.length} golden pairs (${GOLDEN_PAIRS.filter((p) => p.same).length} same, ${GOLDEN_PAIRS.filter((p) => !p.same).length} different)`);
  console.log(row('overall', quality(judged)));
  for (const [kind, q] of qualityByKind(judged)) console.log(row(`  ${kind}`, q));
  for (const j of judged.filter((x) => !x.correct)) {
    console.log(`  wrong: [${j.pair.kind}] "${j.pair.spotify.title}" / "${j.pair.apple.title}" → ${j.result.reason} (${j.result.score.toFixed(2)})`);
  }
}

function printBlendSpeed(): void {
  for (const members of [10, 100]) {
    const tastes = group(members, 150);
    const result = buildBlend(tastes, { size: 100, platforms: ['spotify', 'apple'] });
    const timing = measure(members === 100 ? 60 : 200, () => buildBlend(tastes, { size: 100, platforms: ['spotify', 'apple'] }));
    console.log(`blend ${members} members × 150 tracks → ${result.entries.length} entries, taste ${result.taste.score}: ${verdict(timing, BLEND_TARGET_MS)}`);
  }
}

function printPairSpeed(): void {
  const pairs = Array.from({ length: 10_000 }, (_v, i) => GOLDEN_PAIRS[i % GOLDEN_PAIRS.length]!);
  console.log(`10,000 candidate pairs, matchScore (both sides prepared each time): ${verdict(measure(25, () => { for (const p of pairs) matchScore(p.spotify, p.apple); }), PAIRS_TARGET_MS)}`);
  const sources = pairs.filter((_p, i) => i % 10 === 0).map((p) => p.spotify);
  const candidates = GOLDEN_PAIRS.slice(0, 10).map((p) => prepareTrack(p.apple));
  const searchLike = measure(15, () => { for (const s of sources) { const prepared = prepareTrack(s); for (const c of candidates) matchPrepared(prepared, c); } });
  console.log(`1,000 sources × 10 prepared candidates (a search's results): median ${searchLike.medianMs.toFixed(2)} ms`);
}

function printPlanSpeed(): void {
  const tracks: ProviderTrack[] = group(100, 150).flatMap((m, i) => (m.ranked.short ?? []).concat(m.ranked.medium ?? [], m.ranked.long ?? [])
    .map((r) => ({ ...r, provider: i % 2 ? 'spotify' as const : 'apple' as const, id: `${i}-${r.key}` })));
  const timing = measure(20, () => planResolution({ tracks, targets: ['spotify', 'apple'], cache: cacheFromRows([]) }));
  console.log(`planResolution for ${tracks.length} member tracks: median ${timing.medianMs.toFixed(2)} ms`);
}

export async function run(): Promise<void> {
  printQuality();
  console.log(`\nspeed (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  printBlendSpeed();
  printPairSpeed();
  printPlanSpeed();
}
