import type { Logger } from 'pino';
import type { z } from 'zod';
import { ProviderError } from './errors.js';
import { DEFAULT_RETRY_POLICY, retryDecision, type AttemptOutcome, type RetryDecision, type RetryPolicy } from './retry-decision.js';
import { isConnectError, type Transport, type WireRequest } from './transport.js';
import type { ProviderId } from './types.js';

export { retryDecision, DEFAULT_RETRY_POLICY, type RetryDecision, type RetryPolicy } from './retry-decision.js';

/** A final non-2xx response, handed to the provider's classifier. */
export interface HttpFailure {
  readonly status: number;
  readonly body: string;
  readonly request: WireRequest;
}

export type ClassifyFailure = (failure: HttpFailure) => ProviderError;

export interface HttpDeps {
  readonly transport: Transport;
  readonly provider: ProviderId;
  readonly sleep: (ms: number) => Promise<void>;
  /** Used only for retry warnings. Never receives tokens, headers or bodies. */
  readonly log: Logger;
  readonly maxAttempts?: number;
  readonly now?: () => Date;
  /** Jitter source for backoff (default `Math.random`); tests pass `() => 0`. */
  readonly random?: () => number;
  readonly policy?: Partial<RetryPolicy>;
  /** Maps a final error response to a `ProviderError` (provider-specific: 403 meanings differ). */
  readonly classify?: ClassifyFailure;
}

export interface RequestOptions {
  /** Default: every method but POST. Non-idempotent requests are not resent after a 5xx. */
  readonly idempotent?: boolean;
}

export interface HttpResult {
  readonly status: number;
  readonly body: string;
}

export interface Http {
  readonly provider: ProviderId;
  /** Sends with the retry policy; resolves on 2xx, throws `ProviderError` otherwise. */
  send(request: WireRequest, options?: RequestOptions): Promise<HttpResult>;
  /** `send`, then JSON + zod: anything unexpected is `bad_response`. */
  json<S extends z.ZodType>(request: WireRequest, schema: S, options?: RequestOptions): Promise<z.output<S>>;
}

export function createHttp(deps: HttpDeps): Http {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...deps.policy, ...(deps.maxAttempts ? { maxAttempts: deps.maxAttempts } : {}) };
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const classify = deps.classify ?? ((f) => classifyByStatus(deps.provider, f));

  async function send(request: WireRequest, options: RequestOptions = {}): Promise<HttpResult> {
    const idempotent = options.idempotent ?? request.method !== 'POST';
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await attemptOnce(deps, request);
      if ('body' in outcome && outcome.status < 300) return { status: outcome.status, body: outcome.body };
      const decision = retryDecision(outcome, { attempt, idempotent, now: now(), jitter: random() }, policy);
      if (decision.retry) {
        deps.log.warn({ provider: deps.provider, method: request.method, path: pathOf(request), ...describe(outcome), attempt, afterMs: decision.afterMs },
          'provider request failed, retrying');
        await deps.sleep(decision.afterMs);
        continue;
      }
      throw toError(deps.provider, request, outcome, decision, classify);
    }
  }

  async function json<S extends z.ZodType>(request: WireRequest, schema: S, options?: RequestOptions): Promise<z.output<S>> {
    const { body } = await send(request, options);
    return parseBody(deps.provider, request, body, schema);
  }

  return { provider: deps.provider, send, json };
}

type Outcome = AttemptOutcome & { readonly error?: unknown };

async function attemptOnce(deps: HttpDeps, request: WireRequest): Promise<Outcome> {
  try {
    const response = await deps.transport(request);
    const body = await response.text();
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  } catch (error) {
    return { network: isConnectError(error) ? 'connect' : 'other', error };
  }
}

function toError(provider: ProviderId, request: WireRequest, outcome: Outcome, decision: RetryDecision & { retry: false }, classify: ClassifyFailure): ProviderError {
  const where = `${request.method} ${pathOf(request)}`;
  if ('network' in outcome) {
    return new ProviderError(provider, 'unavailable', `${where}: network error`, { cause: outcome.error });
  }
  const { status } = outcome;
  if (decision.reason === 'quota_exceeded') {
    return new ProviderError(provider, 'quota_exceeded', `${where}: the app's request quota is exhausted (429 QUOTA_EXCEEDED)`, { status });
  }
  if (status === 429) {
    return new ProviderError(provider, 'rate_limited', `${where}: rate limited (429)`, { status, retryAfterMs: decision.retryAfterMs });
  }
  return classify({ status, body: outcome.body, request });
}

/** The fallback classification by status alone; providers refine it (see spotify/errors.ts). */
export function classifyByStatus(provider: ProviderId, failure: HttpFailure): ProviderError {
  const { status } = failure;
  const where = `${failure.request.method} ${pathOf(failure.request)}`;
  const kind = status === 401 ? 'unauthorized'
    : status === 403 ? 'forbidden'
      : status === 404 ? 'not_found'
        : status === 429 ? 'rate_limited'
          : status >= 500 ? 'unavailable' : 'bad_response';
  return new ProviderError(provider, kind, `${where}: HTTP ${status}`, { status });
}

export function parseBody<S extends z.ZodType>(provider: ProviderId, request: WireRequest, body: string, schema: S): z.output<S> {
  const where = `${request.method} ${pathOf(request)}`;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new ProviderError(provider, 'bad_response', `${where}: response is not JSON`, { cause: error });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ProviderError(provider, 'bad_response', `${where}: unexpected response shape (${issues})`, { cause: parsed.error });
  }
  return parsed.data;
}

/** The path only: query strings stay out of logs and messages. */
export function pathOf(request: Pick<WireRequest, 'url'>): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return '(invalid url)';
  }
}

function describe(outcome: Outcome): Record<string, unknown> {
  return 'network' in outcome ? { network: outcome.network } : { status: outcome.status };
}
