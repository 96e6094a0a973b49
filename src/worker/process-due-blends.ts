import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { blends } from '../../db/schema/index.js';
import { scoped, type AppContext } from '../context.js';
import { asWorker, withActor } from '../data/actor.js';
import { claimDueBlends, expireUnderfilledBlends, type ClaimedBlend } from '../data/claim-blends.js';
import { describeFailure, retryDelayMs } from './failure.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { notifyGaveUp, notifyUnderfilled } from './notices.js';
import { runBlendPipeline, type PipelineOutcome } from './pipeline.js';

export interface WorkerOptions {
  /** Blends claimed per tick. */
  readonly batchSize: number;
  /** Blends built at once by this process. */
  readonly concurrency: number;
  /** How long a claim holds before another worker may take the blend over. */
  readonly leaseMs: number;
  /** Runs that fail before the blend goes back to the creator. */
  readonly maxAttempts: number;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = { batchSize: 20, concurrency: 4, leaseMs: 5 * 60_000, maxAttempts: 5 };

export type BlendRunner = (ctx: AppContext, blendId: string) => Promise<PipelineOutcome>;

export interface TickReport { readonly claimed: number; readonly outcomes: readonly (PipelineOutcome | { kind: 'failed'; error: string })[] }

/** One worker tick: close blends whose time ran out, claim due ones, build them side by side. */
export async function processDueBlends(ctx: AppContext, options: Partial<WorkerOptions> = {}, run: BlendRunner = runBlendPipeline): Promise<TickReport> {
  const opts = { ...DEFAULT_WORKER_OPTIONS, ...options };
  const underfilled = await withActor(ctx.db, asWorker, (tx) => expireUnderfilledBlends(tx, ctx.now()));
  for (const { id } of underfilled) await notifyUnderfilled(ctx, id).catch((err: unknown) => ctx.log.warn({ err, blendId: id }, 'could not tell the creator'));
  const claimed = await withActor(ctx.db, asWorker, (tx) => claimDueBlends(tx, { limit: opts.batchSize, leaseMs: opts.leaseMs, now: ctx.now() }));
  if (claimed.length > 0) ctx.log.info({ claimed: claimed.length }, 'blends claimed');
  const outcomes = await mapWithConcurrency(claimed, opts.concurrency, (blend) => runOne(ctx, blend, opts, run));
  return { claimed: claimed.length, outcomes };
}

async function runOne(base: AppContext, blend: ClaimedBlend, opts: WorkerOptions, run: BlendRunner) {
  const ctx = scoped(base, { blendId: blend.id, attempt: blend.attempts });
  try {
    const outcome = await run(ctx, blend.id);
    ctx.log.info({ outcome: outcome.kind }, 'blend run finished');
    return outcome;
  } catch (error) {
    const ref = randomUUID().slice(0, 8);
    const reason = describeFailure(error, ref);
    const givingUp = blend.attempts >= opts.maxAttempts;
    ctx.log[givingUp ? 'error' : 'warn']({ err: error, ref, givingUp }, 'blend run failed');
    await withActor(ctx.db, asWorker, (tx) => tx.update(blends).set(givingUp
      ? { status: 'pending', closesAt: null, lockedUntil: null, lastError: `gave up after ${blend.attempts} tries: ${reason}` }
      : { lockedUntil: new Date(ctx.now().getTime() + retryDelayMs(error, blend.attempts)), lastError: reason },
    ).where(eq(blends.id, blend.id)));
    if (givingUp) await notifyGaveUp(ctx, blend.id, reason).catch((err: unknown) => ctx.log.warn({ err }, 'could not post the give-up notice'));
    return { kind: 'failed' as const, error: reason };
  }
}
