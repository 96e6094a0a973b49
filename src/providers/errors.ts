import type { ProviderId } from './types.js';

/**
 * Every way a provider call can fail, and what the caller should do about it:
 *
 * | kind              | meaning                                                        | caller                                   |
 * | ----------------- | -------------------------------------------------------------- | ---------------------------------------- |
 * | unauthorized      | token rejected even after one refresh (or Apple dev token bad)  | ask the user to relink / check config    |
 * | forbidden         | 403 for another reason (scope, playlist not owned, owner Premium)| report; not the user's fault             |
 * | not_allowlisted   | Spotify development mode: user not on the app's allowlist       | tell the user exactly that + owner steps |
 * | relink_required   | refresh token expired/revoked (Spotify), MUT invalid (Apple)    | mark connection stale, DM a relink link  |
 * | rate_limited      | 429 and the wait is too long or retries ran out (`retryAfterMs`) | requeue the job after `retryAfterMs`     |
 * | quota_exceeded    | Spotify 429 with reason QUOTA_EXCEEDED: out for hours           | stop, retry much later                   |
 * | unavailable       | 5xx or network failure after retries                            | retry the job later                      |
 * | bad_response      | unparseable or unexpected response (zod), or a 4xx we caused    | bug or API change: log loudly            |
 * | not_found         | 404 (playlist deleted, unknown id)                               | recreate / skip                          |
 * | no_subscription   | Apple 400 code 40015: no active Apple Music subscription        | tell the user                            |
 */
export const PROVIDER_FAILURES = [
  'unauthorized', 'forbidden', 'not_allowlisted', 'relink_required', 'rate_limited',
  'quota_exceeded', 'unavailable', 'bad_response', 'not_found', 'no_subscription',
] as const;
export type ProviderFailure = (typeof PROVIDER_FAILURES)[number];

export interface ProviderErrorDetails {
  /** HTTP status of the final response, when there was one. */
  readonly status?: number;
  /** For `rate_limited`: how long the provider asked us to wait. */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/** The only error type providers throw. Messages are for logs, never for users (no tokens in them). */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(readonly provider: ProviderId, readonly kind: ProviderFailure, message: string, details: ProviderErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export const isProviderError = (error: unknown, kind?: ProviderFailure): error is ProviderError =>
  error instanceof ProviderError && (kind === undefined || error.kind === kind);
