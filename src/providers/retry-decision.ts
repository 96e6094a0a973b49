/**
 * The retry policy, as a pure function: no timers, no I/O, so tests check it with plain tables.
 *
 * - 429 waits `Retry-After` (seconds or an HTTP date); without it (Apple), capped backoff.
 *   A wait longer than `maxRetryAfterMs` is not slept: the caller gets `rate_limited` with the
 *   wait, so a worker can requeue instead of holding a slot for minutes.
 * - A 429 whose body says `QUOTA_EXCEEDED` (Spotify's developer quota) never retries: the
 *   quota comes back after hours, not seconds.
 * - 5xx and network errors retry with capped exponential backoff, for idempotent requests. A
 *   non-idempotent request (POST) retries only when the server cannot have acted on it: 429,
 *   503, or a connection that was never established.
 */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
} as const satisfies RetryPolicy;

/** What came back: a response, or a failure to get one (`connect`: never reached the server). */
export type AttemptOutcome =
  | { readonly status: number; readonly retryAfter: string | null; readonly body: string }
  | { readonly network: 'connect' | 'other' };

export interface AttemptContext {
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly idempotent: boolean;
  readonly now: Date;
  /** 0 ≤ jitter < 1: shortens a backoff by up to half (Apple asks for jitter). 0 = none. */
  readonly jitter?: number;
}

export type StopReason = 'success' | 'not_retryable' | 'attempts_exhausted' | 'quota_exceeded' | 'wait_too_long';

export type RetryDecision =
  | { readonly retry: true; readonly afterMs: number }
  | { readonly retry: false; readonly reason: StopReason; readonly retryAfterMs?: number };

export function retryDecision(outcome: AttemptOutcome, ctx: AttemptContext, policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryDecision {
  if ('network' in outcome) {
    if (!ctx.idempotent && outcome.network !== 'connect') return { retry: false, reason: 'not_retryable' };
    return withinAttempts(backoffMs(ctx, policy), ctx, policy);
  }
  const { status } = outcome;
  if (status < 300) return { retry: false, reason: 'success' };
  if (status === 429) return rateLimited(outcome, ctx, policy);
  if (status >= 500 && (ctx.idempotent || status === 503)) return withinAttempts(backoffMs(ctx, policy), ctx, policy);
  return { retry: false, reason: 'not_retryable' };
}

function rateLimited(outcome: { retryAfter: string | null; body: string }, ctx: AttemptContext, policy: RetryPolicy): RetryDecision {
  if (isQuotaExceeded(outcome.body)) return { retry: false, reason: 'quota_exceeded' };
  const asked = parseRetryAfter(outcome.retryAfter, ctx.now);
  const waitMs = asked ?? backoffMs(ctx, policy);
  if (waitMs > policy.maxRetryAfterMs) return { retry: false, reason: 'wait_too_long', retryAfterMs: waitMs };
  const decision = withinAttempts(waitMs, ctx, policy);
  return decision.retry ? decision : { ...decision, retryAfterMs: waitMs };
}

function withinAttempts(afterMs: number, ctx: AttemptContext, policy: RetryPolicy): RetryDecision {
  return ctx.attempt < policy.maxAttempts ? { retry: true, afterMs } : { retry: false, reason: 'attempts_exhausted' };
}

/** min(cap, base · 2^(attempt−1)), shortened by up to half with jitter. */
export function backoffMs(ctx: Pick<AttemptContext, 'attempt' | 'jitter'>, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (ctx.attempt - 1));
  return Math.round(full - (full / 2) * Math.min(Math.max(ctx.jitter ?? 0, 0), 1));
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Spotify's quota 429: `{"error":{"status":429,"message":"…","reason":"QUOTA_EXCEEDED"}}`. */
export function isQuotaExceeded(body: string): boolean {
  return /"reason"\s*:\s*"QUOTA_EXCEEDED"/.test(body);
}
