import { ProviderError } from '../errors.js';
import type { Http } from '../http.js';
import type { ProviderAccount, UserAuth } from '../types.js';
import { SpotifyUser, TokenResponse } from './schemas.js';

/** What a blend needs: top tracks, and creating/filling playlists of either visibility (+ a cover). */
export const SPOTIFY_SCOPES = ['user-top-read', 'playlist-modify-public', 'playlist-modify-private', 'ugc-image-upload'] as const;

export interface SpotifyClientConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly apiBase: string;
  readonly accountsBase: string;
}

export interface SpotifyTokens extends UserAuth {
  readonly expiresAt: Date;
  /** Granted scopes. */
  readonly scope: readonly string[];
}

export interface AuthorizeParams {
  readonly state: string;
  readonly codeChallenge: string;
  readonly redirectUri: string;
  readonly showDialog?: boolean;
}

/** The OAuth side of Spotify, used by the web callbacks and by the provider's token refresh. */
export interface SpotifyAuth {
  /** The accounts-service URL to redirect the browser to (authorization code + PKCE S256). */
  authorizeUrl(params: AuthorizeParams): string;
  exchangeCode(params: { code: string; codeVerifier: string; redirectUri: string }): Promise<SpotifyTokens>;
  /** New tokens; keeps the old refresh token when Spotify does not rotate it. `relink_required` on `invalid_grant`. */
  refresh(refreshToken: string): Promise<SpotifyTokens>;
  /** The account, keyed on `account_id` (stable since May 2026), else the user `id`. */
  me(accessToken: string): Promise<ProviderAccount>;
}

export interface SpotifyAuthDeps {
  readonly http: Http;
  readonly config: SpotifyClientConfig;
  readonly now?: () => Date;
}

export function createSpotifyAuth(deps: SpotifyAuthDeps): SpotifyAuth {
  const { http, config } = deps;
  const now = deps.now ?? (() => new Date());
  const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64');
  const refreshes = createRefreshCoalescer(now);

  async function token(form: Record<string, string>, previousRefresh?: string): Promise<SpotifyTokens> {
    const body = await http.json({
      method: 'POST',
      url: `${config.accountsBase}/api/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: new URLSearchParams(form).toString(),
    }, TokenResponse);
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token ?? previousRefresh,
      expiresAt: new Date(now().getTime() + body.expires_in * 1000),
      scope: body.scope.split(' ').filter(Boolean),
    };
  }

  return {
    authorizeUrl(p) {
      assertRedirectUri(p.redirectUri);
      const query = new URLSearchParams({
        client_id: config.clientId, response_type: 'code', redirect_uri: p.redirectUri, state: p.state,
        scope: SPOTIFY_SCOPES.join(' '), code_challenge_method: 'S256', code_challenge: p.codeChallenge,
        ...(p.showDialog ? { show_dialog: 'true' } : {}),
      });
      return `${config.accountsBase}/authorize?${query.toString()}`;
    },
    // A confidential client: Basic auth *and* the PKCE verifier, so a stolen code is useless alone.
    exchangeCode: (p) => token({ grant_type: 'authorization_code', code: p.code, redirect_uri: p.redirectUri, code_verifier: p.codeVerifier }),
    refresh: (refreshToken) => refreshes.run(refreshToken, () => token({ grant_type: 'refresh_token', refresh_token: refreshToken }, refreshToken)),
    async me(accessToken) {
      const user = await http.json({ method: 'GET', url: `${config.apiBase}/me`, headers: { authorization: `Bearer ${accessToken}` } }, SpotifyUser);
      return {
        providerUserId: user.account_id ?? user.id,
        displayName: user.display_name ?? undefined,
        metadata: { spotifyUserId: user.id, accountId: user.account_id ?? null, uri: user.uri ?? null, profileUrl: user.external_urls?.spotify ?? null, imageUrl: user.images?.[0]?.url ?? null },
      };
    },
  };
}

/** Spotify accepts HTTPS redirect URIs, or plain HTTP on a loopback IP literal; never `localhost`. */
export function assertRedirectUri(uri: string): void {
  const url = new URL(uri);
  const loopback = url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol === 'https:' && url.hostname !== 'localhost') return;
  if (url.protocol === 'http:' && loopback) return;
  throw new RangeError(`Spotify rejects the redirect URI ${url.origin}: use HTTPS, or http://127.0.0.1 for local use (not localhost)`);
}

/**
 * Several calls holding the same stale auth must not each spend the refresh token: with
 * rotation the second use would be `invalid_grant`. One exchange per refresh token, whose result
 * is reused until its access token expires.
 */
interface RefreshEntry { readonly pending: Promise<SpotifyTokens>; reusableUntil?: number }

function createRefreshCoalescer(now: () => Date) {
  const MAX_ENTRIES = 500;
  const REUSE_MARGIN_MS = 120_000;
  const entries = new Map<string, RefreshEntry>();
  return {
    run(refreshToken: string, exchange: () => Promise<SpotifyTokens>): Promise<SpotifyTokens> {
      const cached = entries.get(refreshToken);
      if (cached && (cached.reusableUntil === undefined || cached.reusableUntil > now().getTime())) return cached.pending;
      entries.delete(refreshToken);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      const pending = exchange().then((tokens) => {
        entry.reusableUntil = tokens.expiresAt.getTime() - REUSE_MARGIN_MS;
        return tokens;
      }, (error: unknown) => {
        if (entries.get(refreshToken) === entry) entries.delete(refreshToken);
        throw error instanceof ProviderError ? error : new ProviderError('spotify', 'unavailable', 'token refresh failed', { cause: error });
      });
      const entry: RefreshEntry = { pending };
      entries.set(refreshToken, entry);
      return entry.pending;
    },
  };
}
