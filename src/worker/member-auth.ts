import type { AppContext } from '../context.js';
import { asWorker, withActor } from '../data/actor.js';
import { loadUserAuth, saveRefreshedTokens } from '../data/connections.js';
import type { TokenHooks, UserAuth } from '../providers/types.js';
import { RetryLater } from './failure.js';

/** A member's decrypted tokens for one call, with the hook that persists refreshed ones. */
export async function memberAuth(ctx: AppContext, connectionId: string): Promise<{ auth: UserAuth; hooks: TokenHooks }> {
  const connection = await withActor(ctx.db, asWorker, (tx) => loadUserAuth(tx, ctx.vault, connectionId));
  if (!connection) throw new RetryLater('a member unlinked their account while the blend was being built');
  const onTokens = (next: UserAuth) => withActor(ctx.db, asWorker, (tx) => saveRefreshedTokens(tx, ctx.vault, connectionId, next, ctx.now()));
  return { auth: connection.auth, hooks: { onTokens } };
}
