import type { AppContext } from '../context.js';
import { withActor, type Actor } from '../data/actor.js';
import { saveRefreshedTokens } from '../data/connections.js';
import type { TokenHooks } from '../providers/types.js';

/**
 * Hooks for any provider call made with a stored connection's tokens: tokens the provider
 * refreshes on the way are saved (encrypted) at once, in their own short transaction, so the
 * next call (in this process or another) starts from them. Spotify may rotate the refresh token,
 * and then the old one is dead: never drop what `onTokens` gives.
 */
export function persistRefreshedTokens(ctx: AppContext, actor: Actor, connectionId: string): TokenHooks {
  return {
    onTokens: (next) => withActor(ctx.db, actor, (tx) => saveRefreshedTokens(tx, ctx.vault, connectionId, next, ctx.now())),
  };
}
