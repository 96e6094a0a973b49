import type { Logger } from '../logger.js';

export interface RefresherOptions {
  /** Wait this long after the last change before editing (a burst of reactions becomes one edit). */
  readonly quietMs: number;
  /** …but never hold a change back longer than this, so a steady stream still shows up. */
  readonly maxDelayMs: number;
}

export const DEFAULT_REFRESHER_OPTIONS: RefresherOptions = { quietMs: 400, maxDelayMs: 2_000 };

interface Pending {
  timer?: ReturnType<typeof setTimeout>;
  firstAt: number;
  running?: Promise<void>;
  again: boolean;
}

export interface JoinMessageRefresher {
  schedule(blendId: string): void;
  /** Runs every scheduled refresh now and waits for all of them (shutdown, tests). */
  flush(): Promise<void>;
}

/**
 * Coalesces join-message refreshes per blend: a trailing debounce with a ceiling, and never two
 * edits of one message at once (a change during an edit schedules one more). So 50 reactions in
 * a burst make a handful of edits, and the last edit always shows the final state.
 */
export function createJoinMessageRefresher(refresh: (blendId: string) => Promise<void>, log: Logger, options: RefresherOptions = DEFAULT_REFRESHER_OPTIONS): JoinMessageRefresher {
  const pending = new Map<string, Pending>();

  const run = (blendId: string, state: Pending): void => {
    state.timer = undefined;
    state.running = refresh(blendId)
      .catch((err: unknown) => log.warn({ err, blendId }, 'could not refresh the join message'))
      .finally(() => {
        state.running = undefined;
        if (state.again) {
          state.again = false;
          state.firstAt = Date.now();
          arm(blendId, state);
        } else if (!state.timer) pending.delete(blendId);
      });
  };

  const arm = (blendId: string, state: Pending): void => {
    if (state.timer) clearTimeout(state.timer);
    const delay = Math.max(0, Math.min(options.quietMs, state.firstAt + options.maxDelayMs - Date.now()));
    state.timer = setTimeout(() => run(blendId, state), delay);
  };

  return {
    schedule(blendId) {
      const state = pending.get(blendId) ?? { firstAt: Date.now(), again: false };
      pending.set(blendId, state);
      if (state.running) state.again = true;
      else arm(blendId, state);
    },
    async flush() {
      while (pending.size > 0) {
        for (const [blendId, state] of pending) if (state.timer && !state.running) run(blendId, state);
        const running = [...pending.values()].flatMap((s) => (s.running ? [s.running] : []));
        if (running.length === 0) break;
        await Promise.all(running);
      }
    },
  };
}
