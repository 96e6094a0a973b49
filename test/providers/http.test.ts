import { http as mswHttp, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderError } from '../../src/providers/errors.js';
import { createHttp } from '../../src/providers/http.js';
import type { Transport } from '../../src/providers/transport.js';
import { captureLog } from './harness.js';
import { mswTransport } from './msw-transport.js';

const URL_ = 'https://api.example.test/v1/thing';
const Thing = z.object({ ok: z.literal(true) });
const get = { method: 'GET' as const, url: `${URL_}?secret=query`, headers: { authorization: 'Bearer very-secret-token' } };

/** A transport that answers from a script, one entry per request; `'drop'` = a network error. */
function scripted(script: readonly (Response | 'drop')[]): { transport: Transport; calls: () => number } {
  let i = 0;
  const transport = mswTransport([mswHttp.all(URL_, () => {
    const step = script[Math.min(i, script.length - 1)];
    i += 1;
    return step === 'drop' ? HttpResponse.error() : step?.clone();
  })]);
  return { transport, calls: () => i };
}

function setup(script: readonly (Response | 'drop')[], maxAttempts?: number) {
  const { transport, calls } = scripted(script);
  const sleeps: number[] = [];
  const { log, lines } = captureLog();
  const client = createHttp({ transport, provider: 'spotify', sleep: async (ms) => { sleeps.push(ms); }, log, maxAttempts, now: () => new Date('2026-09-01T12:00:00Z'), random: () => 0 });
  return { client, sleeps, calls, lines };
}

const ok = () => HttpResponse.json({ ok: true });
const status = (code: number, headers: Record<string, string> = {}, body: Record<string, unknown> = { error: { status: code, message: 'nope' } }) => HttpResponse.json(body, { status: code, headers });

describe('createHttp', () => {
  it('retries 5xx with capped exponential backoff, then succeeds', async () => {
    const t = setup([status(500), status(502), ok()]);
    await expect(t.client.json(get, Thing)).resolves.toEqual({ ok: true });
    expect(t.sleeps).toEqual([500, 1_000]);
  });

  it('gives up on 5xx after maxAttempts with `unavailable`', async () => {
    const t = setup([status(503)], 3);
    await expect(t.client.json(get, Thing)).rejects.toMatchObject({ kind: 'unavailable', status: 503 });
    expect(t.calls()).toBe(3);
    expect(t.sleeps).toEqual([500, 1_000]);
  });

  it('retries a dropped connection on a GET', async () => {
    const t = setup(['drop', ok()]);
    await expect(t.client.json(get, Thing)).resolves.toEqual({ ok: true });
    expect(t.sleeps).toEqual([500]);
  });

  it('reports a network failure that persists as `unavailable`', async () => {
    const t = setup(['drop'], 2);
    await expect(t.client.json(get, Thing)).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('does not resend a POST after a 500 (it may have been applied)', async () => {
    const t = setup([status(500), ok()]);
    await expect(t.client.json({ ...get, method: 'POST', body: '{}' }, Thing)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(t.calls()).toBe(1);
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    const t = setup([status(429, { 'retry-after': '2' }), ok()]);
    await expect(t.client.json(get, Thing)).resolves.toEqual({ ok: true });
    expect(t.sleeps).toEqual([2_000]);
  });

  it('does not sleep through a long Retry-After: `rate_limited` with the wait, for the worker to requeue', async () => {
    const t = setup([status(429, { 'retry-after': '90' }), ok()]);
    const error = await t.client.json(get, Thing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 90_000 });
    expect(t.sleeps).toEqual([]);
  });

  it('stops at once on QUOTA_EXCEEDED instead of waiting', async () => {
    const t = setup([status(429, { 'retry-after': '5' }, { error: { status: 429, message: 'Too many requests', reason: 'QUOTA_EXCEEDED' } }), ok()]);
    await expect(t.client.json(get, Thing)).rejects.toMatchObject({ kind: 'quota_exceeded' });
    expect(t.sleeps).toEqual([]);
    expect(t.calls()).toBe(1);
  });

  it('turns malformed JSON into `bad_response`', async () => {
    const t = setup([new HttpResponse('{"ok": tr', { status: 200, headers: { 'content-type': 'application/json' } })]);
    await expect(t.client.json(get, Thing)).rejects.toMatchObject({ kind: 'bad_response', message: expect.stringContaining('not JSON') });
  });

  it('turns a response of the wrong shape into `bad_response` naming the field', async () => {
    const t = setup([HttpResponse.json({ ok: 'yes' })]);
    await expect(t.client.json(get, Thing)).rejects.toMatchObject({ kind: 'bad_response', message: expect.stringContaining('ok:') });
  });

  it.each([[401, 'unauthorized'], [403, 'forbidden'], [404, 'not_found'], [400, 'bad_response']] as const)('classifies %i as %s by default, without retrying', async (code, kind) => {
    const t = setup([status(code), ok()]);
    await expect(t.client.json(get, Thing)).rejects.toMatchObject({ kind, status: code });
    expect(t.calls()).toBe(1);
  });

  it('logs retries without tokens or query strings', async () => {
    const t = setup([status(500), ok()]);
    await t.client.json(get, Thing);
    expect(t.lines).toHaveLength(1);
    expect(JSON.parse(t.lines[0] as string)).toMatchObject({ provider: 'spotify', method: 'GET', path: '/v1/thing', status: 500, attempt: 1, afterMs: 500 });
    expect(t.lines.join('')).not.toMatch(/very-secret-token|secret=query/);
  });
});
