import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { MusicProvider, ProviderId } from './providers/types.js';

/** Placeholder until the provider layer lands: no provider enabled. */
export function createAppProviders(_config: Config, _log: Logger): ReadonlyMap<ProviderId, MusicProvider> {
  return new Map();
}
