import type { ProviderTrack as CoreTrack, ProviderId, TimeRange } from '../core/types.js';

/**
 * The provider layer's own vocabulary. Providers return these shapes, never raw API objects.
 * The platform ids, time ranges and the track shape come from the pure core (providers may
 * import core types, never the other way round).
 */
export { PROVIDER_IDS, TIME_RANGES, type ProviderId, type TimeRange } from '../core/types.js';

/** One recording as a provider knows it: the core's track plus what only providers carry. */
export interface ProviderTrack extends CoreTrack {
  readonly url?: string;
  readonly explicit?: boolean;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/**
 * A user's credentials for one provider. Spotify: OAuth access + refresh token.
 * Apple Music: `accessToken` is the Music User Token (there is no refresh token).
 */
export interface UserAuth {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly expiresAt?: Date;
}

/** Called whenever a provider obtained new tokens (Spotify refresh), so the caller persists them. */
export interface TokenHooks {
  readonly onTokens?: (next: UserAuth) => void | Promise<void>;
}

/** Who a linked account is. `providerUserId` is the stable key to link on. */
export interface ProviderAccount {
  readonly providerUserId: string;
  readonly displayName?: string;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * What catalog calls run as. Spotify searches need a user token (`auth`, any linked member's);
 * Apple Music catalog calls need the storefront of the user the result is for (`storefront`).
 */
export interface CatalogScope extends TokenHooks {
  readonly auth?: UserAuth;
  readonly storefront?: string;
}

export interface TrackQuery {
  readonly title: string;
  readonly artist: string;
}

export interface NewPlaylist {
  readonly name: string;
  readonly description: string;
  /** Tracks to put in at creation. Apple Music creates the playlist with them in one request. */
  readonly trackIds?: readonly string[];
  /** Spotify only (default true, so other members can open it); Apple's flag is unverified. */
  readonly isPublic?: boolean;
}

export interface PlaylistRef {
  readonly id: string;
  /** Spotify: public link. Apple: a library link that only the owner can open. */
  readonly url: string;
}

/**
 * A streaming service as blend-bot needs it.
 *
 * - Tracks come back ranked: index 0 is rank 1.
 * - Errors are always `ProviderError` (see errors.ts), whose `kind` says what the caller should do.
 * - Calls with `auth` refresh an expired Spotify token at most once and report the new tokens
 *   through `hooks.onTokens`; callers must persist them and use them next time.
 */
export interface MusicProvider {
  readonly id: ProviderId;
  /**
   * `replace`: `replaceItems` overwrites the playlist. `append-only` (Apple Music): the public API
   * cannot remove or reorder tracks, so `replaceItems` only appends; re-running a blend there
   * means creating a new playlist.
   */
  readonly playlistWrites: 'replace' | 'append-only';
  topTracks(auth: UserAuth, range: TimeRange, limit: number, hooks?: TokenHooks): Promise<ProviderTrack[]>;
  /** Spotify only: exchanges the refresh token; `relink_required` when it is expired or revoked. */
  refresh?(auth: UserAuth): Promise<UserAuth>;
  /** Keys of the result are upper-case ISRCs; ISRCs with no match are absent. Batches inside. */
  findByIsrc(isrcs: readonly string[], scope: CatalogScope): Promise<ReadonlyMap<string, ProviderTrack>>;
  /** Best matches first (at most 10). */
  search(query: TrackQuery, scope: CatalogScope): Promise<ProviderTrack[]>;
  createPlaylist(auth: UserAuth, playlist: NewPlaylist, hooks?: TokenHooks): Promise<PlaylistRef>;
  /** Spotify: replaces the contents. Apple Music: appends (see `playlistWrites`). */
  replaceItems(auth: UserAuth, playlistId: string, trackIds: readonly string[], hooks?: TokenHooks): Promise<void>;
}
