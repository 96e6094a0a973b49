/**
 * A stateful Spotify (accounts service + Web API) for tests and the demo. The handlers are plain
 * msw handlers: pass `sim.handlers` to `mswTransport` in unit tests, or serve them over loopback
 * HTTP with `startProviderServer()`.
 */
import { HttpResponse, type RequestHandler } from 'msw';
import { SIM_RECORDINGS } from './catalog.js';
import { createRouter, FaultBox, MALFORMED_BODY, networkError, RequestLog, type FaultTarget, type SimFault } from './sim-kit.js';
import { accountsHandlers } from './spotify-accounts.js';
import { spotifyError } from './spotify-shapes.js';
import { ALL_SPOTIFY_SCOPES, issueTokens, REFRESH_TOKEN_LIFETIME_MS, type SpotifySimSettings, type SpotifySimState } from './spotify-state.js';
import { webApiHandlers } from './spotify-web-api.js';
import { SIM_USERS, type SimUser } from './users.js';

export interface SpotifySimOptions extends Partial<SpotifySimSettings> {
  readonly users?: readonly SimUser[];
}

export interface SimSpotifyPlaylistView {
  readonly id: string;
  readonly owner: string;
  readonly name: string;
  readonly description: string;
  readonly public: boolean;
  readonly url: string;
  /** Bare Spotify track ids, in playlist order. */
  readonly trackIds: readonly string[];
  /** The same tracks as catalog keys (catalog.ts). */
  readonly recordingKeys: readonly string[];
}

export interface SpotifySim {
  readonly handlers: RequestHandler[];
  /** Ready for `createProviders({ spotify: sim.config })`. */
  readonly config: { readonly clientId: string; readonly clientSecret: string; readonly apiBase: string; readonly accountsBase: string };
  readonly requests: RequestLog;
  /**
   * The next `/authorize` logs this user in and redirects straight back (a queue). Alternatively add
   * `sim_user=<key>` or `login_hint=<key>` to the authorize URL; with neither, `/authorize` shows an account chooser page.
   */
  nextLogin(userKey: string): void;
  /** The next `/authorize` redirects back with `error=access_denied`. */
  denyNextLogin(): void;
  /** Tokens as if the user had authorised at `authorizedAt` (default now), skipping the browser. */
  issueTokens(userKey: string, options?: { authorizedAt?: Date; scope?: readonly string[] }): { accessToken: string; refreshToken: string; expiresAt: Date };
  /** Every current access token of the user (or of everyone) is now expired: the next call is a 401. */
  expireAccessTokens(userKey?: string): void;
  /** The user revoked the app: refreshing gives `400 invalid_grant`. */
  revokeRefreshTokens(userKey: string): void;
  setAllowlisted(userKey: string, allowed: boolean): void;
  inject(fault: SimFault, target?: FaultTarget): void;
  clearFaults(): void;
  playlists(): SimSpotifyPlaylistView[];
}

export function createSpotifySim(options: SpotifySimOptions = {}): SpotifySim {
  const settings: SpotifySimSettings = {
    apiBase: 'https://api.spotify.com/v1', accountsBase: 'https://accounts.spotify.com', clientId: 'sim-spotify-client', clientSecret: 'sim-spotify-secret',
    accessTokenTtlSeconds: 3600, refreshTokenLifetimeMs: REFRESH_TOKEN_LIFETIME_MS, rotateRefreshTokens: false, now: () => new Date(),
    ...withoutUndefined(options),
  };
  const users = options.users ?? SIM_USERS;
  const state: SpotifySimState = {
    settings, users, codes: new Map(), accessTokens: new Map(), refreshTokens: new Map(), playlists: new Map(), loginQueue: [],
    allowlisted: new Map(users.map((u) => [u.key, u.spotify?.allowlisted ?? false])),
  };
  const requests = new RequestLog();
  const faults = new FaultBox();
  const handlers = [
    ...accountsHandlers(state, createRouter(settings.accountsBase, requests, faults, spotifyFault)),
    ...webApiHandlers(state, createRouter(settings.apiBase, requests, faults, spotifyFault)),
  ];
  const bySpotifyId = new Map(SIM_RECORDINGS.flatMap((r) => (r.spotify ? [[r.spotify.id, r.key] as const] : [])));

  return {
    handlers,
    config: { clientId: settings.clientId, clientSecret: settings.clientSecret, apiBase: settings.apiBase, accountsBase: settings.accountsBase },
    requests,
    nextLogin: (userKey) => { state.loginQueue.push({ userKey }); },
    denyNextLogin: () => { state.loginQueue.push({ deny: true }); },
    issueTokens: (userKey, o = {}) => {
      if (!users.some((u) => u.key === userKey && u.spotify)) throw new Error(`no Spotify sim user "${userKey}"`);
      return issueTokens(state, userKey, o.scope ?? ALL_SPOTIFY_SCOPES, (o.authorizedAt ?? settings.now()).getTime());
    },
    expireAccessTokens: (userKey) => {
      for (const grant of state.accessTokens.values()) if (!userKey || grant.userKey === userKey) grant.expiresAt = 0;
    },
    revokeRefreshTokens: (userKey) => {
      for (const grant of state.refreshTokens.values()) if (grant.userKey === userKey) grant.revoked = true;
    },
    setAllowlisted: (userKey, allowed) => { state.allowlisted.set(userKey, allowed); },
    inject: (fault, target) => faults.inject(fault, target),
    clearFaults: () => faults.clear(),
    playlists: () => [...state.playlists.values()].map((p) => ({
      id: p.id, owner: p.ownerKey, name: p.name, description: p.description, public: p.public,
      url: `https://open.spotify.com/playlist/${p.id}`, trackIds: [...p.trackIds],
      recordingKeys: p.trackIds.map((id) => bySpotifyId.get(id) ?? `unknown:${id}`),
    })),
  };
}

function spotifyFault(fault: SimFault): Response {
  switch (fault.kind) {
    case 'rate_limit':
      return HttpResponse.json(spotifyError(429, 'API rate limit exceeded'), { status: 429, headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) } });
    case 'quota_exceeded':
      return HttpResponse.json(spotifyError(429, 'Too many requests', 'QUOTA_EXCEEDED'), { status: 429 });
    case 'server_error':
      return HttpResponse.json(spotifyError(fault.status ?? 500, 'Server error.'), { status: fault.status ?? 500 });
    case 'malformed_json':
      return new HttpResponse(MALFORMED_BODY, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });
    case 'wrong_shape':
      return HttpResponse.json({ tracks: 'not what you expected', items: null });
    case 'network_error':
      return networkError();
    case 'unauthorized':
      return HttpResponse.json(spotifyError(401, 'The access token expired'), { status: 401, headers: { 'www-authenticate': 'Bearer realm="spotify", error="invalid_token"' } });
  }
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'users')) as Partial<T>;
}
