import { describe, expect, it } from 'vitest';
import { databaseKind, uniqueDiscordId } from '../support/db.js';
import { startWeb as startWebRole } from '../../src/web/start.js';
import { testContext } from '../support/context.js';
import { startWeb } from './support/web-harness.js';

const STACK_OR_INTERNALS = /\bat [\w.<>]+ \(|node_modules|Error:|secret internal detail/;

describe(`web app hardening on ${databaseKind()}`, () => {
  it('sends security headers and a request id on every page, and never X-Powered-By', async () => {
    const web = await startWeb();
    const page = await web.browser().get('/linked/spotify');
    expect(page.status).toBe(200);
    const headers = Object.fromEntries(['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy', 'x-request-id']
      .map((name) => [name, page.headers.get(name)]));
    expect(headers).toMatchObject({
      'content-security-policy': expect.stringContaining("default-src 'none'"),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'x-request-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-powered-by')).toBeNull();
    expect(page.headers.get('strict-transport-security')).toBeNull();
  });

  it('uses HSTS and Secure cookies when the public URL is https', async () => {
    const web = await startWeb({ env: { PUBLIC_BASE_URL: 'https://blend.example.com' } });
    const link = new URL(web.ctx.links.url(uniqueDiscordId(), 'spotify'));
    const start = await web.browser().get(`${link.pathname}${link.search}`);
    expect(start.status).toBe(303);
    expect(start.headers.get('strict-transport-security')).toContain('max-age=');
    expect(start.headers.getSetCookie()[0]).toMatch(/; Secure/);
    expect(new URL(start.headers.get('location') ?? '').searchParams.get('redirect_uri')).toBe('https://blend.example.com/callback/spotify');
  });

  it('keeps a well-formed incoming request id, replaces a junk one, and logs each request by path only', async () => {
    const web = await startWeb();
    const kept = await web.browser().get('/linked/apple', { 'x-request-id': 'lb-req-12345678' });
    expect(kept.headers.get('x-request-id')).toBe('lb-req-12345678');
    const replaced = await web.browser().get('/linked/apple', { 'x-request-id': 'bad id <script>' });
    expect(replaced.headers.get('x-request-id')).not.toContain('<');

    const link = web.ctx.links.url(uniqueDiscordId(), 'spotify');
    const token = new URL(link).searchParams.get('t') ?? '';
    const start = await web.browser().get(link);
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const lines = web.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(lines).toContainEqual(expect.objectContaining({ requestId: 'lb-req-12345678', method: 'GET', path: '/linked/apple', status: 200 }));
    expect(lines).toContainEqual(expect.objectContaining({ path: '/link/spotify', status: 303 }));
    expect(web.logLines.join('\n')).not.toContain(token);
    expect(web.logLines.join('\n')).not.toContain(state);
  });

  it('shows one error page for unknown paths and malformed URLs, with a reference and no internals', async () => {
    const web = await startWeb();
    const missing = await web.browser().get('/nope');
    expect(missing.status).toBe(404);
    const body = await missing.text();
    expect(body).toContain(`Reference: ${missing.headers.get('x-request-id')}`);
    expect(body).not.toMatch(STACK_OR_INTERNALS);
    const malformed = await web.browser().get('/link/%E0%A4%A');
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    expect(await malformed.text()).not.toMatch(STACK_OR_INTERNALS);
  });

  it('answers an internal failure with a 500 page that shows a reference but no stack or message, and logs it once', async () => {
    const web = await startWeb({
      override: (ctx) => ({ ...ctx, links: { ...ctx.links, verify: () => { throw new Error('secret internal detail'); } } }),
    });
    const page = await web.browser().get('/link/spotify?t=anything');
    expect(page.status).toBe(500);
    const body = await page.text();
    expect(body).toContain('Something went wrong on our side');
    expect(body).toContain(`Reference: ${page.headers.get('x-request-id')}`);
    expect(body).not.toMatch(STACK_OR_INTERNALS);
    const failures = web.logLines.map((l) => JSON.parse(l) as { msg: string; level: number; requestId?: string; err?: { message: string } })
      .filter((l) => l.msg === 'request failed');
    expect(failures).toEqual([expect.objectContaining({ level: 50, requestId: page.headers.get('x-request-id'), err: expect.objectContaining({ message: 'secret internal detail' }) })]);
  });

  it('rate-limits the link and callback routes per client IP, with Retry-After, and lets the client back in later', async () => {
    const web = await startWeb({ rateLimit: { burst: 2, perSecond: 0.5 } });
    const browser = web.browser();
    const link = web.ctx.links.url(uniqueDiscordId(), 'spotify');
    expect((await browser.get(link)).status).toBe(303);
    expect((await browser.get('/callback/spotify?error=access_denied')).status).toBe(200);
    const limited = await browser.get(link);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await browser.postForm('/callback/apple', { state: 'x', musicUserToken: 'y' })).status).toBe(429);
    expect((await browser.get('/healthz')).status).toBe(200);

    web.sims.clock.advance(2_000);
    expect((await browser.get(link)).status).toBe(303);
  });

  it('reports health: the database answers and which roles this process runs', async () => {
    const web = await startWeb();
    const health = await web.browser().get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, database: 'reachable', roles: ['bot', 'web', 'worker'] });
  });

  it('reports 503 when the database does not answer, without the error', async () => {
    const web = await startWeb({ override: (ctx) => ({ ...ctx, db: { ...ctx.db, transaction: () => Promise.reject(new Error('connection refused 10.0.0.5')) } as unknown as typeof ctx.db }) });
    const health = await web.browser().get('/healthz');
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, database: 'unreachable', roles: ['bot', 'web', 'worker'] });
  });

  it('runs as the web role: listens on PORT (0 = any free port), answers, and stops', async () => {
    const logLines: string[] = [];
    const ctx = await testContext({ env: { PORT: '0' }, logLines });
    const stop = await startWebRole(ctx);
    const listening = logLines.map((l) => JSON.parse(l) as { msg: string; port?: number }).find((l) => l.msg === 'web server listening');
    const health = await fetch(`http://127.0.0.1:${listening?.port}/healthz`);
    expect(health.status).toBe(200);
    await stop();
    await expect(fetch(`http://127.0.0.1:${listening?.port}/healthz`)).rejects.toThrow();
  });
});
