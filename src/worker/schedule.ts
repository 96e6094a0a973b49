import cron from 'node-cron';
import { scoped, type AppContext } from '../context.js';
import { processDueBlends, type WorkerOptions } from './process-due-blends.js';

/**
 * Runs `processDueBlends` on BLEND_CRON. `noOverlap` skips a tick while the previous run is
 * still going, so one process never works the same queue twice at once; other processes are
 * kept apart by the claim query's row locks and leases.
 */
export function startSchedule(ctx: AppContext, options?: Partial<WorkerOptions>): () => Promise<void> {
  const log = ctx.log.child({ role: 'worker' });
  const task = cron.schedule(ctx.config.worker.cron, async () => {
    try {
      await processDueBlends(scoped(ctx, { role: 'worker' }), options);
    } catch (err) {
      log.error({ err }, 'worker tick failed');
    }
  }, { name: 'process-due-blends', noOverlap: true });
  log.info({ cron: ctx.config.worker.cron }, 'worker scheduled');
  return async () => { await task.stop(); await task.destroy(); };
}
