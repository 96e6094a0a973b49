import type { AppContext } from '../context.js';

/** Placeholder until the Discord bot lands (issue 3). */
export async function startBot(ctx: AppContext): Promise<() => Promise<void>> {
  ctx.log.warn({ role: 'bot' }, 'the bot role is not available in this build yet');
  return async () => {};
}
