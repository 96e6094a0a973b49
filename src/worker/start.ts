import type { AppContext } from '../context.js';
import { startSchedule } from './schedule.js';

/** The worker role: the cron schedule that claims and builds due blends. */
export async function startWorker(ctx: AppContext): Promise<() => Promise<void>> {
  return startSchedule(ctx);
}
