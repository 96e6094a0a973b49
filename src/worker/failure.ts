import { ProviderError } from '../providers/errors.js';
import type { ProviderFailure } from '../providers/errors.js';
import { PROVIDER_LABEL } from '../blends/link-prompt.js';

/** Thrown by a pipeline step that cannot go on now but may later (a provider asked us to wait). */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';
  constructor(message: string, readonly afterMs?: number, options?: ErrorOptions) { super(message, options); }
}


const FAILURE_TEXT: Record<ProviderFailure, string> = {
  unauthorized: 'rejected our credentials',
  forbidden: 'refused the request',
  not_allowlisted: 'says this account is not on the app\'s allowlist',
  relink_required: 'needs the account linked again',
  rate_limited: 'asked us to slow down',
  quota_exceeded: 'quota for this app is used up for now',
  unavailable: 'is not answering',
  bad_response: 'sent a response we could not read',
  not_found: 'could not find something it should have',
  no_subscription: 'says there is no active subscription',
};

/** A short, safe description of why a run failed: shown in /blend status, never a raw message. */
export function describeFailure(error: unknown, ref: string): string {
  if (error instanceof ProviderError) return `${PROVIDER_LABEL[error.provider]} ${FAILURE_TEXT[error.kind]}`;
  if (error instanceof RetryLater) return error.message;
  return `internal error (ref ${ref})`;
}

/** When to try a failed blend again: Retry-After when the provider gave one, else capped doubling. */
export function retryDelayMs(error: unknown, attempt: number): number {
  const asked = error instanceof RetryLater ? error.afterMs : error instanceof ProviderError ? error.retryAfterMs : undefined;
  if (asked !== undefined) return Math.max(asked, 1_000);
  if (error instanceof ProviderError && error.kind === 'quota_exceeded') return 6 * 60 * 60_000;
  return Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 15 * 60_000;
