import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { createProviders } from './providers/index.js';
import type { MusicProvider, ProviderId } from './providers/types.js';
import type { LinkClients } from './web/link/link-clients.js';

export interface AppProviders {
  /** The enabled providers (those with credentials in the config). */
  readonly providers: ReadonlyMap<ProviderId, MusicProvider>;
  /** Spotify's OAuth client and Apple's developer tokens, for the web role's link routes. */
  readonly linkClients: LinkClients;
}

/**
 * One provider layer (undici transport, real timers) for the whole process: the `MusicProvider`s
 * and the link clients are built together, so they share HTTP pools and the Apple
 * developer-token cache. Called once, by createAppContext.
 */
export function createAppProviders(config: Config, log: Logger): AppProviders {
  const built = createProviders({ spotify: config.spotify, apple: config.apple }, { log });
  return { providers: built.providers, linkClients: { spotify: built.spotifyAuth, apple: built.appleAuth } };
}
