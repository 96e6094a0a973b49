/** The Spotify accounts service: `/authorize` (consent, simulated) and `/api/token`. */
import { createHash } from 'node:crypto';
import { HttpResponse, type RequestHandler } from 'msw';
import type { createRouter } from './sim-kit.js';
import { issueTokens, token, type SpotifySimState } from './spotify-state.js';

type Route = ReturnType<typeof createRouter>;

const tokenError = (error: string, description: string, status = 400) => HttpResponse.json({ error, error_description: description }, { status });

export function accountsHandlers(state: SpotifySimState, route: Route): RequestHandler[] {
  const s = state.settings;
  return [
    route('GET', '/authorize', ({ request }) => {
      const q = new URL(request.url).searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('client_id') !== s.clientId) return page(400, 'INVALID_CLIENT: Invalid client');
      if (!isAllowedRedirect(redirectUri)) return page(400, 'INVALID_CLIENT: Insecure redirect URI');
      if (q.get('response_type') !== 'code') return page(400, 'unsupported_response_type');
      const challenge = q.get('code_challenge') ?? undefined;
      if (challenge && q.get('code_challenge_method') !== 'S256') return page(400, 'code_challenge_method must be S256');
      const state_ = q.get('state');
      const picked = q.get('sim_user') ?? q.get('login_hint');
      const choice = picked ? { userKey: picked } : state.loginQueue.shift();
      if (!choice) return chooser(request.url, state);
      const back = new URL(redirectUri);
      if ('deny' in choice) back.searchParams.set('error', 'access_denied');
      else {
        if (!state.users.some((u) => u.key === choice.userKey && u.spotify)) return page(400, escape(`no Spotify sim user "${choice.userKey}"`));
        const code = token('AQC');
        state.codes.set(code, { userKey: choice.userKey, clientId: s.clientId, redirectUri, challenge, scope: q.get('scope') ?? '', expiresAt: s.now().getTime() + 600_000 });
        back.searchParams.set('code', code);
      }
      if (state_ !== null) back.searchParams.set('state', state_);
      return new HttpResponse(null, { status: 302, headers: { location: back.toString() } });
    }),

    route('POST', '/api/token', async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const client = clientOf(request.headers.get('authorization'), form);
      if (client.id !== s.clientId || (client.secret !== undefined && client.secret !== s.clientSecret)) return tokenError('invalid_client', 'Invalid client');
      const grant = form.get('grant_type');
      if (grant === 'authorization_code') return exchangeCode(state, form, client.secret !== undefined);
      if (grant === 'refresh_token') return refresh(state, form.get('refresh_token') ?? '');
      return tokenError('unsupported_grant_type', `grant_type must be client_credentials, authorization_code or refresh_token`);
    }),
  ];
}

function exchangeCode(state: SpotifySimState, form: URLSearchParams, confidential: boolean): Response {
  const code = state.codes.get(form.get('code') ?? '');
  state.codes.delete(form.get('code') ?? ''); // single use, even when the exchange fails
  if (!code || code.expiresAt < state.settings.now().getTime()) return tokenError('invalid_grant', 'Invalid authorization code');
  if (code.redirectUri !== form.get('redirect_uri')) return tokenError('invalid_grant', 'Invalid redirect URI');
  const verifier = form.get('code_verifier');
  if (code.challenge !== undefined || verifier !== null) {
    const expected = verifier ? createHash('sha256').update(verifier).digest('base64url') : undefined;
    if (expected !== code.challenge) return tokenError('invalid_grant', 'code_verifier was incorrect');
  } else if (!confidential) {
    return tokenError('invalid_request', 'code_verifier required');
  }
  const scope = code.scope.split(' ').filter(Boolean);
  const t = issueTokens(state, code.userKey, scope);
  return HttpResponse.json({ access_token: t.accessToken, token_type: 'Bearer', expires_in: state.settings.accessTokenTtlSeconds, refresh_token: t.refreshToken, scope: scope.join(' ') });
}

function refresh(state: SpotifySimState, refreshToken: string): Response {
  const grant = state.refreshTokens.get(refreshToken);
  const s = state.settings;
  if (!grant || grant.revoked) return tokenError('invalid_grant', 'Refresh token revoked');
  if (grant.authorizedAt + s.refreshTokenLifetimeMs <= s.now().getTime()) return tokenError('invalid_grant', 'Refresh token expired');
  const accessToken = token('BQ');
  state.accessTokens.set(accessToken, { userKey: grant.userKey, scope: grant.scope, expiresAt: s.now().getTime() + s.accessTokenTtlSeconds * 1000 });
  const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer', expires_in: s.accessTokenTtlSeconds, scope: grant.scope.join(' ') };
  if (s.rotateRefreshTokens) {
    grant.revoked = true;
    const next = token('AQ');
    state.refreshTokens.set(next, { ...grant, revoked: false });
    body.refresh_token = next;
  }
  return HttpResponse.json(body);
}

function clientOf(authorization: string | null, form: URLSearchParams): { id: string | null; secret?: string } {
  if (authorization?.startsWith('Basic ')) {
    const [id, secret] = Buffer.from(authorization.slice(6), 'base64').toString().split(':');
    return { id: id ?? null, secret: secret ?? '' };
  }
  return { id: form.get('client_id'), secret: form.get('client_secret') ?? undefined };
}

/** Spotify since 2025: HTTPS, or HTTP on a loopback IP literal; never `localhost`. */
function isAllowedRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    return (u.protocol === 'https:' && u.hostname !== 'localhost') || (u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === '[::1]'));
  } catch {
    return false;
  }
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (status: number, html: string) => new HttpResponse(`<!doctype html><title>Spotify</title><p>${html}</p>`, { status, headers: { 'content-type': 'text/html' } });

/** With no user chosen (no `sim_user`, empty `nextLogin` queue): a page to pick one, as a person would. */
function chooser(url: string, state: SpotifySimState): Response {
  const links = state.users.filter((u) => u.spotify).map((u) => {
    const pick = new URL(url);
    pick.searchParams.set('sim_user', u.key);
    return `<li><a href="${escape(pick.toString())}">Log in as ${escape(u.displayName)}</a></li>`;
  });
  return page(200, `Spotify (simulated): choose an account<ul>${links.join('')}</ul>`);
}
