import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_RETRY_POLICY, isQuotaExceeded, parseRetryAfter, retryDecision, type AttemptOutcome } from '../../src/providers/retry-decision.js';

const now = new Date('2026-09-01T12:00:00Z');
const res = (status: number, retryAfter: string | null = null, body = ''): AttemptOutcome => ({ status, retryAfter, body });
const ctx = (attempt: number, idempotent = true, jitter = 0) => ({ attempt, idempotent, now, jitter });
const QUOTA = '{"error":{"status":429,"message":"Too many requests","reason":"QUOTA_EXCEEDED"}}';

describe('retryDecision', () => {
  it.each([
    ['a 2xx', res(200), ctx(1), { retry: false, reason: 'success' }],
    ['429 with Retry-After seconds', res(429, '2'), ctx(1), { retry: true, afterMs: 2_000 }],
    ['429 with an HTTP-date Retry-After', res(429, 'Tue, 01 Sep 2026 12:00:07 GMT'), ctx(1), { retry: true, afterMs: 7_000 }],
    ['429 without Retry-After (Apple)', res(429), ctx(2), { retry: true, afterMs: 1_000 }],
    ['429 QUOTA_EXCEEDED', res(429, '5', QUOTA), ctx(1), { retry: false, reason: 'quota_exceeded' }],
    ['429 asking for longer than the cap', res(429, '120'), ctx(1), { retry: false, reason: 'wait_too_long', retryAfterMs: 120_000 }],
    ['429 on the last attempt', res(429, '3'), ctx(4), { retry: false, reason: 'attempts_exhausted', retryAfterMs: 3_000 }],
    ['500, first attempt', res(500), ctx(1), { retry: true, afterMs: 500 }],
    ['502, third attempt', res(502), ctx(3), { retry: true, afterMs: 2_000 }],
    ['500 on the last attempt', res(500), ctx(4), { retry: false, reason: 'attempts_exhausted' }],
    ['500 to a POST (it may have been applied)', res(500), ctx(1, false), { retry: false, reason: 'not_retryable' }],
    ['503 to a POST (not applied)', res(503), ctx(1, false), { retry: true, afterMs: 500 }],
    ['a dropped connection on a GET', { network: 'other' } as const, ctx(1), { retry: true, afterMs: 500 }],
    ['a dropped connection on a POST', { network: 'other' } as const, ctx(1, false), { retry: false, reason: 'not_retryable' }],
    ['a refused connection on a POST', { network: 'connect' } as const, ctx(1, false), { retry: true, afterMs: 500 }],
    ['400', res(400), ctx(1), { retry: false, reason: 'not_retryable' }],
    ['401 (the refresh is the caller\'s job)', res(401), ctx(1), { retry: false, reason: 'not_retryable' }],
    ['403', res(403), ctx(1), { retry: false, reason: 'not_retryable' }],
    ['404', res(404), ctx(1), { retry: false, reason: 'not_retryable' }],
  ])('%s', (_name, outcome, context, expected) => {
    expect(retryDecision(outcome, context)).toEqual(expected);
  });

  it('caps the backoff', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 20 };
    expect([1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffMs({ attempt }, policy))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('shortens a backoff by at most half with jitter, and never a Retry-After', () => {
    expect(backoffMs({ attempt: 3, jitter: 0.999 })).toBeGreaterThanOrEqual(1_000);
    expect(backoffMs({ attempt: 3, jitter: 0.5 })).toBe(1_500);
    expect(retryDecision(res(429, '2'), ctx(1, true, 0.9))).toEqual({ retry: true, afterMs: 2_000 });
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['3', 3_000], ['0', 0], ['1.5', 1_500], [' 10 ', 10_000], ['Tue, 01 Sep 2026 12:01:00 GMT', 60_000],
    ['Tue, 01 Sep 2026 11:00:00 GMT', 0], ['soon', null], ['', null], [null, null],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('isQuotaExceeded', () => {
  it('spots the quota reason and nothing else', () => {
    expect(isQuotaExceeded(QUOTA)).toBe(true);
    expect(isQuotaExceeded('{"error":{"status":429,"message":"API rate limit exceeded"}}')).toBe(false);
  });
});
