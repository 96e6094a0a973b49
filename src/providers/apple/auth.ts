import { createDeveloperTokenCache, type AppleKeyConfig, type DeveloperTokenCache } from './developer-token.js';

export interface AppleAuth {
  /**
   * A developer token for the MusicKit JS page. Pass the page's origin to lock the token to it;
   * server-side calls use a separate token without `origin` (they send no Origin header).
   */
  developerToken(options?: { origin?: readonly string[] }): Promise<string>;
  /** The user's storefront; also proves the Music User Token works (403 → `relink_required`). */
  storefront(musicUserToken: string): Promise<string>;
}

export interface AppleAuthDeps {
  readonly key: AppleKeyConfig;
  readonly serverToken: DeveloperTokenCache;
  readonly storefront: (musicUserToken: string) => Promise<string>;
  readonly now: () => Date;
}

export function createAppleAuth(deps: AppleAuthDeps): AppleAuth {
  const browserTokens = new Map<string, DeveloperTokenCache>();
  return {
    developerToken(options = {}) {
      if (!options.origin?.length) return deps.serverToken.get();
      const key = [...options.origin].sort().join(' ');
      let cache = browserTokens.get(key);
      if (!cache) {
        cache = createDeveloperTokenCache({ ...deps.key, now: deps.now, origin: options.origin });
        browserTokens.set(key, cache);
      }
      return cache.get();
    },
    storefront: deps.storefront,
  };
}
