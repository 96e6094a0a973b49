import type { AppContext } from '../context.js';

/** Placeholder until the blend worker lands (issue 6). */
export async function startWorker(ctx: AppContext): Promise<() => Promise<void>> {
  ctx.log.warn({ role: 'worker' }, 'the worker role is not available in this build yet');
  return async () => {};
}
