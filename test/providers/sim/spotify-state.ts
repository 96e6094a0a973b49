import { randomBytes } from 'node:crypto';
import type { SimUser } from './users.js';

export const ALL_SPOTIFY_SCOPES = ['user-top-read', 'playlist-modify-public', 'playlist-modify-private', 'ugc-image-upload'];
/** Spotify, 2026: refresh tokens die six months after the user authorised; refreshing does not extend that. */
export const REFRESH_TOKEN_LIFETIME_MS = 183 * 24 * 60 * 60 * 1000;

export interface SpotifySimSettings {
  readonly apiBase: string;
  readonly accountsBase: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenLifetimeMs: number;
  /** PKCE-style rotation: a refresh returns a new refresh token and kills the old one. */
  readonly rotateRefreshTokens: boolean;
  readonly now: () => Date;
}

export interface PendingCode { readonly userKey: string; readonly clientId: string; readonly redirectUri: string; readonly challenge?: string; readonly scope: string; readonly expiresAt: number }
export interface AccessGrant { readonly userKey: string; readonly scope: readonly string[]; expiresAt: number }
export interface RefreshGrant { readonly userKey: string; readonly scope: readonly string[]; readonly authorizedAt: number; revoked: boolean }

export interface SimSpotifyPlaylist {
  readonly id: string;
  readonly ownerKey: string;
  readonly ownerId: string;
  name: string;
  description: string;
  public: boolean;
  collaborative: boolean;
  /** Bare Spotify track ids, in order. */
  trackIds: string[];
  snapshot: number;
}

export type LoginChoice = { readonly userKey: string } | { readonly deny: true };

export interface SpotifySimState {
  readonly settings: SpotifySimSettings;
  readonly users: readonly SimUser[];
  readonly allowlisted: Map<string, boolean>;
  readonly codes: Map<string, PendingCode>;
  readonly accessTokens: Map<string, AccessGrant>;
  readonly refreshTokens: Map<string, RefreshGrant>;
  readonly playlists: Map<string, SimSpotifyPlaylist>;
  readonly loginQueue: LoginChoice[];
}

export const token = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

/** Issues an access + refresh token pair as the accounts service would after consent. */
export function issueTokens(state: SpotifySimState, userKey: string, scope: readonly string[], authorizedAt = state.settings.now().getTime()) {
  const accessToken = token('BQ');
  const refreshToken = token('AQ');
  const expiresAt = state.settings.now().getTime() + state.settings.accessTokenTtlSeconds * 1000;
  state.accessTokens.set(accessToken, { userKey, scope, expiresAt });
  state.refreshTokens.set(refreshToken, { userKey, scope, authorizedAt, revoked: false });
  return { accessToken, refreshToken, expiresAt: new Date(expiresAt) };
}
