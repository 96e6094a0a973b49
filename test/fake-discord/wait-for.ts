import type { FakeState } from './state.js';

export interface WaitOptions {
  /** Default 5000 ms. */
  readonly timeoutMs?: number;
  /** Re-check at least this often even without a fake-Discord event (for probes that read a DB). Default 25 ms. */
  readonly intervalMs?: number;
  /** Added to the timeout error, e.g. 'a DM to alice'; a function is evaluated at timeout. */
  readonly description?: string | (() => string);
}

export type Found<T> = Exclude<T, null | undefined | false>;

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_INTERVAL_MS = 25;

const isFound = <T>(value: T): value is Found<T> => value !== null && value !== undefined && value !== false;

/**
 * Re-runs `probe` after every change the fake observes (REST call, gateway event) and on a
 * short interval, until it returns something other than null/undefined/false. One timer pair
 * per wait, so hundreds of concurrent waits stay cheap.
 */
export function waitFor<T>(state: FakeState, probe: () => T | Promise<T>, options: WaitOptions = {}): Promise<Found<T>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    let running = false;
    let again = false;
    let settled = false;
    const settle = (finish: () => void) => {
      settled = true;
      clearTimeout(timeout);
      clearInterval(interval);
      unsubscribe();
      finish();
    };
    const check = async (): Promise<void> => {
      if (settled) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const value = await probe();
        if (isFound(value)) settle(() => resolve(value));
      } catch (error) {
        settle(() => reject(error));
      } finally {
        running = false;
      }
      if (again && !settled) {
        again = false;
        await check();
      }
    };
    const onTick = () => void check();
    const unsubscribe = state.onChange(onTick);
    const interval = setInterval(onTick, options.intervalMs ?? DEFAULT_INTERVAL_MS);
    const timeout = setTimeout(() => {
      const description = typeof options.description === 'function' ? options.description() : options.description;
      settle(() => reject(new Error(`waitFor timed out after ${timeoutMs} ms${description ? `: ${description}` : ''}`)));
    }, timeoutMs);
    onTick();
  });
}
