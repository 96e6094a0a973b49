import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { createProviders, type Providers } from './providers/index.js';
import type { MusicProvider, ProviderId } from './providers/types.js';
import type { LinkClients } from './web/link/link-clients.js';

/**
 * One provider layer per configuration (undici transport, real timers), shared by the
 * `MusicProvider`s in the context and the web role's link clients, so they share HTTP pools and
 * the Apple developer-token cache.
 */
const built = new WeakMap<Config, Providers>();

function providersFor(config: Config, log: Logger): Providers {
  let providers = built.get(config);
  if (!providers) {
    providers = createProviders({ spotify: config.spotify, apple: config.apple }, { log });
    built.set(config, providers);
  }
  return providers;
}

/** The enabled providers (those with credentials in the config). */
export function createAppProviders(config: Config, log: Logger): ReadonlyMap<ProviderId, MusicProvider> {
  return providersFor(config, log).providers;
}

/** Spotify's OAuth client and Apple's developer tokens, for the web role's link routes. */
export function createLinkClients(config: Config, log: Logger): LinkClients {
  const providers = providersFor(config, log);
  return { spotify: providers.spotifyAuth, apple: providers.appleAuth };
}
