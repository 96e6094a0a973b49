import { isProviderError } from './errors.js';
import type { TokenHooks, UserAuth } from './types.js';

/** Refresh a little before the recorded expiry, so a call never starts with a dying token. */
export const EXPIRY_SKEW_MS = 60_000;

export interface UserSession {
  /** Runs `call` with the current access token. A 401 triggers one refresh and one rerun. */
  run<T>(call: (accessToken: string) => Promise<T>): Promise<T>;
  current(): UserAuth;
}

export interface UserSessionDeps {
  /** Absent, or no refresh token → a 401 is final. */
  readonly refresh?: (auth: UserAuth) => Promise<UserAuth>;
  readonly hooks?: TokenHooks;
  readonly now: () => Date;
}

/**
 * One provider method call's view of a user's tokens. It refreshes at most once: up front when
 * `expiresAt` has passed, or after the first 401. Concurrent calls share that one refresh. New
 * tokens go to `hooks.onTokens` before any call uses them.
 */
export function createUserSession(initial: UserAuth, deps: UserSessionDeps): UserSession {
  let auth = initial;
  let renewal: Promise<void> | undefined;
  let replacedToken: string | undefined;

  function renewOnce(): Promise<void> | undefined {
    if (!renewal && deps.refresh && auth.refreshToken !== undefined) {
      const refresh = deps.refresh;
      replacedToken = auth.accessToken;
      renewal = (async () => {
        auth = await refresh(auth);
        await deps.hooks?.onTokens?.(auth);
      })();
    }
    return renewal;
  }

  async function run<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const expiresAt = auth.expiresAt?.getTime();
    if (expiresAt !== undefined && expiresAt - EXPIRY_SKEW_MS <= deps.now().getTime()) await renewOnce();
    const used = auth.accessToken;
    try {
      return await call(used);
    } catch (error) {
      if (!isProviderError(error, 'unauthorized')) throw error;
      // Retry only a token the (single) refresh replaces; a refreshed token that fails is final.
      const pending = replacedToken === undefined ? renewOnce() : replacedToken === used ? renewal : undefined;
      if (!pending) throw error;
      await pending;
      return call(auth.accessToken);
    }
  }

  return { run, current: () => auth };
}
